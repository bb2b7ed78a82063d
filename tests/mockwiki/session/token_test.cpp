// Tokens (mockwiki/src/session/token.h) against MediaWiki\Session\Token
// (includes/session/Token.php: toStringAtTimestamp, getTimestamp, match) and
// LoggedOutEditToken. Expected tokens were computed with PHP's
// hash_hmac('md5', $timestamp . $salt, $secret) . dechex($timestamp) . '+\'.
#include "session/token.h"

#include <gtest/gtest.h>

#include <string>

namespace mockwiki::session {
namespace {

constexpr const char* kSecret = "0123456789abcdef0123456789abcdef";
constexpr std::int64_t kTime = 1700000000;  // 0x6553f100
constexpr const char* kTokenAtTime = "094caa084be50ea1dbabc4fdbec8daaa6553f100+\\";

TEST(TokenTest, ATokenIsTheHmacThenTheHexTimestampThenPlusBackslash) {
  EXPECT_EQ(Token(kSecret, "", false).at(kTime), kTokenAtTime);
  EXPECT_EQ(Token(kSecret, "", false).at(kTime + 1), "a6aff87b09e6a7c31f5956db196338f16553f101+\\");
  EXPECT_EQ(Token(kSecret, "patrol", false).at(kTime), "3365881c608378334eabe897bf43cf646553f100+\\");
  EXPECT_EQ(Token("s", "", false).at(0), "d80eff11b2f291eecdf58b8b204eb9580+\\");
}

TEST(TokenTest, ATokenMatchesAtAnyTimeWithoutAMaximumAge) {
  // ApiBase::validateToken calls Token::match without $maxAge.
  const Token token(kSecret, "", false);
  EXPECT_TRUE(token.matches(kTokenAtTime, kTime));
  EXPECT_TRUE(token.matches(kTokenAtTime, kTime + 10 * 365 * 86400));
  EXPECT_TRUE(token.matches(token.at(kTime - 86400), kTime));
}

TEST(TokenTest, EveryTimestampOfTheSameSecretAndSaltMatches) {
  const Token token(kSecret, "", false);
  for (std::int64_t t : {std::int64_t{0}, std::int64_t{1}, kTime - 1, kTime, kTime + 3600}) {
    EXPECT_TRUE(token.matches(token.at(t), kTime)) << t;
  }
}

TEST(TokenTest, AnotherSaltOrSecretDoesNotMatch) {
  const Token csrf(kSecret, "", false);
  EXPECT_FALSE(Token(kSecret, "patrol", false).matches(kTokenAtTime, kTime));
  EXPECT_FALSE(Token("fedcba9876543210fedcba9876543210", "", false).matches(kTokenAtTime, kTime));
  EXPECT_FALSE(csrf.matches(Token(kSecret, "watch", false).at(kTime), kTime));
}

TEST(TokenTest, ATamperedTimestampDoesNotMatch) {
  const std::string forged = std::string(kTokenAtTime).replace(32, 8, "6553f101");
  EXPECT_FALSE(Token(kSecret, "", false).matches(forged, kTime));
}

TEST(TokenTest, GarbageDoesNotMatch) {
  const Token token(kSecret, "", false);
  const std::string hmac = std::string(kTokenAtTime).substr(0, 32);
  for (const std::string& candidate :
       {std::string(), std::string("+\\"), std::string("abc+\\"), hmac + "+\\", std::string(kTokenAtTime) + "x",
        std::string(kTokenAtTime).substr(0, 40), std::string("094CAA084BE50EA1DBABC4FDBEC8DAAA6553F100+\\"),
        std::string("094caa084be50ea1dbabc4fdbec8daaa6553f100+\\\\"),
        std::string("094caa084be50ea1dbabc4fdbec8daaa6553f100 \\")}) {
    EXPECT_FALSE(token.matches(candidate, kTime)) << candidate;
  }
}

TEST(TokenTest, AMaximumAgeRefusesOlderTokens) {
  // Token::match: expired if $timestamp < wfTimestamp() - $maxAge.
  const Token token(kSecret, "", false);
  EXPECT_TRUE(token.matches(kTokenAtTime, kTime + 100, 100));
  EXPECT_FALSE(token.matches(kTokenAtTime, kTime + 101, 100));
  EXPECT_TRUE(token.matches(kTokenAtTime, kTime, 0));
  EXPECT_FALSE(token.matches(kTokenAtTime, kTime + 1, 0));
}

TEST(TokenTest, TheLoggedOutTokenIsOnlyPlusBackslash) {
  // LoggedOutEditToken: toString() is '+\', match() is $userToken === '+\'.
  const Token token = Token::logged_out();
  EXPECT_TRUE(token.is_logged_out());
  EXPECT_FALSE(token.was_new());
  EXPECT_EQ(token.at(kTime), "+\\");
  EXPECT_TRUE(token.matches("+\\", kTime));
  EXPECT_TRUE(token.matches("+\\", kTime, 0));
  EXPECT_FALSE(token.matches(kTokenAtTime, kTime));
  EXPECT_FALSE(token.matches("", kTime));
  EXPECT_FALSE(token.matches("+\\\\", kTime));
}

TEST(TokenTest, ASessionTokenIsNotLoggedOutAndRemembersWhetherItsSecretIsNew) {
  EXPECT_FALSE(Token(kSecret, "", false).is_logged_out());
  EXPECT_FALSE(Token(kSecret, "", false).was_new());
  EXPECT_TRUE(Token(kSecret, "", true).was_new());
  EXPECT_NE(Token(kSecret, "", false).at(kTime), "+\\");
}

TEST(TokenTest, TimestampOfReadsTheHexAfterTheHmac) {
  // Token::getTimestamp: hexdec(substr($token, 32, -2)).
  EXPECT_EQ(Token::timestamp_of(kTokenAtTime), kTime);
  EXPECT_EQ(Token::timestamp_of(std::string(32, 'a') + "0+\\"), 0);
  EXPECT_EQ(Token::timestamp_of(std::string(32, 'a') + "ff+\\"), 255);
}

TEST(TokenTest, TimestampOfRefusesWhatIsNotAToken) {
  // More than 32 + 2 characters, all lower-case hex before the "+\" suffix.
  EXPECT_EQ(Token::timestamp_of(std::string(32, 'a') + "+\\"), std::nullopt);
  EXPECT_EQ(Token::timestamp_of(std::string(32, 'a') + "1"), std::nullopt);
  EXPECT_EQ(Token::timestamp_of(std::string(32, 'a') + "g+\\"), std::nullopt);
  EXPECT_EQ(Token::timestamp_of(std::string(32, 'A') + "1+\\"), std::nullopt);
  EXPECT_EQ(Token::timestamp_of("+\\"), std::nullopt);
  EXPECT_EQ(Token::timestamp_of(""), std::nullopt);
}

}  // namespace
}  // namespace mockwiki::session
