// meta=userinfo: who the request is, with groups and rights in MediaWiki's order, as MediaWiki
// 1.39 gives them (ApiQueryUserInfo.php; ../shared/reference/NOTES.md §15; transcripts in
// tests/reference/mw-1.39/userinfo-*.json; uiprop=* of a logged-in user in
// tests/reference/raw/userinfo-all.txt).
#include <string>
#include <vector>

#include "support/mock_wiki_test.h"

namespace mockwiki::testing {
namespace {

using namespace accounts;

const Json kAnonRights = {"createaccount",
                          "read",
                          "edit",
                          "createpage",
                          "createtalk",
                          "writeapi",
                          "viewmywatchlist",
                          "editmywatchlist",
                          "viewmyprivateinfo",
                          "editmyprivateinfo",
                          "editmyoptions"};

const Json kAdminGroups = {"bureaucrat", "interface-admin", "sysop", "*", "user", "autoconfirmed"};
const Json kAdminRights = {"userrights",
                           "noratelimit",
                           "editinterface",
                           "editsitecss",
                           "editsitejson",
                           "editsitejs",
                           "editusercss",
                           "edituserjson",
                           "edituserjs",
                           "block",
                           "createaccount",
                           "delete",
                           "bigdelete",
                           "deletedhistory",
                           "deletedtext",
                           "undelete",
                           "import",
                           "importupload",
                           "move",
                           "move-subpages",
                           "move-rootuserpages",
                           "move-categorypages",
                           "patrol",
                           "autopatrol",
                           "protect",
                           "editprotected",
                           "rollback",
                           "upload",
                           "reupload",
                           "reupload-shared",
                           "unwatchedpages",
                           "autoconfirmed",
                           "editsemiprotected",
                           "ipblock-exempt",
                           "blockemail",
                           "markbotedits",
                           "apihighlimits",
                           "browsearchive",
                           "movefile",
                           "unblockself",
                           "suppressredirect",
                           "mergehistory",
                           "managechangetags",
                           "deletechangetags",
                           "read",
                           "edit",
                           "createpage",
                           "createtalk",
                           "writeapi",
                           "viewmywatchlist",
                           "editmywatchlist",
                           "viewmyprivateinfo",
                           "editmyprivateinfo",
                           "editmyoptions",
                           "minoredit",
                           "editmyusercss",
                           "editmyuserjson",
                           "editmyuserjs",
                           "editmyuserjsredirect",
                           "purge",
                           "sendemail",
                           "applychangetags",
                           "changetags",
                           "editcontentmodel"};

const Json kUserGroups = {"*", "user", "autoconfirmed"};
const Json kAliceRights = {"createaccount",
                           "read",
                           "edit",
                           "createpage",
                           "createtalk",
                           "writeapi",
                           "viewmywatchlist",
                           "editmywatchlist",
                           "viewmyprivateinfo",
                           "editmyprivateinfo",
                           "editmyoptions",
                           "move",
                           "move-subpages",
                           "move-rootuserpages",
                           "move-categorypages",
                           "movefile",
                           "upload",
                           "reupload",
                           "reupload-shared",
                           "minoredit",
                           "editmyusercss",
                           "editmyuserjson",
                           "editmyuserjs",
                           "editmyuserjsredirect",
                           "purge",
                           "sendemail",
                           "applychangetags",
                           "changetags",
                           "editcontentmodel",
                           "autoconfirmed",
                           "editsemiprotected"};

const Json kRoboGroups = {"bot", "*", "user", "autoconfirmed"};
const Json kRoboRights = {"bot",
                          "autoconfirmed",
                          "editsemiprotected",
                          "nominornewtalk",
                          "autopatrol",
                          "suppressredirect",
                          "apihighlimits",
                          "writeapi",
                          "createaccount",
                          "read",
                          "edit",
                          "createpage",
                          "createtalk",
                          "viewmywatchlist",
                          "editmywatchlist",
                          "viewmyprivateinfo",
                          "editmyprivateinfo",
                          "editmyoptions",
                          "move",
                          "move-subpages",
                          "move-rootuserpages",
                          "move-categorypages",
                          "movefile",
                          "upload",
                          "reupload",
                          "reupload-shared",
                          "minoredit",
                          "editmyusercss",
                          "editmyuserjson",
                          "editmyuserjs",
                          "editmyuserjsredirect",
                          "purge",
                          "sendemail",
                          "applychangetags",
                          "changetags",
                          "editcontentmodel"};

// Grants basic + editpage (Alice@alicebot) and basic + editpage + highvolume (Robo@mybot).
const Json kAliceBotRights = {"read",          "edit",
                              "writeapi",      "minoredit",
                              "purge",         "applychangetags",
                              "changetags",    "editcontentmodel",
                              "autoconfirmed", "editsemiprotected"};
const Json kRoboBotRights = {"bot",
                             "autoconfirmed",
                             "editsemiprotected",
                             "nominornewtalk",
                             "autopatrol",
                             "apihighlimits",
                             "writeapi",
                             "read",
                             "edit",
                             "minoredit",
                             "purge",
                             "applychangetags",
                             "changetags",
                             "editcontentmodel"};

// UserOptionsLookup::getDefaultOptions of a stock English wiki.
const Json kDefaultOptions = Json::parse(R"({"ccmeonemails":0,"date":"default","diffonly":0,"disablemail":0,
  "editfont":"monospace","editondblclick":0,"editsectiononrightclick":0,"email-allow-new-users":1,
  "enotifminoredits":0,"enotifrevealaddr":0,"enotifusertalkpages":1,"enotifwatchlistpages":1,"extendwatchlist":1,
  "fancysig":0,"forceeditsummary":0,"gender":"unknown","hideminor":0,"hidepatrolled":0,"hidecategorization":1,
  "imagesize":2,"minordefault":0,"newpageshidepatrolled":0,"nickname":"","pst-cssjs":1,"norollbackdiff":0,
  "previewonfirst":0,"previewontop":1,"rcdays":7,"rcenhancedfilters-disable":0,"rclimit":50,
  "search-match-redirect":true,"search-special-page":"Search","searchlimit":20,"showhiddencats":0,
  "shownumberswatching":1,"showrollbackconfirmation":0,"skin":"vector","thumbsize":5,"underline":2,
  "uselivepreview":0,"usenewrc":1,"watchcreations":1,"watchdefault":1,"watchdeletion":0,"watchuploads":1,
  "watchlistdays":7,"watchlisthideanons":0,"watchlisthidebots":0,"watchlisthideliu":0,"watchlisthideminor":0,
  "watchlisthideown":0,"watchlisthidepatrolled":0,"watchlisthidecategorization":1,
  "watchlistreloadautomatically":0,"watchlistunwatchlinks":0,"watchmoves":0,"watchrollback":0,
  "wlenhancedfilters-disable":0,"wllimit":250,"useeditwarning":1,"prefershttps":1,"requireemail":0,
  "skin-responsive":1,"timecorrection":"System|0","language":"en","variant":"en","variant-ban":"ban",
  "variant-en":"en","variant-crh":"crh","variant-gan":"gan","variant-iu":"iu","variant-kk":"kk","variant-ku":"ku",
  "variant-shi":"shi","variant-sr":"sr","variant-tg":"tg","variant-uz":"uz","variant-zh":"zh","searchNs0":1,
  "searchNs1":0,"searchNs2":0,"searchNs3":0,"searchNs4":0,"searchNs5":0,"searchNs6":0,"searchNs7":0,
  "searchNs8":0,"searchNs9":0,"searchNs10":0,"searchNs11":0,"searchNs12":0,"searchNs13":0,"searchNs14":0,
  "searchNs15":0})");

// $wgRateLimits for an anonymous user (the "ip" category, User::isNewbie) ...
const Json kAnonRateLimits = Json::parse(R"({"edit":{"ip":{"hits":8,"seconds":60}},
  "upload":{"ip":{"hits":8,"seconds":60}},"mailpassword":{"ip":{"hits":5,"seconds":3600}},
  "emailuser":{"ip":{"hits":5,"seconds":86400}},"purge":{"ip":{"hits":30,"seconds":60}},
  "linkpurge":{"ip":{"hits":30,"seconds":60}},"renderfile":{"ip":{"hits":700,"seconds":30}},
  "renderfile-nonstandard":{"ip":{"hits":70,"seconds":30}},"stashedit":{"ip":{"hits":30,"seconds":60}},
  "stashbasehtml":{"ip":{"hits":5,"seconds":60}},"changetag":{"ip":{"hits":8,"seconds":60}}})");
