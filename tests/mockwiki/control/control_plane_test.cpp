// The control plane's C++ API (mockwiki/control.h, MockWiki in mockwiki/server.h;
// mockwiki/src/control/control_plane.cpp): reset, accounts added, changed and removed, and what
// a client then sees over HTTP (logins, userinfo's groups, rights and blockinfo, two-factor,
// blocks and locks); live sessions, the three ways to end them and the clock that expires them.
//
// Sources: ../shared/reference/NOTES.md §3 (action=login), §4 (clientlogin), §7 (sessions and
// the Token cookie), §8 (assertuserfailed), §9 (OATHAuth), §15 (groups and rights); MediaWiki's
// ApiBlockInfoTrait.php, CheckBlocksSecondaryAuthenticationProvider.php and BotPassword.php in
// /usr/share/mediawiki; the comments in mockwiki/control.h and mockwiki/server.h.
#include <stdexcept>

#include "auth/totp.h"
#include "mockwiki/control.h"
#include "mockwiki/fixture.h"
#include "support/mock_wiki_test.h"

// AccountSpecs, AccountChanges and FaultSpecs are written as control.h shows them, with
// designated initializers; GCC 12 warns of the members left out under -Wextra even though they
// have default member initializers.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace mockwiki::testing {
namespace {

using namespace accounts;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::Each;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAre;

// Fri, 15 Jan 2027 08:00:00 GMT, at the start of a TOTP window.
constexpr std::int64_t kNow = 1800000000;

constexpr const char* kNewBotPass = "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6";
constexpr const char* kTofu = "Tofu";
constexpr const char* kTofuPass = "TofuPassw0rd!23";
constexpr const char* kSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

// An AccountInfo as JSON, for comparisons with readable failures.
Json info_json(const AccountInfo& a) {
  return {{"id", a.id},
          {"name", a.name},
          {"groups", a.groups},
          {"bot_passwords", a.bot_passwords},
          {"two_factor", a.two_factor},
          {"blocked", a.blocked},
          {"block_reason", a.block_reason},
          {"locked", a.locked}};
}

Json infos_json(const std::vector<AccountInfo>& accounts) {
  Json out = Json::array();
  for (const auto& a : accounts) out.push_back(info_json(a));
  return out;
}

// accounts() of the default fixture.
const Json kDefaultAccounts = Json::parse(R"([
  {"id": 1, "name": "Admin", "groups": ["sysop", "bureaucrat", "interface-admin"], "bot_passwords": [],
   "two_factor": false, "blocked": false, "block_reason": "", "locked": false},
  {"id": 3, "name": "Alice", "groups": [], "bot_passwords": ["alicebot"],
   "two_factor": false, "blocked": false, "block_reason": "", "locked": false},
  {"id": 4, "name": "Robo", "groups": ["bot"], "bot_passwords": ["mybot"],
   "two_factor": false, "blocked": false, "block_reason": "", "locked": false},
  {"id": 5, "name": "Throttled", "groups": [], "bot_passwords": [],
   "two_factor": false, "blocked": false, "block_reason": "", "locked": false}
])");

// NOTES.md §15.2: the rights of Robo's main account (groups bot, *, user, autoconfirmed).
const Json kBotGroupRights = Json::parse(R"(["bot", "autoconfirmed", "editsemiprotected", "nominornewtalk",
  "autopatrol", "suppressredirect", "apihighlimits", "writeapi", "createaccount", "read", "edit", "createpage",
  "createtalk", "viewmywatchlist", "editmywatchlist", "viewmyprivateinfo", "editmyprivateinfo", "editmyoptions",
  "move", "move-subpages", "move-rootuserpages", "move-categorypages", "movefile", "upload", "reupload",
  "reupload-shared", "minoredit", "editmyusercss", "editmyuserjson", "editmyuserjs", "editmyuserjsredirect",
  "purge", "sendemail", "applychangetags", "changetags", "editcontentmodel"])");

// A user without explicit groups in a bot-password session with the "basic" grant only: the
// user's rights (NOTES.md §15.2, Alice) that $wgGrantPermissions['basic'] holds, in their order.
const Json kBasicGrantRights = Json::parse(R"(["read", "writeapi", "purge", "autoconfirmed", "editsemiprotected"])");

// Expects `call` to throw std::invalid_argument whose message contains `text`.
template <typename F>
void expect_invalid(F&& call, const std::string& text) {
  try {
    call();
    ADD_FAILURE() << "no std::invalid_argument (expected one mentioning \"" << text << "\")";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr(text));
  }
}

class ControlPlaneTest : public MockWikiTest {
 protected:
  ControlPlaneTest() : ControlPlaneTest(MockWiki::Options{}) {}
  explicit ControlPlaneTest(MockWiki::Options options) : MockWikiTest(std::move(options)) {
    wiki.clock().freeze();
    wiki.clock().set(kNow);
  }

