// The common-password check (mockwiki/src/auth/common_passwords.h) against MediaWiki 1.39's
// PasswordPolicyChecks::checkPasswordNotInCommonList, i.e. Wikimedia\CommonPasswords::isCommon
// (vendor/wikimedia/common-passwords 0.4.0, a Bloom filter over the 100,000 most common
// passwords). "password" and "123456" were refused by the real wiki (createaccount.txt 3d,
// 3d2); every other answer below is what the real library in Debian's mediawiki 1.39.17
// package answers (`CommonPasswords::isCommon($p)` run with PHP 8.2 by this file's author).
#include "auth/common_passwords.h"

#include <gtest/gtest.h>

namespace mockwiki::auth {
namespace {

TEST(CommonPasswordsTest, TheRealWikisRefusedPasswordsAreCommon) {
  EXPECT_TRUE(is_common_password("password"));
  EXPECT_TRUE(is_common_password("123456"));
}

TEST(CommonPasswordsTest, WellKnownPasswordsAreCommon) {
  for (const char* password : {"qwerty", "letmein", "iloveyou", "hunter2", "trustno1", "zxcvbnm"}) {
    EXPECT_TRUE(is_common_password(password)) << password;
  }
}

TEST(CommonPasswordsTest, TheCheckIsCaseSensitiveButTheListHasCommonCapitalizations) {
  // Both are in the list themselves; the filter does no case folding.
  EXPECT_TRUE(is_common_password("Password"));
  EXPECT_TRUE(is_common_password("PASSWORD"));
}

TEST(CommonPasswordsTest, TheFixturePasswordsAreNotCommon) {
  for (const char* password : {"AlicePassw0rd!23", "TofuPassw0rd!23", "NewPassw0rd!23", "Substring"}) {
    EXPECT_FALSE(is_common_password(password)) << password;
  }
}

TEST(CommonPasswordsTest, OtherPasswordsAreNotCommon) {
  EXPECT_FALSE(is_common_password("correct horse battery staple"));
  // Refused by another policy (password-login-forbidden), not by this list.
  EXPECT_FALSE(is_common_password("ExamplePassword"));
  EXPECT_FALSE(is_common_password("x"));
  EXPECT_FALSE(is_common_password(""));
}

}  // namespace
}  // namespace mockwiki::auth
