#include "ingest/field_parse.hpp"

#include <charconv>
#include <cmath>

#include "core/text.hpp"

namespace hci::ingest {

bool is_missing(std::string_view raw) {
  raw = trim(raw);
  return raw.empty() || raw == "Not Available";
}

std::optional<std::int64_t> to_int(std::string_view raw) {
  raw = trim(raw);
  if (!raw.empty() && raw.front() == '+') raw.remove_prefix(1);
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  if (raw.empty() || error != std::errc() || end != raw.data() + raw.size()) return std::nullopt;
  return value;
}

std::optional<double> to_double(std::string_view raw) {
  raw = trim(raw);
  if (!raw.empty() && raw.front() == '+') raw.remove_prefix(1);
  double value = 0;
  auto [end, error] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  if (raw.empty() || error != std::errc() || end != raw.data() + raw.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace hci::ingest
