#pragma once
// A scripted HTTP/1.1 server on 127.0.0.1 for collector and webhook tests: each request gets the next
// response, and every request received (head and body) is kept for the test to read.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace hci::testing {

/// One scripted reply. When `cut_after` is set, the server announces the full Content-Length but
/// closes the connection after sending only that many body bytes.
struct ScriptedResponse {
  int status = 200;
  std::string body;
  std::optional<size_t> cut_after;
};

/// Serves the script in order (the last reply repeats) on an ephemeral loopback port.
class LocalHttpServer {
 public:
  explicit LocalHttpServer(std::vector<ScriptedResponse> script) : script_(std::move(script)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int yes = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(listener_, 16);
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~LocalHttpServer() {
    stopping_ = true;
    ::shutdown(listener_, SHUT_RDWR);
    ::close(listener_);
    thread_.join();
  }

  /// The URL of `path` on this server.
  std::string url(const std::string& path = "/hospitals.csv") const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  /// How many requests were answered.
  int requests() const { return requests_; }
  /// Every request received, head and body, in order.
  std::vector<std::string> received() const {
    std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  void serve() {
    while (!stopping_) {
      int client = ::accept(listener_, nullptr, nullptr);
      if (client < 0) return;
      char buffer[4096];
      std::string request;
      while (request.find("\r\n\r\n") == std::string::npos || request.size() < expected_size(request)) {
        ssize_t got = ::recv(client, buffer, sizeof buffer, 0);
        if (got <= 0) break;
        request.append(buffer, static_cast<size_t>(got));
      }
      {
        std::lock_guard lock(mutex_);
        received_.push_back(request);
      }
      const ScriptedResponse& reply = script_[std::min(static_cast<size_t>(requests_), script_.size() - 1)];
      ++requests_;
      std::string head = "HTTP/1.1 " + std::to_string(reply.status) + " Scripted\r\nContent-Type: text/csv\r\n" +
                         "Content-Length: " + std::to_string(reply.body.size()) + "\r\nConnection: close\r\n\r\n";
      std::string body = reply.cut_after ? reply.body.substr(0, *reply.cut_after) : reply.body;
      std::string all = head + body;
      ::send(client, all.data(), all.size(), MSG_NOSIGNAL);
      ::close(client);
    }
  }

  // Head plus Content-Length body bytes, once the head is in.
  static size_t expected_size(const std::string& request) {
    const auto end = request.find("\r\n\r\n");
    if (end == std::string::npos) return 0;
    size_t length = 0;
    for (const char* name : {"Content-Length: ", "content-length: "}) {
      const auto at = request.find(name);
      if (at != std::string::npos && at < end) length = std::stoul(request.substr(at + std::strlen(name)));
    }
    return end + 4 + length;
  }

  std::vector<ScriptedResponse> script_;
  mutable std::mutex mutex_;
  std::vector<std::string> received_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<int> requests_{0};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace hci::testing
