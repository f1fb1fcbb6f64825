#include "server/json_log.hpp"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

namespace hci::server {

void use_json_log_lines() {
  spdlog::set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})", spdlog::pattern_time_type::utc);
}

std::string json_quote(std::string_view text) {
  return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace hci::server