// ... and for a registered, autoconfirmed one (the "user" category).
const Json kUserRateLimits = Json::parse(R"({"edit":{"user":{"hits":90,"seconds":60}},
  "move":{"user":{"hits":8,"seconds":60}},"rollback":{"user":{"hits":10,"seconds":60}},
  "emailuser":{"user":{"hits":20,"seconds":86400}},"changeemail":{"user":{"hits":4,"seconds":86400}},
  "confirmemail":{"user":{"hits":4,"seconds":86400}},"purge":{"user":{"hits":30,"seconds":60}},
  "linkpurge":{"user":{"hits":30,"seconds":60}},"renderfile":{"user":{"hits":700,"seconds":30}},
  "renderfile-nonstandard":{"user":{"hits":70,"seconds":30}},"editcontentmodel":{"user":{"hits":8,"seconds":60}}})");

const Json kNoChangeableGroups = {
    {"add", Json::array()}, {"remove", Json::array()}, {"add-self", Json::array()}, {"remove-self", Json::array()}};

// Accounts are registered when the wiki loads its fixture; the tests that show
// registrationdate pin that moment (2023-11-14T22:13:20Z).
constexpr std::int64_t kRegistered = 1700000000;
constexpr const char* kRegisteredIso = "2023-11-14T22:13:20Z";

