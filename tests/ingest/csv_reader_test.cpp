#include "ingest/csv_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <iterator>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "support/temp_dir.hpp"

namespace hci::ingest {

namespace {

// Reads every data row of `content` as vectors of strings.
std::vector<std::vector<std::string>> read_all(const std::string& content) {
  testing::TempDir dir;
  CsvReader reader(dir.write("t.csv", content), "t.csv");
  std::vector<std::vector<std::string>> rows;
  while (reader.next_row()) {
    std::vector<std::string> row;
    for (size_t i = 0; i < reader.field_count(); ++i) row.emplace_back(reader.field(i));
    rows.push_back(row);
  }
  return rows;
}

// The message of the invalid_input error reading `content` raises.
std::string error_of(const std::string& content) {
  try {
    read_all(content);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_input);
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST(CsvReader, ReadsQuotedFieldsWithCommasQuotesAndNewlines) {
  auto rows = read_all("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"}));
}

TEST(CsvReader, AcceptsCrlfLineEndsAndAByteOrderMark) {
  testing::TempDir dir;
  CsvReader reader(dir.write("t.csv", "\xEF\xBB\xBFid,name\r\n1,a\r\n2,b\r\n"), "t.csv");
  EXPECT_EQ(reader.header()[0], "id");
  ASSERT_TRUE(reader.next_row());
  EXPECT_EQ(reader.field(1), "a");
  ASSERT_TRUE(reader.next_row());
  EXPECT_EQ(reader.field(1), "b");
  EXPECT_EQ(reader.line(), 3);
  EXPECT_FALSE(reader.next_row());
}

TEST(CsvReader, KeepsEmptyFieldsAndSkipsBlankLines) {
  auto rows = read_all("a,b,c\n,,\n\n1,,3\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"", "", ""}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "", "3"}));
}

TEST(CsvReader, ReportsPhysicalLineNumbersAcrossMultilineFields) {
  testing::TempDir dir;
  CsvReader reader(dir.write("t.csv", "a,b\n\"1\n2\",x\n3,y\n"), "t.csv");
  ASSERT_TRUE(reader.next_row());
  EXPECT_EQ(reader.line(), 2);
  ASSERT_TRUE(reader.next_row());
  EXPECT_EQ(reader.line(), 4);
}

TEST(CsvReader, UnclosedQuoteNamesFileLineAndColumn) {
  EXPECT_EQ(error_of("a,b\n1,2\n3,\"open\n"), "t.csv:3:2: unclosed quote: the file ends inside this field");
}

TEST(CsvReader, AFileCutInTheMiddleOfARowIsAnError) {
  EXPECT_EQ(error_of("a,b,c\n1,2,3\n4,5"),
            "t.csv:3:2: the file ends in the middle of a row (2 of 3 fields, no final line break): is it truncated?");
  EXPECT_EQ(read_all("a,b,c\n1,2,3\n4,5,6").size(), 2u) << "a complete last row needs no line break";
  EXPECT_EQ(read_all("a,b,c\n1,2\n").size(), 1u) << "a short row that ends its line is the parser's to judge";
}

TEST(CsvReader, StrayQuoteInsideAnUnquotedFieldIsAnError) {
  EXPECT_EQ(error_of("a,b\n1,x\"y\n"), "t.csv:2:2: unexpected quote inside an unquoted field");
}

TEST(CsvReader, TextAfterAClosingQuoteIsAnError) {
  EXPECT_EQ(error_of("a,b\n\"x\"y,2\n"), "t.csv:2:1: unexpected character after a closing quote");
}

TEST(CsvReader, EmptyFileHasNoHeader) { EXPECT_EQ(error_of(""), "t.csv:1:1: file is empty: expected a header row"); }

TEST(CsvReader, BinaryGarbageIsRejected) {
  const char png_bytes[] = "a,b\n\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  std::string png(png_bytes, sizeof png_bytes - 1);
  EXPECT_EQ(error_of(png).rfind("t.csv:2:1: invalid UTF-8", 0), 0u) << error_of(png);
  const char nul_bytes[] = "a,b\n1,\0\0\x01";
  std::string nul(nul_bytes, sizeof nul_bytes - 1);
  EXPECT_EQ(error_of(nul), "t.csv:2:2: NUL byte: this is not a text CSV file");
}

TEST(CsvReader, InvalidUtf8NamesTheField) {
  EXPECT_EQ(error_of("a,b\nok,caf\xE9\n"),
            "t.csv:2:2: invalid UTF-8 byte sequence (is the file binary or in another encoding?)");
}

TEST(CsvReader, Windows1252BytesCanBeRepairedAndAreFlagged) {
  testing::TempDir dir;
  const std::string path = dir.write("w.csv", "name,city\n\"Uci Health \x96 Los Alamitos\",caf\xE9\nSe\xC3\xB1or,ok\n");
  CsvReader reader(path, "w.csv", InvalidUtf8::repair_windows1252);
  ASSERT_TRUE(reader.next_row());
  EXPECT_TRUE(reader.row_repaired());
  EXPECT_EQ(reader.field(0), "Uci Health \xE2\x80\x93 Los Alamitos");  // the en dash
  EXPECT_EQ(reader.field(1), "caf\xC3\xA9");
  ASSERT_TRUE(reader.next_row());
  EXPECT_FALSE(reader.row_repaired());  // valid UTF-8 is left as it is
  EXPECT_EQ(reader.field(0), "Se\xC3\xB1or");
}

TEST(CsvReader, AcceptsMultibyteUtf8) {
  auto rows = read_all("a\nSe\xC3\xB1or\n");
  EXPECT_EQ(rows[0][0], "Se\xC3\xB1or");
}

TEST(CsvReader, OverlongRowIsRejectedInsteadOfSwallowingTheFile) {
  std::string content = "a\n\"" + std::string(CsvReader::max_row_bytes + 10, 'x') + "\"\n";
  EXPECT_NE(error_of(content).find("longer than 1 MiB"), std::string::npos);
}

TEST(CsvReader, RowsSpanningReadChunksAreIntact) {
  // Rows of ~100 bytes, quoted, over several 1 MiB chunks: every boundary lands somewhere inside a row.
  std::string content = "id,text\n";
  const int rows = 30000;
  for (int i = 0; i < rows; ++i) content += std::to_string(i) + ",\"" + std::string(90, 'a' + i % 26) + "\"\"q\"\n";
  testing::TempDir dir;
  const std::string path = dir.write("big.csv", content);
  CsvReader reader(path, "big.csv");
  int count = 0;
  while (reader.next_row()) {
    ASSERT_EQ(reader.field(0), std::to_string(count));
    ASSERT_EQ(reader.field(1), std::string(90, 'a' + count % 26) + "\"q");
    ++count;
  }
  EXPECT_EQ(count, rows);
  EXPECT_EQ(reader.sha256(), sha256_file_hex(path));
  EXPECT_EQ(reader.bytes_read(), static_cast<std::int64_t>(content.size()));
}

TEST(CsvReader, ReencodesRowsForQuarantine) {
  testing::TempDir dir;
  CsvReader reader(dir.write("t.csv", "a,b\n\"x,y\",\"q\"\"\"\n"), "t.csv");
  ASSERT_TRUE(reader.next_row());
  EXPECT_EQ(reader.row_as_csv(), "\"x,y\",\"q\"\"\"");
}

TEST(CsvReader, AFileRefusedAtOpenIsClosed) {
  // The fuzzer found this one: an empty file made the constructor throw with the file still open.
  auto open_descriptors = [] {
    return std::distance(std::filesystem::directory_iterator("/proc/self/fd"), std::filesystem::directory_iterator{});
  };
  testing::TempDir dir;
  const std::string empty = dir.write("empty.csv", "");
  const auto before = open_descriptors();
  for (int i = 0; i < 50; ++i) EXPECT_THROW(CsvReader(empty, "empty.csv"), Error);
  EXPECT_EQ(open_descriptors(), before);
}

TEST(CsvReader, MissingFileIsNotFound) {
  try {
    CsvReader reader("/nonexistent/x.csv", "x.csv");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_found);
    EXPECT_NE(std::string(e.what()).find("x.csv"), std::string::npos);
  }
}

}  // namespace hci::ingest
