#include "server/query_params.hpp"

#include <charconv>
#include <cmath>
#include <unordered_set>

#include "core/text.hpp"

namespace hci::server {

namespace {

// A metric's name: lower-case letters, digits and '_'.
bool is_identifier(std::string_view text) {
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// True when `text` is valid UTF-8 without control characters other than tab.
bool is_clean_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte < 0x20 && byte != '\t') return false;
      if (byte == 0x7f) return false;
      ++i;
      continue;
    }
    const int length = (byte & 0xE0) == 0xC0 ? 2 : (byte & 0xF0) == 0xE0 ? 3 : (byte & 0xF8) == 0xF0 ? 4 : 0;
    if (length == 0 || byte == 0xC0 || byte == 0xC1 || byte > 0xF4 || i + length > text.size()) return false;
    for (int k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += static_cast<size_t>(length);
  }
  return true;
}

// The value as echoed back in an error: at most 80 bytes, so a huge parameter gives a small response.
std::string shown(std::string_view value) {
  return value.size() > 80 ? std::string(value.substr(0, 80)) + "..." : std::string(value);
}

std::string format_number(double value) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else {
      out.push_back(plus_is_space && c == '+' ? ' ' : c);
    }
  }
  return out;
}

QueryReader::QueryReader(std::string_view query) {
  std::unordered_set<std::string> seen;
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    auto name = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
    if (!name || !value) {
      errors_.push_back({shown(pair), "", "malformed percent-encoding"});
      continue;
    }
    if (!is_clean_utf8(*name) || !is_clean_utf8(*value)) {
      errors_.push_back({is_clean_utf8(*name) ? *name : "(invalid)", "", "not valid UTF-8 text"});
      continue;
    }
    if (!seen.insert(*name).second) {
      errors_.push_back({*name, shown(*value), "given more than once"});
      continue;
    }
    parameters_.push_back({std::move(*name), std::move(*value), false});
  }
}

QueryReader::Parameter* QueryReader::find(const QueryParameter& wanted) {
  for (auto& parameter : parameters_) {
    if (parameter.name == wanted.name) {
      parameter.consumed = true;
      return &parameter;
    }
  }
  if (wanted.required) fail(wanted.name, "", "is required: " + std::string(wanted.description));
  return nullptr;
}

std::optional<std::string> QueryReader::raw(const QueryParameter& wanted) {
  const Parameter* parameter = find(wanted);
  if (parameter == nullptr) return std::nullopt;
  if (parameter->value.size() > wanted.max_length) {
    fail(wanted.name, parameter->value, "longer than " + std::to_string(wanted.max_length) + " characters");
    return std::nullopt;
  }
  return parameter->value;
}

std::optional<std::string> QueryReader::text(const QueryParameter& wanted) {
  const Parameter* parameter = find(wanted);
  if (parameter == nullptr) return std::nullopt;
  std::string value(trim(parameter->value));
  if (value.empty()) {
    fail(wanted.name, parameter->value, "must not be empty");
    return std::nullopt;
  }
  if (value.size() > wanted.max_length) {
    fail(wanted.name, parameter->value, "longer than " + std::to_string(wanted.max_length) + " characters");
    return std::nullopt;
  }
  if (wanted.type == ParameterType::identifier && !is_identifier(value)) {
    fail(wanted.name, parameter->value, "is not a name: use lower-case letters, digits and _");
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> QueryReader::integer(const QueryParameter& wanted) {
  const Parameter* parameter = find(wanted);
  if (parameter == nullptr) return std::nullopt;
  const std::string& value = parameter->value;
  const auto min = static_cast<std::int64_t>(wanted.minimum);
  const auto max = static_cast<std::int64_t>(wanted.maximum);
  std::int64_t number = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size()) {
    fail(wanted.name, value, "must be an integer");
    return std::nullopt;
  }
  if (number < min || number > max) {
    fail(wanted.name, value, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return number;
}

std::optional<double> QueryReader::number(const QueryParameter& wanted) {
  const Parameter* parameter = find(wanted);
  if (parameter == nullptr) return std::nullopt;
  const std::string& value = parameter->value;
  double number = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size() || !std::isfinite(number)) {
    fail(wanted.name, value, "must be a number");
    return std::nullopt;
  }
  if (number < wanted.minimum || number > wanted.maximum) {
    fail(wanted.name, value,
         "must be between " + format_number(wanted.minimum) + " and " + format_number(wanted.maximum));
    return std::nullopt;
  }
  return number;
}

std::optional<bool> QueryReader::boolean(const QueryParameter& wanted) {
  const Parameter* parameter = find(wanted);
  if (parameter == nullptr) return std::nullopt;
  const std::string& value = parameter->value;
  if (value == "true" || value == "1" || value == "yes") return true;
  if (value == "false" || value == "0" || value == "no") return false;
  fail(wanted.name, value, "must be true or false");
  return std::nullopt;
}

std::optional<std::string> QueryReader::choice(const QueryParameter& wanted) {
  const Parameter* parameter = find(wanted);
  if (parameter == nullptr) return std::nullopt;
  for (std::string_view option : wanted.choices) {
    if (option == parameter->value) return parameter->value;
  }
  std::string options;
  for (std::string_view option : wanted.choices) options += (options.empty() ? "" : ", ") + std::string(option);
  fail(wanted.name, parameter->value, "must be one of: " + options);
  return std::nullopt;
}

std::optional<std::vector<std::string>> QueryReader::list(const QueryParameter& wanted) {
  const Parameter* parameter = find(wanted);
  if (parameter == nullptr) return std::nullopt;
  std::vector<std::string> items;
  std::string_view rest = parameter->value;
  while (true) {
    const size_t comma = rest.find(',');
    std::string item(trim(rest.substr(0, comma)));
    if (item.empty()) {
      fail(wanted.name, parameter->value, "has an empty item");
      return std::nullopt;
    }
    items.push_back(std::move(item));
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  if (items.size() > wanted.max_items) {
    fail(wanted.name, parameter->value, "has more than " + std::to_string(wanted.max_items) + " items");
    return std::nullopt;
  }
  return items;
}

void QueryReader::fail(std::string_view name, std::string_view value, std::string problem) {
  errors_.push_back({std::string(name), shown(value), std::move(problem)});
}

void QueryReader::finish() {
  for (const auto& parameter : parameters_) {
    if (!parameter.consumed) errors_.push_back({parameter.name, shown(parameter.value), "unknown parameter"});
  }
  if (errors_.empty()) return;
  std::string detail = errors_.size() == 1 ? "1 query parameter is invalid"
                                           : std::to_string(errors_.size()) + " query parameters are invalid";
  throw RequestError(400, ErrorCode::invalid_input, detail, errors_);
}

}  // namespace hci::server
