#pragma once
// The first stage of a request: the id that its log line, its problem answers and X-Request-Id carry.

#include <string>

#include "server/http_message.hpp"

namespace hci::server {

/// The client's X-Request-Id when it is short and plain (letters, digits, - _ .), else a new random one.
std::string request_id_for(const HttpRequest& request);

}  // namespace hci::server