// The member names of an object, in order (MediaWiki's order is part of the answer).
std::vector<std::string> keys(const Json& object) {
  std::vector<std::string> out;
  for (const auto& [key, value] : object.items()) out.push_back(key);
  return out;
}

class UserInfoTest : public MockWikiTest {
 protected:
  Reply userinfo(const std::string& uiprop, const std::string& formatversion = "1") {
    Params params = {{"action", "query"}, {"meta", "userinfo"}};
    if (!uiprop.empty()) params.emplace_back("uiprop", uiprop);
    params.emplace_back("format", "json");
    if (formatversion != "1") params.emplace_back("formatversion", formatversion);
    return client.get(params);
  }
  Json info(const std::string& uiprop, const std::string& formatversion = "1") {
    return userinfo(uiprop, formatversion).json["query"]["userinfo"];
  }
  void pin_registration() {
    wiki.clock().freeze();
    wiki.clock().set(kRegistered);
    wiki.reset();
  }
  void client_login(const char* name, const char* password) {
    ASSERT_EQ(client.client_login(name, password).json["clientlogin"]["status"], "PASS");
  }
  void bot_login(const char* name, const char* password) {
    ASSERT_EQ(client.login(name, password).json["login"]["result"], "Success");
  }
};

constexpr const char* kBasicProps = "groups|rights|blockinfo|hasmsg";

TEST_F(UserInfoTest, AnonymousIsNamedAfterTheClientAddressWithAnAnonFlag) {
  // fv1 gives true as "" (NOTES §1.4); transcript userinfo-no-uiprop.
  Reply fv1 = userinfo("");
  EXPECT_EQ(fv1.json,
            Json({{"batchcomplete", ""}, {"query", {{"userinfo", {{"id", 0}, {"name", "127.0.0.1"}, {"anon", ""}}}}}}));
  Reply fv2 = userinfo("", "2");
  EXPECT_EQ(fv2.json, Json({{"batchcomplete", true},
                            {"query", {{"userinfo", {{"id", 0}, {"name", "127.0.0.1"}, {"anon", true}}}}}}));
  EXPECT_FALSE(fv2.api_error());
}

