#pragma once
// A minimal SMTP server on 127.0.0.1 that accepts every message and keeps it, for notification tests.

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

/// Speaks just enough SMTP (EHLO, MAIL, RCPT, DATA, QUIT) for libcurl to deliver a message.
class SmtpSink {
 public:
  SmtpSink() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(listener_, 4);
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~SmtpSink() {
    ::shutdown(listener_, SHUT_RDWR);
    ::close(listener_);
    thread_.join();
  }
  /// smtp://127.0.0.1:PORT
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  /// The messages delivered (headers and body), in order.
  std::vector<std::string> messages() const {
    std::lock_guard lock(mutex_);
    return messages_;
  }

 private:
  void serve() {
    while (true) {
      const int client = ::accept(listener_, nullptr, nullptr);
      if (client < 0) return;
      converse(client);
      ::close(client);
    }
  }

  static void say(int client, const std::string& line) { ::send(client, line.data(), line.size(), MSG_NOSIGNAL); }

  void converse(int client) {
    say(client, "220 sink ESMTP\r\n");
    std::string pending, message;
    bool in_data = false;
    char buffer[4096];
    while (true) {
      const ssize_t got = ::recv(client, buffer, sizeof buffer, 0);
      if (got <= 0) return;
      pending.append(buffer, static_cast<size_t>(got));
      for (auto end = pending.find("\r\n"); end != std::string::npos; end = pending.find("\r\n")) {
        const std::string line = pending.substr(0, end);
        pending.erase(0, end + 2);
        if (in_data) {
          if (line == ".") {
            in_data = false;
            std::lock_guard lock(mutex_);
            messages_.push_back(message);
            say(client, "250 queued\r\n");
          } else {
            message += line + "\n";
          }
        } else if (line.rfind("DATA", 0) == 0) {
          in_data = true;
          message.clear();
          say(client, "354 end with .\r\n");
        } else if (line.rfind("QUIT", 0) == 0) {
          say(client, "221 bye\r\n");
          return;
        } else {
          say(client, "250 ok\r\n");
        }
      }
    }
  }

  int listener_ = -1;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<std::string> messages_;
};

}  // namespace hci::testing
