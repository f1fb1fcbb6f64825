#pragma once
// The /docs page: Swagger UI (swagger-ui-dist from npm, served from /docs/*) reading /openapi.json.

#include <string_view>

namespace hci::server {

/// The HTML of /docs; its scripts and styles load from /docs/<file>, never from a CDN.
std::string_view docs_page_html();

}  // namespace hci::server
