// User::pingLimiter's rate limits ($wgRateLimits) as MediaWiki 1.39 counts them with WRStats
// (core:includes/libs/WRStats/): each window is split into 30 buckets; the count over the
// last `window` seconds is the full buckets plus the oldest one in proportion to its overlap,
// rounded. Checking ("peek", pingLimiter($action, 0)) asks whether one more action would go
// over the limit; an increment happens only when it would not (tryIncr).
//
// The mock's clock has whole seconds where MediaWiki uses microtime(); otherwise the
// arithmetic is WRStatsReader::internalGetCount's.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace mockwiki::auth {

struct RateLimit {
  int limit;
  std::int64_t window;  // seconds
};

// OATHAuth's extension.json: 10 wrong codes per user in 60 s ("user" and "user-global").
inline constexpr RateLimit kBadOathLimit{10, 60};
// ConfirmEdit's extension.json: 15 wrong captcha answers per IP in 60 s for anonymous users.
inline constexpr RateLimit kBadCaptchaLimit{15, 60};

class RateLimiter {
 public:
  // True if one more `action` by `entity` would exceed the limit (pingLimiter($action, 0)).
  bool would_exceed(std::string_view action, std::string_view entity, RateLimit limit, std::int64_t now) const;
  // pingLimiter($action): true (and not counted) if over the limit, else counts one action.
  bool ping(std::string_view action, std::string_view entity, RateLimit limit, std::int64_t now);
  void clear();

 private:
  static constexpr int kBuckets = 30;                    // WRStatsRateLimiter::BUCKET_COUNT
  using Buckets = std::map<std::int64_t, std::int64_t>;  // bucket number -> count
  struct Counter {
    std::int64_t window = 0;
    Buckets buckets;
  };

  static std::int64_t total(const Buckets& buckets, RateLimit limit, std::int64_t now);
  static std::int64_t bucket_at(std::int64_t time, std::int64_t window);

  mutable std::mutex mutex_;
  std::unordered_map<std::string, Counter> counters_;  // action "\n" entity -> counter
  std::size_t pings_since_sweep_ = 0;
};

}  // namespace mockwiki::auth
