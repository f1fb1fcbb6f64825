#include "server/response_policy.hpp"

#include <string_view>

namespace hci::server {

namespace {

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  return !etag.empty() && (if_none_match == "*" || if_none_match.find(etag) != std::string_view::npos);
}

void add_cors(const HttpRequest& request, HttpResponse& response, std::span<const std::string> cors_origins) {
  const std::string& origin = request.header("origin");
  if (origin.empty()) return;
  for (const auto& allowed : cors_origins) {
    if (allowed == origin || allowed == "*") {
      response.set_header("Access-Control-Allow-Origin", allowed == "*" ? "*" : origin);
      response.set_header("Access-Control-Expose-Headers", "ETag, Link, X-Request-Id, X-Row-Count, Retry-After");
      response.set_header("Vary", "Origin");
      return;
    }
  }
}

}  // namespace

void apply_response_policy(const HttpRequest& request, HttpResponse& response,
                           std::span<const std::string> cors_origins) {
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("X-Frame-Options", "DENY");
  response.set_header("Referrer-Policy", "no-referrer");
  add_cors(request, response, cors_origins);
  const std::string& if_none_match = request.header("if-none-match");
  if (!if_none_match.empty() && response.status == 200 && etag_matches(if_none_match, response.header("ETag"))) {
    response.status = 304;
    response.body.clear();
    response.shared_body.reset();
  }
}

HttpResponse preflight_response() {
  HttpResponse response;
  response.status = 204;
  response.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
  response.set_header("Access-Control-Allow-Headers", "Authorization, X-API-Key, Content-Type, X-Request-Id");
  response.set_header("Access-Control-Max-Age", "600");
  return response;
}

}  // namespace hci::server
