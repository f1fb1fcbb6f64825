#pragma once
// A folder of files served from memory: the dashboard (web/dist) and Swagger UI (/docs). Loaded once at
// start, each file with its content type, cache policy and a gzipped copy; only files found at load time
// can be served, so no request path can reach outside the folder.

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "server/http_message.hpp"

namespace hci::server {

/// Immutable after construction; thread-safe reads.
class StaticFiles {
 public:
  /// The Cache-Control value for a file, by its path relative to the root.
  using CachePolicy = std::function<std::string(std::string_view relative_path)>;

  /// Loads every .html, .js, .css, .json, .png, .svg and .ico file under `root` (none when it does not exist).
  StaticFiles(const std::filesystem::path& root, CachePolicy policy);

  /// The response for a path relative to the root ("assets/index-abc.js"), gzipped when `gzip`; nullopt
  /// when no such file was loaded.
  std::optional<HttpResponse> respond(std::string_view relative_path, bool gzip) const;
  /// True when nothing was loaded (the folder is missing or empty).
  bool empty() const { return files_.empty(); }

 private:
  struct File {
    std::shared_ptr<const std::string> body;
    std::shared_ptr<const std::string> gzipped;
    std::string content_type;
    std::string cache_control;
  };
  std::map<std::string, File, std::less<>> files_;
};

}  // namespace hci::server