TEST_F(UserInfoTest, AnonymousGroupsAndRightsComeInMediaWikisOrder) {
  // NOTES §15.2; transcript userinfo-basic-anonymous. hasmsg's false vanishes in fv1.
  EXPECT_EQ(info(kBasicProps),
            Json({{"id", 0}, {"name", "127.0.0.1"}, {"anon", ""}, {"groups", {"*"}}, {"rights", kAnonRights}}));
  EXPECT_EQ(info(kBasicProps, "2"), Json({{"id", 0},
                                          {"name", "127.0.0.1"},
                                          {"anon", true},
                                          {"messages", false},
                                          {"groups", {"*"}},
                                          {"rights", kAnonRights}}));
}

TEST_F(UserInfoTest, AdminGroupsAreExplicitSortedThenImplicitWithRightsInGroupOrder) {
  // NOTES §15.1-15.2: the fixture lists sysop, bureaucrat, interface-admin; MediaWiki sorts them.
  client_login(kAdmin, kAdminPass);
  EXPECT_EQ(info(kBasicProps),
            Json({{"id", 1}, {"name", "Admin"}, {"groups", kAdminGroups}, {"rights", kAdminRights}}));
  EXPECT_EQ(
      info(kBasicProps, "2"),
      Json({{"id", 1}, {"name", "Admin"}, {"messages", false}, {"groups", kAdminGroups}, {"rights", kAdminRights}}));
}

TEST_F(UserInfoTest, AliceHasTheUserAndAutoconfirmedRights) {
  // NOTES §15.2: every account is autoconfirmed (AutoConfirmAge and AutoConfirmCount are 0).
  client_login(kAlice, kAlicePass);
  EXPECT_EQ(
      info(kBasicProps, "2"),
      Json({{"id", 3}, {"name", "Alice"}, {"messages", false}, {"groups", kUserGroups}, {"rights", kAliceRights}}));
  EXPECT_EQ(info(kBasicProps), Json({{"id", 3}, {"name", "Alice"}, {"groups", kUserGroups}, {"rights", kAliceRights}}));
}

TEST_F(UserInfoTest, RoboMainAccountHasTheBotGroupsRightsFirst) {
  // Transcript userinfo-basic-robo-main (main-account action=login).
  bot_login(kRobo, kRoboPass);
  EXPECT_EQ(info(kBasicProps), Json({{"id", 4}, {"name", "Robo"}, {"groups", kRoboGroups}, {"rights", kRoboRights}}));
  EXPECT_EQ(info(kBasicProps, "2"),
            Json({{"id", 4}, {"name", "Robo"}, {"messages", false}, {"groups", kRoboGroups}, {"rights", kRoboRights}}));
}

TEST_F(UserInfoTest, AliceBotPasswordRightsAreLimitedToItsGrants) {
  // Transcript userinfo-basic-alice-botpassword: groups unchanged, rights filtered by the grants.
  bot_login(kAliceBot, kAliceBotPass);
  EXPECT_EQ(info(kBasicProps),
            Json({{"id", 3}, {"name", "Alice"}, {"groups", kUserGroups}, {"rights", kAliceBotRights}}));
  EXPECT_EQ(
      info(kBasicProps, "2"),
      Json({{"id", 3}, {"name", "Alice"}, {"messages", false}, {"groups", kUserGroups}, {"rights", kAliceBotRights}}));
}

TEST_F(UserInfoTest, RoboBotPasswordRightsAreLimitedToItsGrantsKeepingGroupOrder) {
  // Transcript userinfo-basic-robo-botpassword: highvolume keeps bot and apihighlimits, no suppressredirect.
  bot_login(kRoboBot, kRoboBotPass);
  EXPECT_EQ(info(kBasicProps),
            Json({{"id", 4}, {"name", "Robo"}, {"groups", kRoboGroups}, {"rights", kRoboBotRights}}));
  EXPECT_EQ(
      info(kBasicProps, "2"),
      Json({{"id", 4}, {"name", "Robo"}, {"messages", false}, {"groups", kRoboGroups}, {"rights", kRoboBotRights}}));
}

