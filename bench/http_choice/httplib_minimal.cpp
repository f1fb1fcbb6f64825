// Minimal JSON endpoint on cpp-httplib (thread per keep-alive connection from its pool), with
// TCP_NODELAY set on accepted sockets: without it every response waits ~40 ms for a delayed ACK.
// Used only to choose the HTTP library by measurement (bench/http_choice/run.sh).

#include <httplib.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <csignal>
#include <cstdlib>

int main(int argc, char** argv) {
  const int port = argc > 1 ? std::atoi(argv[1]) : 8082;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 8;
  std::signal(SIGPIPE, SIG_IGN);  // a client closing mid-response must not kill the server
  httplib::Server server;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server.set_socket_options([](int socket) {
    const int on = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  });
  server.Get("/", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(R"({"status":"ok","service":"hci"})", "application/json");
  });
  server.listen("127.0.0.1", port);
}
