#pragma once
// Where a CsvReader's bytes come from: a plain file, or a gzip file inflated as it is read. Either way the
// SHA-256 is of the file as stored, and progress counts the file's bytes.

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

namespace hci::ingest {

/// A read that cannot go on: a corrupt or truncated gzip stream, or an I/O error. The reader adds where
/// in the CSV it happened.
class ByteSourceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The bytes of one file, in order. Not thread-safe.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Fills up to `size` bytes of `buffer` and returns how many; 0 only at the end of the content. Throws
  /// ByteSourceError when the content cannot be read whole.
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
  /// Bytes of the file consumed so far (compressed bytes for a gzip file).
  virtual std::int64_t file_bytes_read() const = 0;
  /// The SHA-256 (hex) of every byte of the file; valid once read() has returned 0.
  virtual std::string file_sha256() = 0;
};

/// Opens `path`: a file whose first two bytes are gzip's magic number (1f 8b) is inflated as it is read
/// (several concatenated gzip members are one content), any other file is read as it is. Returns nullptr
/// when the file cannot be opened (errno says why).
std::unique_ptr<ByteSource> open_byte_source(const std::string& path);

}  // namespace hci::ingest
