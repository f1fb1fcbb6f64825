#pragma once
// Token-bucket rate limiting per API key, or per client address for anonymous callers.

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace hci::server {

/// The verdict on one request, with what the RateLimit headers report.
struct RateDecision {
  bool allowed = true;
  double retry_after_seconds = 0;  // when refused: until one token is back
  long remaining = 0;              // whole tokens left after this request
  long limit = 0;                  // the burst size
};

/// A bucket of `burst` tokens per caller, refilled at `rate` tokens per second. Thread-safe.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  /// `rate` requests per second with a burst of 2 x rate; rate <= 0 disables limiting.
  explicit RateLimiter(double rate);
  /// Takes one token from `caller`'s bucket at time `now`.
  RateDecision take(const std::string& caller, Clock::time_point now = Clock::now());
  /// False when limiting is off.
  bool enabled() const { return rate_ > 0; }

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  void forget_full_buckets(Clock::time_point now);

  double rate_;
  double burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace hci::server
