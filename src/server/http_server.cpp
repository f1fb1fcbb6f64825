#include "server/http_server.hpp"

#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without including it

#include <spdlog/spdlog.h>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "server/json_log.hpp"
#include "server/problem.hpp"

namespace hci::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

class Session;

// What sessions share with the server: the Api, the limits, and the registry used to stop gracefully.
struct ServerState {
  ServerState(Api& api_, ListenerOptions options_) : api(api_), options(std::move(options_)) {}
  Api& api;
  ListenerOptions options;
  std::atomic<bool> stopping{false};
  std::mutex mutex;
  std::map<Session*, std::weak_ptr<Session>> sessions;
};

HttpRequest to_request(const http::request<http::string_body>& raw, const std::string& client) {
  HttpRequest request;
  request.method = std::string(raw.method_string());
  const std::string_view target(raw.target().data(), raw.target().size());
  const size_t question = target.find('?');
  request.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos) request.query = std::string(target.substr(question + 1));
  for (const auto& field : raw) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers[std::move(name)] = std::string(field.value());
  }
  request.body = raw.body();
  request.client_address = client;
  return request;
}

using Clock = std::chrono::steady_clock;

// How often overdue connections are looked for: a timeout fires at most this late.
constexpr auto kSweepInterval = std::chrono::milliseconds(250);

