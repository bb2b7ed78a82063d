// meta=authmanagerinfo: whether the session can log in, and the requests (fields) of each
// authentication action, as MediaWiki 1.39 gives them (ApiQueryAuthManagerInfo.php,
// ApiAuthManagerHelper.php; ../shared/reference/NOTES.md §5; transcripts in
// tests/reference/mw-1.39/ami-*.json; FINDINGS "meta=authmanagerinfo").
#include <chrono>

#include "support/mock_wiki_test.h"

namespace mockwiki::testing {
namespace {

using namespace accounts;

constexpr const char* kPasswordRequest = "MediaWiki\\Auth\\PasswordAuthenticationRequest";
constexpr const char* kRememberMeRequest = "MediaWiki\\Auth\\RememberMeAuthenticationRequest";
constexpr const char* kRememberMeHelp =
    "Whether the password should be remembered for longer than the length of the session.";

Json field(const char* type, const char* label, const char* help, bool optional, bool sensitive) {
  return {{"type", type}, {"label", label}, {"help", help}, {"optional", optional}, {"sensitive", sensitive}};
}

const Json kUsernameField = field("string", "Username", "Username for authentication.", false, false);
const Json kPasswordField = field("password", "Password", "Password for authentication.", false, true);
const Json kRememberMeField = field("checkbox", "Keep me logged in", kRememberMeHelp, true, false);

// The two login requests of a stock wiki (fv2), `account` being the session's user name.
Json login_requests(const std::string& account, Json remember_fields) {
  return Json::array({
      {{"id", kPasswordRequest},
       {"metadata", Json::object()},
       {"required", "primary-required"},
       {"provider", "Password-based authentication"},
       {"account", account},
       {"fields", {{"username", kUsernameField}, {"password", kPasswordField}}}},
      {{"id", kRememberMeRequest},
       {"metadata", Json::object()},
       {"required", "optional"},
       {"provider", kRememberMeRequest},
       {"account", kRememberMeRequest},
       {"fields", std::move(remember_fields)}},
  });
}

// canauthenticatenow, cancreateaccounts, canlinkaccounts and, with amirequestsfor, the
// preserved-state members (fv2).
Json flags(bool can_authenticate_now, bool with_preserved_state) {
  Json out = {{"canauthenticatenow", can_authenticate_now}, {"cancreateaccounts", true}, {"canlinkaccounts", false}};
  if (with_preserved_state) {
    out["haspreservedstate"] = false;
    out["hasprimarypreservedstate"] = false;
    out["preservedusername"] = "";
  }
  return out;
}

Json with_requests(Json info, Json requests) {
  info["requests"] = std::move(requests);
  return info;
}

class AuthManagerInfoTest : public MockWikiTest {
 protected:
  Reply ami(Params extra, bool fv2 = true) {
    Params params = {{"action", "query"}, {"meta", "authmanagerinfo"}};
    params.insert(params.end(), extra.begin(), extra.end());
    params.emplace_back("format", "json");
    if (fv2) params.emplace_back("formatversion", "2");
    return client.get(params);
  }
  Json info(Params extra, bool fv2 = true) { return ami(std::move(extra), fv2).json["query"]["authmanagerinfo"]; }
  void client_login(const char* name, const char* password) {
    ASSERT_EQ(client.client_login(name, password).json["clientlogin"]["status"], "PASS");
  }
  void bot_login(const char* name, const char* password) {
    ASSERT_EQ(client.login(name, password).json["login"]["result"], "Success");
  }
};

TEST_F(AuthManagerInfoTest, WithoutRequestsForOnlyTheThreeFlagsCome) {
  // Transcripts ami-no-requestsfor and ami-no-requestsfor-fv1 (canlinkaccounts false vanishes).
  EXPECT_EQ(ami({}).json, Json({{"batchcomplete", true}, {"query", {{"authmanagerinfo", flags(true, false)}}}}));
  EXPECT_EQ(ami({}, false).json,
            Json({{"batchcomplete", ""},
                  {"query", {{"authmanagerinfo", {{"canauthenticatenow", ""}, {"cancreateaccounts", ""}}}}}}));
}

TEST_F(AuthManagerInfoTest, LoginRequestsInFormatVersion2) {
  // NOTES §5 (fv2); transcript ami-login-fv2.
  Reply reply = ami({{"amirequestsfor", "login"}});
  EXPECT_EQ(reply.json,
            Json({{"batchcomplete", true},
                  {"query",
                   {{"authmanagerinfo",
                     with_requests(flags(true, true), login_requests("", {{"rememberMe", kRememberMeField}}))}}}}));
}

TEST_F(AuthManagerInfoTest, LoginRequestsInFormatVersion1DropFalsesAndTurnTruesIntoEmptyStrings) {
  // NOTES §5 (fv1); transcript ami-login-fv1.
  const Json expected = Json::parse(R"({"batchcomplete":"","query":{"authmanagerinfo":{"canauthenticatenow":"",
    "cancreateaccounts":"","preservedusername":"","requests":[{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest",
    "metadata":{},"required":"primary-required","provider":"Password-based authentication","account":"",
    "fields":{"username":{"type":"string","label":"Username","help":"Username for authentication."},
    "password":{"type":"password","label":"Password","help":"Password for authentication.","sensitive":""}}},
    {"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional",
    "provider":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","account":"MediaWiki\\Auth\\RememberMeAuthenticationRequest",
    "fields":{"rememberMe":{"type":"checkbox","label":"Keep me logged in",
    "help":"Whether the password should be remembered for longer than the length of the session.","optional":""}}}]}}})");
  EXPECT_EQ(ami({{"amirequestsfor", "login"}}, false).json, expected);
}

