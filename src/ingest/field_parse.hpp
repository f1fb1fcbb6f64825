#pragma once
// Conversions from raw CSV text to typed values; nullopt means "not a valid value", never "missing".

#include <cstdint>
#include <optional>
#include <string_view>

namespace hci::ingest {

/// True for the source's "no value" markers: an empty cell or CMS's "Not Available".
bool is_missing(std::string_view raw);

/// A whole decimal integer (surrounding spaces allowed), or nullopt.
std::optional<std::int64_t> to_int(std::string_view raw);

/// A finite decimal number (surrounding spaces allowed), or nullopt.
std::optional<double> to_double(std::string_view raw);

}  // namespace hci::ingest
