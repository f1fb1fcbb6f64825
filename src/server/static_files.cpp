#include "server/static_files.hpp"

#include <fstream>
#include <sstream>

#include "server/gzip.hpp"

namespace hci::server {

namespace {

const std::map<std::string, std::string> kContentTypes{{".html", "text/html; charset=utf-8"},
                                                       {".js", "text/javascript"},
                                                       {".css", "text/css"},
                                                       {".json", "application/json"},
                                                       {".png", "image/png"},
                                                       {".svg", "image/svg+xml"},
                                                       {".ico", "image/x-icon"}};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream content;
  content << file.rdbuf();
  return content.str();
}

}  // namespace

StaticFiles::StaticFiles(const std::filesystem::path& root, CachePolicy policy) {
  std::error_code error;
  if (root.empty() || !std::filesystem::is_directory(root, error)) return;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, error)) {
    const auto type = kContentTypes.find(entry.path().extension().string());
    if (!entry.is_regular_file() || type == kContentTypes.end()) continue;
    const std::string relative = std::filesystem::relative(entry.path(), root).generic_string();
    auto body = std::make_shared<const std::string>(read_file(entry.path()));
    auto gzipped = std::make_shared<const std::string>(gzip_compress(*body));
    files_[relative] = File{std::move(body), std::move(gzipped), type->second, policy(relative)};
  }
}

std::optional<HttpResponse> StaticFiles::respond(std::string_view relative_path, bool gzip) const {
  auto it = files_.find(relative_path);
  if (it == files_.end()) return std::nullopt;
  const File& file = it->second;
  HttpResponse response;
  response.content_type = file.content_type;
  response.set_header("Cache-Control", file.cache_control);
  response.set_header("Vary", "Accept-Encoding");
  if (gzip && file.gzipped->size() < file.body->size()) {
    response.shared_body = file.gzipped;
    response.set_header("Content-Encoding", "gzip");
  } else {
    response.shared_body = file.body;
  }
  return response;
}

}  // namespace hci::server