  static Json userinfo(ApiClient& c, const Params& extra = {}) {
    Params params = {{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}, {"formatversion", "2"}};
    params.insert(params.end(), extra.begin(), extra.end());
    return c.get(params).json;
  }
  // The name userinfo shows ("127.0.0.1" when anonymous).
  static std::string user_of(ApiClient& c) {
    const Json info = userinfo(c);
    return info["query"]["userinfo"]["name"].is_string() ? info["query"]["userinfo"]["name"].get<std::string>() : "";
  }
  // The error code of userinfo with assert=user, or "" if none.
  static std::string assert_user(ApiClient& c) {
    Reply reply = c.get({{"action", "query"}, {"meta", "userinfo"}, {"assert", "user"}, {"format", "json"}});
    return reply.api_error().value_or("");
  }
  static std::string login_result(ApiClient& c, const std::string& name, const std::string& password) {
    const Json result = c.login(name, password).json["login"]["result"];
    return result.is_string() ? result.get<std::string>() : "";
  }
  static std::string clientlogin_status(ApiClient& c, const std::string& name, const std::string& password,
                                        const Params& extra = {}) {
    const Json status = c.client_login(name, password, extra).json["clientlogin"]["status"];
    return status.is_string() ? status.get<std::string>() : "";
  }

  // The live sessions of `user`.
  std::vector<SessionInfo> sessions_of(const std::string& user) {
    std::vector<SessionInfo> out;
    for (auto& s : wiki.sessions()) {
      if (s.user == user) out.push_back(s);
    }
    return out;
  }
};

// ---- reset --------------------------------------------------------------------------------

TEST_F(ControlPlaneTest, ResetRestoresTheFixtureAndForgetsSessionsFaultsAndJournalButKeepsTheClock) {
  wiki.add_account({.name = "Newbie", .password = "NewbiePassw0rd!23"});
  wiki.change_account(kAlice, {.groups = std::vector<std::string>{"sysop"}, .blocked = true, .locked = true});
  wiki.remove_account(kRobo);
  ApiClient other = another_client();
  ASSERT_EQ(login_result(other, kAdmin, kAdminPass), "Success");
  wiki.add_fault({.fault = "ratelimited", .times = 0});
  wiki.clock().advance(std::chrono::seconds(100));
  ASSERT_THAT(wiki.sessions(), Not(IsEmpty()));
  ASSERT_THAT(wiki.journal(), Not(IsEmpty()));

  wiki.reset();

  EXPECT_EQ(infos_json(wiki.accounts()), kDefaultAccounts);
  EXPECT_THAT(wiki.sessions(), IsEmpty());
  EXPECT_THAT(wiki.faults(), IsEmpty());
  EXPECT_THAT(wiki.journal(), IsEmpty());
  EXPECT_EQ(wiki.clock().now(), kNow + 100);
  EXPECT_TRUE(wiki.clock().frozen());
  // Robo is back with his password, the injected fault is gone.
  EXPECT_EQ(login_result(client, kRobo, kRoboPass), "Success");
}

// ---- accounts: listing and adding ------------------------------------------------------------

TEST_F(ControlPlaneTest, AccountsListsTheFixtureInIdOrderFromOneSkippingTheSystemUser) {
  // Ids as on a fresh wiki: the installer's Admin is 1, "MediaWiki default" is 2.
  EXPECT_EQ(infos_json(wiki.accounts()), kDefaultAccounts);
}

TEST_F(ControlPlaneTest, AnAddedAccountGetsTheNextIdACanonicalNameAndCanLogIn) {
  const AccountInfo added = wiki.add_account({.name = "new_user", .password = "NewUserPassw0rd!23", .groups = {"bot"}});
  EXPECT_EQ(info_json(added), Json::parse(R"({"id": 6, "name": "New user", "groups": ["bot"], "bot_passwords": [],
      "two_factor": false, "blocked": false, "block_reason": "", "locked": false})"));
  EXPECT_EQ(info_json(wiki.accounts().back()), info_json(added));

  EXPECT_EQ(client.client_login("New user", "NewUserPassw0rd!23", {{"formatversion", "2"}}).json,
            Json({{"clientlogin", {{"status", "PASS"}, {"username", "New user"}}}}));
  const Json info = userinfo(client, {{"uiprop", "groups|rights"}})["query"]["userinfo"];
  EXPECT_EQ(info["id"], 6);
  EXPECT_EQ(info["groups"], Json({"bot", "*", "user", "autoconfirmed"}));
  EXPECT_EQ(info["rights"], kBotGroupRights);
}

