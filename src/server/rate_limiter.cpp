#include "server/rate_limiter.hpp"

#include <algorithm>

namespace hci::server {

namespace {

// Above this many callers, buckets that have refilled completely are dropped: they hold no state.
constexpr std::size_t kMaxTrackedCallers = 100'000;

}  // namespace

RateLimiter::RateLimiter(double rate) : rate_(rate), burst_(2 * rate) {}

RateDecision RateLimiter::take(const std::string& caller, Clock::time_point now) {
  if (!enabled()) return {true, 0, 0, 0};
  std::lock_guard lock(mutex_);
  if (buckets_.size() > kMaxTrackedCallers) forget_full_buckets(now);
  auto [it, inserted] = buckets_.try_emplace(caller, Bucket{burst_, now});
  Bucket& bucket = it->second;
  const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
  bucket.tokens = std::min(burst_, bucket.tokens + elapsed * rate_);
  bucket.updated = now;
  RateDecision decision;
  decision.limit = static_cast<long>(burst_);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    decision.remaining = static_cast<long>(bucket.tokens);
    return decision;
  }
  decision.allowed = false;
  decision.retry_after_seconds = (1 - bucket.tokens) / rate_;
  return decision;
}

void RateLimiter::forget_full_buckets(Clock::time_point now) {
  std::erase_if(buckets_, [&](const auto& entry) {
    const double elapsed = std::chrono::duration<double>(now - entry.second.updated).count();
    return entry.second.tokens + elapsed * rate_ >= burst_;
  });
}

}  // namespace hci::server