// One connection: read a request, answer it (whole or chunked), repeat while keep-alive holds. Its
// deadline moves with each read and write; the server's sweep closes it once the deadline has passed,
// so a request costs no timer system call (an Asio timer per connection re-armed twice a request did).
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, ServerState& state) : socket_(std::move(socket)), state_(state) {
    beast::error_code ignored;
    const auto endpoint = socket_.remote_endpoint(ignored);
    client_ = ignored ? "unknown" : endpoint.address().to_string();
  }
  ~Session() {
    std::lock_guard lock(state_.mutex);
    state_.sessions.erase(this);
  }

  void start() {
    {
      std::lock_guard lock(state_.mutex);
      state_.sessions[this] = weak_from_this();
    }
    asio::dispatch(socket_.get_executor(), [self = shared_from_this()] { self->read(); });
  }

  // Closes the connection if it is waiting for a request; a request being answered finishes first.
  void close_if_idle() {
    asio::post(socket_.get_executor(), [self = shared_from_this()] {
      if (self->idle_) self->socket_.close();
    });
  }

  /// True when the client has not sent its request or taken a response piece in time.
  bool overdue(Clock::time_point now) const { return now.time_since_epoch().count() > deadline_.load(); }

  // Closes the connection if it is still overdue on its own thread (it may have moved on meanwhile):
  // the pending read or write then ends with operation_aborted.
  void close_if_overdue() {
    asio::post(socket_.get_executor(), [self = shared_from_this()] {
      if (self->overdue(Clock::now())) self->close();
    });
  }

 private:
  // The client has `timeout` from now for its next step.
  void allow(std::chrono::seconds timeout) { deadline_.store((Clock::now() + timeout).time_since_epoch().count()); }

  void read() {
    if (state_.stopping) return close();
    idle_ = true;
    parser_.emplace();
    parser_->body_limit(state_.options.body_limit);
    parser_->header_limit(static_cast<std::uint32_t>(state_.options.header_limit));
    allow(state_.options.read_timeout);
    http::async_read(socket_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    idle_ = false;
    if (ec == http::error::end_of_stream || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset || ec == asio::error::eof || ec == asio::error::bad_descriptor) {
      return close();
    }
    if (ec) return reject(ec);
    const auto& raw = parser_->get();
    keep_alive_ = raw.keep_alive() && !state_.stopping;
    version_ = raw.version();
    HttpResponse response = state_.api.handle(to_request(raw, client_));
    head_only_ = raw.method() == http::verb::head;
    send(std::move(response));
  }

  // A request the parser refused: answer with a problem and close the connection.
  void reject(beast::error_code ec) {
    int status = 400;
    std::string detail = "the request is not valid HTTP/1.1: " + ec.message();
    if (ec == http::error::body_limit) {
      status = 413;
      detail = "the body is larger than " + std::to_string(state_.options.body_limit) + " bytes";
    } else if (ec == http::error::header_limit) {
      status = 431;
      detail = "the headers are larger than " + std::to_string(state_.options.header_limit) + " bytes";
    }
    keep_alive_ = false;
    version_ = 11;
    HttpResponse response = problem_response(status, ErrorCode::invalid_input, detail, "");
    send(std::move(response));
  }

  void fill_headers(http::response_header<>& header, const HttpResponse& response) const {
    header.result(static_cast<unsigned>(response.status));
    header.version(version_);
    if (!response.content_type.empty() && response.status != 304 && response.status != 204) {
      header.set(http::field::content_type, response.content_type);
    }
    for (const auto& [name, value] : response.headers) header.insert(name, value);
    header.set(http::field::server, "hci");
  }

  void send(HttpResponse response) {
    allow(state_.options.write_timeout);
    if (response.stream) return send_streamed(std::move(response));
    if (response.shared_body) return send_shared(std::move(response));
    auto message = std::make_shared<http::response<http::string_body>>();
    fill_headers(message->base(), response);
    message->body() = std::move(response.body);
    message->keep_alive(keep_alive_);
    message->prepare_payload();
    if (head_only_) message->body().clear();
    http::async_write(socket_, *message, [self = shared_from_this(), message](beast::error_code ec, std::size_t) {
      self->after_response(ec);
    });
  }

  // A cached body is sent from the cache's buffer, without copying it.
  void send_shared(HttpResponse response) {
    auto bytes = std::move(response.shared_body);
    auto message = std::make_shared<http::response<http::span_body<const char>>>();
    fill_headers(message->base(), response);
    message->body() = head_only_ ? std::span<const char>() : std::span<const char>(bytes->data(), bytes->size());
    message->keep_alive(keep_alive_);
    message->content_length(bytes->size());
    http::async_write(
        socket_, *message,
        [self = shared_from_this(), message, bytes](beast::error_code ec, std::size_t) { self->after_response(ec); });
  }

  void send_streamed(HttpResponse response) {
    auto header = std::make_shared<http::response<http::empty_body>>();
    fill_headers(header->base(), response);
    header->keep_alive(keep_alive_);
    header->chunked(true);
    auto serializer = std::make_shared<http::response_serializer<http::empty_body>>(*header);
    body_stream_ = std::move(response.stream);
    http::async_write_header(socket_, *serializer,
                             [self = shared_from_this(), header, serializer](beast::error_code ec, std::size_t) {
                               if (ec) return self->close();
                               self->send_next_chunk();
                             });
  }

  void send_next_chunk() {
    chunk_.clear();
    bool more = false;
    try {
      while (chunk_.empty() && (more = body_stream_(chunk_))) {
      }
    } catch (const std::exception& error) {
      spdlog::error(R"("msg":"streamed response failed; closed without the final chunk","error":{})",
                    json_quote(error.what()));
      return close();  // no last chunk: the client sees a cut-off stream, never a short valid one
    }
    if (!more && chunk_.empty()) {
      body_stream_ = nullptr;
      asio::async_write(socket_, http::make_chunk_last(),
                        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->after_response(ec); });
      return;
    }
    allow(state_.options.write_timeout);
    asio::async_write(socket_, http::make_chunk(asio::buffer(chunk_)),
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (ec) return self->close();
                        self->send_next_chunk();
                      });
  }

  void after_response(beast::error_code ec) {
    if (ec || !keep_alive_) return close();
    read();
  }

  void close() {
    beast::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    socket_.close(ignored);
  }

  tcp::socket socket_;
  ServerState& state_;
  std::string client_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  BodyStream body_stream_;
  std::string chunk_;
  unsigned version_ = 11;
  bool keep_alive_ = false;
  bool head_only_ = false;
  bool idle_ = false;
  std::atomic<Clock::rep> deadline_{Clock::rep{0}};  // steady-clock ticks; read by the sweep's thread
};

}  // namespace

struct HttpServer::Impl {
  // One io_context per thread, each run by its own thread, as nginx runs one event loop per worker: a
  // connection stays on the thread that accepted it, so a request is never handed between threads.
  Impl(Api& api, ListenerOptions options, std::function<void()> on_reload)
      : contexts(make_contexts(options.threads)),
        acceptor(*contexts.front()),
        signals(*contexts.front(), SIGTERM, SIGINT, SIGHUP),
        sweep_timer(*contexts.front()),
        state(api, std::move(options)),
        reload(std::move(on_reload)) {
    for (auto& context : contexts) keep_running.push_back(asio::make_work_guard(*context));
  }

