// The XLSX writer: Excel's sheet limits are refused with the reason, and a written workbook is a real
// .xlsx (a ZIP archive holding the sheet) whatever the cells hold.
#include "server/xlsx_workbook.hpp"

#include <gtest/gtest.h>

namespace hci::server {
namespace {

TEST(XlsxWorkbookTest, ASheetOfExcelsRowLimitFitsAndOneRowMoreIsRefusedWithTheReason) {
  EXPECT_FALSE(sheet_overflow(kXlsxMaxRows - 1, 20));  // the header takes the last row
  const auto overflow = sheet_overflow(kXlsxMaxRows, 20);
  ASSERT_TRUE(overflow);
  EXPECT_NE(overflow->find("1,048,576 rows"), std::string::npos) << *overflow;
  EXPECT_NE(overflow->find("export csv"), std::string::npos) << *overflow;
}

TEST(XlsxWorkbookTest, TooManyColumnsAreRefused) {
  EXPECT_FALSE(sheet_overflow(10, kXlsxMaxColumns));
  EXPECT_TRUE(sheet_overflow(10, kXlsxMaxColumns + 1));
}

TEST(XlsxWorkbookTest, TheWorkbookIsAZipArchiveWithEveryKindOfCell) {
  const std::vector<std::string> columns{"id", "beds", "emergency", "footnote"};
  const std::string bytes = xlsx_workbook("hospitals", columns, 3, [](std::size_t row) {
    return std::vector<nlohmann::ordered_json>{"01000" + std::to_string(row), 25.5, true, nullptr};
  });
  ASSERT_GT(bytes.size(), 1000u);
  EXPECT_EQ(bytes.substr(0, 2), "PK");  // ZIP local file header
  EXPECT_NE(bytes.find("xl/worksheets/sheet1.xml"), std::string::npos);
}

}  // namespace
}  // namespace hci::server
