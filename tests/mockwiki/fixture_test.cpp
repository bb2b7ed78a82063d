// Fixtures (mockwiki/include/mockwiki/fixture.h): the default accounts, the reference fixture
// with OATHAuth, and an error naming what is wrong and where for anything the mock does not
// know. Names are canonicalized as UserNameUtils::getCanonical does.
#include "mockwiki/fixture.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace mockwiki {
namespace {

using ::testing::StartsWith;

// The FixtureError's message, or "<no error>".
std::string error_of(std::string_view json) {
  try {
    Fixture::parse(json);
  } catch (const FixtureError& e) {
    return e.what();
  }
  return "<no error>";
}

// One account with the given members added to a valid name and password.
std::string account(std::string_view members) {
  return R"({"accounts": [{"name": "Alice", "password": "AlicePassw0rd!23")" + std::string(members) + "}]}";
}

std::string bot_password(std::string_view fields) {
  return account(R"(, "botpasswords": [)" + std::string(fields) + "]");
}

constexpr const char* kBotPass = "b2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i2";

TEST(FixtureTest, TheDefaultsAreTheReferenceAccounts) {
  const Fixture fixture = Fixture::defaults();
  ASSERT_EQ(fixture.accounts.size(), 4u);
  EXPECT_TRUE(fixture.extensions.empty());
  EXPECT_FALSE(fixture.has_extension("OATHAuth"));

  const AccountSpec& admin = fixture.accounts[0];
  EXPECT_EQ(admin.name, "Admin");
  EXPECT_EQ(admin.password, "AdminPassw0rd!23");
  EXPECT_EQ(admin.groups, (std::vector<std::string>{"sysop", "bureaucrat", "interface-admin"}));
  EXPECT_TRUE(admin.botpasswords.empty());
  EXPECT_FALSE(admin.oath.has_value());

  const AccountSpec& alice = fixture.accounts[1];
  EXPECT_EQ(alice.name, "Alice");
  EXPECT_EQ(alice.password, "AlicePassw0rd!23");
  EXPECT_TRUE(alice.groups.empty());
  ASSERT_EQ(alice.botpasswords.size(), 1u);
  EXPECT_EQ(alice.botpasswords[0].appid, "alicebot");
  EXPECT_EQ(alice.botpasswords[0].password, "b2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i2");
  EXPECT_EQ(alice.botpasswords[0].grants, (std::vector<std::string>{"basic", "editpage"}));

  const AccountSpec& robo = fixture.accounts[2];
  EXPECT_EQ(robo.name, "Robo");
  EXPECT_EQ(robo.password, "RoboPassw0rd!23");
  EXPECT_EQ(robo.groups, std::vector<std::string>{"bot"});
  ASSERT_EQ(robo.botpasswords.size(), 1u);
  EXPECT_EQ(robo.botpasswords[0].appid, "mybot");
  EXPECT_EQ(robo.botpasswords[0].password, "k8f3m2q9w1t7v5n4p6r0s2u8a3c5e7g9");
  EXPECT_EQ(robo.botpasswords[0].grants, (std::vector<std::string>{"basic", "editpage", "highvolume"}));

  EXPECT_EQ(fixture.accounts[3].name, "Throttled");
  EXPECT_EQ(fixture.accounts[3].password, "ThrottledPassw0rd!23");
}

TEST(FixtureTest, TheOathFixtureLoads) {
  const Fixture fixture = Fixture::load(std::string(MOCKWIKI_FIXTURES_DIR) + "/oath.json");
  EXPECT_EQ(fixture.extensions, std::vector<std::string>{"OATHAuth"});
  EXPECT_TRUE(fixture.has_extension("OATHAuth"));
  ASSERT_EQ(fixture.accounts.size(), 6u);
  const AccountSpec& tofu = fixture.accounts[4];
  EXPECT_EQ(tofu.name, "Tofu");
  ASSERT_TRUE(tofu.oath.has_value());
  EXPECT_EQ(tofu.oath->secret, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
  ASSERT_EQ(tofu.botpasswords.size(), 1u);
  EXPECT_EQ(tofu.botpasswords[0].appid, "tofubot");
  EXPECT_EQ(fixture.accounts[5].name, "Tofu2");
  EXPECT_EQ(fixture.accounts[5].oath.value_or(OathSpec{}).secret, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_FALSE(fixture.accounts[0].oath.has_value());
}

TEST(FixtureTest, TheDefaultFixtureFileLoadsAsTheDefaults) {
  const Fixture fixture = Fixture::load(std::string(MOCKWIKI_FIXTURES_DIR) + "/default.json");
  ASSERT_EQ(fixture.accounts.size(), Fixture::defaults().accounts.size());
  for (std::size_t i = 0; i < fixture.accounts.size(); ++i) {
    EXPECT_EQ(fixture.accounts[i].name, Fixture::defaults().accounts[i].name);
  }
}

TEST(FixtureTest, NamesAreCanonicalized) {
  const Fixture fixture = Fixture::parse(R"({"accounts": [
      {"name": "alice_smith", "password": "p"}, {"name": " User:bob ", "password": "p"},
      {"name": "éclair", "password": "p"}]})");
  ASSERT_EQ(fixture.accounts.size(), 3u);
  EXPECT_EQ(fixture.accounts[0].name, "Alice smith");
  EXPECT_EQ(fixture.accounts[1].name, "Bob");
  EXPECT_EQ(fixture.accounts[2].name, "Éclair");
}

TEST(FixtureTest, DocVarsAndAnEmptyFixtureAreFine) {
  const Fixture fixture = Fixture::parse(R"({"doc": "anything", "vars": {"X": [1, 2, {"y": null}]}})");
  EXPECT_TRUE(fixture.accounts.empty());
  EXPECT_TRUE(fixture.extensions.empty());
  EXPECT_TRUE(Fixture::parse("{}").accounts.empty());
}

TEST(FixtureTest, OptionalMembersMayBeLeftOut) {
  const Fixture fixture = Fixture::parse(R"({"accounts": [{"name": "Alice", "password": "p"}], "extensions": []})");
  ASSERT_EQ(fixture.accounts.size(), 1u);
  EXPECT_TRUE(fixture.accounts[0].groups.empty());
  EXPECT_TRUE(fixture.accounts[0].botpasswords.empty());
  EXPECT_FALSE(fixture.accounts[0].oath.has_value());
}

TEST(FixtureTest, InvalidJsonIsAnError) {
  EXPECT_THAT(error_of("{\"accounts\": [}"), StartsWith("fixture: not valid JSON: [json.exception.parse_error.101]"));
  EXPECT_THAT(error_of(""), StartsWith("fixture: not valid JSON: "));
}

TEST(FixtureTest, TheOriginPrefixesErrors) {
  try {
    Fixture::parse("[]", "my-fixture.json");
    FAIL() << "no error";
  } catch (const FixtureError& e) {
    EXPECT_STREQ(e.what(), "my-fixture.json: expected an object, got array");
  }
}

TEST(FixtureTest, AMissingFileIsAnError) {
  try {
    Fixture::load("/nonexistent/mockwiki/fixture.json");
    FAIL() << "no error";
  } catch (const FixtureError& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/mockwiki/fixture.json: cannot read the file");
  }
}

TEST(FixtureTest, ALoadedFilesErrorsNameTheFile) {
  const std::string path = ::testing::TempDir() + "mockwiki_fixture_test_bad.json";
  std::ofstream(path) << R"({"accounts": {}})";
  try {
    Fixture::load(path);
    ADD_FAILURE() << "no error";
  } catch (const FixtureError& e) {
    EXPECT_EQ(std::string(e.what()), path + ": accounts: expected an array, got object");
  }
  std::remove(path.c_str());
}

TEST(FixtureTest, TheRootMustBeAnObjectWithKnownKeys) {
  EXPECT_EQ(error_of("[]"), "fixture: expected an object, got array");
  EXPECT_EQ(error_of("\"x\""), "fixture: expected an object, got string");
  EXPECT_EQ(error_of(R"({"users": []})"),
            "fixture: unknown key \"users\" (expected one of: doc, vars, accounts, extensions, pluggableauth)");
}

TEST(FixtureTest, UnknownExtensionsAreErrors) {
  EXPECT_EQ(error_of(R"({"extensions": ["OATHAuth", "CentralAuth"]})"),
            "fixture: extensions[1]: unknown extension \"CentralAuth\" (known: OATHAuth, ConfirmEdit, PluggableAuth, "
            "OpenIDConnect)");
  EXPECT_EQ(error_of(R"({"extensions": ["oathauth"]})"),
            "fixture: extensions[0]: unknown extension \"oathauth\" (known: OATHAuth, ConfirmEdit, PluggableAuth, "
            "OpenIDConnect)");
}

TEST(FixtureTest, ExtensionsOfTheWrongTypeAreErrorsAtExtensions) {
  // The error names where the value is: "extensions", as "accounts[0].groups" for an account.
  EXPECT_EQ(error_of(R"({"extensions": "OATHAuth"})"), "fixture: extensions: expected an array of strings, got string");
  EXPECT_EQ(error_of(R"({"extensions": [1]})"), "fixture: extensions[0]: expected a string, got number");
}

TEST(FixtureTest, AccountsOfTheWrongTypeAreErrors) {
  EXPECT_EQ(error_of(R"({"accounts": {}})"), "fixture: accounts: expected an array, got object");
  EXPECT_EQ(error_of(R"({"accounts": ["Alice"]})"), "fixture: accounts[0]: expected an object, got string");
}

TEST(FixtureTest, UnknownAccountKeysAreErrors) {
  EXPECT_EQ(
      error_of(account(R"(, "email": "a@example.org")")),
      "fixture: accounts[0]: unknown key \"email\" (expected one of: name, password, groups, botpasswords, oath, "
      "flow)");
}

TEST(FixtureTest, ANameAndAPasswordAreRequired) {
  EXPECT_EQ(error_of(R"({"accounts": [{"password": "p"}]})"), "fixture: accounts[0]: missing \"name\"");
  EXPECT_EQ(error_of(R"({"accounts": [{"name": "Alice"}]})"), "fixture: accounts[0]: missing \"password\"");
  EXPECT_EQ(error_of(R"({"accounts": [{"name": "Alice", "password": ""}]})"),
            "fixture: accounts[0].password: must not be empty");
}

TEST(FixtureTest, NamesAndPasswordsMustBeStrings) {
  EXPECT_EQ(error_of(R"({"accounts": [{"name": 5, "password": "p"}]})"),
            "fixture: accounts[0].name: expected a string, got number");
  EXPECT_EQ(error_of(R"({"accounts": [{"name": "Alice", "password": null}]})"),
            "fixture: accounts[0].password: expected a string, got null");
}

TEST(FixtureTest, AnInvalidUserNameIsAnError) {
  EXPECT_EQ(error_of(R"({"accounts": [{"name": "a#b", "password": "p"}]})"),
            "fixture: accounts[0].name: \"a#b\" is not a valid MediaWiki user name");
  EXPECT_EQ(error_of(R"({"accounts": [{"name": "127.0.0.1", "password": "p"}]})"),
            "fixture: accounts[0].name: \"127.0.0.1\" is not a valid MediaWiki user name");
}

TEST(FixtureTest, DuplicateAccountsAfterCanonicalizationAreErrors) {
  EXPECT_EQ(error_of(R"({"accounts": [{"name": "Alice", "password": "p"}, {"name": "alice", "password": "q"}]})"),
            "fixture: accounts[1].name: duplicate account \"Alice\"");
}

TEST(FixtureTest, GroupsMustBeKnownExplicitGroups) {
  EXPECT_EQ(error_of(account(R"(, "groups": ["sysop", "admin"])")),
            "fixture: accounts[0].groups[1]: unknown group \"admin\" (known: bot, sysop, interface-admin, bureaucrat, "
            "suppress)");
  EXPECT_EQ(error_of(account(R"(, "groups": ["user"])")),
            "fixture: accounts[0].groups[0]: unknown group \"user\" (known: bot, sysop, interface-admin, bureaucrat, "
            "suppress)");
  EXPECT_EQ(error_of(account(R"(, "groups": "sysop")")),
            "fixture: accounts[0].groups: expected an array of strings, got string");
  EXPECT_EQ(error_of(account(R"(, "groups": ["bot", true])")),
            "fixture: accounts[0].groups[1]: expected a string, got boolean");
}

TEST(FixtureTest, BotPasswordsOfTheWrongTypeAreErrors) {
  EXPECT_EQ(error_of(account(R"(, "botpasswords": {})")),
            "fixture: accounts[0].botpasswords: expected an array, got object");
  EXPECT_EQ(error_of(bot_password(R"("mybot")")),
            "fixture: accounts[0].botpasswords[0]: expected an object, got string");
}

TEST(FixtureTest, UnknownBotPasswordKeysAreErrors) {
  EXPECT_EQ(error_of(bot_password(R"({"appid": "b", "password": "b2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i2", "grant": []})")),
            "fixture: accounts[0].botpasswords[0]: unknown key \"grant\" (expected one of: appid, password, grants)");
}

TEST(FixtureTest, ABotPasswordNeedsAnAppIdAndAPassword) {
  EXPECT_EQ(error_of(bot_password(R"({"password": "b2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i2"})")),
            "fixture: accounts[0].botpasswords[0]: missing \"appid\"");
  EXPECT_EQ(error_of(bot_password(R"({"appid": "b"})")), "fixture: accounts[0].botpasswords[0]: missing \"password\"");
  EXPECT_EQ(error_of(bot_password(R"({"appid": 1, "password": "x"})")),
            "fixture: accounts[0].botpasswords[0].appid: expected a string, got number");
}

TEST(FixtureTest, ABotNameIsOneTo32CharactersWithoutAnAt) {
  const std::string suffix = std::string(R"(", "password": ")") + kBotPass + "\"}";
  EXPECT_EQ(error_of(bot_password(R"({"appid": "a@b)" + suffix)),
            "fixture: accounts[0].botpasswords[0].appid: \"a@b\" is not a valid bot name (1 to 32 characters, no '@')");
  EXPECT_EQ(error_of(bot_password(R"({"appid": ")" + suffix)),
            "fixture: accounts[0].botpasswords[0].appid: \"\" is not a valid bot name (1 to 32 characters, no '@')");
  const std::string long_name(33, 'b');
  EXPECT_EQ(error_of(bot_password(R"({"appid": ")" + long_name + suffix)),
            "fixture: accounts[0].botpasswords[0].appid: \"" + long_name +
                "\" is not a valid bot name (1 to 32 characters, no '@')");
  EXPECT_EQ(error_of(bot_password(R"({"appid": ")" + std::string(32, 'b') + suffix)), "<no error>");
}

TEST(FixtureTest, ABotPasswordMustLookGenerated) {
  const std::string expected =
      "fixture: accounts[0].botpasswords[0].password: a bot password must be 32 or more characters of [0-9a-w], as "
      "MediaWiki generates them";
  EXPECT_EQ(error_of(bot_password(R"({"appid": "b", "password": "b2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i"})")), expected);
  EXPECT_EQ(error_of(bot_password(R"({"appid": "b", "password": "x2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i2"})")), expected);
  EXPECT_EQ(error_of(bot_password(R"({"appid": "b", "password": "B2D4F6H8J0L2N4P6R8T0V2A4C6E8G0I2"})")), expected);
  EXPECT_EQ(error_of(bot_password(R"({"appid": "b", "password": "b2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i2w"})")), "<no error>");
}

TEST(FixtureTest, UnknownGrantsAreErrors) {
  EXPECT_EQ(error_of(bot_password(R"({"appid": "b", "password": "b2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i2",
                                      "grants": ["basic", "superpowers"]})")),
            "fixture: accounts[0].botpasswords[0].grants[1]: unknown grant \"superpowers\"");
  EXPECT_EQ(
      error_of(bot_password(R"({"appid": "b", "password": "b2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i2", "grants": "basic"})")),
      "fixture: accounts[0].botpasswords[0].grants: expected an array of strings, got string");
}

TEST(FixtureTest, DuplicateBotNamesAreErrors) {
  EXPECT_EQ(error_of(bot_password(R"({"appid": "b", "password": "b2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i2"},
                                     {"appid": "b", "password": "k8f3m2q9w1t7v5n4p6r0s2u8a3c5e7g9"})")),
            "fixture: accounts[0].botpasswords[1]: duplicate bot name \"b\"");
}

TEST(FixtureTest, OathNeedsTheOathAuthExtension) {
  EXPECT_EQ(error_of(account(R"(, "oath": {"secret": "JBSWY3DPEHPK3PXP"})")),
            "fixture: accounts[0].oath: two-factor secrets need \"OATHAuth\" in \"extensions\"");
  const Fixture fixture = Fixture::parse(
      R"({"accounts": [{"name": "Alice", "password": "p", "oath": {"secret": "JBSWY3DPEHPK3PXP"}}], "extensions": ["OATHAuth"]})");
  ASSERT_TRUE(fixture.accounts[0].oath.has_value());
  EXPECT_EQ(fixture.accounts[0].oath->secret, "JBSWY3DPEHPK3PXP");
}

TEST(FixtureTest, BadOathSettingsAreErrors) {
  auto oath_error = [](std::string_view oath) {
    return error_of(R"({"extensions": ["OATHAuth"], "accounts": [{"name": "Alice", "password": "p", "oath": )" +
                    std::string(oath) + "}]}");
  };
  EXPECT_EQ(oath_error(R"("JBSWY3DPEHPK3PXP")"), "fixture: accounts[0].oath: expected an object, got string");
  EXPECT_EQ(oath_error(R"({"secret": "JBSWY3DPEHPK3PXP", "digits": 8})"),
            "fixture: accounts[0].oath: unknown key \"digits\" (expected one of: secret)");
  EXPECT_EQ(oath_error("{}"), "fixture: accounts[0].oath: missing \"secret\"");
  EXPECT_EQ(oath_error(R"({"secret": "not base32!"})"),
            "fixture: accounts[0].oath.secret: expected a Base32 TOTP secret (A-Z, 2-7)");
  EXPECT_EQ(oath_error(R"({"secret": "JBSWY3DPEHPK3PX1"})"),
            "fixture: accounts[0].oath.secret: expected a Base32 TOTP secret (A-Z, 2-7)");
  EXPECT_EQ(oath_error(R"({"secret": ""})"),
            "fixture: accounts[0].oath.secret: expected a Base32 TOTP secret (A-Z, 2-7)");
  EXPECT_EQ(oath_error(R"({"secret": 5})"), "fixture: accounts[0].oath.secret: expected a string, got number");
}

}  // namespace
}  // namespace mockwiki
