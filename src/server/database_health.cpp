#include "server/database_health.hpp"

#include <spdlog/spdlog.h>

#include "server/json_log.hpp"

namespace hci::server {

namespace {

double seconds_since(std::chrono::steady_clock::time_point then) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - then).count();
}

}  // namespace

void DatabaseHealth::record_success() {
  std::lock_guard lock(mutex_);
  if (checked_ && !reachable_) spdlog::info(R"("msg":"database reachable again")");
  checked_ = reachable_ = true;
  last_check_ = Clock::now();
}

void DatabaseHealth::record_failure(const std::string& error) {
  std::lock_guard lock(mutex_);
  if (!checked_ || reachable_) {
    unreachable_since_ = Clock::now();
    spdlog::warn(R"("msg":"database unreachable; serving the loaded snapshot","error":{})", json_quote(error));
  }
  checked_ = true;
  reachable_ = false;
  last_check_ = Clock::now();
}

nlohmann::ordered_json DatabaseHealth::to_json() const {
  std::lock_guard lock(mutex_);
  if (!checked_) return {{"state", "unknown"}};
  nlohmann::ordered_json state = {{"state", reachable_ ? "reachable" : "unreachable"},
                                  {"checked_seconds_ago", seconds_since(last_check_)}};
  if (!reachable_) state["unreachable_since_seconds"] = seconds_since(unreachable_since_);
  return state;
}

std::string DatabaseHealth::metrics() const {
  std::lock_guard lock(mutex_);
  if (!checked_) return "";
  return "# TYPE hci_database_up gauge\nhci_database_up " + std::string(reachable_ ? "1" : "0") +
         "\n# TYPE hci_database_checked_seconds_ago gauge\nhci_database_checked_seconds_ago " +
         std::to_string(seconds_since(last_check_)) + "\n";
}

}  // namespace hci::server
