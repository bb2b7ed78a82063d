// BotPassword::canonicalizeLoginData (includes/user/BotPassword.php; NOTES.md §15.4), as
// canonicalize_login_data (mockwiki/src/auth/bot_password.h) reproduces it. Every expected
// value was produced by calling MediaWiki 1.39's BotPassword::canonicalizeLoginData.
#include "auth/bot_password.h"

#include <gtest/gtest.h>

#include <string>

namespace mockwiki::auth {
namespace {

constexpr const char* kPass32 = "k8f3m2q9w1t7v5n4p6r0s2u8a3c5e7g9";
const std::string kPass31 = std::string(kPass32).substr(1);

// "name|password", or "<not a bot-password login>".
std::string canonical(std::string_view name, std::string_view password) {
  const auto data = canonicalize_login_data(name, password);
  return data ? data->name + "|" + data->password : "<not a bot-password login>";
}

TEST(BotPasswordLoginDataTest, UserAtAppIdWithAGeneratedPasswordIsKept) {
  EXPECT_EQ(canonical("Robo@mybot", kPass32), std::string("Robo@mybot|") + kPass32);
  EXPECT_EQ(canonical("Robo@mybot", std::string(kPass32) + "0"), std::string("Robo@mybot|") + kPass32 + "0");
}

TEST(BotPasswordLoginDataTest, AppIdAtPasswordIsRewrittenToUserAtAppId) {
  EXPECT_EQ(canonical("Robo", std::string("mybot@") + kPass32), std::string("Robo@mybot|") + kPass32);
}

TEST(BotPasswordLoginDataTest, ThePasswordIsSplitAtTheLastAt) {
  // explode + array_pop: "a@b@<password>" is app id "a@b".
  EXPECT_EQ(canonical("Robo", std::string("a@b@") + kPass32), std::string("Robo@a@b|") + kPass32);
  EXPECT_EQ(canonical("Robo", std::string("@") + kPass32), std::string("Robo@|") + kPass32);
}

TEST(BotPasswordLoginDataTest, ThirtyOneCharactersAreTooFew) {
  // PASSWORD_MINLENGTH is 32: '/^[0-9a-w]{32,}$/'.
  EXPECT_EQ(canonical("Robo@mybot", kPass31), "<not a bot-password login>");
  EXPECT_EQ(canonical("Robo", "mybot@" + kPass31), "<not a bot-password login>");
}

TEST(BotPasswordLoginDataTest, LettersXYZAndUpperCaseAreNotInTheAlphabet) {
  EXPECT_EQ(canonical("Robo@mybot", "w" + kPass31), std::string("Robo@mybot|w") + kPass31);
  for (const char* first : {"x", "y", "z", "X", "-"}) {
    EXPECT_EQ(canonical("Robo@mybot", first + kPass31), "<not a bot-password login>") << first;
    EXPECT_EQ(canonical("Robo", std::string("mybot@") + first + kPass31), "<not a bot-password login>") << first;
  }
}

TEST(BotPasswordLoginDataTest, AMainAccountLoginIsNotABotPasswordLogin) {
  EXPECT_EQ(canonical("Robo", kPass32), "<not a bot-password login>");
  EXPECT_EQ(canonical("Robo", "RoboPassw0rd!23"), "<not a bot-password login>");
  EXPECT_EQ(canonical("Robo", "RoboPassw0rd!23@x"), "<not a bot-password login>");
}

TEST(BotPasswordLoginDataTest, WithAnAtInTheNameThePasswordIsNotSplit) {
  // The first branch applies (name has '@', password of 32+ bytes) and its check fails.
  EXPECT_EQ(canonical("Robo@mybot", std::string("mybot@") + kPass32), "<not a bot-password login>");
}

TEST(BotPasswordLoginDataTest, AShortPasswordWithAnAtIsNotSplitEither) {
  // The second branch needs more than 32 bytes in all.
  EXPECT_EQ(canonical("Robo", "a@" + std::string(30, 'a')), "<not a bot-password login>");
}

}  // namespace
}  // namespace mockwiki::auth
