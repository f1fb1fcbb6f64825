#pragma once
// Small ASCII text helpers used when normalising source values.

#include <string>
#include <string_view>

namespace hci {

/// The view without leading and trailing spaces, tabs, CR and LF.
std::string_view trim(std::string_view text);

/// An ASCII-uppercased copy (non-ASCII bytes are left as they are).
std::string to_upper_ascii(std::string_view text);

/// Left-pads a string of digits with zeros to `width` characters (longer input is returned as is).
std::string zero_pad(std::string_view digits, size_t width);

/// True when every character is an ASCII digit and the text is not empty.
bool is_all_digits(std::string_view text);

/// A key for fuzzy matching of names: uppercase, punctuation dropped, runs of spaces collapsed.
std::string normalize_name_key(std::string_view name);

}  // namespace hci
