#include "server/http_message.hpp"

namespace hci::server {

const std::string& HttpRequest::header(std::string_view name) const {
  static const std::string kEmpty;
  auto it = headers.find(name);
  return it == headers.end() ? kEmpty : it->second;
}

}  // namespace hci::server
