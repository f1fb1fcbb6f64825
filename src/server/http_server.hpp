#pragma once
// The HTTP/1.1 listener on Boost.Beast (chosen by measurement: bench/RESULTS.md). Asynchronous
// keep-alive sessions on one io_context run by N threads; the Api does everything above the wire.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "server/api.hpp"

namespace hci::server {

/// Where and how the listener accepts connections, and the limits it enforces on every request.
struct ListenerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port (tests)
  int threads = 2;
  std::size_t body_limit = 1 << 20;        // larger bodies get 413
  std::size_t header_limit = 16 * 1024;    // larger headers get 431
  std::chrono::seconds read_timeout{15};   // a whole request must arrive within this time after the
                                           // connection opens or the previous response ends (an idle
                                           // keep-alive connection is closed then; a slow client too)
  std::chrono::seconds write_timeout{60};  // a response piece must be taken within this time
  std::size_t max_connections = 10'000;    // beyond this, new connections are closed at once
};

/// Accepts connections and feeds requests to the Api until stop(). SIGTERM and SIGINT stop it
/// gracefully (in-flight requests finish, idle connections close); SIGHUP calls `on_reload`.
class HttpServer {
 public:
  /// Binds the port; throws Error(unavailable) naming the address when it cannot.
  HttpServer(Api& api, ListenerOptions options, std::function<void()> on_reload);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// The bound port (useful when options.port was 0).
  unsigned short port() const;
  /// Serves until stop() or a stop signal; returns when every connection is closed.
  void run();
  /// Stops accepting, closes idle connections and lets in-flight requests finish. Thread-safe.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hci::server
