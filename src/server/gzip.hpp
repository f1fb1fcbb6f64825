#pragma once
// gzip compression of response bodies (zlib).

#include <string>
#include <string_view>

namespace hci::server {

/// The gzip encoding of `data` (default compression level).
std::string gzip_compress(std::string_view data);

/// True when an Accept-Encoding header value accepts gzip (q=0 refuses it).
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace hci::server
