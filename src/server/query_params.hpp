#pragma once
// The query string, decoded and validated into typed values at the boundary.

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "server/problem.hpp"
#include "server/query_parameter.hpp"

namespace hci::server {

/// Percent-decodes a URL component ('+' as space when `plus_is_space`); nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

/// Reads typed parameters from a query string, collecting every problem before failing.
/// Call the readers for each parameter a route accepts, then finish(): it throws a RequestError (400)
/// naming each bad value, each repeated parameter and each parameter the route does not know.
class QueryReader {
 public:
  /// Splits and decodes `query`; malformed escapes and invalid UTF-8 are recorded as errors.
  explicit QueryReader(std::string_view query);

  /// A text value, trimmed, non-empty and at most max_length characters.
  std::optional<std::string> text(const QueryParameter& parameter);
  /// An integer within the parameter's range.
  std::optional<std::int64_t> integer(const QueryParameter& parameter);
  /// A finite number within the parameter's range.
  std::optional<double> number(const QueryParameter& parameter);
  /// true/false (also 1/0, yes/no).
  std::optional<bool> boolean(const QueryParameter& parameter);
  /// One of the parameter's choices, compared case-sensitively.
  std::optional<std::string> choice(const QueryParameter& parameter);
  /// A comma-separated list of at most max_items non-empty items.
  std::optional<std::vector<std::string>> list(const QueryParameter& parameter);
  /// The decoded value, only checked against max_length, for values the caller parses itself (a point, a cursor).
  std::optional<std::string> raw(const QueryParameter& parameter);
  /// Records a problem found by the caller's own check (for values that depend on each other).
  void fail(std::string_view name, std::string_view value, std::string problem);
  /// Throws RequestError(400) when anything was wrong or unknown.
  void finish();

 private:
  struct Parameter {
    std::string name;
    std::string value;
    bool consumed = false;
  };
  // The parameter's entry, marked as consumed; nullptr when absent (an error when it is required).
  Parameter* find(const QueryParameter& parameter);

  std::vector<Parameter> parameters_;
  std::vector<FieldError> errors_;
};

}  // namespace hci::server