TEST_F(AuthManagerInfoTest, MergedFieldsMoveIntoOneTopLevelObject) {
  // NOTES §5 (amimergerequestfields=1); transcript ami-login-merged-fv2.
  Json requests = login_requests("", Json::object());
  for (auto& request : requests) request.erase("fields");
  Json expected = with_requests(flags(true, true), requests);
  expected["fields"] = {{"username", kUsernameField}, {"password", kPasswordField}, {"rememberMe", kRememberMeField}};
  EXPECT_EQ(info({{"amirequestsfor", "login"}, {"amimergerequestfields", "1"}}), expected);
}

TEST_F(AuthManagerInfoTest, RawMessageFormatGivesKeysAndParams) {
  // NOTES §5 (merged + amimessageformat=raw); transcript ami-login-merged-raw-fv2.
  const Json expected = Json::parse(R"({"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":false,
    "haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[
    {"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required",
     "provider":{"key":"authmanager-provider-password","params":[]},"account":{"key":"$1","params":[null]}},
    {"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional",
     "provider":{"key":"$1","params":["MediaWiki\\Auth\\RememberMeAuthenticationRequest"]},
     "account":{"key":"$1","params":["MediaWiki\\Auth\\RememberMeAuthenticationRequest"]}}],
    "fields":{"username":{"type":"string","label":{"key":"userlogin-yourname","params":[]},
     "help":{"key":"authmanager-username-help","params":[]},"optional":false,"sensitive":false},
    "password":{"type":"password","label":{"key":"userlogin-yourpassword","params":[]},
     "help":{"key":"authmanager-password-help","params":[]},"optional":false,"sensitive":true},
    "rememberMe":{"type":"checkbox","label":{"key":"userlogin-remembermypassword","params":[{"num":180}]},
     "help":{"key":"authmanager-userlogin-remembermypassword-help","params":[]},"optional":true,"sensitive":false}}})");
  EXPECT_EQ(info({{"amirequestsfor", "login"}, {"amimergerequestfields", "1"}, {"amimessageformat", "raw"}}), expected);
}

TEST_F(AuthManagerInfoTest, NoneMessageFormatDropsProviderAccountLabelAndHelp) {
  // NOTES §5 (merged + amimessageformat=none); transcript ami-login-merged-none-fv2.
  const Json expected = Json::parse(R"({"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":false,
    "haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[
    {"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required"},
    {"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional"}],
    "fields":{"username":{"type":"string","optional":false,"sensitive":false},
    "password":{"type":"password","optional":false,"sensitive":true},
    "rememberMe":{"type":"checkbox","optional":true,"sensitive":false}}})");
  EXPECT_EQ(info({{"amirequestsfor", "login"}, {"amimergerequestfields", "1"}, {"amimessageformat", "none"}}),
            expected);
}

TEST_F(AuthManagerInfoTest, HtmlMessageFormatLooksLikeWikitextForThesePlainMessages) {
  // Transcript ami-login-html-fv2.
  EXPECT_EQ(info({{"amirequestsfor", "login"}, {"amimessageformat", "html"}}),
            with_requests(flags(true, true), login_requests("", {{"rememberMe", kRememberMeField}})));
}

TEST_F(AuthManagerInfoTest, LoginContinueWithNothingPendingHasNoRequests) {
  // Transcript ami-login-continue-nothing-pending.
  EXPECT_EQ(info({{"amirequestsfor", "login-continue"}}), with_requests(flags(true, true), Json::array()));
}

