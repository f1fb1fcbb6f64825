// A client that sends its request too slowly, or keeps an idle connection open, is disconnected after the
// read timeout, and the server goes on serving everyone else.

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/time.h>

#include "served_api.hpp"
#include "support/http_client.hpp"

namespace hci {

namespace {

// A loopback connection whose reads give up after `guard`, so a test fails rather than hangs.
int connect_with_guard(unsigned short port, std::chrono::seconds guard) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  const timeval limit{static_cast<time_t>(guard.count()), 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  return fd;
}

// Reads until the server closes the connection (true) or the guard gives up first (false).
bool server_closes(int fd) {
  char buffer[4096];
  ssize_t n;
  while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) {
  }
  ::close(fd);
  return n == 0;
}

class ConnectionTimeoutsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto listener = testing::test_listener_options();
    listener.read_timeout = std::chrono::seconds(1);
    served = new testing::ServedApi(testing::test_api_options(), testing::ingested_store_uri(), listener);
  }
  static void TearDownTestSuite() { delete served; }
  static inline testing::ServedApi* served = nullptr;
};

}  // namespace

TEST_F(ConnectionTimeoutsTest, AHalfSentRequestIsCutOffAfterTheReadTimeout) {
  const int fd = connect_with_guard(served->port(), std::chrono::seconds(20));
  const std::string half = "GET /health HTTP/1.1\r\nHo";
  ASSERT_EQ(::send(fd, half.data(), half.size(), MSG_NOSIGNAL), static_cast<ssize_t>(half.size()));
  EXPECT_TRUE(server_closes(fd)) << "the connection was still open 20 s after a 1 s read timeout";
  EXPECT_EQ(testing::http_get(served->port(), "/health").status, 200);
}

TEST_F(ConnectionTimeoutsTest, AnIdleKeepAliveConnectionIsClosedAfterItsAnswer) {
  const int fd = connect_with_guard(served->port(), std::chrono::seconds(20));
  const std::string request = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_EQ(::send(fd, request.data(), request.size(), MSG_NOSIGNAL), static_cast<ssize_t>(request.size()));
  EXPECT_TRUE(server_closes(fd)) << "the answered keep-alive connection stayed open past the read timeout";
}

TEST_F(ConnectionTimeoutsTest, ARequestSentInPiecesWithinTheTimeoutIsServed) {
  const int fd = connect_with_guard(served->port(), std::chrono::seconds(20));
  for (const std::string piece : {"GET /health HTTP/1.1\r\n", "Host: x\r\n", "Connection: close\r\n\r\n"}) {
    ASSERT_EQ(::send(fd, piece.data(), piece.size(), MSG_NOSIGNAL), static_cast<ssize_t>(piece.size()));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  char buffer[16] = {};
  ASSERT_GT(::recv(fd, buffer, sizeof buffer - 1, 0), 0);
  EXPECT_EQ(std::string(buffer).substr(0, 12), "HTTP/1.1 200");
  ::close(fd);
}

}  // namespace hci