TEST_F(ControlPlaneTest, AnAddedAccountsBotPasswordLogsInWithItsGrantsRights) {
  wiki.add_account({.name = "Newbie",
                    .password = "NewbiePassw0rd!23",
                    .botpasswords = {{.appid = "newbot", .password = kNewBotPass, .grants = {"basic"}}}});
  EXPECT_EQ(client.login("Newbie@newbot", kNewBotPass).json,
            Json({{"login", {{"result", "Success"}, {"lguserid", 6}, {"lgusername", "Newbie"}}}}));
  EXPECT_EQ(userinfo(client, {{"uiprop", "rights"}})["query"]["userinfo"]["rights"], kBasicGrantRights);
  EXPECT_THAT(wiki.sessions(),
              Contains(AllOf(Field(&SessionInfo::user, "Newbie"), Field(&SessionInfo::bot_app_id, "newbot"))));
}

TEST_F(ControlPlaneTest, AddAccountRefusesBadInputWithInvalidArgument) {
  expect_invalid([&] { wiki.add_account({.name = "A|B", .password = "Passw0rd!23456"}); }, "A|B");
  expect_invalid([&] { wiki.add_account({.name = "alice", .password = "Passw0rd!23456"}); }, "Alice");
  // UserNameUtils::isCreatable: none of $wgInvalidUsernameCharacters.
  expect_invalid([&] { wiki.add_account({.name = "Evil@bot", .password = "Passw0rd!23456"}); }, "Evil@bot");
  expect_invalid([&] { wiki.add_account({.name = "Newbie", .password = ""}); }, "password");
  expect_invalid([&] { wiki.add_account({.name = "Newbie", .password = "Passw0rd!23456", .groups = {"wizard"}}); },
                 "wizard");
  expect_invalid(
      [&] {
        wiki.add_account({.name = "Newbie", .password = "Passw0rd!23456", .botpasswords = {{"bot", "short", {}}}});
      },
      "password");
  expect_invalid(
      [&] {
        wiki.add_account(
            {.name = "Newbie", .password = "Passw0rd!23456", .botpasswords = {{"bot", kNewBotPass, {"nosuchgrant"}}}});
      },
      "nosuchgrant");
  expect_invalid(
      [&] { wiki.add_account({.name = "Newbie", .password = "Passw0rd!23456", .oath = OathSpec{"not base32!"}}); },
      "Base32");
  // Nothing was added by the refused calls.
  EXPECT_EQ(infos_json(wiki.accounts()), kDefaultAccounts);
}

// Once a bug, now fixed: add_account() takes two bot passwords with the same app id (the fixture parser and
// change_account() refuse them: "duplicate bot name"); the second can never be used.
TEST_F(ControlPlaneTest, AddAccountRefusesTwoBotPasswordsWithTheSameAppId) {
  expect_invalid(
      [&] {
        wiki.add_account({.name = "Newbie",
                          .password = "Passw0rd!23456",
                          .botpasswords = {{"bot", kNewBotPass, {"basic"}}, {"bot", kAliceBotPass, {"basic"}}}});
      },
      "duplicate bot name");
  EXPECT_EQ(infos_json(wiki.accounts()), kDefaultAccounts);
}

// Once a bug, now fixed: add_account() takes a flow that set_flow() and the fixture parser refuse
// (flow_error: here a UI step without fields and no final step) and keeps it for the account.
TEST_F(ControlPlaneTest, AddAccountRefusesStepsThatMakeNoFlow) {
  EXPECT_THROW(wiki.add_account({.name = "Newbie", .password = "Passw0rd!23456", .flow = {FlowStep::ui("Code?", {})}}),
               std::invalid_argument);
  EXPECT_EQ(infos_json(wiki.accounts()), kDefaultAccounts);
}

// ---- accounts: changing ------------------------------------------------------------------------

TEST_F(ControlPlaneTest, AChangedPasswordReplacesTheOldOne) {
  const AccountInfo info = wiki.change_account(kAlice, {.password = "AliceNewPassw0rd!23"});
  EXPECT_EQ(info_json(info), kDefaultAccounts[1]);
  EXPECT_EQ(client.login(kAlice, kAlicePass).json,
            Json({{"login",
                   {{"result", "Failed"}, {"reason", "Incorrect username or password entered. Please try again."}}}}));
  EXPECT_EQ(login_result(client, kAlice, "AliceNewPassw0rd!23"), "Success");
}

TEST_F(ControlPlaneTest, ChangedGroupsShowInUserinfoAtOnceWithTheirRights) {
  ASSERT_EQ(clientlogin_status(client, kAlice, kAlicePass), "PASS");
  const AccountInfo info = wiki.change_account("alice", {.groups = std::vector<std::string>{"bot"}});
  EXPECT_EQ(info.groups, std::vector<std::string>{"bot"});
  // The session that was already logged in sees the new groups (NOTES.md §15.2: Robo's).
  const Json userinfo_now = userinfo(client, {{"uiprop", "groups|rights"}})["query"]["userinfo"];
  EXPECT_EQ(userinfo_now["groups"], Json({"bot", "*", "user", "autoconfirmed"}));
  EXPECT_EQ(userinfo_now["rights"], kBotGroupRights);

  wiki.change_account(kAlice, {.groups = std::vector<std::string>{}});
  EXPECT_EQ(userinfo(client, {{"uiprop", "groups"}})["query"]["userinfo"]["groups"],
            Json({"*", "user", "autoconfirmed"}));
}