TEST_F(UserInfoTest, HasmsgIsFalseAndDisappearsInFormatVersion1) {
  // NOTES §1.4: false booleans are dropped in fv1 (FINDINGS "meta=userinfo").
  EXPECT_EQ(info("hasmsg", "2"), Json({{"id", 0}, {"name", "127.0.0.1"}, {"anon", true}, {"messages", false}}));
  EXPECT_EQ(info("hasmsg"), Json({{"id", 0}, {"name", "127.0.0.1"}, {"anon", ""}}));
  client_login(kAlice, kAlicePass);
  EXPECT_EQ(info("hasmsg", "2"), Json({{"id", 3}, {"name", "Alice"}, {"messages", false}}));
  EXPECT_EQ(info("hasmsg"), Json({{"id", 3}, {"name", "Alice"}}));
}

TEST_F(UserInfoTest, BlockinfoAddsNothingForAnUnblockedUser) {
  // ApiQueryUserInfo adds block details only when there is a block (FINDINGS "meta=userinfo").
  EXPECT_EQ(info("blockinfo", "2"), Json({{"id", 0}, {"name", "127.0.0.1"}, {"anon", true}}));
  client_login(kAdmin, kAdminPass);
  EXPECT_EQ(info("blockinfo", "2"), Json({{"id", 1}, {"name", "Admin"}}));
}

TEST_F(UserInfoTest, AllPropsForAnonymousHaveNoRegistrationDate) {
  // Transcripts userinfo-all-props-anonymous(-fv1): the keys in ApiQueryUserInfo's order.
  Json fv2 = {{"id", 0},
              {"name", "127.0.0.1"},
              {"anon", true},
              {"messages", false},
              {"groups", {"*"}},
              {"groupmemberships", Json::array()},
              {"implicitgroups", {"*"}},
              {"rights", kAnonRights},
              {"changeablegroups", kNoChangeableGroups},
              {"options", kDefaultOptions},
              {"editcount", 0},
              {"ratelimits", kAnonRateLimits},
              {"theoreticalratelimits", kAnonRateLimits},
              {"realname", ""},
              {"email", ""},
              {"acceptlang", Json::array()},
              {"unreadcount", 0},
              {"centralids", {{"local", 0}}},
              {"attachedlocal", {{"local", false}}}};
  Reply reply = userinfo("*", "2");
  EXPECT_EQ(reply.json, Json({{"batchcomplete", true}, {"query", {{"userinfo", fv2}}}}));

  Json fv1 = fv2;
  fv1["anon"] = "";
  fv1.erase("messages");
  fv1["attachedlocal"] = Json::object();  // false vanishes
  EXPECT_EQ(info("*"), fv1);
}

TEST_F(UserInfoTest, AllPropsWhenLoggedInAddTheRegistrationDateBeforeAcceptLang) {
  // raw/userinfo-all.txt (Alice, clientlogin, fv2): registrationdate sits between email and
  // acceptlang, as ApiQueryUserInfo::getCurrentUserInfo adds them.
  pin_registration();
  client_login(kAlice, kAlicePass);
  Json expected = {{"id", 3},
                   {"name", "Alice"},
                   {"messages", false},
                   {"groups", kUserGroups},
                   {"groupmemberships", Json::array()},
                   {"implicitgroups", kUserGroups},
                   {"rights", kAliceRights},
                   {"changeablegroups", kNoChangeableGroups},
                   {"options", kDefaultOptions},
                   {"editcount", 0},
                   {"ratelimits", kUserRateLimits},
                   {"theoreticalratelimits", kUserRateLimits},
                   {"realname", ""},
                   {"email", ""},
                   {"registrationdate", kRegisteredIso},
                   {"acceptlang", Json::array()},
                   {"unreadcount", 0},
                   {"centralids", {{"local", 3}}},
                   {"attachedlocal", {{"local", true}}}};
  Json ui = info("*", "2");
  EXPECT_EQ(keys(ui), keys(expected));
  EXPECT_EQ(ui, expected);
}

