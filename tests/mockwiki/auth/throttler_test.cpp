// The throttle store (mockwiki/src/auth/throttler.h) against Throttler::increase and clear
// (includes/auth/Throttler.php): each condition counts in its own key with the condition's
// TTL set by the first attempt (BagOStuff::incrWithInit), and a refusal reports the condition's
// seconds as the wait.
#include "auth/throttler.h"

#include <gtest/gtest.h>

namespace mockwiki::auth {
namespace {

constexpr std::int64_t kStart = 1795566074;
constexpr const char* kIp = "127.0.0.1";

class ThrottlerTest : public ::testing::Test {
 protected:
  std::optional<ThrottleHit> attempt(std::int64_t now, std::optional<std::string_view> user = "Alice",
                                     std::string_view ip = kIp, std::string_view type = "password") {
    return store.increase(type, kPasswordAttemptThrottle, user, ip, now);
  }
  // Five allowed attempts at `now`.
  void use_up(std::int64_t now, std::optional<std::string_view> user = "Alice", std::string_view ip = kIp,
              std::string_view type = "password") {
    for (int i = 0; i < 5; ++i) ASSERT_EQ(attempt(now, user, ip, type), std::nullopt) << "attempt " << i + 1;
  }

  ThrottleStore store;
};

TEST_F(ThrottlerTest, TheDefaultPasswordThrottleIsFiveIn300SecondsAnd150In48Hours) {
  // $wgPasswordAttemptThrottle (includes/MainConfigSchema.php).
  ASSERT_EQ(kPasswordAttemptThrottle.size(), 2u);
  EXPECT_EQ(kPasswordAttemptThrottle[0].count, 5);
  EXPECT_EQ(kPasswordAttemptThrottle[0].seconds, 300);
  EXPECT_EQ(kPasswordAttemptThrottle[1].count, 150);
  EXPECT_EQ(kPasswordAttemptThrottle[1].seconds, 172800);
}

TEST_F(ThrottlerTest, TheSixthAttemptIsRefusedWithTheConditionsSeconds) {
  use_up(kStart);
  const auto hit = attempt(kStart);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->condition, 0u);
  EXPECT_EQ(hit->count, 5);
  EXPECT_EQ(hit->wait, 300);
}

TEST_F(ThrottlerTest, TheWindowStartsAtTheFirstAttemptAndLaterAttemptsDoNotExtendIt) {
  ASSERT_EQ(attempt(kStart), std::nullopt);
  for (int i = 0; i < 4; ++i) ASSERT_EQ(attempt(kStart + 200), std::nullopt);
  EXPECT_TRUE(attempt(kStart + 299).has_value());
  EXPECT_TRUE(attempt(kStart + 299).has_value());  // refusals are not counted
  EXPECT_EQ(attempt(kStart + 301), std::nullopt);  // the window of kStart is over
}

TEST_F(ThrottlerTest, ARefusalStillReportsTheFullWait) {
  use_up(kStart);
  const auto hit = attempt(kStart + 250);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->wait, 300);  // not the 50 seconds left: MediaWiki reports $throttleCondition['seconds']
}

TEST_F(ThrottlerTest, AfterTheWindowANewOneStarts) {
  use_up(kStart);
  use_up(kStart + 301);
  EXPECT_TRUE(attempt(kStart + 301).has_value());
}

TEST_F(ThrottlerTest, UserNamesAreCountedSeparately) {
  use_up(kStart, "Alice");
  EXPECT_EQ(attempt(kStart, "Bob"), std::nullopt);
  EXPECT_EQ(attempt(kStart, "alice"), std::nullopt);  // md5($username): case matters
  EXPECT_TRUE(attempt(kStart, "Alice").has_value());
}

TEST_F(ThrottlerTest, IpAddressesAreCountedSeparately) {
  use_up(kStart, "Alice", "127.0.0.1");
  EXPECT_EQ(attempt(kStart, "Alice", "10.0.0.1"), std::nullopt);
  EXPECT_TRUE(attempt(kStart, "Alice", "127.0.0.1").has_value());
}

