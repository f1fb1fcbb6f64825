#pragma once
// The last stages every answer goes through: the security headers, CORS for allowed origins, and the
// conditional request (If-None-Match -> 304); and the answer to a CORS preflight.

#include <span>
#include <string>

#include "server/http_message.hpp"

namespace hci::server {

/// Adds the security headers and, for an allowed Origin, the CORS headers ("*" allows any); turns a 200
/// whose ETag the client already holds into a 304 without a body.
void apply_response_policy(const HttpRequest& request, HttpResponse& response,
                           std::span<const std::string> cors_origins);

/// The 204 answer to an OPTIONS preflight: the methods and headers a browser may use.
HttpResponse preflight_response();

}  // namespace hci::server
