#include "server/docs_page.hpp"

namespace hci::server {

std::string_view docs_page_html() {
  return R"(<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>US Healthcare Insights API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
  </script>
</body>
</html>
)";
}

}  // namespace hci::server
