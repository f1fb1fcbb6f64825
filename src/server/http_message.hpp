#pragma once
// The request and response the API works with, independent of the HTTP library underneath.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace hci::server {

/// A received request: method, path and raw query split apart, header names lower-cased.
struct HttpRequest {
  std::string method;
  std::string path;   // percent-encoded as received, without the query
  std::string query;  // raw query string after '?', empty when none
  std::map<std::string, std::string, std::less<>> headers;
  std::string body;
  std::string client_address;

  /// The header's value, or an empty string when absent.
  const std::string& header(std::string_view name) const;
};

/// Produces a streamed body piece by piece: appends the next piece to `out`, returns false when done.
using BodyStream = std::function<bool(std::string& out)>;

/// A response. When `stream` is set the body is sent chunked, piece by piece; when `shared_body` is
/// set (a cached response) its bytes are sent; otherwise `body` is.
struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::shared_ptr<const std::string> shared_body;
  std::vector<std::pair<std::string, std::string>> headers;
  BodyStream stream;

  /// The bytes to send: shared_body when set, else body.
  const std::string& payload() const { return shared_body ? *shared_body : body; }
  /// The value of the first header with this name, or an empty string.
  std::string header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
      if (key == name) return value;
    }
    return "";
  }
  /// Adds a header (several with the same name are allowed).
  void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

}  // namespace hci::server
