#include "ingest/quality_report.hpp"

#include <algorithm>
#include <cstdio>

namespace hci::ingest {

QualityFinding* QualityReport::find_finding(std::string_view source, std::string_view rule, std::string_view column,
                                            Severity severity) {
  auto it = finding_index_.find(std::make_tuple(source, rule, column, severity));
  return it == finding_index_.end() ? nullptr : &findings_[it->second];
}

void QualityReport::add_finding(QualityFinding finding) {
  finding_index_.emplace(std::make_tuple(finding.source, finding.rule, finding.column, finding.severity),
                         findings_.size());
  findings_.push_back(std::move(finding));
}

void QualityReport::quarantine(QuarantinedRow row, const std::string& rule, const std::string& column) {
  flag(row.source, rule, column, Severity::error, "line " + std::to_string(row.line) + ": " + row.reason);
  quarantined_.push_back(std::move(row));
}

void QualityReport::track_columns(const std::string& source, const std::vector<std::string>& columns) {
  auto& counts = completeness_[source];
  counts.clear();
  for (const auto& column : columns) counts.push_back(ColumnCompleteness{column, 0, 0});
}

bool QualityReport::has_errors() const { return error_count() > 0; }

std::int64_t QualityReport::error_count() const {
  std::int64_t errors = 0;
  for (const auto& finding : findings_) {
    if (finding.severity == Severity::error) errors += finding.count;
  }
  return errors;
}

nlohmann::json QualityReport::to_json() const {
  nlohmann::json report;
  report["sources"] = nlohmann::json::array();
  for (const auto& s : sources_) {
    report["sources"].push_back(
        {{"name", s.name}, {"path", s.path}, {"sha256", s.sha256}, {"bytes", s.bytes}, {"rows", s.rows}});
  }
  report["metrics"] = metrics_;
  report["completeness"] = nlohmann::json::object();
  for (const auto& [source, columns] : completeness_) {
    auto& out = report["completeness"][source];
    for (const auto& c : columns) {
      double pct = c.rows == 0 ? 0.0 : 100.0 * static_cast<double>(c.present) / static_cast<double>(c.rows);
      out.push_back({{"column", c.column}, {"present", c.present}, {"rows", c.rows}, {"pct", pct}});
    }
  }
  report["findings"] = nlohmann::json::array();
  for (const auto& f : findings_) {
    report["findings"].push_back({{"source", f.source},
                                  {"rule", f.rule},
                                  {"column", f.column},
                                  {"severity", severity_name(f.severity)},
                                  {"count", f.count},
                                  {"example", f.example}});
  }
  report["quarantined_rows"] = quarantined_.size();
  report["error_count"] = error_count();
  return report;
}

namespace {

std::string pad(std::string text, size_t width) {
  if (text.size() > width) text = text.substr(0, width - 1) + "~";
  text.resize(width, ' ');
  return text;
}

}  // namespace

std::string format_quality_table(const nlohmann::json& report) {
  std::string out = "Sources\n";
  for (const auto& s : report.at("sources")) {
    out += "  " + pad(s.at("path").get<std::string>(), 46) + pad(std::to_string(s.at("rows").get<long long>()), 9) +
           " rows  sha256 " + s.at("sha256").get<std::string>().substr(0, 12) + "\n";
  }
  out += "Metrics\n";
  for (const auto& [name, value] : report.at("metrics").items()) {
    char number[32];
    std::snprintf(number, sizeof number, "%.2f", value.get<double>());
    out += "  " + pad(name, 46) + number + "\n";
  }
  out += "Findings (severity  source  rule  column  count  first example)\n";
  if (report.at("findings").empty()) out += "  none\n";
  for (const auto& f : report.at("findings")) {
    out += "  " + pad(f.at("severity").get<std::string>(), 8) + pad(f.at("source").get<std::string>(), 20) +
           pad(f.at("rule").get<std::string>(), 13) + pad(f.at("column").get<std::string>(), 28) +
           pad(std::to_string(f.at("count").get<long long>()), 8) + f.at("example").get<std::string>() + "\n";
  }
  out += "Quarantined rows: " + std::to_string(report.at("quarantined_rows").get<long long>()) + "\n";
  return out;
}

}  // namespace hci::ingest
