#pragma once
// A plain HTTP/1.1 client over a loopback socket, for tests that must send exactly the bytes they
// choose (malformed requests included) and read exactly what the server answers.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <map>
#include <stdexcept>
#include <string>

namespace hci::testing {

/// A response: status, headers (names lower-cased; repeated ones joined with ", ") and the body,
/// de-chunked when it was chunked. `complete_chunks` is false when a chunked body lacked its last chunk.
struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;
  std::string body;
  bool complete_chunks = true;

  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

namespace detail {

inline std::string decode_chunked(const std::string& raw, bool& complete) {
  std::string body;
  size_t position = 0;
  complete = false;
  while (position < raw.size()) {
    const size_t line_end = raw.find("\r\n", position);
    if (line_end == std::string::npos) return body;
    const size_t size = std::stoul(raw.substr(position, line_end - position), nullptr, 16);
    if (size == 0) {
      complete = true;
      return body;
    }
    body += raw.substr(line_end + 2, size);
    position = line_end + 2 + size + 2;
  }
  return body;
}

}  // namespace detail

/// Sends `bytes` to 127.0.0.1:port, reads until the server closes, and parses the first response.
inline HttpReply raw_http(unsigned short port, const std::string& bytes) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot connect to port " + std::to_string(port));
  }
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may refuse early (413) and close: read what it said
    sent += static_cast<size_t>(n);
  }
  std::string raw;
  char buffer[65536];
  ssize_t n;
  while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) raw.append(buffer, static_cast<size_t>(n));
  ::close(fd);

  HttpReply reply;
  const size_t head_end = raw.find("\r\n\r\n");
  if (raw.rfind("HTTP/1.", 0) != 0 || head_end == std::string::npos) return reply;
  reply.status = std::stoi(raw.substr(9, 3));
  size_t line = raw.find("\r\n") + 2;
  while (line < head_end) {
    const size_t end = raw.find("\r\n", line);
    const std::string header = raw.substr(line, end - line);
    const size_t colon = header.find(':');
    std::string name = header.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = header.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    auto& slot = reply.headers[name];
    slot = slot.empty() ? value : slot + ", " + value;
    line = end + 2;
  }
  const std::string body = raw.substr(head_end + 4);
  reply.body =
      reply.header("transfer-encoding") == "chunked" ? detail::decode_chunked(body, reply.complete_chunks) : body;
  return reply;
}

/// A request with `Connection: close`; `headers` are extra "Name: value" lines, each ending in \r\n.
inline HttpReply http_request(unsigned short port, const std::string& method, const std::string& target,
                              const std::string& headers = "", const std::string& body = "") {
  std::string bytes = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers;
  if (!body.empty() || method == "POST") bytes += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  return raw_http(port, bytes + "\r\n" + body);
}

/// GET with optional extra headers.
inline HttpReply http_get(unsigned short port, const std::string& target, const std::string& headers = "") {
  return http_request(port, "GET", target, headers);
}

}  // namespace hci::testing
