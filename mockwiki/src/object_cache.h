// MediaWiki's object caches as extensions use them for counters and markers (the local
// cluster cache and the main stash): integer values under string keys, each with an expiry on
// the mock's clock. ConfirmEdit counts bad logins here; OATHAuth remembers the last TOTP
// window a user spent.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace mockwiki {

class ObjectCache {
 public:
  // BagOStuff::get: the value, or nothing if absent or expired.
  std::optional<std::int64_t> get(std::string_view key, std::int64_t now) const;
  // BagOStuff::set: the value, expiring `ttl` seconds from now.
  void set(std::string_view key, std::int64_t value, std::int64_t ttl, std::int64_t now);
  // BagOStuff::incrWithInit: 1 (expiring in `ttl`) if absent, else one more with the expiry kept.
  std::int64_t incr_with_init(std::string_view key, std::int64_t ttl, std::int64_t now);
  void erase(std::string_view key);
  void clear();

 private:
  struct Entry {
    std::int64_t value = 0;
    std::int64_t expires = 0;
  };
  void sweep_if_due(std::int64_t now);

  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::size_t writes_since_sweep_ = 0;
};

}  // namespace mockwiki
