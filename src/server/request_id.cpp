#include "server/request_id.hpp"

#include <cstdio>
#include <random>

namespace hci::server {

std::string request_id_for(const HttpRequest& request) {
  const std::string& given = request.header("x-request-id");
  const bool plain =
      !given.empty() && given.size() <= 128 &&
      given.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.") == std::string::npos;
  if (plain) return given;
  thread_local std::mt19937_64 random{std::random_device{}()};
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(random()));
  return buffer;
}

}  // namespace hci::server
