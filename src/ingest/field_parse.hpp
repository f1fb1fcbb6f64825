#pragma once
// Conversions from raw CSV text to typed values; nullopt means "not a valid value", never "missing".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hci::ingest {

/// True for the source's "no value" markers: an empty cell or CMS's "Not Available".
bool is_missing(std::string_view raw);

/// A whole decimal integer (surrounding spaces allowed), or nullopt.
std::optional<std::int64_t> to_int(std::string_view raw);

/// A finite decimal number (surrounding spaces allowed), or nullopt.
std::optional<double> to_double(std::string_view raw);

/// A number as CMS prints amounts and counts: thousands separators and a leading "$" allowed
/// ("$50,914,956", "4,059"), or nullopt.
std::optional<double> to_amount(std::string_view raw);

/// CMS's word for a value it does not give ("Not Available", "Not Applicable", "Too Few to Report",
/// "N/A"), or an empty view when `raw` is not one of them.
std::string_view cms_missing_word(std::string_view raw);

/// "MM/DD/YYYY" as an ISO date "YYYY-MM-DD", or nullopt when it is not a valid date of that form.
std::optional<std::string> us_date_to_iso(std::string_view raw);

}  // namespace hci::ingest