TEST_F(ThrottlerTest, ThrottleTypesAreCountedSeparately) {
  use_up(kStart, "Robo", kIp, "password");
  EXPECT_EQ(attempt(kStart, "Robo", kIp, "botpassword"), std::nullopt);
  EXPECT_TRUE(attempt(kStart, "Robo", kIp, "password").has_value());
}

TEST_F(ThrottlerTest, AnAttemptWithoutAUserNameIsCountedForTheIpAlone) {
  use_up(kStart, std::nullopt);
  EXPECT_TRUE(attempt(kStart, std::nullopt).has_value());
  EXPECT_EQ(attempt(kStart, "Alice"), std::nullopt);
}

TEST_F(ThrottlerTest, TheSecondConditionRefusesOnceItsCountIsReached) {
  // With [[2, 10], [3, 100]]: two attempts, a refusal by the first condition (not counted by
  // the second), then after 10 s one more attempt reaches the second condition's count.
  const std::vector<ThrottleCondition> conditions = {{2, 10}, {3, 100}};
  auto try_at = [&](std::int64_t now) { return store.increase("password", conditions, "Alice", kIp, now); };
  EXPECT_EQ(try_at(kStart), std::nullopt);
  EXPECT_EQ(try_at(kStart), std::nullopt);
  const auto first = try_at(kStart);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->condition, 0u);
  EXPECT_EQ(first->wait, 10);
  EXPECT_EQ(try_at(kStart + 11), std::nullopt);
  const auto second = try_at(kStart + 11);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->condition, 1u);
  EXPECT_EQ(second->count, 3);
  EXPECT_EQ(second->wait, 100);
}

TEST_F(ThrottlerTest, TheSecondConditionOfTheDefaultThrottleStopsThe151stAttempt) {
  std::int64_t now = kStart;
  int allowed = 0;
  for (int window = 0; window < 30; ++window, now += 301) {
    for (int i = 0; i < 5; ++i) allowed += attempt(now) ? 0 : 1;
  }
  EXPECT_EQ(allowed, 150);
  const auto hit = attempt(now);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->condition, 1u);
  EXPECT_EQ(hit->count, 150);
  EXPECT_EQ(hit->wait, 172800);
}

TEST_F(ThrottlerTest, AConditionWithCountZeroIsDisabled) {
  // "a limit of 0 is used as a disable flag".
  const std::vector<ThrottleCondition> conditions = {{0, 300}};
  for (int i = 0; i < 10; ++i) EXPECT_EQ(store.increase("password", conditions, "Alice", kIp, kStart), std::nullopt);
}

TEST_F(ThrottlerTest, ClearForgetsOneUserAndIp) {
  use_up(kStart, "Alice");
  use_up(kStart, "Bob");
  store.clear("password", kPasswordAttemptThrottle, "Alice", kIp);
  EXPECT_EQ(attempt(kStart, "Alice"), std::nullopt);
  EXPECT_TRUE(attempt(kStart, "Bob").has_value());
}

TEST_F(ThrottlerTest, ClearOfAnotherTypeLeavesTheCountsAlone) {
  use_up(kStart, "Robo", kIp, "password");
  store.clear("botpassword", kPasswordAttemptThrottle, "Robo", kIp);
  EXPECT_TRUE(attempt(kStart, "Robo", kIp, "password").has_value());
}

TEST_F(ThrottlerTest, ClearAllForgetsEverything) {
  use_up(kStart, "Alice");
  use_up(kStart, "Bob", "10.0.0.1");
  store.clear_all();
  EXPECT_EQ(attempt(kStart, "Alice"), std::nullopt);
  EXPECT_EQ(attempt(kStart, "Bob", "10.0.0.1"), std::nullopt);
}

}  // namespace
}  // namespace mockwiki::auth
