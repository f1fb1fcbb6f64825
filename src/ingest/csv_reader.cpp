#include "ingest/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>

#include "core/error.hpp"
#include "ingest/windows1252.hpp"

namespace hci::ingest {

namespace {

constexpr size_t kChunkBytes = 1 << 20;
constexpr size_t kMinChunkBytes = 1 << 16;

enum ByteClass : std::uint8_t { plain = 0, delimiter = 1, high = 2 };

// Bytes that end or change an unquoted field: comma, LF, CR, quote and NUL; bytes >= 0x80 mark UTF-8.
constexpr std::array<std::uint8_t, 256> make_byte_classes() {
  std::array<std::uint8_t, 256> classes{};
  for (char c : {',', '\n', '\r', '"', '\0'}) classes[static_cast<unsigned char>(c)] = delimiter;
  for (int b = 0x80; b < 0x100; ++b) classes[b] = high;
  return classes;
}
constexpr auto kByteClasses = make_byte_classes();

// Length of the valid UTF-8 sequence starting at `s`, or 0 when it is invalid.
size_t utf8_sequence_length(const unsigned char* s, const unsigned char* end) {
  auto continuation = [&](size_t n) {
    if (static_cast<size_t>(end - s) < n) return false;
    for (size_t i = 1; i < n; ++i) {
      if ((s[i] & 0xC0) != 0x80) return false;
    }
    return true;
  };
  if (s[0] < 0x80) return 1;
  if (s[0] >= 0xC2 && s[0] <= 0xDF) return continuation(2) ? 2 : 0;
  if (s[0] >= 0xE0 && s[0] <= 0xEF) return continuation(3) ? 3 : 0;
  if (s[0] >= 0xF0 && s[0] <= 0xF4) return continuation(4) ? 4 : 0;
  return 0;
}

}  // namespace

CsvReader::CsvReader(const std::string& path, std::string display_name, InvalidUtf8 invalid_utf8)
    : display_name_(std::move(display_name)), invalid_utf8_(invalid_utf8) {
  source_ = open_byte_source(path);
  if (source_ == nullptr)
    throw Error(ErrorCode::not_found, display_name_ + ": cannot open file: " + std::strerror(errno));
  std::error_code ignored;
  total_bytes_ = static_cast<std::int64_t>(std::filesystem::file_size(path, ignored));
  // A small file gets a small buffer: most sources are far below one chunk.
  buffer_.resize(total_bytes_ < 0 ? kChunkBytes
                                  : std::clamp(static_cast<size_t>(total_bytes_) + 1, kMinChunkBytes, kChunkBytes));
  if (!refill()) fail(1, 1, "file is empty: expected a header row");
  if (end_ - pos_ >= 3 && std::memcmp(pos_, "\xEF\xBB\xBF", 3) == 0) pos_ += 3;
  if (!parse_row()) fail(1, 1, "file is empty: expected a header row");
  header_.reserve(field_count());
  for (size_t i = 0; i < field_count(); ++i) header_.emplace_back(field(i));
}

void CsvReader::fail(std::int64_t line, size_t column, const std::string& message) const {
  throw Error(ErrorCode::invalid_input,
              display_name_ + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message);
}

bool CsvReader::refill() {
  if (eof_) return false;
  size_t got = 0;
  try {
    got = source_->read(buffer_.data(), buffer_.size());
  } catch (const ByteSourceError& error) {
    fail(line_, field_count() + 1, error.what());
  }
  bytes_read_ = source_->file_bytes_read();
  if (got == 0) {
    eof_ = true;
    sha256_ = source_->file_sha256();
    return false;
  }
  pos_ = buffer_.data();
  end_ = pos_ + got;
  return true;
}

bool CsvReader::next_row() {
  if (!parse_row()) return false;
  if (ended_without_line_break_ && field_count() < header_.size()) {
    fail(row_line_, field_count(),
         "the file ends in the middle of a row (" + std::to_string(field_count()) + " of " +
             std::to_string(header_.size()) + " fields, no final line break): is it truncated?");
  }
  ++rows_read_;
  return true;
}

std::string_view CsvReader::field(size_t index) const {
  size_t begin = index == 0 ? 0 : field_ends_[index - 1];
  return std::string_view(row_data_).substr(begin, field_ends_[index] - begin);
}

void CsvReader::append(const char* begin, const char* end) {
  row_data_.append(begin, end);
  if (row_data_.size() > max_row_bytes) {
    fail(row_line_, field_count() + 1, "row is longer than 1 MiB (is a closing quote missing?)");
  }
}

void CsvReader::end_field() { field_ends_.push_back(static_cast<std::uint32_t>(row_data_.size())); }

bool CsvReader::parse_row() {
  row_data_.clear();
  field_ends_.clear();
  has_non_ascii_ = false;
  row_repaired_ = false;
  ended_without_line_break_ = false;
  // Skip blank lines; stop at the first byte of a row.
  for (;;) {
    if (pos_ == end_ && !refill()) return false;
    if (*pos_ == '\n') {
      ++line_;
      ++pos_;
    } else if (*pos_ == '\r') {
      ++pos_;
    } else {
      break;
    }
  }
  row_line_ = line_;
  for (;;) {
    if ((pos_ != end_ || refill()) && *pos_ == '"') {
      ++pos_;
      parse_quoted_field();
    }
    if (!parse_unquoted_field()) break;
  }
  if (has_non_ascii_) check_utf8();
  return true;
}

// Reads bytes up to the end of the field; returns true when a comma follows (another field comes).
bool CsvReader::parse_unquoted_field() {
  for (;;) {
    if (pos_ == end_ && !refill()) {
      end_field();
      ended_without_line_break_ = true;
      return false;
    }
    const char* run = pos_;
    while (pos_ != end_) {
      std::uint8_t cls = kByteClasses[static_cast<unsigned char>(*pos_)];
      if (cls == plain) {
        ++pos_;
      } else if (cls == high) {
        has_non_ascii_ = true;
        ++pos_;
      } else {
        break;
      }
    }
    append(run, pos_);
    if (pos_ == end_) continue;
    char c = *pos_++;
    switch (c) {
      case ',': end_field(); return true;
      case '\n':
        ++line_;
        end_field();
        return false;
      case '\r':
        if ((pos_ != end_ || refill()) && *pos_ == '\n') {
          ++pos_;
          ++line_;
        }
        end_field();
        return false;
      case '"': fail(line_, field_count() + 1, "unexpected quote inside an unquoted field");
      default: fail(line_, field_count() + 1, "NUL byte: this is not a text CSV file");
    }
  }
}

// Reads a quoted field body after its opening quote, through the closing quote.
void CsvReader::parse_quoted_field() {
  const std::int64_t opened_on = line_;
  for (;;) {
    if (pos_ == end_ && !refill())
      fail(opened_on, field_count() + 1, "unclosed quote: the file ends inside this field");
    const char* run = pos_;
    while (pos_ != end_ && *pos_ != '"' && *pos_ != '\n' && *pos_ != '\0') {
      if (static_cast<unsigned char>(*pos_) >= 0x80) has_non_ascii_ = true;
      ++pos_;
    }
    append(run, pos_);
    if (pos_ == end_) continue;
    char c = *pos_++;
    if (c == '\n') {
      ++line_;
      row_data_.push_back('\n');
      continue;
    }
    if (c == '\0') fail(line_, field_count() + 1, "NUL byte: this is not a text CSV file");
    // A quote: either an escaped quote ("") or the end of the field.
    if (pos_ == end_ && !refill()) return;
    if (*pos_ == '"') {
      row_data_.push_back('"');
      ++pos_;
      continue;
    }
    if (*pos_ != ',' && *pos_ != '\n' && *pos_ != '\r') {
      fail(line_, field_count() + 1, "unexpected character after a closing quote");
    }
    return;
  }
}

void CsvReader::check_utf8() {
  const auto* data = reinterpret_cast<const unsigned char*>(row_data_.data());
  const auto* end = data + row_data_.size();
  for (const auto* p = data; p < end;) {
    size_t length = utf8_sequence_length(p, end);
    if (length == 0 && invalid_utf8_ == InvalidUtf8::repair_windows1252) {
      repair_utf8();
      return;
    }
    if (length == 0) {
      auto offset = static_cast<std::uint32_t>(p - data);
      size_t column = 1;
      while (column <= field_ends_.size() && field_ends_[column - 1] <= offset) ++column;
      fail(row_line_, column, "invalid UTF-8 byte sequence (is the file binary or in another encoding?)");
    }
    p += length;
  }
}

// Rewrites the row with every byte that does not start a valid UTF-8 sequence decoded as Windows-1252,
// moving the field ends by what each repair added.
void CsvReader::repair_utf8() {
  std::string repaired;
  repaired.reserve(row_data_.size() + 16);
  const auto* data = reinterpret_cast<const unsigned char*>(row_data_.data());
  const auto* end = data + row_data_.size();
  size_t field = 0;
  for (const auto* p = data; p < end;) {
    const auto offset = static_cast<std::uint32_t>(p - data);
    while (field < field_ends_.size() && field_ends_[field] <= offset) {
      field_ends_[field++] = static_cast<std::uint32_t>(repaired.size());
    }
    const size_t length = utf8_sequence_length(p, end);
    if (length == 0) {
      append_windows1252_as_utf8(*p++, repaired);
    } else {
      repaired.append(reinterpret_cast<const char*>(p), length);
      p += length;
    }
  }
  while (field < field_ends_.size()) field_ends_[field++] = static_cast<std::uint32_t>(repaired.size());
  row_data_ = std::move(repaired);
  row_repaired_ = true;
}

std::string CsvReader::row_as_csv() const {
  std::string out;
  for (size_t i = 0; i < field_count(); ++i) {
    if (i > 0) out.push_back(',');
    std::string_view value = field(i);
    if (value.find_first_of(",\"\n\r") == std::string_view::npos) {
      out.append(value);
      continue;
    }
    out.push_back('"');
    for (char c : value) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  return out;
}

}  // namespace hci::ingest