TEST_F(ControlPlaneTest, ChangedBotPasswordsReplaceAllOfThemAndTheirGrantsDecideTheRights) {
  const AccountInfo info = wiki.change_account(
      kAlice, {.bot_passwords = std::vector<BotPasswordSpec>{{"otherbot", kNewBotPass, {"basic"}}}});
  EXPECT_EQ(info.bot_passwords, std::vector<std::string>{"otherbot"});
  // alicebot is gone: its login falls through to a main-account login, and fails (NOTES.md §3.2).
  EXPECT_EQ(login_result(client, kAliceBot, kAliceBotPass), "Failed");
  ASSERT_EQ(login_result(client, "Alice@otherbot", kNewBotPass), "Success");
  EXPECT_EQ(userinfo(client, {{"uiprop", "rights"}})["query"]["userinfo"]["rights"], kBasicGrantRights);
}

TEST_F(ControlPlaneTest, GrantsFollowTheGroupsAsForAnyBotPassword) {
  // Alice in the bot group with Robo's grants has Robo@mybot's rights (NOTES.md §15.2).
  wiki.change_account(kAlice, {.groups = std::vector<std::string>{"bot"},
                               .bot_passwords = std::vector<BotPasswordSpec>{
                                   {"alicebot", kAliceBotPass, {"basic", "editpage", "highvolume"}}}});
  ASSERT_EQ(login_result(client, kAliceBot, kAliceBotPass), "Success");
  EXPECT_EQ(userinfo(client, {{"uiprop", "groups|rights"}})["query"]["userinfo"],
            Json::parse(R"({"id": 3, "name": "Alice", "groups": ["bot", "*", "user", "autoconfirmed"],
                "rights": ["bot", "autoconfirmed", "editsemiprotected", "nominornewtalk", "autopatrol",
                "apihighlimits", "writeapi", "read", "edit", "minoredit", "purge", "applychangetags", "changetags",
                "editcontentmodel"]})"));
}

TEST_F(ControlPlaneTest, ABotPasswordWhoseGrantsChangeLosesItsSessionsAnUnchangedOneKeepsThem) {
  ASSERT_EQ(login_result(client, kAliceBot, kAliceBotPass), "Success");
  // The same bot password again: its sessions stay.
  wiki.change_account(
      kAlice, {.bot_passwords = std::vector<BotPasswordSpec>{{"alicebot", kAliceBotPass, {"basic", "editpage"}}}});
  EXPECT_EQ(user_of(client), kAlice);
  // New grants: BotPasswordSessionProvider no longer accepts the session.
  wiki.change_account(kAlice, {.bot_passwords = std::vector<BotPasswordSpec>{{"alicebot", kAliceBotPass, {"basic"}}}});
  EXPECT_EQ(assert_user(client), "assertuserfailed");
  EXPECT_EQ(user_of(client), "127.0.0.1");
}

// Once a bug, now fixed: a bot-password session whose bot password changed can no longer be loaded
// (BotPasswordSessionProvider refuses it, as the test above shows), yet sessions() still lists
// it as live until a request touches it, and expire_sessions_of() counts it as one it ended.
TEST_F(ControlPlaneTest, ABotPasswordSessionEndedByAChangeIsNoLongerListed) {
  ASSERT_EQ(login_result(client, kAliceBot, kAliceBotPass), "Success");
  ASSERT_THAT(sessions_of(kAlice), SizeIs(1));
  wiki.change_account(kAlice, {.bot_passwords = std::vector<BotPasswordSpec>{{"alicebot", kAliceBotPass, {"basic"}}}});
  EXPECT_THAT(sessions_of(kAlice), IsEmpty());
  EXPECT_EQ(wiki.expire_sessions_of(kAlice), 0);
}

TEST_F(ControlPlaneTest, ChangeAccountRefusesBadInputAndChangesNothingThen) {
  expect_invalid([&] { wiki.change_account("Nobody", {.password = "Passw0rd!23456"}); }, "no account \"Nobody\"");
  expect_invalid([&] { wiki.change_account(kAlice, {.password = ""}); }, "password");
  // A good password with a bad group: neither is applied.
  expect_invalid(
      [&] {
        wiki.change_account(kAlice, {.password = "AliceNewPassw0rd!23", .groups = std::vector<std::string>{"wizard"}});
      },
      "wizard");
  expect_invalid(
      [&] {
        wiki.change_account(kAlice, {.bot_passwords = std::vector<BotPasswordSpec>{{"a@b", kNewBotPass, {}}}});
      },
      "appid");
  expect_invalid(
      [&] {
        wiki.change_account(kAlice, {.bot_passwords = std::vector<BotPasswordSpec>{{"bot", kNewBotPass, {"basic"}},
                                                                                   {"bot", kAliceBotPass, {"basic"}}}});
      },
      "duplicate bot name");
  expect_invalid([&] { wiki.change_account(kAlice, {.oath_secret = std::string("0189")}); }, "Base32");
  EXPECT_EQ(infos_json(wiki.accounts()), kDefaultAccounts);
  EXPECT_EQ(login_result(client, kAlice, kAlicePass), "Success");
}

