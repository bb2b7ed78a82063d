#include "session/session_store.h"

namespace mockwiki::session {

SessionStore::Shard& SessionStore::shard(const std::string& id) {
  return shards_[std::hash<std::string>{}(id) % kShards];
}

std::optional<SessionRecord> SessionStore::get(const std::string& id, std::int64_t now) {
  Shard& s = shard(id);
  std::lock_guard lock(s.mutex);
  auto it = s.records.find(id);
  if (it == s.records.end()) return std::nullopt;
  if (it->second.expires <= now) {
    s.records.erase(it);
    return std::nullopt;
  }
  return it->second;
}

void SessionStore::put(const std::string& id, SessionRecord record, std::int64_t now) {
  Shard& s = shard(id);
  std::lock_guard lock(s.mutex);
  s.records.insert_or_assign(id, std::move(record));
  if (++s.puts_since_sweep >= kSweepEvery) {
    s.puts_since_sweep = 0;
    std::erase_if(s.records, [now](const auto& entry) { return entry.second.expires <= now; });
  }
}

void SessionStore::erase(const std::string& id) {
  Shard& s = shard(id);
  std::lock_guard lock(s.mutex);
  s.records.erase(id);
}

void SessionStore::clear() {
  for (auto& s : shards_) {
    std::lock_guard lock(s.mutex);
    s.records.clear();
  }
}

void SessionStore::for_each(std::int64_t now,
                            const std::function<void(const std::string&, const SessionRecord&)>& visit) {
  for (auto& s : shards_) {
    std::lock_guard lock(s.mutex);
    for (const auto& [id, record] : s.records) {
      if (record.expires > now) visit(id, record);
    }
  }
}

void SessionStore::update_all(std::int64_t now, const std::function<bool(const std::string&, SessionRecord&)>& change) {
  for (auto& s : shards_) {
    std::lock_guard lock(s.mutex);
    for (auto it = s.records.begin(); it != s.records.end();) {
      if (it->second.expires <= now || !change(it->first, it->second)) {
        it = s.records.erase(it);
      } else {
        ++it;
      }
    }
  }
}

std::size_t SessionStore::size() const {
  std::size_t n = 0;
  for (const auto& s : shards_) {
    std::lock_guard lock(s.mutex);
    n += s.records.size();
  }
  return n;
}

}  // namespace mockwiki::session
