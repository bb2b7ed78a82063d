// mediawiki::CookieJar: the cookies as MediaWiki sets them (NOTES.md §7), kept and sent back.
#include "mediawiki/cookie_jar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "mediawiki/errors.h"

namespace mediawiki {
namespace {

constexpr std::int64_t kNow = 1800000000;

TEST(CookieJarTest, ASessionCookieIsSentBack) {
  CookieJar jar;
  jar.store("mockwiki_session=abc123; path=/; HttpOnly", kNow);
  EXPECT_EQ(jar.header_for("/api.php", kNow), "mockwiki_session=abc123");
  EXPECT_EQ(jar.cookies().front().expires, 0);
}

TEST(CookieJarTest, MaxAgeSetsTheExpiryAndWinsOverExpires) {
  CookieJar jar;
  jar.store("mockwikiUserID=3; expires=Sun, 14 Feb 2027 08:00:00 GMT; Max-Age=100; path=/; HttpOnly", kNow);
  EXPECT_EQ(jar.cookies().front().expires, kNow + 100);
  EXPECT_EQ(jar.header_for("/api.php", kNow + 99), "mockwikiUserID=3");
  EXPECT_EQ(jar.header_for("/api.php", kNow + 100), "");
}

TEST(CookieJarTest, ExpiresIsReadWithoutMaxAge) {
  CookieJar jar;
  jar.store("a=1; expires=Sun, 14 Feb 2027 08:00:00 GMT; path=/", kNow);
  EXPECT_EQ(jar.cookies().front().expires, 1802592000);
}

TEST(CookieJarTest, MediaWikisDeletionRemovesTheCookie) {
  CookieJar jar;
  jar.store("mockwikiUserID=3; path=/", kNow);
  jar.store("mockwikiToken=t; path=/", kNow);
  // CookieSessionProvider::unpersistSession: "deleted" with a date in the past.
  jar.store("mockwikiUserID=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; path=/; HttpOnly", kNow);
  EXPECT_EQ(jar.value("mockwikiUserID"), std::nullopt);
  EXPECT_EQ(jar.header_for("/api.php", kNow), "mockwikiToken=t");
}

TEST(CookieJarTest, ANewValueReplacesTheOld) {
  CookieJar jar;
  jar.store("s=1; path=/", kNow);
  jar.store("s=2; path=/", kNow);
  EXPECT_EQ(jar.header_for("/", kNow), "s=2");
  EXPECT_EQ(jar.cookies().size(), 1u);
}

TEST(CookieJarTest, OnlyCookiesWhosePathMatchesAreSent) {
  CookieJar jar;
  jar.store("root=1; path=/", kNow);
  jar.store("wiki=2; path=/w", kNow);
  EXPECT_EQ(jar.header_for("/w/api.php", kNow), "root=1; wiki=2");
  EXPECT_EQ(jar.header_for("/wx/api.php", kNow), "root=1");
}

TEST(CookieJarTest, GarbageIsIgnored) {
  CookieJar jar;
  jar.store("", kNow);
  jar.store("no-equals-sign; path=/", kNow);
  jar.store("=value", kNow);
  jar.store("ok=1; Max-Age=soon", kNow);  // a Max-Age that is not a number is ignored
  EXPECT_EQ(jar.header_for("/", kNow), "ok=1");
}

TEST(CookieJarTest, SaveAndLoadKeepEveryCookie) {
  CookieJar jar;
  jar.store("mockwiki_session=abc; path=/; HttpOnly", kNow);
  jar.store("mockwikiUserID=3; Max-Age=100; path=/", kNow);
  const std::string file = ::testing::TempDir() + "cookie_jar_test.txt";
  jar.save(file);
  CookieJar loaded = CookieJar::load(file);
  std::remove(file.c_str());
  EXPECT_EQ(loaded.header_for("/api.php", kNow), "mockwiki_session=abc; mockwikiUserID=3");
  EXPECT_EQ(loaded.cookies()[1].expires, kNow + 100);
}

TEST(CookieJarTest, AFileThatIsNotAJarIsAnError) {
  const std::string file = ::testing::TempDir() + "cookie_jar_bad.txt";
  std::ofstream(file) << "this is not\n";
  EXPECT_THROW(CookieJar::load(file), Error);
  std::remove(file.c_str());
  EXPECT_THROW(CookieJar::load("/nonexistent/dir/jar"), Error);
}

}  // namespace
}  // namespace mediawiki