TEST_F(ControlPlaneTest, WithoutOathAuthASecretIsKeptButNoCodeIsAsked) {
  const AccountInfo info = wiki.change_account(kAlice, {.oath_secret = std::string(kSecret)});
  EXPECT_TRUE(info.two_factor);
  EXPECT_EQ(clientlogin_status(client, kAlice, kAlicePass), "PASS");
}

// ---- accounts: blocks ----------------------------------------------------------------------------

TEST_F(ControlPlaneTest, ABlockShowsInUserinfoBlockinfo) {
  ASSERT_EQ(login_result(client, kAlice, kAlicePass), "Success");
  const AccountInfo info = wiki.change_account(kAlice, {.blocked = true, .block_reason = "Spamming links"});
  EXPECT_TRUE(info.blocked);
  EXPECT_EQ(info.block_reason, "Spamming links");
  wiki.clock().advance(std::chrono::minutes(90));  // the block keeps the time it was made
  ASSERT_EQ(login_result(client, kAlice, kAlicePass), "Success");
  // ApiBlockInfoTrait::getBlockDetails for a sitewide block without expiry (fv2).
  EXPECT_EQ(userinfo(client, {{"uiprop", "blockinfo"}}),
            Json::parse(R"({"batchcomplete": true, "query": {"userinfo": {"id": 3, "name": "Alice",
                "blockid": 1, "blockedby": "MediaWiki default", "blockedbyid": 2, "blockreason": "Spamming links",
                "blockedtimestamp": "2027-01-15T08:00:00Z", "blockexpiry": "infinite", "blockpartial": false,
                "blocknocreate": true, "blockanononly": false,
                "blockedtimestampformatted": "08:00, 15 January 2027"}}})"));
}

TEST_F(ControlPlaneTest, BlockinfoInFormatVersionOneLeavesFalseOutAndShowsTrueAsEmpty) {
  // (NOTES.md §1.4; hasmsg's "messages": false is left out too.)
  wiki.change_account(kRobo, {.blocked = true});
  ASSERT_EQ(login_result(client, kRoboBot, kRoboBotPass), "Success");
  Reply reply =
      client.get({{"action", "query"}, {"meta", "userinfo"}, {"uiprop", "blockinfo|hasmsg"}, {"format", "json"}});
  EXPECT_EQ(reply.json, Json::parse(R"({"batchcomplete": "", "query": {"userinfo": {"id": 4, "name": "Robo",
      "blockid": 1, "blockedby": "MediaWiki default", "blockedbyid": 2, "blockreason": "",
      "blockedtimestamp": "2027-01-15T08:00:00Z", "blockexpiry": "infinite", "blocknocreate": "",
      "blockedtimestampformatted": "08:00, 15 January 2027"}}})"));
}

TEST_F(ControlPlaneTest, ABlockedUserCanStillLogInEveryWay) {
  wiki.change_account(kAlice, {.blocked = true, .block_reason = "Test"});
  EXPECT_EQ(login_result(client, kAlice, kAlicePass), "Success");
  ApiClient c2 = another_client();
  EXPECT_EQ(clientlogin_status(c2, kAlice, kAlicePass), "PASS");
  ApiClient c3 = another_client();
  EXPECT_EQ(login_result(c3, kAliceBot, kAliceBotPass), "Success");
}

TEST_F(ControlPlaneTest, UnblockingRemovesBlockinfoAndANewBlockGetsTheNextIdUntilReset) {
  wiki.change_account(kAlice, {.blocked = true, .block_reason = "First"});
  const AccountInfo unblocked = wiki.change_account(kAlice, {.blocked = false});
  EXPECT_FALSE(unblocked.blocked);
  EXPECT_EQ(unblocked.block_reason, "");
  ASSERT_EQ(login_result(client, kAlice, kAlicePass), "Success");
  EXPECT_EQ(userinfo(client, {{"uiprop", "blockinfo"}})["query"]["userinfo"],
            Json::parse(R"({"id": 3, "name": "Alice"})"));

  wiki.clock().advance(std::chrono::hours(26));
  wiki.change_account(kAlice, {.blocked = true, .block_reason = "Second"});
  const Json info = userinfo(client, {{"uiprop", "blockinfo"}})["query"]["userinfo"];
  EXPECT_EQ(info["blockid"], 2);
  EXPECT_EQ(info["blockreason"], "Second");
  EXPECT_EQ(info["blockedtimestamp"], "2027-01-16T10:00:00Z");
  EXPECT_EQ(info["blockedtimestampformatted"], "10:00, 16 January 2027");

  // reset() starts the ids again.
  wiki.reset();
  wiki.change_account(kRobo, {.blocked = true});
  ASSERT_EQ(login_result(client, kRobo, kRoboPass), "Success");
  EXPECT_EQ(userinfo(client, {{"uiprop", "blockinfo"}})["query"]["userinfo"]["blockid"], 1);
}

