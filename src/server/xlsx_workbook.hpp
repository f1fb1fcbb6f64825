#pragma once
// An Excel workbook of one sheet written with libxlsxwriter: a bold, frozen header row with a filter, then
// typed cells (numbers as numbers, booleans as booleans, text as text so IDs and ZIPs keep their leading
// zeros, null as an empty cell). Returned as the bytes of the .xlsx file.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hci::server {

/// Excel's sheet size: 1,048,576 rows (the header is one) and 16,384 columns.
constexpr std::size_t kXlsxMaxRows = 1048576;
constexpr std::size_t kXlsxMaxColumns = 16384;

/// Why `data_rows` rows (plus a header) of `columns` columns do not fit one Excel sheet; nullopt when they do.
std::optional<std::string> sheet_overflow(std::size_t data_rows, std::size_t columns);

/// The cells of data row `row` (0-based), as many as there are columns.
using SheetRow = std::function<std::vector<nlohmann::ordered_json>(std::size_t row)>;

/// The .xlsx bytes of a sheet named `sheet` with `columns` as its header and `rows` data rows. Throws hci::Error
/// (internal) when libxlsxwriter fails; the sheet must fit (sheet_overflow).
std::string xlsx_workbook(const std::string& sheet, const std::vector<std::string>& columns, std::size_t rows,
                          const SheetRow& row);

}  // namespace hci::server
