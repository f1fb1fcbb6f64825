#include "ingest/field_parse.hpp"

#include <array>
#include <cctype>
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

namespace {

// True when `digits` is 1 to 3 digits followed by groups of ",ddd" (the whole part of "4,059").
bool is_grouped_whole_number(std::string_view digits) {
  const size_t first_group = digits.find(',');
  if (first_group == 0 || first_group > 3) return false;
  for (size_t i = 0; i < digits.size(); ++i) {
    const bool separator_place = i >= first_group && (i - first_group) % 4 == 0;
    if (separator_place != (digits[i] == ',')) return false;
    if (!separator_place && !std::isdigit(static_cast<unsigned char>(digits[i]))) return false;
  }
  return (digits.size() - first_group) % 4 == 0;
}

}  // namespace

std::optional<double> to_amount(std::string_view raw) {
  raw = trim(raw);
  if (!raw.empty() && raw.front() == '$') raw.remove_prefix(1);
  if (raw.find(',') == std::string_view::npos) return to_double(raw);
  const std::string_view whole = raw.substr(0, raw.find('.'));
  if (!is_grouped_whole_number(whole)) return std::nullopt;
  std::string plain;
  plain.reserve(raw.size());
  for (char c : raw) {
    if (c != ',') plain.push_back(c);
  }
  return to_double(plain);
}

std::string_view cms_missing_word(std::string_view raw) {
  static constexpr std::array<std::string_view, 4> kWords{"Not Available", "Not Applicable", "Too Few to Report",
                                                          "N/A"};
  raw = trim(raw);
  for (std::string_view word : kWords) {
    if (raw == word) return word;
  }
  return {};
}

std::optional<std::string> us_date_to_iso(std::string_view raw) {
  raw = trim(raw);
  if (raw.size() != 10 || raw[2] != '/' || raw[5] != '/') return std::nullopt;
  auto month = to_int(raw.substr(0, 2)), day = to_int(raw.substr(3, 2)), year = to_int(raw.substr(6, 4));
  if (!month || !day || !year || *month < 1 || *month > 12 || *day < 1 || *day > 31 || *year < 1900) {
    return std::nullopt;
  }
  return std::string(raw.substr(6, 4)) + "-" + std::string(raw.substr(0, 2)) + "-" + std::string(raw.substr(3, 2));
}

}  // namespace hci::ingest
