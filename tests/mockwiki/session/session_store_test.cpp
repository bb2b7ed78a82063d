// The session store (mockwiki/src/session/session_store.h): records by id that the store
// forgets once the clock passes their expiry, as the object cache forgets <wikiid>:MWSession:<id>
// after $wgObjectCacheSessionExpiry (NOTES.md §7).
#include "session/session_store.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace mockwiki::session {
namespace {

constexpr std::int64_t kNow = 1795566074;

SessionRecord record(std::string user_name, std::int64_t expires) {
  SessionRecord r;
  r.user_name = std::move(user_name);
  r.user_id = r.user_name.empty() ? 0 : 3;
  r.expires = expires;
  return r;
}

// id -> user name of each live record.
std::map<std::string, std::string> live(SessionStore& store, std::int64_t now) {
  std::map<std::string, std::string> out;
  store.for_each(now, [&](const std::string& id, const SessionRecord& r) { out[id] = r.user_name; });
  return out;
}

TEST(SessionStoreTest, APutRecordCanBeGot) {
  SessionStore store;
  SessionRecord r = record("Alice", kNow + 3600);
  r.token_secrets = {{"default", "0123456789abcdef0123456789abcdef"}};
  r.provider = Provider::BotPassword;
  r.bot_app_id = "alicebot";
  store.put("kgttgagi7jk9ahm9mrhnb395gkmqjsbi", r, kNow);
  const auto got = store.get("kgttgagi7jk9ahm9mrhnb395gkmqjsbi", kNow);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->user_name, "Alice");
  EXPECT_EQ(got->user_id, 3);
  EXPECT_EQ(got->provider, Provider::BotPassword);
  EXPECT_EQ(got->bot_app_id, "alicebot");
  EXPECT_EQ(got->token_secrets, r.token_secrets);
  EXPECT_EQ(got->expires, kNow + 3600);
}

TEST(SessionStoreTest, AnUnknownIdHasNoRecord) {
  SessionStore store;
  EXPECT_EQ(store.get("nosuchsession", kNow), std::nullopt);
}

TEST(SessionStoreTest, PutReplacesTheRecord) {
  SessionStore store;
  store.put("s", record("Alice", kNow + 3600), kNow);
  store.put("s", record("Bob", kNow + 7200), kNow);
  EXPECT_EQ(store.get("s", kNow)->user_name, "Bob");
  EXPECT_EQ(store.size(), 1u);
}

TEST(SessionStoreTest, ARecordExpiresAtItsExpiryTime) {
  SessionStore store;
  store.put("s", record("Alice", kNow + 3600), kNow);
  EXPECT_TRUE(store.get("s", kNow + 3599).has_value());
  EXPECT_EQ(store.get("s", kNow + 3600), std::nullopt);
}

TEST(SessionStoreTest, AnExpiredRecordIsGoneForGood) {
  SessionStore store;
  store.put("s", record("Alice", kNow + 3600), kNow);
  EXPECT_EQ(store.get("s", kNow + 4000), std::nullopt);
  EXPECT_EQ(store.get("s", kNow), std::nullopt);  // the clock going back does not revive it
  EXPECT_EQ(store.size(), 0u);
}

TEST(SessionStoreTest, EraseForgetsARecord) {
  SessionStore store;
  store.put("a", record("Alice", kNow + 3600), kNow);
  store.put("b", record("Bob", kNow + 3600), kNow);
  store.erase("a");
  store.erase("missing");
  EXPECT_EQ(store.get("a", kNow), std::nullopt);
  EXPECT_TRUE(store.get("b", kNow).has_value());
  EXPECT_EQ(store.size(), 1u);
}

TEST(SessionStoreTest, ClearForgetsEverything) {
  SessionStore store;
  store.put("a", record("Alice", kNow + 3600), kNow);
  store.put("b", record("Bob", kNow + 3600), kNow);
  store.clear();
  EXPECT_EQ(store.size(), 0u);
  EXPECT_EQ(store.get("a", kNow), std::nullopt);
}

TEST(SessionStoreTest, ForEachVisitsEveryLiveRecord) {
  SessionStore store;
  store.put("a", record("Alice", kNow + 3600), kNow);
  store.put("b", record("Bob", kNow + 100), kNow);
  store.put("c", record("", kNow + 7200), kNow);
  EXPECT_EQ(live(store, kNow), (std::map<std::string, std::string>{{"a", "Alice"}, {"b", "Bob"}, {"c", ""}}));
  EXPECT_EQ(live(store, kNow + 100), (std::map<std::string, std::string>{{"a", "Alice"}, {"c", ""}}));
}

TEST(SessionStoreTest, UpdateAllChangesLiveRecordsAndRemovesRefusedOnes) {
  SessionStore store;
  store.put("a", record("Alice", kNow + 3600), kNow);
  store.put("b", record("Bob", kNow + 3600), kNow);
  store.put("old", record("Carol", kNow + 10), kNow);
  int visited = 0;
  store.update_all(kNow + 10, [&](const std::string& id, SessionRecord& r) {
    ++visited;
    if (id == "b") return false;  // e.g. Bob's sessions are invalidated
    r.logged_out = kNow + 10;
    return true;
  });
  EXPECT_EQ(visited, 2);  // the expired record is not offered
  EXPECT_EQ(store.size(), 1u);
  ASSERT_TRUE(store.get("a", kNow + 10).has_value());
  EXPECT_EQ(store.get("a", kNow + 10)->logged_out, kNow + 10);
  EXPECT_EQ(store.get("b", kNow + 10), std::nullopt);
  EXPECT_EQ(store.get("old", kNow), std::nullopt);
}

TEST(SessionStoreTest, SizeCountsStoredRecords) {
  SessionStore store;
  EXPECT_EQ(store.size(), 0u);
  for (int i = 0; i < 100; ++i) store.put("s" + std::to_string(i), record("Alice", kNow + 3600), kNow);
  EXPECT_EQ(store.size(), 100u);
  EXPECT_EQ(live(store, kNow).size(), 100u);
}

}  // namespace
}  // namespace mockwiki::session