TEST_F(AuthManagerInfoTest, CreateAsksForUsernamePasswordRetypeEmailAndRealName) {
  // Transcript ami-create-merged-fv2 (FINDINGS: Username/UserData requests are "required").
  const Json expected = Json::parse(R"({"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":false,
    "haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[
    {"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required",
     "provider":"Password-based authentication","account":""},
    {"id":"MediaWiki\\Auth\\UsernameAuthenticationRequest","metadata":{},"required":"required",
     "provider":"MediaWiki\\Auth\\UsernameAuthenticationRequest","account":"MediaWiki\\Auth\\UsernameAuthenticationRequest"},
    {"id":"MediaWiki\\Auth\\UserDataAuthenticationRequest","metadata":{},"required":"required",
     "provider":"MediaWiki\\Auth\\UserDataAuthenticationRequest","account":"MediaWiki\\Auth\\UserDataAuthenticationRequest"}],
    "fields":{"username":{"type":"string","label":"Username","help":"Username for authentication.","optional":false,"sensitive":false},
    "password":{"type":"password","label":"Password","help":"Password for authentication.","optional":false,"sensitive":true},
    "retype":{"type":"password","label":"Retype password:","help":"Password again to confirm.","optional":false,"sensitive":true},
    "email":{"type":"string","label":"Email","help":"Email address","optional":true,"sensitive":false},
    "realname":{"type":"string","label":"Real name","help":"Real name of the user","optional":true,"sensitive":false}}})");
  EXPECT_EQ(info({{"amirequestsfor", "create"}, {"amimergerequestfields", "1"}}), expected);
}

Json change_requests(const std::string& account) {
  return Json::array(
      {{{"id", kPasswordRequest},
        {"metadata", Json::object()},
        {"required", "primary-required"},
        {"provider", "Password-based authentication"},
        {"account", account},
        {"fields",
         {{"password", field("password", "New password:", "Password for authentication.", false, true)},
          {"retype", field("password", "Retype new password:", "Password again to confirm.", false, true)}}}}});
}

TEST_F(AuthManagerInfoTest, ChangeWorksEvenForAnAnonymousUser) {
  // Transcript ami-change-anonymous: only password and retype, both sensitive.
  EXPECT_EQ(info({{"amirequestsfor", "change"}}), with_requests(flags(true, true), change_requests("")));
}

TEST_F(AuthManagerInfoTest, ChangeAfterClientLoginNamesTheAccount) {
  // Transcript ami-change-after-clientlogin.
  client_login(kAlice, kAlicePass);
  EXPECT_EQ(info({{"amirequestsfor", "change"}}), with_requests(flags(true, true), change_requests("Alice")));
}

TEST_F(AuthManagerInfoTest, ChangeInABotPasswordSessionCannotAuthenticateNow) {
  // Transcript ami-change-botpassword-session.
  bot_login(kRoboBot, kRoboBotPass);
  EXPECT_EQ(info({{"amirequestsfor", "change"}}), with_requests(flags(false, true), change_requests("Robo")));
}

TEST_F(AuthManagerInfoTest, RemoveOffersTheTemporaryPassword) {
  // Transcript ami-remove-after-clientlogin.
  client_login(kAlice, kAlicePass);
  const Json request = {
      {"id", "MediaWiki\\Auth\\TemporaryPasswordAuthenticationRequest"},
      {"metadata", Json::object()},
      {"required", "primary-required"},
      {"provider", "Temporary password"},
      {"account", "Alice"},
      {"fields",
       {{"mailpassword",
         field("checkbox", "Use a temporary random password and send it to the specified email address",
               "Can be used to create account for another person without learning the password.", false, false)}}}};
  EXPECT_EQ(info({{"amirequestsfor", "remove"}}), with_requests(flags(true, true), Json::array({request})));
}

TEST_F(AuthManagerInfoTest, LinkAndUnlinkHaveNoRequestsOnAStockWiki) {
  // Transcripts ami-link-after-clientlogin and ami-unlink-after-clientlogin.
  client_login(kAlice, kAlicePass);
  EXPECT_EQ(info({{"amirequestsfor", "link"}}), with_requests(flags(true, true), Json::array()));
  EXPECT_EQ(info({{"amirequestsfor", "unlink"}}), with_requests(flags(true, true), Json::array()));
}

TEST_F(AuthManagerInfoTest, BogusRequestsForIsBadValue) {
  // Transcript ami-requestsfor-bogus.
  Reply reply = ami({{"amirequestsfor", "bogus"}});
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.api_error(), "badvalue");
  EXPECT_EQ(reply.json, Json({{"error",
                               {{"code", "badvalue"},
                                {"info", "Unrecognized value for parameter \"amirequestsfor\": bogus."},
                                {"docref", docref()}}}}));
}

TEST_F(AuthManagerInfoTest, LoginAfterClientLoginFillsInTheAccount) {
  // Transcript ami-login-after-clientlogin.
  client_login(kAlice, kAlicePass);
  EXPECT_EQ(info({{"amirequestsfor", "login"}}),
            with_requests(flags(true, true), login_requests("Alice", {{"rememberMe", kRememberMeField}})));
}

