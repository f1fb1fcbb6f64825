#include "core/text.hpp"

#include <algorithm>

namespace hci {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
bool is_alnum_ascii(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string to_upper_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), upper);
  return out;
}

std::string zero_pad(std::string_view digits, size_t width) {
  if (digits.size() >= width) return std::string(digits);
  return std::string(width - digits.size(), '0') + std::string(digits);
}

bool is_all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string normalize_name_key(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  bool pending_space = false;
  for (char c : name) {
    if (c == '\'') continue;  // "ST. MARY'S" and "ST MARYS" must meet
    if (is_alnum_ascii(c)) {
      if (pending_space && !key.empty()) key.push_back(' ');
      pending_space = false;
      key.push_back(upper(c));
    } else {
      pending_space = true;
    }
  }
  return key;
}

}  // namespace hci
