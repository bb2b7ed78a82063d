// The rate limiter (mockwiki/src/auth/rate_limiter.h) against User::pingLimiter as MediaWiki
// 1.39 counts with WRStats (includes/libs/WRStats/WRStatsRateLimiter.php, WRStatsReader.php
// internalGetCount): a window is split into 30 buckets; the count is the buckets inside the
// window plus the oldest one in proportion to its overlap, rounded; a check (peek,
// pingLimiter($action, 0)) counts nothing; an increment happens only when it stays within the
// limit (tryIncr). The limits are OATHAuth's badoath and ConfirmEdit's badcaptcha
// (extension.json of each, REL1_39).
#include "auth/rate_limiter.h"

#include <gtest/gtest.h>

namespace mockwiki::auth {
namespace {

// An even second, so that a 60-s window's 2-s buckets start here: [kStart, kStart + 2) is one.
constexpr std::int64_t kStart = 1800000000;
constexpr RateLimit kTenPerMinute{10, 60};

class RateLimiterTest : public ::testing::Test {
 protected:
  // `n` pings at `now` that must all be counted.
  void count(int n, std::int64_t now, std::string_view entity = "3") {
    for (int i = 0; i < n; ++i) ASSERT_FALSE(limiter.ping("badoath", entity, kTenPerMinute, now)) << "ping " << i + 1;
  }
  bool would_exceed(std::int64_t now, std::string_view entity = "3") const {
    return limiter.would_exceed("badoath", entity, kTenPerMinute, now);
  }
  // How many more pings at `now` are counted before one is refused (and the refused one).
  int room_left(std::int64_t now, std::string_view entity = "3") {
    int n = 0;
    while (!limiter.ping("badoath", entity, kTenPerMinute, now)) {
      if (++n > 100) break;
    }
    return n;
  }

  RateLimiter limiter;
};

TEST(RateLimitTest, TheLimitsAreTheExtensionsDefaults) {
  // OATHAuth extension.json RateLimits.badoath: user [10, 60] (NOTES.md §9.3).
  EXPECT_EQ(kBadOathLimit.limit, 10);
  EXPECT_EQ(kBadOathLimit.window, 60);
  // ConfirmEdit extension.json RateLimits.badcaptcha: ip [15, 60] (FINDINGS.md §1).
  EXPECT_EQ(kBadCaptchaLimit.limit, 15);
  EXPECT_EQ(kBadCaptchaLimit.window, 60);
}

TEST_F(RateLimiterTest, NothingCountedIsWithinTheLimit) {
  EXPECT_FALSE(would_exceed(kStart));
  EXPECT_EQ(room_left(kStart), 10);
}

TEST_F(RateLimiterTest, ThePingThatWouldGoOverIsRefusedAndNotCounted) {
  count(10, kStart);
  EXPECT_TRUE(limiter.ping("badoath", "3", kTenPerMinute, kStart));
  EXPECT_TRUE(limiter.ping("badoath", "3", kTenPerMinute, kStart + 1));
  // Refused pings did not count: 61 s on, half of the 10 is left (see below), not more.
  EXPECT_EQ(room_left(kStart + 61), 5);
}

TEST_F(RateLimiterTest, PeekingCountsNothing) {
  count(9, kStart);
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(would_exceed(kStart));
  count(1, kStart);
  EXPECT_TRUE(would_exceed(kStart));
  EXPECT_TRUE(would_exceed(kStart));
}

TEST_F(RateLimiterTest, EveryPingWithinTheWindowCountsFully) {
  count(5, kStart);
  count(4, kStart + 30);
  count(1, kStart + 59);
  EXPECT_TRUE(would_exceed(kStart + 59));
}

TEST_F(RateLimiterTest, TheOldestBucketCountsInProportionToItsOverlapWithTheWindow) {
  count(10, kStart);  // all in the bucket [kStart, kStart + 2)
  // 60 s on, the window [kStart, kStart + 60] still covers the whole bucket.
  EXPECT_TRUE(would_exceed(kStart + 60));
  // 61 s on, the window starts at kStart + 1: half the bucket, 10 * 1/2 = 5 events.
  EXPECT_FALSE(would_exceed(kStart + 61));
  EXPECT_EQ(room_left(kStart + 61), 5);
}

TEST_F(RateLimiterTest, TheOverlapIsRoundedToTheNearestEvent) {
  count(3, kStart);
  // 61 s on: 3 * 1/2 = 1.5, which rounds (PHP's round(), half away from zero) to 2.
  EXPECT_EQ(room_left(kStart + 61), 8);
}

TEST_F(RateLimiterTest, ABucketThatHasLeftTheWindowCountsNoMore) {
  count(10, kStart);
  EXPECT_FALSE(would_exceed(kStart + 62));
  EXPECT_EQ(room_left(kStart + 62), 10);
}

TEST_F(RateLimiterTest, EachEntityHasItsOwnCounter) {
  count(10, kStart, "3");
  EXPECT_TRUE(would_exceed(kStart, "3"));
  EXPECT_FALSE(would_exceed(kStart, "4"));
  EXPECT_EQ(room_left(kStart, "4"), 10);
}

TEST_F(RateLimiterTest, EachActionHasItsOwnCounter) {
  count(10, kStart, "127.0.0.1");
  EXPECT_FALSE(limiter.would_exceed("badcaptcha", "127.0.0.1", kBadCaptchaLimit, kStart));
}

TEST_F(RateLimiterTest, TheLimitGivenIsTheOneApplied) {
  for (int i = 0; i < 15; ++i) {
    ASSERT_FALSE(limiter.ping("badcaptcha", "127.0.0.1", kBadCaptchaLimit, kStart)) << "ping " << i + 1;
  }
  EXPECT_TRUE(limiter.ping("badcaptcha", "127.0.0.1", kBadCaptchaLimit, kStart));
}

TEST_F(RateLimiterTest, ClearForgetsEveryCounter) {
  count(10, kStart);
  limiter.clear();
  EXPECT_FALSE(would_exceed(kStart));
}

TEST_F(RateLimiterTest, ManyEntitiesDoNotDisturbALiveCounter) {
  // Enough pings for the limiter to sweep its expired counters on the way.
  count(10, kStart, "live");
  for (int i = 0; i < 3000; ++i) {
    limiter.ping("badoath", "other" + std::to_string(i), kTenPerMinute, kStart + 30);
  }
  EXPECT_TRUE(would_exceed(kStart + 30, "live"));
}

}  // namespace
}  // namespace mockwiki::auth