TEST_F(AuthManagerInfoTest, SecuritySensitiveOperationIsReauthForAnAnonymousUser) {
  // NOTES §5; transcript ami-securitysensitive-anonymous (AuthManager: not logged in and can authenticate).
  EXPECT_EQ(ami({{"amisecuritysensitiveoperation", "foo"}}).json,
            Json({{"batchcomplete", true},
                  {"query",
                   {{"authmanagerinfo",
                     {{"canauthenticatenow", true},
                      {"cancreateaccounts", true},
                      {"canlinkaccounts", false},
                      {"securitysensitiveoperationstatus", "reauth"}}}}}}));
}

TEST_F(AuthManagerInfoTest, SecuritySensitiveOperationIsOkForThreeHundredSecondsAfterClientLogin) {
  // Transcript ami-securitysensitive-after-clientlogin; $wgReauthenticateTime default 300 s
  // (AuthManager::securitySensitiveOperationStatus: reauth once the time since login is > 300).
  wiki.clock().freeze();
  client_login(kAlice, kAlicePass);
  const Json ok = {{"canauthenticatenow", true},
                   {"cancreateaccounts", true},
                   {"canlinkaccounts", false},
                   {"securitysensitiveoperationstatus", "ok"}};
  EXPECT_EQ(info({{"amisecuritysensitiveoperation", "foo"}}), ok);
  wiki.clock().advance(std::chrono::seconds(300));
  EXPECT_EQ(info({{"amisecuritysensitiveoperation", "foo"}}), ok);
  wiki.clock().advance(std::chrono::seconds(1));
  Json reauth = ok;
  reauth["securitysensitiveoperationstatus"] = "reauth";
  EXPECT_EQ(info({{"amisecuritysensitiveoperation", "foo"}}), reauth);
}

TEST_F(AuthManagerInfoTest, SecuritySensitiveOperationIsReauth301SecondsAfterClientLogin) {
  // The clock keeps ticking here: 301 s are past $wgReauthenticateTime whatever else elapses.
  client_login(kAdmin, kAdminPass);
  wiki.clock().advance(std::chrono::seconds(301));
  EXPECT_EQ(info({{"amisecuritysensitiveoperation", "foo"}})["securitysensitiveoperationstatus"], "reauth");
}

TEST_F(AuthManagerInfoTest, BotPasswordSessionIsOkButCannotAuthenticateNow) {
  // Transcript ami-securitysensitive-botpassword: the session cannot set the user, so
  // $wgAllowSecuritySensitiveOperationIfCannotReauthenticate (default true) applies.
  bot_login(kAliceBot, kAliceBotPass);
  EXPECT_EQ(info({{"amisecuritysensitiveoperation", "foo"}}), Json({{"canauthenticatenow", false},
                                                                    {"cancreateaccounts", true},
                                                                    {"canlinkaccounts", false},
                                                                    {"securitysensitiveoperationstatus", "ok"}}));
  // Time does not matter: there is no last authentication to measure from.
  wiki.clock().advance(std::chrono::seconds(301));
  EXPECT_EQ(info({{"amisecuritysensitiveoperation", "foo"}})["securitysensitiveoperationstatus"], "ok");
}

TEST_F(AuthManagerInfoTest, BotPasswordSessionLoginRequestsNameTheAccountAndRememberMeHasNoFields) {
  // Transcript ami-login-botpassword-session (FINDINGS: RememberMe has "fields":{}).
  bot_login(kRoboBot, kRoboBotPass);
  Reply reply = ami({{"amirequestsfor", "login"}, {"amisecuritysensitiveoperation", "foo"}});
  Json expected = flags(false, false);
  expected["securitysensitiveoperationstatus"] = "ok";
  expected["haspreservedstate"] = false;
  expected["hasprimarypreservedstate"] = false;
  expected["preservedusername"] = "";
  expected["requests"] = login_requests("Robo", Json::object());
  EXPECT_EQ(reply.json["query"]["authmanagerinfo"], expected);
  // The empty fields object stays an object in fv1.
  Reply fv1 = ami({{"amirequestsfor", "login"}}, false);
  EXPECT_EQ(fv1.json["query"]["authmanagerinfo"]["requests"][1]["fields"], Json::object());
  EXPECT_EQ(fv1.json["query"]["authmanagerinfo"]["requests"][0]["account"], "Robo");
  EXPECT_FALSE(fv1.json["query"]["authmanagerinfo"].contains("canauthenticatenow"));
}

TEST_F(AuthManagerInfoTest, WorksByPostToo) {
  // isReadMode() is false and nothing needs a token: POST answers as GET.
  Reply reply =
      client.post({{"action", "query"}, {"meta", "authmanagerinfo"}, {"format", "json"}, {"formatversion", "2"}});
  EXPECT_EQ(reply.json, Json({{"batchcomplete", true}, {"query", {{"authmanagerinfo", flags(true, false)}}}}));
}

}  // namespace
}  // namespace mockwiki::testing