  static std::vector<std::unique_ptr<asio::io_context>> make_contexts(int threads) {
    std::vector<std::unique_ptr<asio::io_context>> made;
    for (int i = 0; i < std::max(1, threads); ++i) made.push_back(std::make_unique<asio::io_context>(1));
    return made;
  }

  void listen() {
    beast::error_code ec;
    const auto address = asio::ip::make_address(state.options.host, ec);
    if (ec) throw Error(ErrorCode::invalid_input, "--host '" + state.options.host + "' is not an IP address");
    const tcp::endpoint endpoint(address, state.options.port);
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      throw Error(ErrorCode::unavailable, "cannot listen on " + state.options.host + ":" +
                                              std::to_string(state.options.port) + ": " + ec.message());
    }
  }

  void accept() {
    asio::io_context& next = *contexts[accepted++ % contexts.size()];
    acceptor.async_accept(next, [this](beast::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
      if (!ec) {
        std::size_t open = 0;
        {
          std::lock_guard lock(state.mutex);
          open = state.sessions.size();
        }
        if (open < state.options.max_connections) {
          socket.set_option(tcp::no_delay(true), ec);
          std::make_shared<Session>(std::move(socket), state)->start();
        }
      }
      accept();
    });
  }

  // Every kSweepInterval, closes the connections past their deadline; ends once stopped and drained.
  void sweep() {
    sweep_timer.expires_after(kSweepInterval);
    sweep_timer.async_wait([this](beast::error_code ec) {
      if (ec) return;
      const auto now = Clock::now();
      std::vector<std::shared_ptr<Session>> overdue;
      {
        std::lock_guard lock(state.mutex);
        if (state.stopping && state.sessions.empty()) return;
        for (auto& [pointer, weak] : state.sessions) {
          auto session = weak.lock();
          if (session && session->overdue(now)) overdue.push_back(std::move(session));
        }
      }
      for (auto& session : overdue) session->close_if_overdue();
      sweep();
    });
  }

  void watch_signals() {
    signals.async_wait([this](beast::error_code ec, int signal) {
      if (ec) return;
      if (signal == SIGHUP) {
        spdlog::info(R"("msg":"SIGHUP: reloading the snapshot")");
        if (reloader.joinable()) reloader.join();
        reloader = std::thread([this] {
          try {
            reload();
          } catch (const std::exception& error) {
            spdlog::error(R"("msg":"reload failed; the previous snapshot stays","error":{})", json_quote(error.what()));
          }
        });
        return watch_signals();
      }
      spdlog::info(R"("msg":"draining in-flight requests","signal":{})", signal);
      stop();
    });
  }

  void stop() {
    asio::post(acceptor.get_executor(), [this] {
      if (state.stopping.exchange(true)) return;
      beast::error_code ignored;
      acceptor.close(ignored);
      signals.cancel(ignored);
      std::vector<std::shared_ptr<Session>> open;
      {
        std::lock_guard lock(state.mutex);
        for (auto& [pointer, weak] : state.sessions) {
          if (auto session = weak.lock()) open.push_back(std::move(session));
        }
      }
      for (auto& session : open) session->close_if_idle();
      if (open.empty()) sweep_timer.cancel();  // otherwise the sweep ends once the last one has closed
      keep_running.clear();                    // each loop ends once its last connection has closed
    });
  }

  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
  std::size_t accepted = 0;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer sweep_timer;
  ServerState state;
  std::function<void()> reload;
  std::thread reloader;
};

HttpServer::HttpServer(Api& api, ListenerOptions options, std::function<void()> on_reload)
    : impl_(std::make_unique<Impl>(api, std::move(options), std::move(on_reload))) {
  impl_->listen();
}

HttpServer::~HttpServer() {
  if (impl_->reloader.joinable()) impl_->reloader.join();
}

unsigned short HttpServer::port() const { return impl_->acceptor.local_endpoint().port(); }

void HttpServer::run() {
  impl_->accept();
  impl_->watch_signals();
  impl_->sweep();
  std::vector<std::thread> workers;
  for (std::size_t i = 1; i < impl_->contexts.size(); ++i) {
    workers.emplace_back([this, i] { impl_->contexts[i]->run(); });
  }
  impl_->contexts.front()->run();
  for (auto& worker : workers) worker.join();
}

void HttpServer::stop() { impl_->stop(); }

}  // namespace hci::server
