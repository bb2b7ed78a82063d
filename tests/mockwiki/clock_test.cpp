// The mock's clock (mockwiki/include/mockwiki/clock.h). A frozen clock is checked exactly; a
// running one only to within an hour, so no test depends on how fast it runs.
#include "mockwiki/clock.h"

#include <gtest/gtest.h>

#include <chrono>

namespace mockwiki {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

constexpr std::int64_t kT = 1795566074;
constexpr std::int64_t kSlack = 3600;

std::int64_t system_now() {
  return std::chrono::duration_cast<seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

TEST(ClockTest, ByDefaultItFollowsTheSystemClock) {
  Clock clock;
  EXPECT_FALSE(clock.frozen());
  EXPECT_NEAR(clock.now(), system_now(), kSlack);
}

TEST(ClockTest, AFrozenClockStandsStillAtTheTimeItWasSetTo) {
  Clock clock;
  clock.freeze();
  EXPECT_TRUE(clock.frozen());
  clock.set(kT);
  EXPECT_EQ(clock.now(), kT);
  EXPECT_EQ(clock.now(), kT);
}

TEST(ClockTest, AdvanceMovesAFrozenClockExactly) {
  Clock clock;
  clock.freeze();
  clock.set(kT);
  clock.advance(seconds(60));
  EXPECT_EQ(clock.now(), kT + 60);
  clock.advance(hours(2));
  EXPECT_EQ(clock.now(), kT + 60 + 7200);
  clock.advance(seconds(-7260));
  EXPECT_EQ(clock.now(), kT);
}

TEST(ClockTest, FreezingTwiceKeepsTheFirstReading) {
  Clock clock;
  clock.set(kT);
  clock.freeze();
  const std::int64_t frozen_at = clock.now();
  clock.freeze();
  EXPECT_EQ(clock.now(), frozen_at);
  EXPECT_NEAR(frozen_at, kT, kSlack);
}

TEST(ClockTest, SetPutsARunningClockAtTheGivenTime) {
  Clock clock;
  clock.set(kT);
  EXPECT_FALSE(clock.frozen());
  EXPECT_GE(clock.now(), kT);
  EXPECT_LT(clock.now(), kT + kSlack);
  clock.set(1000000000);  // back in time
  EXPECT_GE(clock.now(), 1000000000);
  EXPECT_LT(clock.now(), 1000000000 + kSlack);
}

TEST(ClockTest, AdvanceShiftsARunningClock) {
  Clock clock;
  clock.set(kT);
  clock.advance(hours(24 * 10));
  EXPECT_GE(clock.now(), kT + 864000);
  EXPECT_LT(clock.now(), kT + 864000 + kSlack);
}

TEST(ClockTest, ResumeLetsAFrozenClockTickFromItsReading) {
  Clock clock;
  clock.freeze();
  clock.set(kT);
  clock.resume();
  EXPECT_FALSE(clock.frozen());
  EXPECT_GE(clock.now(), kT);
  EXPECT_LT(clock.now(), kT + kSlack);
}

TEST(ClockTest, ResumingARunningClockChangesNothing) {
  Clock clock;
  clock.set(kT);
  clock.resume();
  EXPECT_FALSE(clock.frozen());
  EXPECT_GE(clock.now(), kT);
  EXPECT_LT(clock.now(), kT + kSlack);
}

TEST(ClockTest, ResetGoesBackToTheSystemClock) {
  Clock clock;
  clock.freeze();
  clock.set(kT + 100 * 86400);
  clock.reset();
  EXPECT_FALSE(clock.frozen());
  EXPECT_NEAR(clock.now(), system_now(), kSlack);
  clock.set(1000000000);
  clock.reset();
  EXPECT_NEAR(clock.now(), system_now(), kSlack);
}

}  // namespace
}  // namespace mockwiki