TEST_F(UserInfoTest, AllPropsInABotPasswordSessionHaveNoEmail) {
  // raw/userinfo-all.txt (Alice@alicebot, fv2): no viewmyprivateinfo grant, so no email; realname stays.
  pin_registration();
  bot_login(kAliceBot, kAliceBotPass);
  Json ui = info("*", "2");
  EXPECT_FALSE(ui.contains("email"));
  Json expected = {{"id", 3},
                   {"name", "Alice"},
                   {"messages", false},
                   {"groups", kUserGroups},
                   {"groupmemberships", Json::array()},
                   {"implicitgroups", kUserGroups},
                   {"rights", kAliceBotRights},
                   {"changeablegroups", kNoChangeableGroups},
                   {"options", kDefaultOptions},
                   {"editcount", 0},
                   {"ratelimits", kUserRateLimits},
                   {"theoreticalratelimits", kUserRateLimits},
                   {"realname", ""},
                   {"registrationdate", kRegisteredIso},
                   {"acceptlang", Json::array()},
                   {"unreadcount", 0},
                   {"centralids", {{"local", 3}}},
                   {"attachedlocal", {{"local", true}}}};
  EXPECT_EQ(keys(ui), keys(expected));
  EXPECT_EQ(ui, expected);
}

TEST_F(UserInfoTest, AllPropsForAdminInFormatVersion1HaveEmptyRateLimits) {
  // Checked on the reference wiki (Admin by clientlogin, uiprop=*, fv1): noratelimit empties
  // ratelimits but not theoreticalratelimits; messages:false is dropped, attachedlocal true is "".
  pin_registration();
  client_login(kAdmin, kAdminPass);
  Json ui = info("*");
  EXPECT_FALSE(ui.contains("anon"));
  EXPECT_FALSE(ui.contains("messages"));
  EXPECT_EQ(ui["groups"], kAdminGroups);
  EXPECT_EQ(ui["rights"], kAdminRights);
  EXPECT_EQ(ui["groupmemberships"], Json({{{"group", "bureaucrat"}, {"expiry", "infinity"}},
                                          {{"group", "interface-admin"}, {"expiry", "infinity"}},
                                          {{"group", "sysop"}, {"expiry", "infinity"}}}));
  EXPECT_EQ(ui["implicitgroups"], kUserGroups);
  const Json all = {"bot", "sysop", "interface-admin", "bureaucrat", "suppress"};
  EXPECT_EQ(ui["changeablegroups"],
            Json({{"add", all}, {"remove", all}, {"add-self", Json::array()}, {"remove-self", Json::array()}}));
  EXPECT_EQ(ui["options"], kDefaultOptions);
  EXPECT_EQ(ui["editcount"], 0);
  EXPECT_EQ(ui["ratelimits"], Json::object());
  EXPECT_EQ(ui["theoreticalratelimits"], kUserRateLimits);
  EXPECT_EQ(ui["realname"], "");
  EXPECT_EQ(ui["email"], "");
  EXPECT_EQ(ui["registrationdate"], kRegisteredIso);
  EXPECT_EQ(ui["acceptlang"], Json::array());
  EXPECT_EQ(ui["unreadcount"], 0);
  EXPECT_EQ(ui["centralids"], Json({{"local", 1}}));
  EXPECT_EQ(ui["attachedlocal"], Json({{"local", ""}}));
  EXPECT_EQ(ui.size(), 18u);
}

TEST_F(UserInfoTest, EmailNeedsTheViewmyprivateinfoRight) {
  // ApiQueryUserInfo: email only with viewmyprivateinfo, which the bot password's grants lack.
  bot_login(kRoboBot, kRoboBotPass);
  EXPECT_EQ(info("email|realname", "2"), Json({{"id", 4}, {"name", "Robo"}, {"realname", ""}}));
  ApiClient main_account = another_client();
  ASSERT_EQ(main_account.client_login(kRobo, kRoboPass).json["clientlogin"]["status"], "PASS");
  Reply reply = main_account.get({{"action", "query"},
                                  {"meta", "userinfo"},
                                  {"uiprop", "email|realname"},
                                  {"format", "json"},
                                  {"formatversion", "2"}});
  EXPECT_EQ(reply.json["query"]["userinfo"], Json({{"id", 4}, {"name", "Robo"}, {"realname", ""}, {"email", ""}}));
}

