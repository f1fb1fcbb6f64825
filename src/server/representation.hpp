#pragma once
// The stage after a read route answers: its representation, a strong ETag naming the exact bytes and gzip
// when the client accepts it.

#include <string>
#include <string_view>

#include "server/http_message.hpp"

namespace hci::server {

/// The strong ETag of a response: the dataset version, then FNV-1a over the catalogue's marker and the
/// request line, so it names the exact bytes and is the same on every replica serving the same store.
std::string etag_for(std::string_view version, std::string_view catalog_marker, const HttpRequest& request,
                     bool gzipped);

/// Gives a successful, fully rendered read answer its ETag and `Cache-Control: no-cache` (clients
/// revalidate), and gzips it when `gzip` and it is large enough to gain.
void represent(HttpResponse& response, const HttpRequest& request, std::string_view version,
               std::string_view catalog_marker, bool gzip);

}  // namespace hci::server