// ---- accounts: locks ------------------------------------------------------------------------------

TEST_F(ControlPlaneTest, ALockedAccountCannotLogInAnyWay) {
  EXPECT_TRUE(wiki.change_account(kAlice, {.locked = true}).locked);
  // clientlogin: CheckBlocksSecondaryAuthenticationProvider with $wgBlockDisablesLogin.
  EXPECT_EQ(client.client_login(kAlice, kAlicePass, {{"formatversion", "2"}}).json,
            Json::parse(R"({"clientlogin": {"status": "FAIL", "message": "This user is blocked. Login not allowed.",
                "messagecode": "login-userblocked", "canpreservestate": false}})"));
  // action=login: the same failure (NOTES.md §3.2, AuthManager's FAIL).
  EXPECT_EQ(client.login(kAlice, kAlicePass).json,
            Json::parse(R"({"login": {"result": "Failed", "reason": "This user is blocked. Login not allowed."}})"));
  // A bot password: BotPassword::login's botpasswords-locked, one of the failures action=login
  // reports as is.
  EXPECT_EQ(client.login(kAliceBot, kAliceBotPass).json, Json::parse(R"({"login": {"result": "Failed",
                "reason": "You cannot login with a bot password as your account is locked."}})"));
  EXPECT_EQ(user_of(client), "127.0.0.1");
  EXPECT_THAT(sessions_of(kAlice), IsEmpty());
}

TEST_F(ControlPlaneTest, LockingEndsEverySessionEvenThoseATokenCookieWouldRestore) {
  ASSERT_EQ(login_result(client, kAlice, kAlicePass), "Success");  // with a Token cookie
  ApiClient bot = another_client();
  ASSERT_EQ(login_result(bot, kAliceBot, kAliceBotPass), "Success");
  ApiClient robo = another_client();
  ASSERT_EQ(login_result(robo, kRobo, kRoboPass), "Success");
  ASSERT_THAT(sessions_of(kAlice), SizeIs(2));

  wiki.change_account(kAlice, {.locked = true});
  EXPECT_THAT(sessions_of(kAlice), IsEmpty());
  EXPECT_EQ(assert_user(client), "assertuserfailed");
  EXPECT_EQ(assert_user(bot), "assertuserfailed");
  EXPECT_THAT(sessions_of(kAlice), IsEmpty());
  EXPECT_EQ(user_of(robo), kRobo);

  // Unlocked, Alice logs in again.
  EXPECT_FALSE(wiki.change_account(kAlice, {.locked = false}).locked);
  EXPECT_EQ(login_result(client, kAlice, kAlicePass), "Success");
}

// ---- accounts: removing ---------------------------------------------------------------------------

TEST_F(ControlPlaneTest, ARemovedAccountCannotLogInLosesItsSessionsAndItsIdIsNotReused) {
  ASSERT_EQ(login_result(client, kAlice, kAlicePass), "Success");
  wiki.remove_account("alice");
  EXPECT_THAT(sessions_of(kAlice), IsEmpty());
  EXPECT_EQ(user_of(client), "127.0.0.1");
  EXPECT_THAT(wiki.accounts(), Each(Field(&AccountInfo::name, Not(kAlice))));
  ApiClient other = another_client();
  EXPECT_EQ(login_result(other, kAlice, kAlicePass), "Failed");

  expect_invalid([&] { wiki.remove_account(kAlice); }, "no account");
  EXPECT_EQ(wiki.add_account({.name = kAlice, .password = kAlicePass}).id, 6);
}

// ---- accounts: two-factor, with OATHAuth ------------------------------------------------------------

class ControlPlaneOathTest : public ControlPlaneTest {
 protected:
  ControlPlaneOathTest() : ControlPlaneTest(options()) {}
  static MockWiki::Options options() {
    MockWiki::Options o;
    o.fixture = Fixture::load(MOCKWIKI_FIXTURES_DIR "/oath.json");
    return o;
  }
  Reply send_code(const std::string& code) {
    return client.post({{"action", "clientlogin"},
                        {"logincontinue", "1"},
                        {"OATHToken", code},
                        {"logintoken", client.login_token()},
                        {"format", "json"},
                        {"formatversion", "2"}});
  }
};

