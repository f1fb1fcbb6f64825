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

  /// A text value, trimmed; errors when longer than `max_length` characters.
  std::optional<std::string> text(std::string_view name, std::size_t max_length = 200);
  /// An integer within [min, max].
  std::optional<std::int64_t> integer(std::string_view name, std::int64_t min, std::int64_t max);
  /// A finite number within [min, max].
  std::optional<double> number(std::string_view name, double min, double max);
  /// true/false (also 1/0, yes/no).
  std::optional<bool> boolean(std::string_view name);
  /// One of `allowed`, compared case-sensitively.
  std::optional<std::string> choice(std::string_view name, std::span<const std::string_view> allowed);
  /// A comma-separated list of at most `max_items` non-empty items.
  std::optional<std::vector<std::string>> list(std::string_view name, std::size_t max_items);
  /// Records a problem found by the caller's own check (for values that depend on each other).
  void fail(std::string_view name, std::string_view value, std::string problem);
  /// The decoded value of a parameter without validation, or nullopt.
  std::optional<std::string> raw(std::string_view name);
  /// Throws RequestError(400) when anything was wrong or unknown.
  void finish();

 private:
  struct Parameter {
    std::string name;
    std::string value;
    bool consumed = false;
  };
  Parameter* find(std::string_view name);

  std::vector<Parameter> parameters_;
  std::vector<FieldError> errors_;
};

}  // namespace hci::server
