#include "server/xlsx_workbook.hpp"

#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/error.hpp"

namespace hci::server {

namespace {

// A private temporary directory, removed with everything in it: libxlsxwriter 1.1 writes only to files.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "hci-xlsx-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw Error(ErrorCode::internal, "cannot create a temporary directory");
    path_ = pattern;
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

void require_written(lxw_error status, const char* what) {
  if (status != LXW_NO_ERROR) throw Error(ErrorCode::internal, std::string(what) + ": " + lxw_strerror(status));
}

lxw_error write_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const nlohmann::ordered_json& value) {
  if (value.is_null()) return LXW_NO_ERROR;
  if (value.is_boolean()) return worksheet_write_boolean(sheet, row, column, value.get<bool>(), nullptr);
  if (value.is_number()) return worksheet_write_number(sheet, row, column, value.get<double>(), nullptr);
  const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  return worksheet_write_string(sheet, row, column, text.c_str(), nullptr);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

std::optional<std::string> sheet_overflow(std::size_t data_rows, std::size_t columns) {
  if (data_rows + 1 > kXlsxMaxRows) {
    return std::to_string(data_rows) +
           " rows and a header exceed Excel's sheet of 1,048,576 rows: narrow the "
           "filters, or export csv";
  }
  if (columns > kXlsxMaxColumns) {
    return std::to_string(columns) + " columns exceed Excel's 16,384: choose fewer measures, or export csv";
  }
  return std::nullopt;
}

std::string xlsx_workbook(const std::string& sheet_name, const std::vector<std::string>& columns, std::size_t rows,
                          const SheetRow& row) {
  const ScratchDirectory scratch;
  const std::string file = (scratch.path() / "export.xlsx").string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows go to disk as they are written
  std::string tmpdir = scratch.path().string();
  options.tmpdir = tmpdir.data();
  lxw_workbook* workbook = workbook_new_opt(file.c_str(), &options);
  if (workbook == nullptr) throw Error(ErrorCode::internal, "libxlsxwriter could not create a workbook");
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name.c_str());
  lxw_format* header = workbook_add_format(workbook);
  format_set_bold(header);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), columns[c].c_str(), header);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  if (!columns.empty()) {
    worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(rows), static_cast<lxw_col_t>(columns.size() - 1));
  }
  lxw_error written = LXW_NO_ERROR;  // the first failure; the workbook is closed (and freed) either way
  for (std::size_t r = 0; r < rows && written == LXW_NO_ERROR; ++r) {
    const auto cells = row(r);
    for (std::size_t c = 0; c < cells.size() && written == LXW_NO_ERROR; ++c) {
      written = write_cell(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), cells[c]);
    }
  }
  const lxw_error closed = workbook_close(workbook);
  require_written(written, "writing a cell");
  require_written(closed, "writing the workbook");
  return read_file(file);
}

}  // namespace hci::server
