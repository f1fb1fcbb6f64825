#pragma once
// A scripted HTTP/1.1 server on 127.0.0.1 for collector tests: each request gets the next response.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
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

 private:
  void serve() {
    while (!stopping_) {
      int client = ::accept(listener_, nullptr, nullptr);
      if (client < 0) return;
      char buffer[4096];
      std::string request;
      while (request.find("\r\n\r\n") == std::string::npos) {
        ssize_t got = ::recv(client, buffer, sizeof buffer, 0);
        if (got <= 0) break;
        request.append(buffer, static_cast<size_t>(got));
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

  std::vector<ScriptedResponse> script_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<int> requests_{0};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace hci::testing
