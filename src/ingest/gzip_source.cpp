#include "ingest/gzip_source.hpp"

#include <cerrno>
#include <cstring>
#include <string>

namespace hci::ingest {

namespace {

constexpr std::size_t kInputBytes = 1 << 16;
constexpr int kGzipWindow = 15 + 16;  // the largest window, gzip wrapper only

}  // namespace

GzipSource::GzipSource(std::unique_ptr<std::FILE, int (*)(std::FILE*)> file)
    : file_(std::move(file)), input_(kInputBytes) {
  if (inflateInit2(&stream_, kGzipWindow) != Z_OK) throw ByteSourceError("cannot start zlib's inflate");
}

GzipSource::~GzipSource() { inflateEnd(&stream_); }

std::int64_t GzipSource::offset() const { return file_bytes_read_ - static_cast<std::int64_t>(stream_.avail_in); }

bool GzipSource::fill_input() {
  if (file_ended_) return false;
  const std::size_t got = std::fread(input_.data(), 1, input_.size(), file_.get());
  if (got == 0) {
    if (std::ferror(file_.get())) throw ByteSourceError(std::string("read error: ") + std::strerror(errno));
    file_ended_ = true;
    return false;
  }
  hasher_.update(std::string_view(reinterpret_cast<const char*>(input_.data()), got));
  file_bytes_read_ += static_cast<std::int64_t>(got);
  stream_.next_in = input_.data();
  stream_.avail_in = static_cast<uInt>(got);
  return true;
}

std::size_t GzipSource::read(char* buffer, std::size_t size) {
  if (content_ended_ || size == 0) return 0;
  stream_.next_out = reinterpret_cast<Bytef*>(buffer);
  stream_.avail_out = static_cast<uInt>(size);
  while (stream_.avail_out == size) {
    if (stream_.avail_in == 0 && !fill_input()) {
      if (member_ended_) {
        content_ended_ = true;
        return 0;
      }
      throw ByteSourceError("the gzip stream ends early, at byte " + std::to_string(offset()) +
                            " of the file: is it truncated?");
    }
    if (member_ended_) {
      // More bytes after a complete member: they must start another one.
      if (stream_.next_in[0] != 0x1f) {
        throw ByteSourceError("bytes after the end of the gzip stream, at byte " + std::to_string(offset()) +
                              " of the file");
      }
      inflateReset(&stream_);
      member_ended_ = false;
    }
    const int status = inflate(&stream_, Z_NO_FLUSH);
    if (status == Z_STREAM_END) {
      member_ended_ = true;
    } else if (status != Z_OK && !(status == Z_BUF_ERROR && stream_.avail_in == 0)) {
      throw ByteSourceError("the gzip stream is corrupt at byte " + std::to_string(offset()) + " of the file (" +
                            (stream_.msg != nullptr ? stream_.msg : zError(status)) + ")");
    }
  }
  return size - stream_.avail_out;
}

}  // namespace hci::ingest
