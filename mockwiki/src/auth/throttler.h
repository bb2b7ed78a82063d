// Throttler (core:includes/auth/Throttler.php): counts attempts per (username, IP) under each
// condition; a condition's window starts with its first attempt and is not extended by later
// ones. The counters live in one store shared by every throttle type, like MediaWiki's object
// cache.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mockwiki::auth {

struct ThrottleCondition {
  int count;
  std::int64_t seconds;
};

// $wgPasswordAttemptThrottle: 5 in 5 minutes, 150 in 48 hours.
inline const std::vector<ThrottleCondition> kPasswordAttemptThrottle = {{5, 300}, {150, 172800}};

struct ThrottleHit {
  std::size_t condition;
  int count;
  std::int64_t wait;  // the condition's seconds, as MediaWiki reports it
};

class ThrottleStore {
 public:
  // Throttler::increase: the first condition already at its limit, else counts the attempt.
  std::optional<ThrottleHit> increase(std::string_view type, const std::vector<ThrottleCondition>& conditions,
                                      std::optional<std::string_view> username, std::string_view ip, std::int64_t now);
  // Throttler::clear.
  void clear(std::string_view type, const std::vector<ThrottleCondition>& conditions,
             std::optional<std::string_view> username, std::string_view ip);
  void clear_all();

 private:
  struct Counter {
    int count = 0;
    std::int64_t expires = 0;
  };
  static std::string key(std::string_view type, std::size_t index, std::optional<std::string_view> username,
                         std::string_view ip);

  std::mutex mutex_;
  std::unordered_map<std::string, Counter> counters_;
  std::size_t increments_since_sweep_ = 0;
};

}  // namespace mockwiki::auth
