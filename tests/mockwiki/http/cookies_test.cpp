// Cookies in and out (mockwiki/src/http/cookies.h). In: $_COOKIE as PHP 8.2 fills it
// (main/php_variables.c; checked against PHP's built-in server) and
// CookieSessionProvider::getCookie's "deleted" rule. Out: WebResponse::setCookie
// (includes/WebResponse.php) and the Set-Cookie lines PHP 8.2's setcookie() writes.
#include "http/cookies.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mockwiki::http {
namespace {

constexpr std::int64_t kNow = 1795566074;  // Wed, 25 Nov 2026 00:21:14 GMT
constexpr const char* kDeletion = "; expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; path=/; HttpOnly";

using Lines = std::vector<std::string>;

// The cookie's value, or "<absent>".
std::string value(const RequestCookies& cookies, std::string_view name) {
  return cookies.get(name).value_or("<absent>");
}

TEST(RequestCookiesTest, ReadsEachCookieOfTheHeader) {
  const RequestCookies cookies = RequestCookies::parse("mockwiki_session=abc; mockwikiUserName=Alice;mockwikiUserID=3");
  EXPECT_EQ(value(cookies, "mockwiki_session"), "abc");
  EXPECT_EQ(value(cookies, "mockwikiUserName"), "Alice");
  EXPECT_EQ(value(cookies, "mockwikiUserID"), "3");
  EXPECT_EQ(value(cookies, "mockwikiToken"), "<absent>");
  EXPECT_TRUE(cookies.sent("mockwikiUserID"));
  EXPECT_FALSE(cookies.sent("mockwikiToken"));
}

TEST(RequestCookiesTest, TheFirstOfTwoCookiesWithOneNameWins) {
  // PHP does not overwrite an existing $_COOKIE entry.
  EXPECT_EQ(value(RequestCookies::parse("a=first; a=second"), "a"), "first");
}

TEST(RequestCookiesTest, TheValueDeletedReadsAsNoCookieButCountsAsSent) {
  // CookieSessionProvider::getCookie returns null for 'deleted'; WebResponse::setCookie
  // checks isset($_COOKIE[...]), which holds it.
  const RequestCookies cookies = RequestCookies::parse("mockwiki_session=deleted");
  EXPECT_EQ(value(cookies, "mockwiki_session"), "<absent>");
  EXPECT_TRUE(cookies.sent("mockwiki_session"));
}

TEST(RequestCookiesTest, ValuesArePercentDecoded) {
  const RequestCookies cookies = RequestCookies::parse("n=Alice%20Smith; sp=%41%2; x=%C3%A9");
  EXPECT_EQ(value(cookies, "n"), "Alice Smith");
  EXPECT_EQ(value(cookies, "sp"), "A%2");
  EXPECT_EQ(value(cookies, "x"), "é");
}

TEST(RequestCookiesTest, APlusInAValueStaysAPlus) {
  // PHP decodes cookie values with php_raw_url_decode: "Cookie: a=b+c" gives $_COOKIE['a'] === "b+c".
  EXPECT_EQ(value(RequestCookies::parse("a=b+c"), "a"), "b+c");
}

TEST(RequestCookiesTest, DotsAndSpacesInNamesBecomeUnderscores) {
  // "Cookie: p.q=2" gives $_COOKIE['p_q'].
  const RequestCookies cookies = RequestCookies::parse("p.q=2");
  EXPECT_EQ(value(cookies, "p_q"), "2");
  EXPECT_TRUE(cookies.sent("p_q"));
  EXPECT_FALSE(cookies.sent("p.q"));
}

TEST(RequestCookiesTest, OddPairsAreReadAsPhpReadsThem) {
  // "e" gives "", "=f" is dropped, "g=h=i" gives "h=i", trailing spaces are kept.
  const RequestCookies cookies = RequestCookies::parse("e; =f; g=h=i;k2=2 ;  k3=3");
  EXPECT_EQ(value(cookies, "e"), "");
  EXPECT_EQ(value(cookies, ""), "<absent>");
  EXPECT_EQ(value(cookies, "g"), "h=i");
  EXPECT_EQ(value(cookies, "k2"), "2 ");
  EXPECT_EQ(value(cookies, "k3"), "3");
  EXPECT_FALSE(RequestCookies::parse("").sent(""));
}

TEST(ResponseCookiesTest, ABrowserSessionCookieHasNoExpiry) {
  const RequestCookies request;
  ResponseCookies cookies(request, kNow);
  cookies.set("mockwiki_session", "kgttgagi7jk9ahm9mrhnb395gkmqjsbi", 0);
  EXPECT_EQ(cookies.lines(), Lines{"mockwiki_session=kgttgagi7jk9ahm9mrhnb395gkmqjsbi; path=/; HttpOnly"});
}

TEST(ResponseCookiesTest, AnExpiringCookieHasExpiresAndMaxAge) {
  // NOTES.md §3: "my_wikiUserName=TestUser; expires=Sun, 23 May 2027 23:09:01 GMT; Max-Age=15552000; path=/; HttpOnly".
  const RequestCookies request;
  ResponseCookies cookies(request, kNow);
  cookies.set("mockwikiUserName", "Alice", kNow + 15552000);
  cookies.set("mockwikiUserID", "3", kNow + 2592000);
  EXPECT_EQ(cookies.lines(),
            (Lines{"mockwikiUserName=Alice; expires=Mon, 24 May 2027 00:21:14 GMT; Max-Age=15552000; path=/; HttpOnly",
                   "mockwikiUserID=3; expires=Fri, 25 Dec 2026 00:21:14 GMT; Max-Age=2592000; path=/; HttpOnly"}));
}

TEST(ResponseCookiesTest, ValuesAreRawUrlEncodedAsSetcookieWritesThem) {
  // PHP 8.2: setcookie("UserName", "Alice Smith+é~*'!") sends
  // "UserName=Alice%20Smith%2B%C3%A9~%2A%27%21; path=/; HttpOnly" (rawurlencode).
  const RequestCookies request;
  ResponseCookies cookies(request, kNow);
  cookies.set("UserName", "Alice Smith+é~*'!", 0);
  EXPECT_EQ(cookies.lines(), Lines{"UserName=Alice%20Smith%2B%C3%A9~%2A%27%21; path=/; HttpOnly"});
}

TEST(ResponseCookiesTest, ACookieTheClientSentIsDeleted) {
  const RequestCookies request = RequestCookies::parse("mockwikiToken=abc");
  ResponseCookies cookies(request, kNow);
  cookies.clear("mockwikiToken");
  EXPECT_EQ(cookies.lines(), Lines{std::string("mockwikiToken=deleted") + kDeletion});
}

TEST(ResponseCookiesTest, ACookieNeitherSentNorSetIsNotDeleted) {
  // WebResponse::setCookie: "already deleted".
  const RequestCookies request = RequestCookies::parse("other=1");
  ResponseCookies cookies(request, kNow);
  cookies.clear("mockwikiToken");
  EXPECT_EQ(cookies.lines(), Lines{});
}

TEST(ResponseCookiesTest, ACookieSentAsDeletedIsDeletedAgain) {
  // isset($_COOKIE['mockwikiToken']) holds for the value "deleted".
  const RequestCookies request = RequestCookies::parse("mockwikiToken=deleted");
  ResponseCookies cookies(request, kNow);
  cookies.clear("mockwikiToken");
  EXPECT_EQ(cookies.lines(), Lines{std::string("mockwikiToken=deleted") + kDeletion});
}

TEST(ResponseCookiesTest, ACookieSetInThisResponseCanBeDeleted) {
  const RequestCookies request;
  ResponseCookies cookies(request, kNow);
  cookies.set("mockwiki_session", "abc", 0);
  cookies.clear("mockwiki_session");
  EXPECT_EQ(cookies.lines(),
            (Lines{"mockwiki_session=abc; path=/; HttpOnly", std::string("mockwiki_session=deleted") + kDeletion}));
}

TEST(ResponseCookiesTest, DeletingTwiceWritesOneDeletion) {
  const RequestCookies request = RequestCookies::parse("mockwikiUserID=3");
  ResponseCookies cookies(request, kNow);
  cookies.clear("mockwikiUserID");
  cookies.clear("mockwikiUserID");
  EXPECT_EQ(cookies.lines(), Lines{std::string("mockwikiUserID=deleted") + kDeletion});
}

TEST(ResponseCookiesTest, TheSameCookieIsNotSetTwice) {
  const RequestCookies request;
  ResponseCookies cookies(request, kNow);
  cookies.set("mockwikiUserName", "Alice", kNow + 100);
  cookies.set("mockwikiUserName", "Alice", kNow + 100);
  EXPECT_EQ(cookies.lines().size(), 1u);
}

TEST(ResponseCookiesTest, AChangedValueOrExpiryIsSetAgain) {
  const RequestCookies request;
  ResponseCookies cookies(request, kNow);
  cookies.set("c", "one", 0);
  cookies.set("c", "two", 0);
  cookies.set("c", "two", kNow + 10);
  EXPECT_EQ(cookies.lines(), (Lines{"c=one; path=/; HttpOnly", "c=two; path=/; HttpOnly",
                                    "c=two; expires=Wed, 25 Nov 2026 00:21:24 GMT; Max-Age=10; path=/; HttpOnly"}));
}

TEST(ResponseCookiesTest, ACookieCanBeSetAgainAfterItsDeletion) {
  const RequestCookies request = RequestCookies::parse("c=old");
  ResponseCookies cookies(request, kNow);
  cookies.clear("c");
  cookies.set("c", "new", 0);
  cookies.clear("c");
  EXPECT_EQ(cookies.lines(), (Lines{std::string("c=deleted") + kDeletion, "c=new; path=/; HttpOnly",
                                    std::string("c=deleted") + kDeletion}));
}

TEST(ResponseCookiesTest, AnExpiryInThePastHasMaxAgeZero) {
  // setcookie() with a past expiry writes "Max-Age=0" (for a cookie the client sent: for
  // WebResponse::setCookie a past expiry is a deletion).
  const RequestCookies request = RequestCookies::parse("c=old");
  ResponseCookies cookies(request, kNow);
  cookies.set("c", "v", kNow - 100);
  EXPECT_EQ(cookies.lines(), Lines{"c=v; expires=Wed, 25 Nov 2026 00:19:34 GMT; Max-Age=0; path=/; HttpOnly"});
}

}  // namespace
}  // namespace mockwiki::http
