// The server-side session store: id -> SessionRecord, with each record forgotten once the
// clock passes its expiry ($wgObjectCacheSessionExpiry). Sharded so that requests on
// different sessions do not wait for one another.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "session/session_record.h"

namespace mockwiki::session {

class SessionStore {
 public:
  // The live record, or nothing if unknown or expired at `now`.
  std::optional<SessionRecord> get(const std::string& id, std::int64_t now);
  void put(const std::string& id, SessionRecord record, std::int64_t now);
  void erase(const std::string& id);
  void clear();
  // Calls `visit` for each record live at `now` (for tests and the control plane).
  void for_each(std::int64_t now, const std::function<void(const std::string&, const SessionRecord&)>& visit);
  // Applies `change` to each live record; a record for which it returns false is removed.
  void update_all(std::int64_t now, const std::function<bool(const std::string&, SessionRecord&)>& change);
  std::size_t size() const;

 private:
  static constexpr std::size_t kShards = 32;
  static constexpr std::size_t kSweepEvery = 256;  // puts between purges of expired records

  struct Shard {
    mutable std::mutex mutex;
    std::unordered_map<std::string, SessionRecord> records;
    std::size_t puts_since_sweep = 0;
  };
  Shard& shard(const std::string& id);

  std::array<Shard, kShards> shards_;
};

}  // namespace mockwiki::session
