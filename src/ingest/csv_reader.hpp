#pragma once
// Streaming RFC 4180 CSV reader: constant memory, checksums what it reads, errors name file:line:column.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/byte_source.hpp"

namespace hci::ingest {

/// What a CsvReader does with bytes that are not valid UTF-8.
enum class InvalidUtf8 {
  reject,              // an error naming line and column: the file is binary or in another encoding
  repair_windows1252,  // the bytes are decoded as Windows-1252 (Latin-1) and row_repaired() says so
};

/// Reads a CSV file row by row. Handles quoted fields containing commas, quotes ("") and newlines,
/// CRLF or LF line ends and a UTF-8 byte-order mark; blank lines are skipped. A gzip file (.csv.gz) is
/// inflated as it is read. Memory stays bounded by the longest row (at most max_row_bytes), whatever the
/// file size. Malformed input (unclosed quote, stray quote, NUL byte, invalid UTF-8, over-long row, a
/// corrupt or truncated gzip stream) throws hci::Error(invalid_input) whose message starts with
/// "file:line:column:", where column is the 1-based field number. Not thread-safe.
class CsvReader {
 public:
  /// Opens `path` and reads its header row; `display_name` is the name used in error messages.
  /// Throws not_found when the file cannot be opened and invalid_input when it has no header row.
  CsvReader(const std::string& path, std::string display_name, InvalidUtf8 invalid_utf8 = InvalidUtf8::reject);
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  /// Rows longer than this are rejected, so a missing closing quote cannot swallow the whole file.
  static constexpr size_t max_row_bytes = 1 << 20;

  /// The header's field names.
  const std::vector<std::string>& header() const { return header_; }
  /// Advances to the next data row; false at end of file.
  bool next_row();
  /// Number of fields in the current row.
  size_t field_count() const { return field_ends_.size(); }
  /// The i-th field of the current row (unquoted, with "" unescaped); valid until the next next_row().
  std::string_view field(size_t index) const;
  /// The physical line on which the current row starts (the header is line 1).
  std::int64_t line() const { return row_line_; }
  /// The current row re-encoded as CSV, for quarantine records.
  std::string row_as_csv() const;
  /// True when the current row held bytes that were not UTF-8 and were repaired (InvalidUtf8::repair_windows1252).
  bool row_repaired() const { return row_repaired_; }
  /// Data rows returned so far.
  std::int64_t rows_read() const { return rows_read_; }
  /// Bytes consumed from the file so far (compressed bytes for gzip), for progress reporting.
  std::int64_t bytes_read() const { return bytes_read_; }
  /// The file's size in bytes at open time.
  std::int64_t total_bytes() const { return total_bytes_; }
  /// SHA-256 of every byte of the file as stored; only valid once next_row() has returned false.
  const std::string& sha256() const { return sha256_; }
  /// The name used in messages.
  const std::string& display_name() const { return display_name_; }

  /// Builds an invalid_input error located at `line` and `column` (field number) of this file.
  [[noreturn]] void fail(std::int64_t line, size_t column, const std::string& message) const;

 private:
  bool refill();
  bool parse_row();
  bool parse_unquoted_field();
  void parse_quoted_field();
  void end_field();
  void append(const char* begin, const char* end);
  void check_utf8();
  void repair_utf8();

  std::string display_name_;
  InvalidUtf8 invalid_utf8_;
  std::unique_ptr<ByteSource> source_;  // closed even if the constructor throws
  std::vector<char> buffer_;
  const char* pos_ = nullptr;
  const char* end_ = nullptr;
  bool eof_ = false;
  std::string sha256_;
  std::int64_t bytes_read_ = 0;
  std::int64_t total_bytes_ = 0;
  std::int64_t line_ = 1;
  std::int64_t row_line_ = 1;
  std::int64_t rows_read_ = 0;
  bool has_non_ascii_ = false;
  bool row_repaired_ = false;
  bool ended_without_line_break_ = false;  // the current row ran into the end of the file
  std::string row_data_;
  std::vector<std::uint32_t> field_ends_;
  std::vector<std::string> header_;
};

}  // namespace hci::ingest
