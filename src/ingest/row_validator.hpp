#pragma once
// Typed, rule-checked access to the fields of the current CSV row, shared by every source parser.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/csv_reader.hpp"
#include "ingest/quality_report.hpp"

namespace hci::ingest {

/// A column a parser needs: its position in the header and its name (for messages).
struct Column {
  size_t index = 0;
  std::string name;
};

/// Resolves column names against a reader's header. Collect every require() first, then call
/// check(): it throws one invalid_input error naming every missing column.
class ColumnMap {
 public:
  explicit ColumnMap(const CsvReader& reader) : reader_(reader) {}
  /// The column called `name`; recorded as missing when the header lacks it.
  Column require(std::string_view name);
  /// Throws invalid_input listing the missing columns, if any.
  void check() const;

 private:
  const CsvReader& reader_;
  std::vector<std::string> missing_;
};

/// Reads the current row of a CsvReader into typed values while applying the quality rules:
/// a missing marker gives nullopt; a malformed or out-of-range value is a hard-rule failure that
/// quarantines the row at end_row(). Also counts per-column completeness for the report.
class RowValidator {
 public:
  RowValidator(CsvReader& reader, std::string source, QualityReport& report);

  /// Starts a row: checks its field count and counts completeness. False when the row is ragged
  /// (it is then already quarantined and must be skipped).
  bool begin_row();
  /// The trimmed raw text of a field.
  std::string_view text(const Column& column) const;
  /// The text of a field that must not be missing.
  std::string required_text(const Column& column);
  /// An integer in [min, max], nullopt when missing.
  std::optional<std::int64_t> integer(const Column& column, std::int64_t min, std::int64_t max);
  /// A number in [min, max], nullopt when missing.
  std::optional<double> number(const Column& column, double min, double max);
  /// A number in [min, max] that must be present.
  double required_number(const Column& column, double min, double max);
  /// A two-valued flag: `yes` gives true, `no` gives false; anything else is a type error.
  bool flag(const Column& column, std::string_view yes, std::string_view no);
  /// Records a hard-rule failure of this row.
  void reject(const Column& column, const std::string& rule, const std::string& message);
  /// Records a soft finding for this row; the row is still loaded.
  void warn(const Column& column, const std::string& rule, const std::string& message);
  /// True while no hard rule has failed on this row.
  bool ok() const { return failures_.empty(); }
  /// Ends the row: quarantines it when a hard rule failed. True when the row may be loaded.
  bool end_row();

  /// The source name used in findings.
  const std::string& source() const { return source_; }

 private:
  std::string location(const Column& column) const;

  CsvReader& reader_;
  std::string source_;
  QualityReport& report_;
  struct Failure {
    std::string rule;
    std::string column;
    std::string message;
  };
  std::vector<Failure> failures_;
};

}  // namespace hci::ingest
