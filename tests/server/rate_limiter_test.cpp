#include "server/rate_limiter.hpp"

#include <gtest/gtest.h>

namespace hci::server {

TEST(RateLimiterTest, AllowsABurstOfTwiceTheRateThenRefusesUntilRefilled) {
  RateLimiter limiter(10);
  const auto start = RateLimiter::Clock::now();
  for (int i = 0; i < 20; ++i) EXPECT_TRUE(limiter.take("key:a", start).allowed) << i;
  const auto refused = limiter.take("key:a", start);
  EXPECT_FALSE(refused.allowed);
  EXPECT_NEAR(refused.retry_after_seconds, 0.1, 1e-9);
  EXPECT_TRUE(limiter.take("key:a", start + std::chrono::milliseconds(100)).allowed);
}

TEST(RateLimiterTest, CallersHaveSeparateBuckets) {
  RateLimiter limiter(1);
  const auto now = RateLimiter::Clock::now();
  limiter.take("address:1", now);
  limiter.take("address:1", now);
  EXPECT_FALSE(limiter.take("address:1", now).allowed);
  EXPECT_TRUE(limiter.take("address:2", now).allowed);
}

TEST(RateLimiterTest, OffAllowsEverything) {
  RateLimiter limiter(0);
  EXPECT_FALSE(limiter.enabled());
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(limiter.take("x").allowed);
}

}  // namespace hci::server
