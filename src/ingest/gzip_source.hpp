#pragma once
// A gzip file inflated as it is read (zlib), in constant memory, with every member's CRC checked.

#include <zlib.h>

#include <cstdio>
#include <memory>
#include <vector>

#include "core/sha256.hpp"
#include "ingest/byte_source.hpp"

namespace hci::ingest {

/// Inflates a gzip file (RFC 1952) chunk by chunk. Concatenated members are one content. A corrupt stream
/// (a bad header, bad data, a CRC or length mismatch), a stream that ends before its last member does
/// (truncated), or bytes after it that are not another member throw ByteSourceError naming the file offset.
class GzipSource final : public ByteSource {
 public:
  /// Reads `file` from its start.
  explicit GzipSource(std::unique_ptr<std::FILE, int (*)(std::FILE*)> file);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  std::size_t read(char* buffer, std::size_t size) override;
  std::int64_t file_bytes_read() const override { return file_bytes_read_; }
  std::string file_sha256() override { return hasher_.hex_digest(); }

 private:
  bool fill_input();
  std::int64_t offset() const;  // the file offset inflate has reached

  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
  z_stream stream_{};
  std::vector<unsigned char> input_;
  Sha256 hasher_;
  std::int64_t file_bytes_read_ = 0;
  bool file_ended_ = false;
  bool member_ended_ = false;  // the last member ended; what follows must be another member or nothing
  bool content_ended_ = false;
};

}  // namespace hci::ingest