TEST_F(UserInfoTest, RegistrationDateIsOnlyForRegisteredUsers) {
  // ApiQueryUserInfo: an anonymous user has no registration (transcript userinfo-all-props-anonymous).
  pin_registration();
  EXPECT_EQ(info("registrationdate", "2"), Json({{"id", 0}, {"name", "127.0.0.1"}, {"anon", true}}));
  client_login(kRobo, kRoboPass);
  EXPECT_EQ(info("registrationdate", "2"), Json({{"id", 4}, {"name", "Robo"}, {"registrationdate", kRegisteredIso}}));
}

TEST_F(UserInfoTest, AdminHasNoRateLimitsBecauseOfNoratelimitButTheoreticalOnes) {
  // ApiQueryUserInfo::getRateLimits: User::isPingLimitable is false with noratelimit; the
  // empty list is an object in both formats (checked on the reference wiki).
  client_login(kAdmin, kAdminPass);
  const Json expected = {
      {"id", 1}, {"name", "Admin"}, {"ratelimits", Json::object()}, {"theoreticalratelimits", kUserRateLimits}};
  EXPECT_EQ(info("ratelimits|theoreticalratelimits", "2"), expected);
  Reply fv1 = userinfo("ratelimits|theoreticalratelimits");
  EXPECT_EQ(fv1.json["query"]["userinfo"], expected);
  EXPECT_NE(fv1.body.find("\"ratelimits\":{}"), std::string::npos) << fv1.body;
}

TEST_F(UserInfoTest, UserRateLimitsAreKeyedUserAndCancreateaccountIsNoProp) {
  // Transcript userinfo-ratelimits-alice: uiprop=cancreateaccount does not exist in 1.39.
  bot_login(kAlice, kAlicePass);
  Reply reply = userinfo("ratelimits|cancreateaccount", "2");
  EXPECT_EQ(reply.json,
            Json({{"batchcomplete", true},
                  {"warnings",
                   {{"userinfo", {{"warnings", "Unrecognized value for parameter \"uiprop\": cancreateaccount"}}}}},
                  {"query", {{"userinfo", {{"id", 3}, {"name", "Alice"}, {"ratelimits", kUserRateLimits}}}}}}));
}

TEST_F(UserInfoTest, CentralIdsAndAttachedLocalFollowTheLocalLookup) {
  // Transcript userinfo-extended-props-alice: attachedlocal true is "" in fv1.
  client_login(kAlice, kAlicePass);
  EXPECT_EQ(info("centralids", "2"),
            Json({{"id", 3}, {"name", "Alice"}, {"centralids", {{"local", 3}}}, {"attachedlocal", {{"local", true}}}}));
  EXPECT_EQ(info("centralids"),
            Json({{"id", 3}, {"name", "Alice"}, {"centralids", {{"local", 3}}}, {"attachedlocal", {{"local", ""}}}}));
}

TEST_F(UserInfoTest, AliceExtendedPropsInBothFormats) {
  // Transcript userinfo-extended-props-alice.
  client_login(kAlice, kAlicePass);
  const std::string props =
      "implicitgroups|groupmemberships|editcount|realname|email|unreadcount|centralids|changeablegroups";
  Json fv2 = {{"id", 3},
              {"name", "Alice"},
              {"groupmemberships", Json::array()},
              {"implicitgroups", kUserGroups},
              {"changeablegroups", kNoChangeableGroups},
              {"editcount", 0},
              {"realname", ""},
              {"email", ""},
              {"unreadcount", 0},
              {"centralids", {{"local", 3}}},
              {"attachedlocal", {{"local", true}}}};
  EXPECT_EQ(info(props, "2"), fv2);
  Json fv1 = fv2;
  fv1["attachedlocal"]["local"] = "";
  EXPECT_EQ(info(props), fv1);
}

