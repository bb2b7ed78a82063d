#include "mockwiki/clock.h"

namespace mockwiki {

std::int64_t Clock::system_now() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::int64_t Clock::now() const {
  if (frozen_.load(std::memory_order_acquire)) return frozen_at_.load(std::memory_order_relaxed);
  return system_now() + offset_.load(std::memory_order_relaxed);
}

void Clock::advance(std::chrono::seconds by) {
  if (frozen_.load(std::memory_order_acquire)) {
    frozen_at_.fetch_add(by.count(), std::memory_order_relaxed);
  } else {
    offset_.fetch_add(by.count(), std::memory_order_relaxed);
  }
}

void Clock::set(std::int64_t unix_seconds) {
  if (frozen_.load(std::memory_order_acquire)) {
    frozen_at_.store(unix_seconds, std::memory_order_relaxed);
  } else {
    offset_.store(unix_seconds - system_now(), std::memory_order_relaxed);
  }
}

void Clock::freeze() {
  if (frozen_.load(std::memory_order_acquire)) return;
  frozen_at_.store(now(), std::memory_order_relaxed);
  frozen_.store(true, std::memory_order_release);
}

void Clock::resume() {
  if (!frozen_.load(std::memory_order_acquire)) return;
  offset_.store(frozen_at_.load(std::memory_order_relaxed) - system_now(), std::memory_order_relaxed);
  frozen_.store(false, std::memory_order_release);
}

void Clock::reset() {
  frozen_.store(false, std::memory_order_release);
  offset_.store(0, std::memory_order_relaxed);
}

}  // namespace mockwiki
