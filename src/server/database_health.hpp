#pragma once
// What the server last learned about its database: the snapshot keeps answering reads when the database
// goes away, so readiness reports the database beside the snapshot instead of failing.

#include <chrono>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

namespace hci::server {

/// The outcome of the last contact with the store (a key refresh, a change check, a reload). Thread-safe.
class DatabaseHealth {
 public:
  /// The store answered.
  void record_success();
  /// The store could not be reached or failed; logs `error` (it is never shown to callers).
  void record_failure(const std::string& error);
  /// {"state": "reachable" | "unreachable" | "unknown", "checked_seconds_ago", "unreachable_since_seconds"}.
  nlohmann::ordered_json to_json() const;
  /// Prometheus text: hci_database_up (1, 0) and hci_database_checked_seconds_ago.
  std::string metrics() const;

 private:
  using Clock = std::chrono::steady_clock;
  mutable std::mutex mutex_;
  bool checked_ = false;
  bool reachable_ = false;
  Clock::time_point last_check_;
  Clock::time_point unreachable_since_;
};

}  // namespace hci::server
