// mockwiki/clock.h: the mock wiki's only source of time.
//
// Session expiry, login throttles, token timestamps and (with OATHAuth) TOTP windows all read
// this clock, so a test can move time instead of sleeping:
//
//   mockwiki::MockWiki wiki;
//   wiki.clock().advance(std::chrono::hours(2));   // every session is now past its 3600 s
//
// By default the clock follows the system clock; advance() and set() shift it by an offset
// and it keeps ticking. freeze() stops it at its current reading until the next set/advance
// moves it again, or resume() lets it tick again from there.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace mockwiki {

class Clock {
 public:
  Clock() = default;
  Clock(const Clock&) = delete;
  Clock& operator=(const Clock&) = delete;

  // Seconds since the Unix epoch, as MediaWiki's time() would return them.
  std::int64_t now() const;

  // Moves the clock forward (or back, with a negative duration).
  void advance(std::chrono::seconds by);
  // Puts the clock at the given Unix time.
  void set(std::int64_t unix_seconds);
  // Stops the clock where it is; advance() and set() still move it.
  void freeze();
  // Lets a frozen clock tick again from its current reading.
  void resume();
  // Back to the system clock: no offset, not frozen.
  void reset();
  bool frozen() const { return frozen_.load(std::memory_order_relaxed); }

 private:
  static std::int64_t system_now();

  // now() = frozen ? frozen_at_ : system_now() + offset_
  std::atomic<std::int64_t> offset_{0};
  std::atomic<std::int64_t> frozen_at_{0};
  std::atomic<bool> frozen_{false};
};

}  // namespace mockwiki
