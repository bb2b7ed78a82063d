#include "auth/throttler.h"

namespace mockwiki::auth {

std::string ThrottleStore::key(std::string_view type, std::size_t index, std::optional<std::string_view> username,
                               std::string_view ip) {
  std::string k(type);
  k += '\n';
  k += std::to_string(index);
  k += '\n';
  k += ip;
  k += '\n';
  if (username) k += *username;
  return k;
}

std::optional<ThrottleHit> ThrottleStore::increase(std::string_view type,
                                                   const std::vector<ThrottleCondition>& conditions,
                                                   std::optional<std::string_view> username, std::string_view ip,
                                                   std::int64_t now) {
  std::lock_guard lock(mutex_);
  if (++increments_since_sweep_ >= 1024) {
    increments_since_sweep_ = 0;
    std::erase_if(counters_, [now](const auto& entry) { return entry.second.expires <= now; });
  }
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    const auto& condition = conditions[i];
    if (condition.count == 0) continue;
    Counter& counter = counters_[key(type, i, username, ip)];
    if (counter.expires <= now) counter = Counter{0, now + condition.seconds};
    if (counter.count >= condition.count) return ThrottleHit{i, condition.count, condition.seconds};
    ++counter.count;
  }
  return std::nullopt;
}

void ThrottleStore::clear(std::string_view type, const std::vector<ThrottleCondition>& conditions,
                          std::optional<std::string_view> username, std::string_view ip) {
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < conditions.size(); ++i) counters_.erase(key(type, i, username, ip));
}

void ThrottleStore::clear_all() {
  std::lock_guard lock(mutex_);
  counters_.clear();
}

}  // namespace mockwiki::auth