TEST_F(UserInfoTest, AdminGroupMembershipsNeverExpireAndABureaucratChangesEveryGroup) {
  // Transcript userinfo-extended-props-admin.
  client_login(kAdmin, kAdminPass);
  const Json all = {"bot", "sysop", "interface-admin", "bureaucrat", "suppress"};
  EXPECT_EQ(info("groupmemberships|changeablegroups|implicitgroups", "2"),
            Json({{"id", 1},
                  {"name", "Admin"},
                  {"groupmemberships",
                   {{{"group", "bureaucrat"}, {"expiry", "infinity"}},
                    {{"group", "interface-admin"}, {"expiry", "infinity"}},
                    {{"group", "sysop"}, {"expiry", "infinity"}}}},
                  {"implicitgroups", kUserGroups},
                  {"changeablegroups",
                   {{"add", all}, {"remove", all}, {"add-self", Json::array()}, {"remove-self", Json::array()}}}}));
}

TEST_F(UserInfoTest, RoboGroupMembershipIsTheBotGroup) {
  // Checked on the reference wiki: a bot is no bureaucrat, so it changes no group.
  client_login(kRobo, kRoboPass);
  EXPECT_EQ(info("groupmemberships|changeablegroups", "2"),
            Json({{"id", 4},
                  {"name", "Robo"},
                  {"groupmemberships", {{{"group", "bot"}, {"expiry", "infinity"}}}},
                  {"changeablegroups", kNoChangeableGroups}}));
}

TEST_F(UserInfoTest, AcceptLangParsesTheAcceptLanguageHeader) {
  // raw/userinfo-all.txt: WebRequest::getAcceptLang, lower-cased codes, q as numbers.
  Reply reply = client.send(
      "GET",
      {{"action", "query"}, {"meta", "userinfo"}, {"uiprop", "acceptlang"}, {"format", "json"}, {"formatversion", "2"}},
      "", "", {{"Accept-Language", "de-DE,de;q=0.9,en;q=0.5"}});
  EXPECT_EQ(reply.json["query"]["userinfo"]["acceptlang"],
            Json({{{"q", 1}, {"code", "de-de"}}, {{"q", 0.9}, {"code", "de"}}, {{"q", 0.5}, {"code", "en"}}}));
}

TEST_F(UserInfoTest, UnknownUipropIsAWarningAndTheBasicInfoStillComes) {
  // Transcript userinfo-bogus-prop: paramvalidator-unrecognizedvalues has no final period.
  Reply fv2 = userinfo("bogus", "2");
  EXPECT_EQ(fv2.json,
            Json({{"batchcomplete", true},
                  {"warnings", {{"userinfo", {{"warnings", "Unrecognized value for parameter \"uiprop\": bogus"}}}}},
                  {"query", {{"userinfo", {{"id", 0}, {"name", "127.0.0.1"}, {"anon", true}}}}}}));
  EXPECT_FALSE(fv2.api_error());
  Reply fv1 = userinfo("bogus|groups");
  EXPECT_EQ(fv1.json,
            Json({{"batchcomplete", ""},
                  {"warnings", {{"userinfo", {{"*", "Unrecognized value for parameter \"uiprop\": bogus"}}}}},
                  {"query", {{"userinfo", {{"id", 0}, {"name", "127.0.0.1"}, {"anon", ""}, {"groups", {"*"}}}}}}}));
}

TEST_F(UserInfoTest, WithoutUipropALoggedInUserIsJustIdAndName) {
  // raw/headers.txt ("the same jar without origin"): {"id":3,"name":"Alice"}.
  client_login(kAlice, kAlicePass);
  EXPECT_EQ(userinfo("").json,
            Json({{"batchcomplete", ""}, {"query", {{"userinfo", {{"id", 3}, {"name", "Alice"}}}}}}));
  EXPECT_EQ(info("", "2"), Json({{"id", 3}, {"name", "Alice"}}));
}

}  // namespace
}  // namespace mockwiki::testing
