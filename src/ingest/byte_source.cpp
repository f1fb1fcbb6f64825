#include "ingest/byte_source.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/sha256.hpp"
#include "ingest/gzip_source.hpp"

namespace hci::ingest {

namespace {

// A file read as it is.
class PlainFileSource final : public ByteSource {
 public:
  explicit PlainFileSource(std::unique_ptr<std::FILE, int (*)(std::FILE*)> file) : file_(std::move(file)) {}

  std::size_t read(char* buffer, std::size_t size) override {
    const std::size_t got = std::fread(buffer, 1, size, file_.get());
    if (got == 0 && std::ferror(file_.get())) throw ByteSourceError(std::string("read error: ") + std::strerror(errno));
    hasher_.update(std::string_view(buffer, got));
    bytes_read_ += static_cast<std::int64_t>(got);
    return got;
  }
  std::int64_t file_bytes_read() const override { return bytes_read_; }
  std::string file_sha256() override { return hasher_.hex_digest(); }

 private:
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
  Sha256 hasher_;
  std::int64_t bytes_read_ = 0;
};

}  // namespace

std::unique_ptr<ByteSource> open_byte_source(const std::string& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (file == nullptr) return nullptr;
  unsigned char magic[2] = {0, 0};
  const std::size_t got = std::fread(magic, 1, sizeof magic, file.get());
  std::rewind(file.get());
  if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b) return std::make_unique<GzipSource>(std::move(file));
  return std::make_unique<PlainFileSource>(std::move(file));
}

}  // namespace hci::ingest
