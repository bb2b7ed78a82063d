// The object cache (mockwiki/src/object_cache.h) against BagOStuff's get, set and incrWithInit
// (includes/libs/objectcache/BagOStuff.php, MediumSpecificBagOStuff.php): values expire `ttl`
// seconds after they were set; incrWithInit creates a key with its TTL and later increments
// keep the first expiry. ConfirmEdit's bad-login window depends on that: 300 s from the
// first failure, not extended by later ones (tests/reference/raw/flows/FINDINGS.md §1d).
#include "object_cache.h"

#include <gtest/gtest.h>

namespace mockwiki {
namespace {

constexpr std::int64_t kStart = 1800000000;

TEST(ObjectCacheTest, AnAbsentKeyHasNoValue) {
  ObjectCache cache;
  EXPECT_EQ(cache.get("captcha:badlogin:ip:127.0.0.1", kStart), std::nullopt);
}

TEST(ObjectCacheTest, ASetValueLastsUntilItsTtlHasPassed) {
  ObjectCache cache;
  cache.set("oathauth-totp:usedtokens:6", 60000000, 270, kStart);
  EXPECT_EQ(cache.get("oathauth-totp:usedtokens:6", kStart), 60000000);
  EXPECT_EQ(cache.get("oathauth-totp:usedtokens:6", kStart + 269), 60000000);
  EXPECT_EQ(cache.get("oathauth-totp:usedtokens:6", kStart + 270), std::nullopt);
}

TEST(ObjectCacheTest, SetReplacesTheValueAndTheExpiry) {
  ObjectCache cache;
  cache.set("k", 1, 10, kStart);
  cache.set("k", 2, 100, kStart + 5);
  EXPECT_EQ(cache.get("k", kStart + 50), 2);
  EXPECT_EQ(cache.get("k", kStart + 105), std::nullopt);
}

TEST(ObjectCacheTest, IncrWithInitStartsAtOne) {
  ObjectCache cache;
  EXPECT_EQ(cache.incr_with_init("k", 300, kStart), 1);
  EXPECT_EQ(cache.get("k", kStart), 1);
}

TEST(ObjectCacheTest, IncrWithInitKeepsTheFirstExpiry) {
  ObjectCache cache;
  EXPECT_EQ(cache.incr_with_init("k", 300, kStart), 1);
  EXPECT_EQ(cache.incr_with_init("k", 300, kStart + 200), 2);
  EXPECT_EQ(cache.incr_with_init("k", 300, kStart + 299), 3);
  EXPECT_EQ(cache.get("k", kStart + 299), 3);
  // Expired 300 s after the first increment, not after the last.
  EXPECT_EQ(cache.get("k", kStart + 300), std::nullopt);
}

TEST(ObjectCacheTest, IncrWithInitAfterExpiryStartsAgain) {
  ObjectCache cache;
  cache.incr_with_init("k", 300, kStart);
  cache.incr_with_init("k", 300, kStart + 1);
  EXPECT_EQ(cache.incr_with_init("k", 300, kStart + 300), 1);
  EXPECT_EQ(cache.get("k", kStart + 599), 1);
  EXPECT_EQ(cache.get("k", kStart + 600), std::nullopt);
}

TEST(ObjectCacheTest, IncrWithInitCountsOnASetValue) {
  ObjectCache cache;
  cache.set("k", 5, 100, kStart);
  EXPECT_EQ(cache.incr_with_init("k", 300, kStart + 10), 6);
  EXPECT_EQ(cache.get("k", kStart + 100), std::nullopt);
}

TEST(ObjectCacheTest, EraseRemovesOneKey) {
  ObjectCache cache;
  cache.set("a", 1, 100, kStart);
  cache.set("b", 2, 100, kStart);
  cache.erase("a");
  EXPECT_EQ(cache.get("a", kStart), std::nullopt);
  EXPECT_EQ(cache.get("b", kStart), 2);
  cache.erase("never-set");
}

TEST(ObjectCacheTest, ClearRemovesEverything) {
  ObjectCache cache;
  cache.set("a", 1, 100, kStart);
  cache.incr_with_init("b", 100, kStart);
  cache.clear();
  EXPECT_EQ(cache.get("a", kStart), std::nullopt);
  EXPECT_EQ(cache.get("b", kStart), std::nullopt);
}

TEST(ObjectCacheTest, ManyWritesKeepLiveEntries) {
  // Enough writes for the cache to sweep expired entries on the way.
  ObjectCache cache;
  cache.set("live", 7, 1000, kStart);
  for (int i = 0; i < 3000; ++i) cache.set("short" + std::to_string(i), i, 1, kStart + 10);
  EXPECT_EQ(cache.get("live", kStart + 10), 7);
  EXPECT_EQ(cache.get("short2999", kStart + 10), 2999);
}

}  // namespace
}  // namespace mockwiki
