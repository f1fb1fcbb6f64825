#pragma once
// Data-quality findings and quarantined rows, as recorded with each dataset version.

#include <cstdint>
#include <string>
#include <string_view>

namespace hci {

/// How bad a finding is. Errors quarantine a row (or fail a --strict run); warnings and info do not.
enum class Severity { info, warning, error };

/// The lowercase name of a severity.
std::string_view severity_name(Severity severity);

/// One kind of problem in one column of one source, counted over all rows, with the first example.
struct QualityFinding {
  std::string source;
  std::string rule;  // completeness, type, range, reference, uniqueness, geocode, link, shape
  std::string column;
  Severity severity = Severity::warning;
  std::int64_t count = 0;
  std::string example;  // "line 12: got 'abc'"
};

/// A source row that broke a hard rule, kept with its reason instead of being loaded.
struct QuarantinedRow {
  std::string source;
  std::int64_t line = 0;
  std::string reason;
  std::string raw;  // the row re-encoded as CSV
};

}  // namespace hci
