#pragma once
// Incremental SHA-256 (OpenSSL), used for source-file checksums and dataset versions.

#include <memory>
#include <string>
#include <string_view>

namespace hci {

/// Accumulates bytes and yields their SHA-256 as lowercase hex. Not thread-safe; movable.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;

  /// Feeds more bytes into the digest.
  void update(std::string_view bytes);
  /// Finishes the digest and returns it as 64 hex characters; the object is then spent.
  std::string hex_digest();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

/// The SHA-256 hex digest of a whole string.
std::string sha256_hex(std::string_view bytes);

/// The SHA-256 hex digest of a file's content, read in chunks; throws hci::Error when unreadable.
std::string sha256_file_hex(const std::string& path);

}  // namespace hci
