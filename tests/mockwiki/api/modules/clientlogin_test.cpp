// action=clientlogin: PASS and its cookies, FAIL in every message format, the parameter errors
// and the quirks (bot-password sessions, origin=*, the shared password throttle), as MediaWiki
// 1.39 gives them (ApiClientLogin.php, ApiAuthManagerHelper.php; ../shared/reference/NOTES.md
// §4; transcripts in tests/reference/mw-1.39/clientlogin-*.json; tests/reference/FINDINGS.md).
#include "support/mock_wiki_test.h"

namespace mockwiki::testing {
namespace {

using namespace accounts;
using ::testing::MatchesRegex;

// A fixed moment for cookie expiry dates: Fri, 15 Jan 2027 08:00:00 GMT.
constexpr std::int64_t kNow = 1800000000;

class ClientLoginTest : public MockWikiTest {
 protected:
  // POSTs action=clientlogin with `body` (then format=json) and an optional query string.
  Reply clientlogin_post(Params body, const Params& query = {}) {
    body.insert(body.begin(), {"action", "clientlogin"});
    body.emplace_back("format", "json");
    return client.post(body, query);
  }

  void freeze_clock() {
    wiki.clock().freeze();
    wiki.clock().set(kNow);
  }

  Json userinfo() {
    return client.get({{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}, {"formatversion", "2"}})
        .json["query"]["userinfo"];
  }

  static Json fail(const Json& message, const char* code) {
    return {{"clientlogin",
             {{"status", "FAIL"}, {"message", message}, {"messagecode", code}, {"canpreservestate", false}}}};
  }

