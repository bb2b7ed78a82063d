#include "object_cache.h"

namespace mockwiki {

std::optional<std::int64_t> ObjectCache::get(std::string_view key, std::int64_t now) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(std::string(key));
  if (it == entries_.end() || it->second.expires <= now) return std::nullopt;
  return it->second.value;
}

void ObjectCache::set(std::string_view key, std::int64_t value, std::int64_t ttl, std::int64_t now) {
  std::lock_guard lock(mutex_);
  sweep_if_due(now);
  entries_[std::string(key)] = Entry{value, now + ttl};
}

std::int64_t ObjectCache::incr_with_init(std::string_view key, std::int64_t ttl, std::int64_t now) {
  std::lock_guard lock(mutex_);
  sweep_if_due(now);
  Entry& entry = entries_[std::string(key)];
  if (entry.expires <= now) entry = Entry{0, now + ttl};
  return ++entry.value;
}

void ObjectCache::erase(std::string_view key) {
  std::lock_guard lock(mutex_);
  entries_.erase(std::string(key));
}

void ObjectCache::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

void ObjectCache::sweep_if_due(std::int64_t now) {
  if (++writes_since_sweep_ < 1024) return;
  writes_since_sweep_ = 0;
  std::erase_if(entries_, [now](const auto& entry) { return entry.second.expires <= now; });
}

}  // namespace mockwiki
