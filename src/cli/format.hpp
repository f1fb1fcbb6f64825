#pragma once
// Number formatting for CLI output.

#include <cstdint>
#include <string>

namespace hci::cli {

/// 5421 -> "5,421".
std::string with_commas(std::int64_t value);

/// 53.0123 -> "53.0%".
std::string percent_text(double percent);

/// The first 12 characters of a dataset version, as shown in tables.
std::string short_version(const std::string& version);

}  // namespace hci::cli