  static constexpr const char* kWrongPassword = "Incorrect username or password entered.\nPlease try again.";
  static constexpr const char* kNoPrimary = "The supplied credentials could not be authenticated.";
  static constexpr const char* kThrottledText =
      "You have made too many recent login attempts.\nPlease wait 5 minutes before trying again.";
};

// ---- PASS --------------------------------------------------------------------------------

TEST_F(ClientLoginTest, PassSetsANewSessionAndThirtyDayUserCookiesWithoutAToken) {
  freeze_clock();
  const std::string token = client.login_token();
  const std::string old_session = *client.cookie("_session");
  Reply reply = clientlogin_post({{"username", kAlice},
                                  {"password", kAlicePass},
                                  {"logintoken", token},
                                  {"loginreturnurl", "http://example.org/"}});
  EXPECT_EQ(reply.json, Json({{"clientlogin", {{"status", "PASS"}, {"username", "Alice"}}}}));
  // Without rememberMe: $wgCookieExpiration, 30 days, and no Token cookie (raw/cookies.txt §6).
  ASSERT_EQ(reply.set_cookies.size(), 3u) << reply.body;
  EXPECT_THAT(reply.set_cookies[0], MatchesRegex("mockwiki_session=[0-9a-v]{32}; path=/; HttpOnly"));
  EXPECT_EQ(reply.set_cookies[1],
            "mockwikiUserID=3; expires=Sun, 14 Feb 2027 08:00:00 GMT; Max-Age=2592000; path=/; HttpOnly");
  EXPECT_EQ(reply.set_cookies[2],
            "mockwikiUserName=Alice; expires=Sun, 14 Feb 2027 08:00:00 GMT; Max-Age=2592000; path=/; HttpOnly");
  EXPECT_FALSE(reply.cookie_line("Token"));
  EXPECT_NE(*client.cookie("_session"), old_session);
  EXPECT_EQ(userinfo(), Json({{"id", 3}, {"name", "Alice"}}));
}

TEST_F(ClientLoginTest, RememberMeGivesOneHundredEightyDaysAndATokenCookie) {
  freeze_clock();
  Reply reply = client.client_login(kAlice, kAlicePass, {{"formatversion", "2"}, {"rememberMe", "1"}});
  EXPECT_EQ(reply.json, Json({{"clientlogin", {{"status", "PASS"}, {"username", "Alice"}}}}));
  // clientlogin-rememberme-pass; raw/cookies.txt §10.
  ASSERT_EQ(reply.set_cookies.size(), 4u) << reply.body;
  EXPECT_THAT(reply.set_cookies[0], MatchesRegex("mockwiki_session=[0-9a-v]{32}; path=/; HttpOnly"));
  EXPECT_EQ(reply.set_cookies[1],
            "mockwikiUserID=3; expires=Wed, 14 Jul 2027 08:00:00 GMT; Max-Age=15552000; path=/; HttpOnly");
  EXPECT_EQ(reply.set_cookies[2],
            "mockwikiUserName=Alice; expires=Wed, 14 Jul 2027 08:00:00 GMT; Max-Age=15552000; path=/; HttpOnly");
  EXPECT_THAT(reply.set_cookies[3],
              MatchesRegex("mockwikiToken=[0-9a-f]{32}; expires=Wed, 14 Jul 2027 08:00:00 GMT; Max-Age=15552000; "
                           "path=/; HttpOnly"));
}

TEST_F(ClientLoginTest, RememberMeZeroStillCountsAsChecked) {
  // Any value present checks the box (clientlogin-rememberme-zero; FINDINGS.md item 7).
  Reply reply = client.client_login(kAlice, kAlicePass, {{"formatversion", "2"}, {"rememberMe", "0"}});
  EXPECT_EQ(reply.json, Json({{"clientlogin", {{"status", "PASS"}, {"username", "Alice"}}}}));
  ASSERT_TRUE(reply.sets_cookie("Token")) << reply.body;
  EXPECT_THAT(*reply.cookie_line("UserID"), ::testing::HasSubstr("; Max-Age=15552000; "));
  EXPECT_THAT(*reply.cookie_line("UserName"), ::testing::HasSubstr("; Max-Age=15552000; "));
}

TEST_F(ClientLoginTest, TheTokenCookieHasTheSameValueOnEveryRememberedLogin) {
  // The Token cookie is the account's user_token, not a per-session value (raw/cookies.txt §3, §10).
  Reply first = client.client_login(kAlice, kAlicePass, {{"rememberMe", "1"}});
  ApiClient other = another_client();
  Reply second = other.client_login(kAlice, kAlicePass, {{"rememberMe", "1"}});
  ASSERT_TRUE(first.sets_cookie("Token"));
  ASSERT_TRUE(second.sets_cookie("Token"));
  EXPECT_EQ(*client.cookie("Token"), *other.cookie("Token"));
  EXPECT_NE(*client.cookie("_session"), *other.cookie("_session"));
}

TEST_F(ClientLoginTest, AfterPassTheOldLoginTokenIsBadToken) {
  const std::string token = client.login_token();
  const Params body = {{"username", kAlice},
                       {"password", kAlicePass},
                       {"logintoken", token},
                       {"loginreturnurl", "http://example.org/"},
                       {"formatversion", "2"}};
  ASSERT_EQ(clientlogin_post(body).json["clientlogin"]["status"], "PASS");
  // The new session holds no login-token secret: ApiMain's token check fails before the module
  // runs (NOTES.md §2.1, confirmed on a reference wiki).
  Reply again = clientlogin_post(body);
  EXPECT_EQ(again.api_error(), "badtoken");
  EXPECT_EQ(again.json,
            Json({{"error", {{"code", "badtoken"}, {"info", "Invalid CSRF token."}, {"docref", docref()}}}}));
  // Still logged in as Alice.
  EXPECT_EQ(userinfo()["name"], "Alice");
}

TEST_F(ClientLoginTest, AFreshLoginTokenInTheNewSessionLogsInAgain) {
  ASSERT_EQ(client.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "PASS");
  const std::string session = *client.cookie("_session");
  Reply reply = client.client_login(kRobo, kRoboPass, {{"formatversion", "2"}});
  EXPECT_EQ(reply.json, Json({{"clientlogin", {{"status", "PASS"}, {"username", "Robo"}}}}));
  EXPECT_NE(*client.cookie("_session"), session);
  EXPECT_EQ(userinfo(), Json({{"id", 4}, {"name", "Robo"}}));
}

TEST_F(ClientLoginTest, LowerCaseUserNameIsCanonicalized) {
  Reply reply = client.client_login("alice", kAlicePass, {{"formatversion", "2"}});
  // clientlogin-lowercase-username
  EXPECT_EQ(reply.json, Json({{"clientlogin", {{"status", "PASS"}, {"username", "Alice"}}}}));
  EXPECT_THAT(*reply.cookie_line("UserName"), ::testing::StartsWith("mockwikiUserName=Alice;"));
}

TEST_F(ClientLoginTest, UnknownParameterIsWarnedAboutOnPass) {
  Reply reply = client.client_login(kAlice, kAlicePass, {{"formatversion", "2"}, {"foo", "bar"}});
  // clientlogin-unknown-param
  EXPECT_EQ(reply.json, Json({{"warnings", {{"main", {{"warnings", "Unrecognized parameter: foo."}}}}},
                              {"clientlogin", {{"status", "PASS"}, {"username", "Alice"}}}}));
}

TEST_F(ClientLoginTest, UnknownParameterWarningInRawKeepsItsPosition) {
  // foo is the 9th parameter (key 8) of action, username, password, logintoken, loginreturnurl,
  // format, formatversion, errorformat, foo (clientlogin-pass-errorformat-raw; FINDINGS.md item 4).
  Reply reply =
      client.client_login(kAlice, kAlicePass, {{"formatversion", "2"}, {"errorformat", "raw"}, {"foo", "bar"}});
  const Json expected_warning = {{"code", "unrecognizedparams"},
                                 {"key", "apierror-unrecognizedparams"},
                                 {"params", Json::array({Json({{"list", {{"8", "foo"}}}, {"type", "comma"}}), 1})},
                                 {"module", "main"}};
  EXPECT_EQ(reply.json, Json({{"warnings", Json::array({expected_warning})},
                              {"clientlogin", {{"status", "PASS"}, {"username", "Alice"}}}}));
}

TEST_F(ClientLoginTest, PreserveStateWithNothingPreservedIsIgnored) {
  Reply reply = client.client_login(kAlice, kAlicePass, {{"formatversion", "2"}, {"loginpreservestate", "1"}});
  // clientlogin-preservestate-nothing-preserved
  EXPECT_EQ(reply.json, Json({{"clientlogin", {{"status", "PASS"}, {"username", "Alice"}}}}));
  EXPECT_TRUE(reply.sets_cookie("UserID"));
}

TEST_F(ClientLoginTest, OnlyThePasswordRequestMakesRememberMeUnrecognized) {
  Reply reply = client.client_login(kAlice, kAlicePass,
                                    {{"formatversion", "2"},
                                     {"loginrequests", "MediaWiki\\Auth\\PasswordAuthenticationRequest"},
                                     {"rememberMe", "1"}});
  // clientlogin-loginrequests-password-only: rememberMe is ignored, so 30 days and no Token.
  EXPECT_EQ(reply.json, Json({{"warnings", {{"main", {{"warnings", "Unrecognized parameter: rememberMe."}}}}},
                              {"clientlogin", {{"status", "PASS"}, {"username", "Alice"}}}}));
  EXPECT_THAT(*reply.cookie_line("UserID"), ::testing::HasSubstr("; Max-Age=2592000; "));
  EXPECT_FALSE(reply.cookie_line("Token"));
}

TEST_F(ClientLoginTest, OriginStarStillLogsIn) {
  const std::string token = client.login_token();
  Reply reply = clientlogin_post({{"username", kAlice},
                                  {"password", kAlicePass},
                                  {"loginreturnurl", "http://example.org/"},
                                  {"logintoken", token},
                                  {"formatversion", "2"}},
                                 {{"origin", "*"}});
  // Only action=login refuses without same-origin security (clientlogin-origin-star; raw/headers.txt).
  EXPECT_EQ(reply.json, Json({{"clientlogin", {{"status", "PASS"}, {"username", "Alice"}}}}));
  EXPECT_EQ(reply.header("MediaWiki-Login-Suppressed"), "true");
  EXPECT_EQ(reply.header("Access-Control-Allow-Origin"), "*");
  EXPECT_TRUE(reply.sets_cookie("_session"));
  EXPECT_TRUE(reply.sets_cookie("UserID"));
  EXPECT_TRUE(reply.sets_cookie("UserName"));
  EXPECT_EQ(userinfo(), Json({{"id", 3}, {"name", "Alice"}}));
}

// ---- FAIL --------------------------------------------------------------------------------

TEST_F(ClientLoginTest, WrongPasswordInFormatVersionOneOmitsCanPreserveState) {
  Reply reply = client.client_login(kAdmin, "Wrong-Passw0rd!");
  // clientlogin-wrongpass-fv1: false booleans vanish in fv1.
  EXPECT_EQ(
      reply.json,
      Json({{"clientlogin", {{"status", "FAIL"}, {"message", kWrongPassword}, {"messagecode", "wrongpassword"}}}}));
  EXPECT_TRUE(reply.set_cookies.empty());
  EXPECT_EQ(reply.api_error(), std::nullopt);
}

TEST_F(ClientLoginTest, WrongPasswordInFormatVersionTwoHasCanPreserveStateFalse) {
  Reply reply = client.client_login(kAdmin, "Wrong-Passw0rd!", {{"formatversion", "2"}});
  EXPECT_EQ(reply.json, fail(kWrongPassword, "wrongpassword"));
}

TEST_F(ClientLoginTest, WrongPasswordMessageFollowsLoginMessageFormat) {
  auto attempt = [&](const char* format) {
    return client.client_login(kRobo, "Wrong-Passw0rd!", {{"formatversion", "2"}, {"loginmessageformat", format}}).json;
  };
  // clientlogin-wrongpass-{html,raw,none}-fv2: the message has no markup, so html reads as wikitext.
  EXPECT_EQ(attempt("wikitext"), fail(kWrongPassword, "wrongpassword"));
  EXPECT_EQ(attempt("html"), fail(kWrongPassword, "wrongpassword"));
  EXPECT_EQ(attempt("raw"), fail(Json({{"key", "wrongpassword"}, {"params", Json::array()}}), "wrongpassword"));
  EXPECT_EQ(
      attempt("none"),
      Json({{"clientlogin", {{"status", "FAIL"}, {"messagecode", "wrongpassword"}, {"canpreservestate", false}}}}));
}

TEST_F(ClientLoginTest, ErrorFormatDoesNotTouchTheMessage) {
  Reply reply = client.client_login(kAlice, "Wrong-Passw0rd!", {{"formatversion", "2"}, {"errorformat", "plaintext"}});
  // clientlogin-fail-errorformat-plaintext: the "\n" stays, unlike action=login's plaintext reason.
  EXPECT_EQ(reply.json, fail(kWrongPassword, "wrongpassword"));
}

TEST_F(ClientLoginTest, UnknownUserIsTheSameFailureAsAWrongPassword) {
  Reply reply = client.client_login("Nobody2", "Wrong-Passw0rd!", {{"formatversion", "2"}});
  // clientlogin-unknown-user
  EXPECT_EQ(reply.json, fail(kWrongPassword, "wrongpassword"));
}

TEST_F(ClientLoginTest, NoPasswordIsNoPrimary) {
  const std::string token = client.login_token();
  Reply reply = clientlogin_post(
      {{"username", kAlice}, {"loginreturnurl", "http://example.org/"}, {"logintoken", token}, {"formatversion", "2"}});
  // clientlogin-no-password
  EXPECT_EQ(reply.json, fail(kNoPrimary, "authmanager-authn-no-primary"));
}

TEST_F(ClientLoginTest, NoPrimaryInRawMessageFormat) {
  const std::string token = client.login_token();
  Reply reply = clientlogin_post({{"username", kAlice},
                                  {"loginreturnurl", "http://example.org/"},
                                  {"logintoken", token},
                                  {"formatversion", "2"},
                                  {"loginmessageformat", "raw"}});
  EXPECT_EQ(reply.json, fail(Json({{"key", "authmanager-authn-no-primary"}, {"params", Json::array()}}),
                             "authmanager-authn-no-primary"));
}

TEST_F(ClientLoginTest, BogusLoginRequestsFilterEveryRequestAway) {
  Reply reply = client.client_login(kAlice, kAlicePass, {{"formatversion", "2"}, {"loginrequests", "Bogus"}});
  // clientlogin-loginrequests-bogus: username and password belong to no request, so nobody reads them.
  EXPECT_EQ(reply.json, Json({{"warnings", {{"main", {{"warnings", "Unrecognized parameters: username, password."}}}}},
                              {"clientlogin",
                               {{"status", "FAIL"},
                                {"message", kNoPrimary},
                                {"messagecode", "authmanager-authn-no-primary"},
                                {"canpreservestate", false}}}}));
  EXPECT_TRUE(reply.set_cookies.empty());
}

TEST_F(ClientLoginTest, MergeRequestFieldsChangesNothingOnAFailure) {
  Reply reply =
      client.client_login(kAlice, "Wrong-Passw0rd!", {{"formatversion", "2"}, {"loginmergerequestfields", "1"}});
  // clientlogin-mergerequestfields-fail: a FAIL carries no requests to merge.
  EXPECT_EQ(reply.json, fail(kWrongPassword, "wrongpassword"));
}

TEST_F(ClientLoginTest, AFailureKeepsTheSessionAndItsLoginToken) {
  const std::string token = client.login_token();
  const std::string session = *client.cookie("_session");
  const Params wrong = {{"username", kAlice},
                        {"password", "Wrong-Passw0rd!"},
                        {"logintoken", token},
                        {"loginreturnurl", "http://example.org/"},
                        {"formatversion", "2"}};
  ASSERT_EQ(clientlogin_post(wrong).json, fail(kWrongPassword, "wrongpassword"));
  // The same token still works (the throttle cases send one token for every attempt).
  Reply reply = clientlogin_post({{"username", kAlice},
                                  {"password", kAlicePass},
                                  {"logintoken", token},
                                  {"loginreturnurl", "http://example.org/"},
                                  {"formatversion", "2"}});
  EXPECT_EQ(reply.json, Json({{"clientlogin", {{"status", "PASS"}, {"username", "Alice"}}}}));
  EXPECT_NE(*client.cookie("_session"), session);
}

TEST_F(ClientLoginTest, ContinueWithNothingInProgressFailsInFormatVersionOne) {
  const std::string token = client.login_token();
  Reply reply = clientlogin_post({{"logintoken", token}, {"logincontinue", "1"}});
  // clientlogin-continue-nothing-in-progress-fv1
  EXPECT_EQ(reply.json, Json({{"clientlogin",
                               {{"status", "FAIL"},
                                {"message",
                                 "Authentication is not in progress or session data has been lost. Please start again "
                                 "from the beginning."},
                                {"messagecode", "authmanager-authn-not-in-progress"}}}}));
}

TEST_F(ClientLoginTest, ContinueWithNothingInProgressLeavesTheOathTokenUnrecognized) {
  const std::string token = client.login_token();
  Reply reply = clientlogin_post(
      {{"logintoken", token}, {"formatversion", "2"}, {"logincontinue", "1"}, {"OATHToken", "123456"}});
  // clientlogin-continue-nothing-in-progress: no request needs the field on a stock wiki.
  EXPECT_EQ(reply.json, Json({{"warnings", {{"main", {{"warnings", "Unrecognized parameter: OATHToken."}}}}},
                              {"clientlogin",
                               {{"status", "FAIL"},
                                {"message",
                                 "Authentication is not in progress or session data has been lost. Please start again "
                                 "from the beginning."},
                                {"messagecode", "authmanager-authn-not-in-progress"},
                                {"canpreservestate", false}}}}));
}

TEST_F(ClientLoginTest, InsideABotPasswordSessionFailsWithTheMissingMessage) {
  ASSERT_EQ(client.login(kRoboBot, kRoboBotPass).json["login"]["result"], "Success");
  Reply reply = client.client_login(kAlice, kAlicePass, {{"formatversion", "2"}});
  // clientlogin-in-botpassword-session: userlogin-cannot-login does not exist, hence ⧼…⧽.
  EXPECT_EQ(reply.json, Json({{"warnings", {{"main", {{"warnings", "Unrecognized parameters: username, password."}}}}},
                              {"clientlogin",
                               {{"status", "FAIL"},
                                {"message", "⧼userlogin-cannot-login⧽"},
                                {"messagecode", "userlogin-cannot-login"},
                                {"canpreservestate", false}}}}));
  EXPECT_TRUE(reply.set_cookies.empty());
  EXPECT_EQ(userinfo()["name"], "Robo");
}

TEST_F(ClientLoginTest, InsideABotPasswordSessionInRawMessageFormat) {
  ASSERT_EQ(client.login(kRoboBot, kRoboBotPass).json["login"]["result"], "Success");
  Reply reply = client.client_login(kAlice, kAlicePass, {{"formatversion", "2"}, {"loginmessageformat", "raw"}});
  // clientlogin-in-botpassword-session-raw
  EXPECT_EQ(reply.json["clientlogin"],
            Json({{"status", "FAIL"},
                  {"message", {{"key", "userlogin-cannot-login"}, {"params", Json::array()}}},
                  {"messagecode", "userlogin-cannot-login"},
                  {"canpreservestate", false}}));
}

TEST_F(ClientLoginTest, InsideABotPasswordSessionInFormatVersionOneEscapesAndListsFieldsInRequestOrder) {
  ASSERT_EQ(client.login(kRoboBot, kRoboBotPass).json["login"]["result"], "Success");
  const std::string token = client.login_token();
  Reply reply = clientlogin_post({{"logintoken", token},
                                  {"password", kAlicePass},
                                  {"username", kAlice},
                                  {"loginreturnurl", "http://example.org/"}});
  // raw/encoding.txt: fv1 escapes non-ASCII; the unused fields come in request order.
  EXPECT_EQ(reply.body,
            "{\"warnings\":{\"main\":{\"*\":\"Unrecognized parameters: password, username.\"}},"
            "\"clientlogin\":{\"status\":\"FAIL\",\"message\":\"\\u29fcuserlogin-cannot-login\\u29fd\","
            "\"messagecode\":\"userlogin-cannot-login\"}}");
}

// ---- Parameter and token errors ----------------------------------------------------------

TEST_F(ClientLoginTest, MissingLoginTokenByPostIsMissingParam) {
  client.login_token();
  Reply reply = clientlogin_post({{"username", kAlice},
                                  {"password", kAlicePass},
                                  {"loginreturnurl", "http://example.org/"},
                                  {"formatversion", "2"}});
  // clientlogin-no-logintoken-post
  EXPECT_EQ(reply.api_error(), "missingparam");
  EXPECT_EQ(
      reply.json,
      Json(
          {{"error",
            {{"code", "missingparam"}, {"info", "The \"logintoken\" parameter must be set."}, {"docref", docref()}}}}));
}

TEST_F(ClientLoginTest, EmptyLoginTokenIsMissingParam) {
  client.login_token();
  Reply reply = clientlogin_post({{"logintoken", ""},
                                  {"username", kAlice},
                                  {"password", kAlicePass},
                                  {"loginreturnurl", "http://example.org/"},
                                  {"formatversion", "2"}});
  // A required string may not be empty (ParamValidator's StringDef::validate; checked on a
  // reference wiki).
  EXPECT_EQ(reply.api_error(), "missingparam");
  EXPECT_EQ(
      reply.json,
      Json(
          {{"error",
            {{"code", "missingparam"}, {"info", "The \"logintoken\" parameter must be set."}, {"docref", docref()}}}}));
}

TEST_F(ClientLoginTest, MissingLoginTokenByGetIsMissingParamNotMustBePosted) {
  Reply reply = client.get({{"action", "clientlogin"},
                            {"username", kAlice},
                            {"loginreturnurl", "http://example.org/"},
                            {"format", "json"},
                            {"formatversion", "2"}});
  // clientlogin-no-logintoken-get: parameter validation comes before the POST check (NOTES.md §1.3).
  EXPECT_EQ(reply.api_error(), "missingparam");
  EXPECT_EQ(
      reply.json,
      Json(
          {{"error",
            {{"code", "missingparam"}, {"info", "The \"logintoken\" parameter must be set."}, {"docref", docref()}}}}));
}

TEST_F(ClientLoginTest, LoginTokenInTheQueryStringIsMustPostParams) {
  const std::string token = client.login_token();
  Reply reply = clientlogin_post({{"username", kAlice},
                                  {"password", kAlicePass},
                                  {"loginreturnurl", "http://example.org/"},
                                  {"formatversion", "2"}},
                                 {{"logintoken", token}});
  // clientlogin-logintoken-in-query
  EXPECT_EQ(reply.api_error(), "mustpostparams");
  EXPECT_EQ(
      reply.json,
      Json({{"error",
             {{"code", "mustpostparams"},
              {"info",
               "The following parameter was found in the query string, but must be in the POST body: logintoken."},
              {"docref", docref()}}}}));
  EXPECT_FALSE(reply.sets_cookie("UserID"));
}

TEST_F(ClientLoginTest, LoginTokenByGetIsMustPostParams) {
  const std::string token = client.login_token();
  Reply reply = client.get({{"action", "clientlogin"},
                            {"username", kAlice},
                            {"loginreturnurl", "http://example.org/"},
                            {"logintoken", token},
                            {"format", "json"},
                            {"formatversion", "2"}});
  // clientlogin-logintoken-get
  EXPECT_EQ(reply.api_error(), "mustpostparams");
  EXPECT_EQ(reply.json["error"]["info"],
            "The following parameter was found in the query string, but must be in the POST body: logintoken.");
}

TEST_F(ClientLoginTest, PasswordInTheQueryStringIsMustPostParams) {
  const std::string token = client.login_token();
  Reply reply = clientlogin_post(
      {{"username", kAlice}, {"loginreturnurl", "http://example.org/"}, {"logintoken", token}, {"formatversion", "2"}},
      {{"password", kAlicePass}});
  // clientlogin-password-in-query: sensitive fields must be posted (ApiAuthManagerHelper).
  EXPECT_EQ(reply.api_error(), "mustpostparams");
  EXPECT_EQ(
      reply.json,
      Json(
          {{"error",
            {{"code", "mustpostparams"},
             {"info", "The following parameter was found in the query string, but must be in the POST body: password."},
             {"docref", docref()}}}}));
  EXPECT_FALSE(reply.sets_cookie("UserID"));
}

TEST_F(ClientLoginTest, NeitherContinueNorReturnUrlIsMissingParam) {
  const std::string token = client.login_token();
  Reply reply =
      clientlogin_post({{"username", kAlice}, {"password", kAlicePass}, {"logintoken", token}, {"formatversion", "2"}});
  // clientlogin-no-returnurl-no-continue
  EXPECT_EQ(reply.api_error(), "missingparam");
  EXPECT_EQ(reply.json,
            Json({{"error",
                   {{"code", "missingparam"},
                    {"info", "At least one of the parameters \"logincontinue\" and \"loginreturnurl\" is required."},
                    {"docref", docref()}}}}));
}

TEST_F(ClientLoginTest, ReturnUrlThatIsNotAUrlIsBadUrl) {
  const std::string token = client.login_token();
  Reply reply = clientlogin_post({{"username", kAlice},
                                  {"password", kAlicePass},
                                  {"loginreturnurl", "not a url"},
                                  {"logintoken", token},
                                  {"formatversion", "2"}});
  // clientlogin-returnurl-not-a-url
  EXPECT_EQ(reply.api_error(), "badurl_loginreturnurl");
  EXPECT_EQ(reply.json, Json({{"error",
                               {{"code", "badurl_loginreturnurl"},
                                {"info", "Invalid value \"not a url\" for URL parameter \"loginreturnurl\"."},
                                {"docref", docref()}}}}));
}

TEST_F(ClientLoginTest, SchemeRelativeReturnUrlIsBadUrl) {
  const std::string token = client.login_token();
  Reply reply = clientlogin_post({{"username", kAlice},
                                  {"password", kAlicePass},
                                  {"loginreturnurl", "//example.org/"},
                                  {"logintoken", token},
                                  {"formatversion", "2"}});
  // clientlogin-returnurl-scheme-relative: wfParseUrl finds no scheme.
  EXPECT_EQ(reply.api_error(), "badurl_loginreturnurl");
  EXPECT_EQ(reply.json["error"]["info"], "Invalid value \"//example.org/\" for URL parameter \"loginreturnurl\".");
  EXPECT_FALSE(reply.sets_cookie("UserID"));
}

TEST_F(ClientLoginTest, BadReturnUrlInRawErrorFormat) {
  const std::string token = client.login_token();
  Reply reply = clientlogin_post({{"username", kAlice},
                                  {"password", kAlicePass},
                                  {"loginreturnurl", "not a url"},
                                  {"logintoken", token},
                                  {"formatversion", "2"},
                                  {"errorformat", "raw"}});
  // clientlogin-returnurl-not-a-url-raw
  const Json error = {{"code", "badurl_loginreturnurl"},
                      {"key", "apierror-badurl"},
                      {"params", Json::array({"loginreturnurl", "not a url"})},
                      {"module", "clientlogin"}};
  EXPECT_EQ(reply.json, Json({{"errors", Json::array({error})}, {"docref", docref()}}));
}

TEST_F(ClientLoginTest, GarbageLoginTokenIsBadTokenInRawErrorFormat) {
  client.login_token();
  Reply reply = clientlogin_post({{"username", kAlice},
                                  {"password", kAlicePass},
                                  {"loginreturnurl", "http://example.org/"},
                                  {"logintoken", "abc"},
                                  {"formatversion", "2"},
                                  {"errorformat", "raw"}});
  // clientlogin-badtoken-raw
  const Json error = {
      {"code", "badtoken"}, {"key", "apierror-badtoken"}, {"params", Json::array()}, {"module", "clientlogin"}};
  EXPECT_EQ(reply.api_error(), "badtoken");
  EXPECT_EQ(reply.json, Json({{"errors", Json::array({error})}, {"docref", docref()}}));
}

TEST_F(ClientLoginTest, ValidTokenOfALostSessionIsBadTokenWithANewSession) {
  const std::string token = client.login_token();
  client.clear_cookies();
  Reply reply = clientlogin_post({{"username", kAlice},
                                  {"password", kAlicePass},
                                  {"loginreturnurl", "http://example.org/"},
                                  {"logintoken", token},
                                  {"formatversion", "2"}});
  // clientlogin-sessionlost: unlike action=login's "sessionlost" Failed, an API error.
  EXPECT_EQ(reply.api_error(), "badtoken");
  EXPECT_EQ(reply.json,
            Json({{"error", {{"code", "badtoken"}, {"info", "Invalid CSRF token."}, {"docref", docref()}}}}));
  EXPECT_TRUE(reply.sets_cookie("_session"));
  EXPECT_FALSE(reply.sets_cookie("UserID"));
}

// ---- Throttle ----------------------------------------------------------------------------

TEST_F(ClientLoginTest, SixthAttemptIsThrottledEvenWithTheRightPasswordAndSoIsActionLogin) {
  const std::string token = client.login_token();
  auto attempt = [&](const char* password, Params extra = {}) {
    Params body = {
        {"username", kAdmin}, {"password", password}, {"loginreturnurl", "http://example.org/"}, {"logintoken", token}};
    body.insert(body.end(), extra.begin(), extra.end());
    return clientlogin_post(body).json;
  };
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(attempt("Wrong-Passw0rd!")["clientlogin"]["messagecode"], "wrongpassword") << "attempt " << i + 1;
  }
  // clientlogin-throttle-admin
  EXPECT_EQ(
      attempt(kAdminPass),
      Json({{"clientlogin", {{"status", "FAIL"}, {"message", kThrottledText}, {"messagecode", "login-throttled"}}}}));
  EXPECT_EQ(
      attempt(kAdminPass, {{"formatversion", "2"}, {"loginmessageformat", "raw"}}),
      fail(Json({{"key", "login-throttled"}, {"params", Json::array({{{"duration", 300}}})}}), "login-throttled"));
  EXPECT_EQ(
      attempt(kAdminPass, {{"formatversion", "2"}, {"loginmessageformat", "none"}}),
      Json({{"clientlogin", {{"status", "FAIL"}, {"messagecode", "login-throttled"}, {"canpreservestate", false}}}}));
  // The counter is shared with action=login.
  Reply login = client.post({{"action", "login"},
                             {"lgname", kAdmin},
                             {"lgpassword", kAdminPass},
                             {"lgtoken", token},
                             {"format", "json"},
                             {"formatversion", "2"}});
  EXPECT_EQ(login.json, Json({{"login",
                               {{"result", "Failed"},
                                {"reason",
                                 "You have made too many recent login attempts. Please wait 5 minutes before "
                                 "trying again."}}}}));
}

TEST_F(ClientLoginTest, ActionLoginFailuresThrottleClientLogin) {
  for (int i = 0; i < 5; ++i) client.login(kThrottled, "Wrong-Passw0rd!");
  Reply reply = client.client_login(kThrottled, kThrottledPass, {{"formatversion", "2"}});
  // login-throttle-main-account, last step.
  EXPECT_EQ(reply.json, fail(kThrottledText, "login-throttled"));
  EXPECT_FALSE(reply.sets_cookie("UserID"));
}

TEST_F(ClientLoginTest, ThrottleEndsThreeHundredSecondsAfterTheFirstAttempt) {
  for (int i = 0; i < 5; ++i) client.client_login(kThrottled, "Wrong-Passw0rd!");
  ASSERT_EQ(client.client_login(kThrottled, kThrottledPass, {{"formatversion", "2"}}).json,
            fail(kThrottledText, "login-throttled"));
  // $wgPasswordAttemptThrottle: count 5 in 300 s (NOTES.md §3.4).
  wiki.clock().advance(std::chrono::seconds(301));
  Reply reply = client.client_login(kThrottled, kThrottledPass, {{"formatversion", "2"}});
  EXPECT_EQ(reply.json, Json({{"clientlogin", {{"status", "PASS"}, {"username", "Throttled"}}}}));
}

TEST_F(ClientLoginTest, AttemptsWithoutAPasswordShareOneThrottlePerAddress) {
  const std::string token = client.login_token();
  const Params no_password = {
      {"username", kRobo}, {"loginreturnurl", "http://example.org/"}, {"logintoken", token}, {"formatversion", "2"}};
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(clientlogin_post(no_password).json, fail(kNoPrimary, "authmanager-authn-no-primary")) << i + 1;
  }
  // FINDINGS.md item 1; login-throttle-ip-only: the key (IP, no user) is full.
  EXPECT_EQ(clientlogin_post(no_password).json, fail(kThrottledText, "login-throttled"));
  // A named attempt has a key of its own.
  Reply reply = clientlogin_post({{"username", kRobo},
                                  {"password", kRoboPass},
                                  {"loginreturnurl", "http://example.org/"},
                                  {"logintoken", token},
                                  {"formatversion", "2"}});
  EXPECT_EQ(reply.json, Json({{"clientlogin", {{"status", "PASS"}, {"username", "Robo"}}}}));
}

}  // namespace
}  // namespace mockwiki::testing
