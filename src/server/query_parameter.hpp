#pragma once
// A query parameter declared once, with its name, type, range and description: QueryReader validates a
// request against the declaration and /openapi.json is generated from it, so the two cannot disagree.

#include <cstddef>
#include <span>
#include <string_view>

namespace hci::server {

/// What a query parameter's value is.
enum class ParameterType {
  text,        // trimmed, non-empty, at most max_length characters
  identifier,  // text of lower-case letters, digits and '_' only (a metric's name)
  integer,     // within [minimum, maximum]
  number,      // finite, within [minimum, maximum]
  boolean,     // true/false, 1/0, yes/no
  choice,      // one of `choices`
  list,        // comma-separated, at most max_items non-empty items
};

/// One query parameter of a route. Declared as a constant next to the handler that reads it, e.g.
/// `constexpr QueryParameter kK{.name = "k", .type = ParameterType::integer, .description = "how many
/// (default 5)", .minimum = 1, .maximum = 100};`.
struct QueryParameter {
  std::string_view name = {};
  ParameterType type = ParameterType::text;
  std::string_view description = {};               // for people; says the default when there is one
  double minimum = 0;                              // integer and number
  double maximum = 0;                              // integer and number
  std::size_t max_length = 200;                    // text
  std::size_t max_items = 0;                       // list
  std::span<const std::string_view> choices = {};  // choice
  bool required = false;                           // absent is an error ("is required: <description>")
};

}  // namespace hci::server
