// .csv.gz read by the same streaming CsvReader: the real CMS file gzipped gives the same rows and
// checksums the file as stored; a truncated, corrupt or padded stream is an error naming the file, never a
// short load.

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "ingest/csv_reader.hpp"
#include "support/temp_dir.hpp"

namespace hci::ingest {
namespace {

// `content` as one gzip member.
std::string gzip_member(const std::string& content) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&stream, content.size()) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(content.data()));
  stream.avail_in = static_cast<uInt>(content.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every row of a file, fields joined by tabs.
std::vector<std::string> rows_of(const std::string& path) {
  CsvReader reader(path, std::filesystem::path(path).filename().string());
  std::vector<std::string> rows;
  while (reader.next_row()) {
    std::string row;
    for (std::size_t i = 0; i < reader.field_count(); ++i) row += std::string(reader.field(i)) + '\t';
    rows.push_back(std::move(row));
  }
  return rows;
}

// The message of the error reading `bytes` as Hospitals.csv.gz raises.
std::string error_reading(const std::string& bytes) {
  testing::TempDir dir;
  const std::string path = dir.write("Hospitals.csv.gz", bytes);
  try {
    rows_of(path);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_input);
    return e.what();
  }
  return "no error";
}

const std::string kCms = std::string(HCI_SOURCE_DATA_DIR) + "/cms/Hospital_General_Information.csv";

TEST(GzipCsv, TheRealCmsFileGzippedGivesTheSameRowsAndChecksTheStoredBytes) {
  testing::TempDir dir;
  const std::string gz = gzip_member(read_file(kCms));
  const std::string path = dir.write("Hospital_General_Information.csv.gz", gz);
  const auto plain = rows_of(kCms);
  ASSERT_EQ(plain.size(), 5421u);
  EXPECT_EQ(rows_of(path), plain);
  CsvReader reader(path, "cms.csv.gz");
  while (reader.next_row()) {
  }
  EXPECT_EQ(reader.sha256(), sha256_hex(gz));
  EXPECT_EQ(reader.bytes_read(), static_cast<std::int64_t>(gz.size()));
  EXPECT_EQ(reader.total_bytes(), static_cast<std::int64_t>(gz.size()));
}

TEST(GzipCsv, ConcatenatedMembersAreOneFile) {
  testing::TempDir dir;
  const std::string path = dir.write("two.csv.gz", gzip_member("a,b\n1,2\n") + gzip_member("3,4\n"));
  EXPECT_EQ(rows_of(path), (std::vector<std::string>{"1\t2\t", "3\t4\t"}));
}

TEST(GzipCsv, ATruncatedStreamIsAnErrorNotAShortLoad) {
  const std::string gz = gzip_member(read_file(kCms));
  const std::string message = error_reading(gz.substr(0, gz.size() / 2));
  EXPECT_NE(message.find("Hospitals.csv.gz:"), std::string::npos) << message;
  EXPECT_NE(message.find("ends early"), std::string::npos) << message;
  EXPECT_NE(message.find("truncated"), std::string::npos) << message;
  // Cut inside the 8-byte trailer: every row is there, but the stream is not whole.
  EXPECT_NE(error_reading(gz.substr(0, gz.size() - 3)).find("truncated"), std::string::npos);
}

TEST(GzipCsv, ACorruptStreamIsAnErrorNamingTheOffset) {
  const std::string whole = gzip_member(read_file(kCms));
  std::string gz = whole;
  gz[10] = static_cast<char>(0xff);  // the first deflate block's header: block type 3 does not exist
  const std::string message = error_reading(gz);
  EXPECT_NE(message.find("Hospitals.csv.gz:1:1: the gzip stream is corrupt at byte "), std::string::npos) << message;
  // A byte flipped in the middle may still inflate, into text the CSV rules or, at the end, the CRC refuse.
  gz = whole;
  gz[gz.size() / 2] = static_cast<char>(gz[gz.size() / 2] ^ 0x5a);
  EXPECT_NE(error_reading(gz).find("Hospitals.csv.gz:"), std::string::npos);
  std::string crc = gzip_member("a,b\n1,2\n");
  crc[crc.size() - 6] = static_cast<char>(crc[crc.size() - 6] ^ 1);  // inside the CRC-32 of the trailer
  EXPECT_NE(error_reading(crc).find("corrupt"), std::string::npos) << error_reading(crc);
}

TEST(GzipCsv, BytesAfterTheStreamAreAnError) {
  const std::string message = error_reading(gzip_member("a,b\n1,2\n") + "trailing");
  EXPECT_NE(message.find("after the end of the gzip stream"), std::string::npos) << message;
}

}  // namespace
}  // namespace hci::ingest