TEST_F(ControlPlaneOathTest, AnOathSecretMakesClientloginAskForTheCode) {
  EXPECT_TRUE(wiki.change_account(kAlice, {.oath_secret = std::string(kSecret)}).two_factor);
  const Json ui = client.client_login(kAlice, kAlicePass, {{"formatversion", "2"}}).json["clientlogin"];
  ASSERT_EQ(ui["status"], "UI") << ui;
  EXPECT_EQ(ui["messagecode"], "oathauth-auth-ui");
  ASSERT_EQ(ui["requests"].size(), 1u);
  EXPECT_EQ(ui["requests"][0]["id"], "MediaWiki\\Extension\\OATHAuth\\Auth\\TOTPAuthenticationRequest");
  EXPECT_EQ(ui["requests"][0]["account"], kAlice);
  EXPECT_EQ(send_code(auth::totp_code(kSecret, wiki.clock().now())).json,
            Json({{"clientlogin", {{"status", "PASS"}, {"username", kAlice}}}}));
  // And action=login cannot do the step (NOTES.md §3.2: Aborted).
  ApiClient other = another_client();
  EXPECT_EQ(login_result(other, kAlice, kAlicePass), "Aborted");
}

TEST_F(ControlPlaneOathTest, AnEmptySecretTurnsTwoFactorOff) {
  ASSERT_TRUE(wiki.accounts()[4].two_factor);  // Tofu
  const AccountInfo info = wiki.change_account(kTofu, {.oath_secret = std::string()});
  EXPECT_FALSE(info.two_factor);
  EXPECT_EQ(client.client_login(kTofu, kTofuPass, {{"formatversion", "2"}}).json,
            Json({{"clientlogin", {{"status", "PASS"}, {"username", kTofu}}}}));
}

// ---- sessions --------------------------------------------------------------------------------------

TEST_F(ControlPlaneTest, SessionsListsEachLiveSessionWithItsUserBotPasswordExpiryAndRememberMe) {
  ASSERT_EQ(clientlogin_status(client, kAlice, kAlicePass), "PASS");
  ApiClient remembered = another_client();
  ASSERT_EQ(clientlogin_status(remembered, kRobo, kRoboPass, {{"rememberMe", "1"}}), "PASS");
  ApiClient bot = another_client();
  ASSERT_EQ(login_result(bot, kAliceBot, kAliceBotPass), "Success");
  ApiClient anonymous = another_client();
  anonymous.login_token();  // a login token needs a session

  const auto sessions = wiki.sessions();
  const auto all_of = [](const std::string& user, const std::string& bot_app_id, bool remember) {
    return AllOf(Field(&SessionInfo::user, user), Field(&SessionInfo::bot_app_id, bot_app_id),
                 Field(&SessionInfo::remember, remember), Field(&SessionInfo::expires, kNow + 3600));
  };
  EXPECT_THAT(sessions, Contains(all_of(kAlice, "", false)).Times(1));
  EXPECT_THAT(sessions, Contains(all_of(kRobo, "", true)).Times(1));
  EXPECT_THAT(sessions, Contains(all_of(kAlice, "alicebot", false)).Times(1));
  EXPECT_THAT(sessions, Contains(all_of("", "", false)).Times(::testing::Ge(1)));
  // The ids are the cookies' values.
  EXPECT_THAT(sessions, Contains(Field(&SessionInfo::id, *client.cookie("_session"))));
  EXPECT_THAT(sessions, Contains(Field(&SessionInfo::id, *bot.cookie("_BPsession"))));
  EXPECT_THAT(sessions, Contains(Field(&SessionInfo::id, *anonymous.cookie("_session"))));
}

TEST_F(ControlPlaneTest, AnExpiredBotPasswordSessionReallyEnds) {
  ASSERT_EQ(login_result(client, kAliceBot, kAliceBotPass), "Success");
  const std::string id = *client.cookie("_BPsession");
  EXPECT_TRUE(wiki.expire_session(id));
  EXPECT_FALSE(wiki.expire_session(id));
  EXPECT_EQ(assert_user(client), "assertuserfailed");
  EXPECT_EQ(user_of(client), "127.0.0.1");
  EXPECT_THAT(sessions_of(kAlice), IsEmpty());
}

TEST_F(ControlPlaneTest, AClientloginSessionWithoutRememberMeReallyEnds) {
  ASSERT_EQ(clientlogin_status(client, kAlice, kAlicePass), "PASS");
  ASSERT_FALSE(client.cookie("Token"));
  ASSERT_TRUE(wiki.expire_session(*client.cookie("_session")));
  // The full error, NOTES.md §8.
  EXPECT_EQ(client.get({{"action", "query"}, {"meta", "userinfo"}, {"assert", "user"}, {"format", "json"}}).json,
            Json({{"error",
                   {{"code", "assertuserfailed"},
                    {"info", "You are no longer logged in, so the action could not be completed."},
                    {"*", docref()}}}}));
  EXPECT_EQ(user_of(client), "127.0.0.1");
}

