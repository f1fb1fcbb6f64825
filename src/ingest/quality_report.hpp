#pragma once
// Collects what ingest found: per-source files, completeness per column, findings, quarantined rows.

#include <concepts>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dataset.hpp"
#include "core/quality.hpp"

namespace hci::ingest {

/// Share of rows with a value, per column of one source.
struct ColumnCompleteness {
  std::string column;
  std::int64_t present = 0;
  std::int64_t rows = 0;
};

/// The quality report of one ingest run. Findings are aggregated by (source, rule, column, severity)
/// so a rule broken on a million rows is one line with its count and first example. Not thread-safe.
class QualityReport {
 public:
  /// Records a problem; the first call for a key keeps `example`.
  void flag(std::string_view source, std::string_view rule, std::string_view column, Severity severity,
            const std::string& example) {
    flag(source, rule, column, severity, [&example] { return example; });
  }
  /// Records a problem; `describe()` builds the example only on the key's first call, so a rule broken
  /// on every row of a large file costs a counter increment per row, not a message.
  template <typename Describe>
  requires std::invocable<Describe&>
  void flag(std::string_view source, std::string_view rule, std::string_view column, Severity severity,
            Describe&& describe) {
    if (QualityFinding* finding = find_finding(source, rule, column, severity)) {
      ++finding->count;
      return;
    }
    add_finding(QualityFinding{std::string(source), std::string(rule), std::string(column), severity, 1, describe()});
  }
  /// Records a row that broke a hard rule, and counts it as an error finding of that rule.
  void quarantine(QuarantinedRow row, const std::string& rule, const std::string& column);
  /// Starts completeness counting for a source with these columns.
  void track_columns(const std::string& source, const std::vector<std::string>& columns);
  /// The per-column counters of a source registered with track_columns, updated row by row.
  std::vector<ColumnCompleteness>& completeness(const std::string& source) { return completeness_[source]; }
  /// Records a source file that was read.
  void add_source(SourceFile source) { sources_.push_back(std::move(source)); }
  /// Records a headline measure, e.g. geocoded_pct.
  void set_metric(const std::string& name, double value) { metrics_[name] = value; }

  /// True when any error-severity finding exists (what --strict refuses).
  bool has_errors() const;
  /// The number of error-severity rows and findings.
  std::int64_t error_count() const;

  const std::vector<SourceFile>& sources() const { return sources_; }
  const std::vector<QualityFinding>& findings() const { return findings_; }
  const std::vector<QuarantinedRow>& quarantined() const { return quarantined_; }
  const std::map<std::string, double>& metrics() const { return metrics_; }

  /// The whole report as JSON (sources, metrics, completeness, findings, quarantined rows).
  nlohmann::json to_json() const;

 private:
  QualityFinding* find_finding(std::string_view source, std::string_view rule, std::string_view column,
                               Severity severity);
  void add_finding(QualityFinding finding);

  std::vector<SourceFile> sources_;
  std::vector<QualityFinding> findings_;
  using FindingKey = std::tuple<std::string, std::string, std::string, Severity>;
  using FindingKeyView = std::tuple<std::string_view, std::string_view, std::string_view, Severity>;
  // Orders finding keys held as strings and looked up as string_views alike, so a lookup copies nothing.
  struct FindingKeyLess {
    using is_transparent = void;
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return FindingKeyView(a) < FindingKeyView(b);
    }
  };
  // Position in findings_ by (source, rule, column, severity).
  std::map<FindingKey, size_t, FindingKeyLess> finding_index_;
  std::vector<QuarantinedRow> quarantined_;
  std::map<std::string, std::vector<ColumnCompleteness>> completeness_;
  std::map<std::string, double> metrics_;
};

/// Renders a report JSON (as stored) as the human-readable table the CLI prints.
std::string format_quality_table(const nlohmann::json& report);

}  // namespace hci::ingest
