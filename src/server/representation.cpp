#include "server/representation.hpp"

#include <cstdint>
#include <cstdio>

#include "server/gzip.hpp"

namespace hci::server {

namespace {

// Below this, gzip's header costs more than it saves.
constexpr std::size_t kGzipMinimumBytes = 1024;

}  // namespace

std::string etag_for(std::string_view version, std::string_view catalog_marker, const HttpRequest& request,
                     bool gzipped) {
  std::uint64_t hash = 14695981039346656037ull;
  auto mix = [&](std::string_view text) {
    for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
    hash = (hash ^ '\n') * 1099511628211ull;
  };
  mix(catalog_marker);
  mix(request.method);
  mix(request.path);
  mix(request.query);
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return "\"" + std::string(version.substr(0, 16)) + "-" + buffer + (gzipped ? "-gz" : "") + "\"";
}

void represent(HttpResponse& response, const HttpRequest& request, std::string_view version,
               std::string_view catalog_marker, bool gzip) {
  const bool compress = gzip && response.body.size() >= kGzipMinimumBytes;
  response.set_header("ETag", etag_for(version, catalog_marker, request, compress));
  response.set_header("Cache-Control", "no-cache");
  if (!compress) return;
  response.body = gzip_compress(response.body);
  response.set_header("Content-Encoding", "gzip");
  response.set_header("Vary", "Accept-Encoding");
}

}  // namespace hci::server