TEST_F(ControlPlaneTest, ARememberedSessionIsRestoredByItsTokenCookieAsOnMediaWiki) {
  // action=login forces rememberMe (NOTES.md §3.2), so a Token cookie brings the user back in a
  // new session (§7).
  ASSERT_EQ(login_result(client, kAlice, kAlicePass), "Success");
  ASSERT_TRUE(client.cookie("Token"));
  const std::string old_id = *client.cookie("_session");
  ASSERT_TRUE(wiki.expire_session(old_id));
  EXPECT_THAT(sessions_of(kAlice), IsEmpty());
  EXPECT_EQ(assert_user(client), "");
  EXPECT_EQ(user_of(client), kAlice);
  const auto restored = sessions_of(kAlice);
  ASSERT_THAT(restored, SizeIs(1));
  EXPECT_NE(restored[0].id, old_id);
  EXPECT_TRUE(restored[0].remember);

  // So is clientlogin's with rememberMe (NOTES.md §4.4).
  ApiClient other = another_client();
  ASSERT_EQ(clientlogin_status(other, kRobo, kRoboPass, {{"rememberMe", "1"}}), "PASS");
  ASSERT_TRUE(wiki.expire_session(*other.cookie("_session")));
  EXPECT_EQ(assert_user(other), "");
  EXPECT_EQ(user_of(other), kRobo);
}

TEST_F(ControlPlaneTest, ExpireSessionsOfEndsOnlyThatUsersSessions) {
  ASSERT_EQ(clientlogin_status(client, kAlice, kAlicePass), "PASS");
  ApiClient bot = another_client();
  ASSERT_EQ(login_result(bot, kAliceBot, kAliceBotPass), "Success");
  ApiClient robo = another_client();
  ASSERT_EQ(clientlogin_status(robo, kRobo, kRoboPass), "PASS");

  EXPECT_EQ(wiki.expire_sessions_of("alice"), 2);
  EXPECT_EQ(wiki.expire_sessions_of(kAlice), 0);
  EXPECT_EQ(assert_user(client), "assertuserfailed");
  EXPECT_EQ(assert_user(bot), "assertuserfailed");
  EXPECT_EQ(user_of(robo), kRobo);
  EXPECT_THAT(sessions_of(kRobo), SizeIs(1));
  expect_invalid([&] { wiki.expire_sessions_of("A|B"); }, "A|B");
}

TEST_F(ControlPlaneTest, ExpireAllSessionsEndsEveryOneAnonymousOnesIncluded) {
  ASSERT_EQ(clientlogin_status(client, kAlice, kAlicePass), "PASS");
  ApiClient bot = another_client();
  ASSERT_EQ(login_result(bot, kRoboBot, kRoboBotPass), "Success");
  ApiClient anonymous = another_client();
  anonymous.login_token();
  const std::size_t live = wiki.sessions().size();
  ASSERT_GE(live, 3u);

  EXPECT_EQ(wiki.expire_all_sessions(), static_cast<int>(live));
  EXPECT_THAT(wiki.sessions(), IsEmpty());
  EXPECT_EQ(wiki.expire_all_sessions(), 0);
  EXPECT_EQ(assert_user(client), "assertuserfailed");
  EXPECT_EQ(assert_user(bot), "assertuserfailed");
}

TEST_F(ControlPlaneTest, TheClockExpiresSessionsAfterAnHourWithoutUse) {
  ASSERT_EQ(login_result(client, kAliceBot, kAliceBotPass), "Success");
  ApiClient other = another_client();
  ASSERT_EQ(clientlogin_status(other, kRobo, kRoboPass), "PASS");
  wiki.clock().advance(std::chrono::seconds(3599));
  EXPECT_THAT(sessions_of(kAlice), SizeIs(1));
  EXPECT_THAT(sessions_of(kRobo), SizeIs(1));
  wiki.clock().advance(std::chrono::seconds(2));
  EXPECT_THAT(wiki.sessions(), IsEmpty());
  EXPECT_EQ(assert_user(client), "assertuserfailed");
  EXPECT_EQ(assert_user(other), "assertuserfailed");
}

TEST_F(ControlPlaneTest, UsingASessionRenewsItsExpiry) {
  ASSERT_EQ(login_result(client, kAliceBot, kAliceBotPass), "Success");
  wiki.clock().advance(std::chrono::seconds(2000));  // less than half of the hour is left
  EXPECT_EQ(user_of(client), kAlice);
  const auto sessions = sessions_of(kAlice);
  ASSERT_THAT(sessions, SizeIs(1));
  EXPECT_EQ(sessions[0].expires, kNow + 2000 + 3600);
  wiki.clock().advance(std::chrono::seconds(3000));
  EXPECT_EQ(assert_user(client), "");
}

}  // namespace
}  // namespace mockwiki::testing
