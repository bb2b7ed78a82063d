#include "auth/rate_limiter.h"

#include <cmath>

namespace mockwiki::auth {
namespace {

std::string counter_key(std::string_view action, std::string_view entity) {
  std::string key(action);
  key += '\n';
  key += entity;
  return key;
}

}  // namespace

std::int64_t RateLimiter::total(const Buckets& buckets, RateLimit limit, std::int64_t now) {
  const double step = static_cast<double>(limit.window) / kBuckets;
  const double start = static_cast<double>(now - limit.window);
  const std::int64_t first = bucket_at(now - limit.window, limit.window);
  const std::int64_t last = bucket_at(now, limit.window);
  double sum = 0;
  for (auto it = buckets.lower_bound(first); it != buckets.end() && it->first <= last; ++it) {
    const auto [bucket, value] = *it;
    if (bucket == first && bucket != last) {
      // The oldest bucket counts for the part of it inside the window.
      const double overlap = std::max(static_cast<double>(bucket + 1) * step - start, 0.0);
      sum += static_cast<double>(value) * overlap / step;
    } else {
      // Middle buckets count fully, and so does the current one (no events in the future).
      sum += static_cast<double>(value);
    }
  }
  return static_cast<std::int64_t>(std::round(sum));
}

std::int64_t RateLimiter::bucket_at(std::int64_t time, std::int64_t window) {
  return static_cast<std::int64_t>(static_cast<double>(time) / (static_cast<double>(window) / kBuckets));
}

bool RateLimiter::would_exceed(std::string_view action, std::string_view entity, RateLimit limit,
                               std::int64_t now) const {
  std::lock_guard lock(mutex_);
  auto it = counters_.find(counter_key(action, entity));
  const std::int64_t count = it == counters_.end() ? 0 : total(it->second.buckets, limit, now);
  return count + 1 > limit.limit;
}

bool RateLimiter::ping(std::string_view action, std::string_view entity, RateLimit limit, std::int64_t now) {
  std::lock_guard lock(mutex_);
  if (++pings_since_sweep_ >= 1024) {
    pings_since_sweep_ = 0;
    // A counter whose newest bucket has left its window is never read again (its hard expiry).
    std::erase_if(counters_, [now](const auto& entry) {
      const Counter& c = entry.second;
      return c.buckets.empty() || c.buckets.rbegin()->first < bucket_at(now - c.window, c.window);
    });
  }
  Counter& counter = counters_[counter_key(action, entity)];
  counter.window = limit.window;
  if (total(counter.buckets, limit, now) + 1 > limit.limit) return true;
  counter.buckets[bucket_at(now, limit.window)] += 1;
  // Keep each counter small: drop the buckets that have left its window.
  counter.buckets.erase(counter.buckets.begin(),
                        counter.buckets.lower_bound(bucket_at(now - limit.window, limit.window)));
  return false;
}

void RateLimiter::clear() {
  std::lock_guard lock(mutex_);
  counters_.clear();
}

}  // namespace mockwiki::auth
