// OATHAuth's two-factor step (mockwiki/src/auth/providers/oath.h) over HTTP, on the fixture
// mockwiki/fixtures/oath.json (Tofu and Tofu2 have TOTP secrets), as MediaWiki 1.39 with
// OATHAuth REL1_39 answers: the UI step in every message format, wrong, missing and empty
// codes, the ±4-window radius, replay protection, the badoath throttle, action=login's
// Aborted, bot passwords, rights and authmanagerinfo.
//
// Sources: ../shared/reference/NOTES.md §9 (OATHAuth@REL1_39 src/Auth/*, src/Key/TOTPKey.php,
// extension.json); the real wiki's transcripts in ../shared/reference/mw-1.39-oath/ (published
// cases) and tests/reference/mw-1.39-oath/ (cases in tests/reference/cases/oath-extended.json),
// named by case id in each test. Codes are computed with the mock's own auth::totp_code, which
// tests/mockwiki/auth/totp_test.cpp checks against RFC 6238.
#include "auth/totp.h"
#include "mockwiki/fixture.h"
#include "support/mock_wiki_test.h"

namespace mockwiki::testing {
namespace {

using ::testing::Contains;
using ::testing::Not;

// A fixed moment at the start of a TOTP window: Fri, 15 Jan 2027 08:00:00 GMT.
constexpr std::int64_t kNow = 1800000000;

constexpr const char* kTofu = "Tofu";
constexpr const char* kTofuPass = "TofuPassw0rd!23";
constexpr const char* kTofuSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
constexpr const char* kTofuBot = "Tofu@tofubot";
constexpr const char* kTofuBotPass = "c3e5g7i9k1m3o5q7s9u1w3a5c7e9g1i3";
constexpr const char* kTofu2 = "Tofu2";
constexpr const char* kTofu2Pass = "Tofu2Passw0rd!23";
constexpr const char* kTofu2Secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

constexpr const char* kAskForCode =
    "Please enter a code from your two-factor authentication application (such as Google Authenticator).";
constexpr const char* kVerificationFailed = "Verification failed.";
constexpr const char* kThrottledText = "Too many verification attempts! Please wait 1 minute.";
constexpr const char* kAbortedReason =
    "Authentication requires user interaction, which is not supported by \"action=login\". To be able to login "
    "with \"action=login\", see [[Special:BotPasswords]]. To continue using main-account login, see "
    "\"[[Special:ApiHelp/clientlogin|action=clientlogin]]\".";

// The TOTPAuthenticationRequest of the UI step (oath-clientlogin-ui, oath-ui-fv2).
Json totp_request(const std::string& account, bool fv2) {
  Json field = Json::parse(R"({"type": "string", "label": "Two-factor token or recovery code",
      "help": "The one-time password used as the second factor of two-factor authentication."})");
  if (fv2) {
    field["optional"] = false;
    field["sensitive"] = false;
  }
  Json request = Json::parse(R"({"id": "MediaWiki\\Extension\\OATHAuth\\Auth\\TOTPAuthenticationRequest",
      "metadata": {}, "required": "required", "provider": "Two-factor authentication (OATH)."})");
  request["account"] = account;
  request["fields"] = {{"OATHToken", field}};
  return request;
}

Json ui(const char* message, const char* code, const std::string& account = kTofu, bool fv2 = true) {
  return {{"clientlogin",
           {{"status", "UI"},
            {"requests", Json::array({totp_request(account, fv2)})},
            {"message", message},
            {"messagecode", code}}}};
}

Json pass(const std::string& name) { return {{"clientlogin", {{"status", "PASS"}, {"username", name}}}}; }

class OathTest : public MockWikiTest {
 protected:
  OathTest() : MockWikiTest(options()) {
    wiki.clock().freeze();
    wiki.clock().set(kNow);
  }

  static MockWiki::Options options() {
    MockWiki::Options o;
    o.fixture = Fixture::load(MOCKWIKI_FIXTURES_DIR "/oath.json");
    return o;
  }

  // The code `offset` windows away from the mock's current time.
  std::string code(const char* secret = kTofuSecret, int offset = 0) {
    return auth::totp_code(secret, wiki.clock().now() + offset * auth::kTotpPeriod);
  }

  // The first step: a login token, then clientlogin with the password (fv2 unless `extra` says).
  Reply begin(ApiClient& c, const char* name = kTofu, const char* password = kTofuPass, Params extra = {}) {
    if (extra.empty()) extra = {{"formatversion", "2"}};
    return c.client_login(name, password, extra);
  }
  Reply begin(const char* name = kTofu, const char* password = kTofuPass, Params extra = {}) {
    return begin(client, name, password, std::move(extra));
  }

  // clientlogin with logincontinue=1 and `fields` (then format=json and formatversion=2 unless
  // `fv1`), in the client's session.
  Reply continue_login(ApiClient& c, Params fields, bool fv1 = false, const Params& query = {}) {
    Params body = {{"action", "clientlogin"}, {"logincontinue", "1"}, {"logintoken", c.login_token()}};
    body.insert(body.end(), fields.begin(), fields.end());
    body.emplace_back("format", "json");
    if (!fv1) body.emplace_back("formatversion", "2");
    return c.post(body, query);
  }
  Reply continue_login(Params fields, bool fv1 = false, const Params& query = {}) {
    return continue_login(client, std::move(fields), fv1, query);
  }
  Reply send_code(ApiClient& c, const std::string& token) { return continue_login(c, {{"OATHToken", token}}); }
  Reply send_code(const std::string& token) { return send_code(client, token); }

  // A whole login with the code `offset` windows away.
  Reply log_in(ApiClient& c, const char* name, const char* password, const char* secret, int offset) {
    EXPECT_EQ(begin(c, name, password).json["clientlogin"]["status"], "UI");
    return send_code(c, code(secret, offset));
  }

  Json userinfo(ApiClient& c, const Params& extra = {}) {
    Params params = {{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}, {"formatversion", "2"}};
    params.insert(params.end(), extra.begin(), extra.end());
    return c.get(params).json["query"]["userinfo"];
  }
  Json userinfo() { return userinfo(client); }

  Json authmanagerinfo(const Params& extra) {
    Params params = {{"action", "query"}, {"meta", "authmanagerinfo"}, {"format", "json"}, {"formatversion", "2"}};
    params.insert(params.end(), extra.begin(), extra.end());
    return client.get(params).json;
  }

  // Ten wrong codes for Tofu in the client's pending login.
  void ten_wrong_codes(ApiClient& c) {
    for (int i = 0; i < 10; ++i) {
      ASSERT_EQ(send_code(c, "000001").json, ui(kVerificationFailed, "oathauth-login-failed")) << "code " << i + 1;
    }
  }
};

// ---- The UI step -------------------------------------------------------------------------

TEST_F(OathTest, TheRightPasswordAsksForTheCodeAndLeavesTheSessionAnonymous) {
  Reply reply = begin(kTofu, kTofuPass, {{"formatversion", "1"}});
  // oath-clientlogin-ui (published): fv1, so optional/sensitive false are left out.
  EXPECT_EQ(reply.json, ui(kAskForCode, "oathauth-auth-ui", kTofu, false));
  // NOTES.md §9.1: no cookies change yet.
  EXPECT_TRUE(reply.set_cookies.empty()) << reply.set_cookies.front();
  EXPECT_EQ(userinfo(), Json({{"id", 0}, {"name", "127.0.0.1"}, {"anon", true}}));
}

TEST_F(OathTest, TheUiStepInFormatVersionTwoShowsOptionalAndSensitive) {
  // oath-ui-fv2
  EXPECT_EQ(begin().json, ui(kAskForCode, "oathauth-auth-ui"));
}

TEST_F(OathTest, TheUiStepInHtmlIsTheSameAsInWikitext) {
  Reply reply = begin(kTofu, kTofuPass, {{"formatversion", "2"}, {"loginmessageformat", "html"}});
  // oath-ui-html
  EXPECT_EQ(reply.json, ui(kAskForCode, "oathauth-auth-ui"));
}

TEST_F(OathTest, TheUiStepWithMergedFieldsAndRawMessages) {
  Reply reply = begin(kTofu, kTofuPass,
                      {{"formatversion", "2"}, {"loginmergerequestfields", "1"}, {"loginmessageformat", "raw"}});
  // oath-ui-merged-raw
  EXPECT_EQ(reply.json, Json::parse(R"({"clientlogin": {"status": "UI", "requests": [
      {"id": "MediaWiki\\Extension\\OATHAuth\\Auth\\TOTPAuthenticationRequest", "metadata": {},
       "required": "required", "provider": {"key": "oathauth-describe-provider", "params": []},
       "account": {"key": "$1", "params": ["Tofu"]}}],
      "fields": {"OATHToken": {"type": "string", "label": {"key": "oathauth-auth-token-label", "params": []},
                               "help": {"key": "oathauth-auth-token-help", "params": []},
                               "optional": false, "sensitive": false}},
      "message": {"key": "oathauth-auth-ui", "params": []}, "messagecode": "oathauth-auth-ui"}})"));
}

TEST_F(OathTest, TheUiStepWithMessageFormatNoneHasNoTexts) {
  Reply reply = begin(kTofu, kTofuPass, {{"formatversion", "2"}, {"loginmessageformat", "none"}});
  // oath-ui-none
  EXPECT_EQ(reply.json, Json::parse(R"({"clientlogin": {"status": "UI", "requests": [
      {"id": "MediaWiki\\Extension\\OATHAuth\\Auth\\TOTPAuthenticationRequest", "metadata": {},
       "required": "required", "fields": {"OATHToken": {"type": "string", "optional": false, "sensitive": false}}}],
      "messagecode": "oathauth-auth-ui"}})"));
  // ... then the code from 3 windows back passes.
  EXPECT_EQ(send_code(code(kTofuSecret, -3)).json, pass(kTofu));
}

TEST_F(OathTest, AWrongPasswordFailsBeforeAnySecondStep) {
  // oath-clientlogin-wrong-password
  EXPECT_EQ(begin(kTofu, "nope").json,
            Json({{"clientlogin",
                   {{"status", "FAIL"},
                    {"message", "Incorrect username or password entered.\nPlease try again."},
                    {"messagecode", "wrongpassword"},
                    {"canpreservestate", false}}}}));
}

TEST_F(OathTest, AnAccountWithoutASecretLogsInWithItsPasswordAlone) {
  // Alice has no oath secret in oath.json: OATHAuth abstains (oath-new-begin-during-ui, step 2).
  EXPECT_EQ(begin(accounts::kAlice, accounts::kAlicePass).json, pass("Alice"));
}

// ---- The code ----------------------------------------------------------------------------

TEST_F(OathTest, TheRightCodePassesWithANewSessionAndTheUsersCookies) {
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  const std::string session = *client.cookie("_session");
  Reply reply = continue_login({{"OATHToken", code()}}, /*fv1=*/true);
  // oath-clientlogin-pass (published): 30-day UserID/UserName cookies and a new session.
  EXPECT_EQ(reply.json, pass(kTofu));
  ASSERT_EQ(reply.set_cookies.size(), 3u) << reply.body;
  EXPECT_THAT(reply.set_cookies[0], ::testing::MatchesRegex("mockwiki_session=[0-9a-v]{32}; path=/; HttpOnly"));
  EXPECT_THAT(reply.set_cookies[1], ::testing::MatchesRegex("mockwikiUserID=[0-9]+; expires=Sun, 14 Feb 2027 "
                                                            "08:00:00 GMT; Max-Age=2592000; path=/; HttpOnly"));
  EXPECT_EQ(reply.set_cookies[2],
            "mockwikiUserName=Tofu; expires=Sun, 14 Feb 2027 08:00:00 GMT; Max-Age=2592000; path=/; HttpOnly");
  EXPECT_NE(*client.cookie("_session"), session);
  const Json info = userinfo();
  EXPECT_EQ(info["name"], "Tofu");
  EXPECT_EQ(std::to_string(info["id"].get<int>()), *client.cookie("UserID"));
}

TEST_F(OathTest, AWrongCodeIsTheUiAgainNeverAFailure) {
  ASSERT_EQ(begin(kTofu, kTofuPass, {}).json["clientlogin"]["status"], "UI");
  Reply reply = continue_login({{"OATHToken", "000000"}}, /*fv1=*/true);
  // oath-clientlogin-wrong-code (published), fv1.
  EXPECT_EQ(reply.json, ui(kVerificationFailed, "oathauth-login-failed", kTofu, false));
  EXPECT_TRUE(reply.set_cookies.empty());
  // The login is still in progress: the right code passes.
  EXPECT_EQ(send_code(code()).json, pass(kTofu));
}

TEST_F(OathTest, AWrongCodeInRawMessagesWithMergedFields) {
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  Reply reply =
      continue_login({{"OATHToken", "12345x"}, {"loginmessageformat", "raw"}, {"loginmergerequestfields", "1"}});
  // oath-wrong-code-raw
  EXPECT_EQ(reply.json, Json::parse(R"({"clientlogin": {"status": "UI", "requests": [
      {"id": "MediaWiki\\Extension\\OATHAuth\\Auth\\TOTPAuthenticationRequest", "metadata": {},
       "required": "required", "provider": {"key": "oathauth-describe-provider", "params": []},
       "account": {"key": "$1", "params": ["Tofu"]}}],
      "fields": {"OATHToken": {"type": "string", "label": {"key": "oathauth-auth-token-label", "params": []},
                               "help": {"key": "oathauth-auth-token-help", "params": []},
                               "optional": false, "sensitive": false}},
      "message": {"key": "oathauth-login-failed", "params": []}, "messagecode": "oathauth-login-failed"}})"));
}

TEST_F(OathTest, AMissingCodeIsTheFailedUi) {
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  // oath-continue-no-token
  EXPECT_EQ(continue_login({}).json, ui(kVerificationFailed, "oathauth-login-failed"));
}

TEST_F(OathTest, AnEmptyCodeIsTheFailedUi) {
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  // oath-continue-empty-token
  EXPECT_EQ(send_code("").json, ui(kVerificationFailed, "oathauth-login-failed"));
}

TEST_F(OathTest, TheCodeMayComeInTheQueryString) {
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  // oath-token-in-query-string: OATHToken is not sensitive, so no mustpostparams.
  Reply wrong = continue_login({}, /*fv1=*/true, {{"OATHToken", "000000"}});
  EXPECT_EQ(wrong.json, ui(kVerificationFailed, "oathauth-login-failed", kTofu, false));
  Reply right = continue_login({}, /*fv1=*/false, {{"OATHToken", code(kTofuSecret, -2)}});
  EXPECT_EQ(right.json, pass(kTofu));
}

TEST_F(OathTest, WhitespaceAroundTheCodeIsRemoved) {
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  // oath-code-with-spaces (1 window back).
  EXPECT_EQ(send_code(" " + code(kTofuSecret, -1) + " ").json, pass(kTofu));
  EXPECT_EQ(userinfo()["name"], "Tofu");
}

TEST_F(OathTest, WhitespaceInsideTheCodeIsRemovedFromSource) {
  // Not recorded: TOTPKey::verify's preg_replace('/\s+/', '', $token) (NOTES.md §9.4).
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  const std::string c = code();
  EXPECT_EQ(send_code(c.substr(0, 3) + " \t" + c.substr(3) + "\n").json, pass(kTofu));
}

TEST_F(OathTest, AWrongCodeThenTheRightOnePasses) {
  ASSERT_EQ(begin(kTofu2, kTofu2Pass).json, ui(kAskForCode, "oathauth-auth-ui", kTofu2));
  // oath-wrong-then-right
  EXPECT_EQ(send_code("999999").json, ui(kVerificationFailed, "oathauth-login-failed", kTofu2));
  EXPECT_EQ(send_code(code(kTofu2Secret, -1)).json, pass(kTofu2));
  EXPECT_EQ(userinfo()["name"], "Tofu2");
}

TEST_F(OathTest, AfterThePassNothingIsInProgress) {
  ASSERT_EQ(log_in(client, kTofu2, kTofu2Pass, kTofu2Secret, 0).json, pass(kTofu2));
  // oath-continue-after-pass
  EXPECT_EQ(send_code(code(kTofu2Secret, 1)).json,
            Json({{"warnings", {{"main", {{"warnings", "Unrecognized parameter: OATHToken."}}}}},
                  {"clientlogin",
                   {{"status", "FAIL"},
                    {"message",
                     "Authentication is not in progress or session data has been lost. Please start again from the "
                     "beginning."},
                    {"messagecode", "authmanager-authn-not-in-progress"},
                    {"canpreservestate", false}}}}));
}

TEST_F(OathTest, RememberMeGivesOneHundredEightyDayCookiesAfterTheCode) {
  ASSERT_EQ(begin(kTofu2, kTofu2Pass, {{"rememberMe", "1"}}).json["clientlogin"]["status"], "UI");
  Reply reply = continue_login({{"OATHToken", code(kTofu2Secret, -3)}}, /*fv1=*/true);
  // oath-pass-rememberme: Token, UserID and UserName for 15552000 s.
  EXPECT_EQ(reply.json, pass(kTofu2));
  EXPECT_THAT(*reply.cookie_line("UserID"), ::testing::HasSubstr("; Max-Age=15552000; path=/; HttpOnly"));
  EXPECT_EQ(*reply.cookie_line("UserName"),
            "mockwikiUserName=Tofu2; expires=Wed, 14 Jul 2027 08:00:00 GMT; Max-Age=15552000; path=/; HttpOnly");
  EXPECT_THAT(*reply.cookie_line("Token"),
              ::testing::MatchesRegex("mockwikiToken=[0-9a-f]{32}; expires=Wed, 14 Jul 2027 08:00:00 GMT; "
                                      "Max-Age=15552000; path=/; HttpOnly"));
}

// ---- Windows and replay ------------------------------------------------------------------

TEST_F(OathTest, CodesWithinFourWindowsEitherSideAreAccepted) {
  // NOTES.md §9.4 ($wgOATHAuthWindowRadius = 4); recorded at -3, -2, -1, 0, +1 and +4
  // (oath-ui-none, oath-token-in-query-string, oath-code-with-spaces, oath-replay,
  // oath-action-login-then-clientlogin-continue, oath-window-ahead). Each login spends its
  // window, so they go from the oldest to the newest.
  for (int offset = -4; offset <= 4; ++offset) {
    ApiClient c = another_client();
    EXPECT_EQ(log_in(c, kTofu, kTofuPass, kTofuSecret, offset).json, pass(kTofu)) << "offset " << offset;
  }
}

TEST_F(OathTest, ACodeFromFiveWindowsBackIsRefused) {
  ASSERT_EQ(begin(kTofu2, kTofu2Pass).json["clientlogin"]["status"], "UI");
  // oath-window-too-old
  EXPECT_EQ(send_code(code(kTofu2Secret, -5)).json, ui(kVerificationFailed, "oathauth-login-failed", kTofu2));
}

TEST_F(OathTest, ACodeFromFiveWindowsAheadIsRefusedFromSource) {
  // Not recorded: the radius is symmetric (HOTP::generateByTimeWindow(-4, 4) in TOTPKey::verify).
  ASSERT_EQ(begin(kTofu2, kTofu2Pass).json["clientlogin"]["status"], "UI");
  EXPECT_EQ(send_code(code(kTofu2Secret, 5)).json, ui(kVerificationFailed, "oathauth-login-failed", kTofu2));
}

TEST_F(OathTest, TheWindowFollowsTheMocksClock) {
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  const std::string old_code = code();
  wiki.clock().advance(std::chrono::seconds(5 * 30));
  EXPECT_EQ(send_code(old_code).json, ui(kVerificationFailed, "oathauth-login-failed"));
  EXPECT_EQ(send_code(code()).json, pass(kTofu));
}

TEST_F(OathTest, ACodeIsAcceptedOnlyOnce) {
  const std::string c = code();
  ASSERT_EQ(log_in(client, kTofu, kTofuPass, kTofuSecret, 0).json, pass(kTofu));
  // oath-replay: the same code in a new login.
  ApiClient other = another_client();
  ASSERT_EQ(begin(other).json["clientlogin"]["status"], "UI");
  EXPECT_EQ(send_code(other, c).json, ui(kVerificationFailed, "oathauth-login-failed"));
}

TEST_F(OathTest, AfterALaterWindowWasSpentTheCurrentCodeIsRefused) {
  ASSERT_EQ(log_in(client, kTofu2, kTofu2Pass, kTofu2Secret, 1).json, pass(kTofu2));
  // oath-earlier-window-after-later: only windows after the last one spent.
  ApiClient other = another_client();
  ASSERT_EQ(begin(other, kTofu2, kTofu2Pass).json["clientlogin"]["status"], "UI");
  EXPECT_EQ(send_code(other, code(kTofu2Secret, 0)).json, ui(kVerificationFailed, "oathauth-login-failed", kTofu2));
  EXPECT_EQ(send_code(other, code(kTofu2Secret, 2)).json, pass(kTofu2));
}

TEST_F(OathTest, SpentWindowsAreKeptPerUser) {
  ASSERT_EQ(log_in(client, kTofu, kTofuPass, kTofuSecret, 4).json, pass(kTofu));
  // Tofu's spent window says nothing about Tofu2's (the key is per central user id).
  ApiClient other = another_client();
  EXPECT_EQ(log_in(other, kTofu2, kTofu2Pass, kTofu2Secret, 0).json, pass(kTofu2));
}

// ---- The badoath throttle ----------------------------------------------------------------

TEST_F(OathTest, TenWrongCodesThrottleEvenTheRightCode) {
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  ten_wrong_codes(client);
  // oath-throttle: the 11th attempt, wrong or right, in text and in raw.
  EXPECT_EQ(send_code("000001").json, ui(kThrottledText, "oathauth-throttled"));
  EXPECT_EQ(send_code("000002").json, ui(kThrottledText, "oathauth-throttled"));
  Reply raw = continue_login({{"OATHToken", code()}, {"loginmessageformat", "raw"}});
  EXPECT_EQ(raw.json, Json::parse(R"({"clientlogin": {"status": "UI", "requests": [
      {"id": "MediaWiki\\Extension\\OATHAuth\\Auth\\TOTPAuthenticationRequest", "metadata": {},
       "required": "required", "provider": {"key": "oathauth-describe-provider", "params": []},
       "account": {"key": "$1", "params": ["Tofu"]},
       "fields": {"OATHToken": {"type": "string", "label": {"key": "oathauth-auth-token-label", "params": []},
                                "help": {"key": "oathauth-auth-token-help", "params": []},
                                "optional": false, "sensitive": false}}}],
      "message": {"key": "oathauth-throttled", "params": [{"duration": 60}]},
      "messagecode": "oathauth-throttled"}})"));
  // NOTES.md §9.3: the check comes before verify(), so the right code is refused.
  EXPECT_EQ(send_code(code()).json, ui(kThrottledText, "oathauth-throttled"));
  EXPECT_EQ(userinfo()["name"], "127.0.0.1");
}

TEST_F(OathTest, TheThrottledUiInFormatVersionOne) {
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  ten_wrong_codes(client);
  // NOTES.md §9.2 "throttled ..., text".
  EXPECT_EQ(continue_login({{"OATHToken", code()}}, /*fv1=*/true).json,
            ui(kThrottledText, "oathauth-throttled", kTofu, false));
}

TEST_F(OathTest, TheThrottleClearsOnceTheMinuteHasPassedOnTheMocksClock) {
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  ten_wrong_codes(client);
  wiki.clock().advance(std::chrono::seconds(30));
  EXPECT_EQ(send_code(code()).json, ui(kThrottledText, "oathauth-throttled"));
  // 62 s after the failures, none of them is inside the 60-s window.
  wiki.clock().advance(std::chrono::seconds(32));
  EXPECT_EQ(send_code(code()).json, pass(kTofu));
}

TEST_F(OathTest, MissingCodesDoNotCountTowardsTheThrottle) {
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  // NOTES.md §9.1 item 4: the request does not load, so verify() is never called.
  for (int i = 0; i < 12; ++i) {
    ASSERT_EQ(continue_login({}).json, ui(kVerificationFailed, "oathauth-login-failed")) << i + 1;
    ASSERT_EQ(send_code("").json, ui(kVerificationFailed, "oathauth-login-failed")) << i + 1;
  }
  ten_wrong_codes(client);
  EXPECT_EQ(send_code("000001").json, ui(kThrottledText, "oathauth-throttled"));
}

TEST_F(OathTest, NineWrongCodesStillLetTheRightOneThrough) {
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  for (int i = 0; i < 9; ++i)
    ASSERT_EQ(send_code("000001").json["clientlogin"]["messagecode"], "oathauth-login-failed");
  EXPECT_EQ(send_code(code()).json, pass(kTofu));
}

TEST_F(OathTest, TheThrottleIsPerUserAcrossSessions) {
  // NOTES.md §9.3: keyed on the target user, counted across sessions.
  ApiClient first = another_client();
  ApiClient second = another_client();
  ASSERT_EQ(begin(first).json["clientlogin"]["status"], "UI");
  ASSERT_EQ(begin(second).json["clientlogin"]["status"], "UI");
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(send_code(first, "000001").json["clientlogin"]["messagecode"], "oathauth-login-failed");
    ASSERT_EQ(send_code(second, "000001").json["clientlogin"]["messagecode"], "oathauth-login-failed");
  }
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  EXPECT_EQ(send_code(code()).json, ui(kThrottledText, "oathauth-throttled"));
  // Another user is not throttled.
  ApiClient other = another_client();
  EXPECT_EQ(log_in(other, kTofu2, kTofu2Pass, kTofu2Secret, 0).json, pass(kTofu2));
}

TEST_F(OathTest, WhileThrottledANewLoginStillGetsTheFirstStep) {
  ApiClient first = another_client();
  ASSERT_EQ(begin(first).json["clientlogin"]["status"], "UI");
  ten_wrong_codes(first);
  // oath-throttle-new-login: the throttle is only checked on continue.
  EXPECT_EQ(begin().json, ui(kAskForCode, "oathauth-auth-ui"));
  EXPECT_EQ(send_code(code()).json, ui(kThrottledText, "oathauth-throttled"));
}

// ---- action=login and bot passwords ------------------------------------------------------

TEST_F(OathTest, ActionLoginWithTheMainPasswordIsAborted) {
  Reply reply = client.login(kTofu, kTofuPass);
  // oath-action-login-aborted (published).
  EXPECT_EQ(reply.json, Json({{"login", {{"result", "Aborted"}, {"reason", kAbortedReason}}}}));
  EXPECT_TRUE(reply.set_cookies.empty());
}

TEST_F(OathTest, ActionLoginAbortedInPlaintextErrorFormat) {
  Reply reply = client.login(kTofu, kTofuPass, {{"formatversion", "2"}, {"errorformat", "plaintext"}});
  // oath-action-login-errorformat
  EXPECT_EQ(
      reply.json,
      Json({{"login",
             {{"result", "Aborted"}, {"reason", {{"code", "api-login-fail-aborted"}, {"text", kAbortedReason}}}}}}));
}

TEST_F(OathTest, TheLoginActionLoginBeganCanBeContinuedWithClientLogin) {
  ASSERT_EQ(client.login(kTofu, kTofuPass).json["login"]["result"], "Aborted");
  Reply reply = send_code(code(kTofuSecret, 1));
  // oath-action-login-then-clientlogin-continue: action=login asks to be remembered, so the
  // cookies are the 180-day ones with a Token.
  EXPECT_EQ(reply.json, pass(kTofu));
  EXPECT_TRUE(reply.sets_cookie("_session"));
  EXPECT_THAT(*reply.cookie_line("UserID"), ::testing::HasSubstr("; Max-Age=15552000; "));
  EXPECT_THAT(*reply.cookie_line("UserName"), ::testing::HasSubstr("; Max-Age=15552000; "));
  EXPECT_THAT(*reply.cookie_line("Token"), ::testing::HasSubstr("; Max-Age=15552000; "));
  EXPECT_EQ(userinfo()["name"], "Tofu");
}

TEST_F(OathTest, ABotPasswordLogsInWithoutACode) {
  Reply reply = client.login(kTofuBot, kTofuBotPass);
  // oath-botpassword-bypasses-2fa (published).
  ASSERT_EQ(reply.json["login"]["result"], "Success") << reply.body;
  EXPECT_EQ(reply.json["login"]["lgusername"], "Tofu");
  EXPECT_TRUE(reply.sets_cookie("_BPsession"));
  EXPECT_FALSE(reply.sets_cookie("UserID"));
  EXPECT_EQ(userinfo()["name"], "Tofu");
}

// ---- Rights ------------------------------------------------------------------------------

TEST_F(OathTest, UsersHaveTheOathauthEnableRight) {
  ASSERT_EQ(log_in(client, kTofu2, kTofu2Pass, kTofu2Secret, -3).json, pass(kTofu2));
  const Json info = userinfo(client, {{"uiprop", "rights|groups"}});
  // oath-pass-rememberme, last step: OATHAuth's extension.json gives the user group
  // oathauth-enable, listed after core's user rights.
  EXPECT_EQ(info["name"], "Tofu2");
  EXPECT_EQ(info["groups"], Json::array({"*", "user", "autoconfirmed"}));
  EXPECT_EQ(info["rights"], Json::parse(R"(["createaccount", "read", "edit", "createpage", "createtalk", "writeapi",
      "viewmywatchlist", "editmywatchlist", "viewmyprivateinfo", "editmyprivateinfo", "editmyoptions", "move",
      "move-subpages", "move-rootuserpages", "move-categorypages", "movefile", "upload", "reupload",
      "reupload-shared", "minoredit", "editmyusercss", "editmyuserjson", "editmyuserjs", "editmyuserjsredirect",
      "purge", "sendemail", "applychangetags", "changetags", "editcontentmodel", "oathauth-enable",
      "autoconfirmed", "editsemiprotected"])"));
}

TEST_F(OathTest, AnonymousUsersDoNotHaveOathauthEnable) {
  // oath-anonymous-rights
  EXPECT_EQ(userinfo(client, {{"uiprop", "rights|groups"}}), Json::parse(R"({"id": 0, "name": "127.0.0.1",
      "anon": true, "groups": ["*"], "rights": ["createaccount", "read", "edit", "createpage", "createtalk",
      "writeapi", "viewmywatchlist", "editmywatchlist", "viewmyprivateinfo", "editmyprivateinfo",
      "editmyoptions"]})"));
}

TEST_F(OathTest, ABotPasswordWithoutTheOathGrantDoesNotHaveOathauthEnable) {
  ASSERT_EQ(client.login(kTofuBot, kTofuBotPass).json["login"]["result"], "Success");
  const Json info = userinfo(client, {{"uiprop", "rights|groups"}});
  // oath-botpassword-rights
  EXPECT_EQ(info["groups"], Json::array({"*", "user", "autoconfirmed"}));
  EXPECT_EQ(info["rights"], Json::parse(R"(["read", "edit", "writeapi", "minoredit", "purge", "applychangetags",
      "changetags", "editcontentmodel", "autoconfirmed", "editsemiprotected"])"));
  EXPECT_THAT(info["rights"], Not(Contains("oathauth-enable")));
}

// ---- authmanagerinfo and new logins ------------------------------------------------------

TEST_F(OathTest, LoginRequestsHaveNoTwoFactorRequestUpFront) {
  // oath-amiinfo-login: the stock answer.
  const Json reply = authmanagerinfo({{"amirequestsfor", "login"}});
  const Json& requests = reply["query"]["authmanagerinfo"]["requests"];
  ASSERT_EQ(requests.size(), 2u) << reply;
  EXPECT_EQ(requests[0]["id"], "MediaWiki\\Auth\\PasswordAuthenticationRequest");
  EXPECT_EQ(requests[1]["id"], "MediaWiki\\Auth\\RememberMeAuthenticationRequest");
}

TEST_F(OathTest, LoginContinueListsThePendingTotpRequest) {
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  // oath-amiinfo-login-continue (published).
  Json expected = Json::parse(R"({"batchcomplete": true, "query": {"authmanagerinfo": {"canauthenticatenow": true,
      "cancreateaccounts": true, "canlinkaccounts": false, "haspreservedstate": false,
      "hasprimarypreservedstate": false, "preservedusername": ""}}})");
  expected["query"]["authmanagerinfo"]["requests"] = Json::array({totp_request(kTofu, true)});
  EXPECT_EQ(authmanagerinfo({{"amirequestsfor", "login-continue"}}), expected);
}

TEST_F(OathTest, LoginContinueMergedInRawMessages) {
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  // oath-amiinfo-login-continue-merged-raw
  EXPECT_EQ(authmanagerinfo(
                {{"amirequestsfor", "login-continue"}, {"amimergerequestfields", "1"}, {"amimessageformat", "raw"}}),
            Json::parse(R"({"batchcomplete": true, "query": {"authmanagerinfo": {"canauthenticatenow": true,
      "cancreateaccounts": true, "canlinkaccounts": false, "haspreservedstate": false,
      "hasprimarypreservedstate": false, "preservedusername": "", "requests": [
      {"id": "MediaWiki\\Extension\\OATHAuth\\Auth\\TOTPAuthenticationRequest", "metadata": {},
       "required": "required", "provider": {"key": "oathauth-describe-provider", "params": []},
       "account": {"key": "$1", "params": ["Tofu"]}}],
      "fields": {"OATHToken": {"type": "string", "label": {"key": "oathauth-auth-token-label", "params": []},
                               "help": {"key": "oathauth-auth-token-help", "params": []},
                               "optional": false, "sensitive": false}}}}})"));
}

TEST_F(OathTest, LoginContinueWithNothingPendingListsNoRequests) {
  const Json expected = Json::parse(R"({"batchcomplete": true, "query": {"authmanagerinfo": {
      "canauthenticatenow": true, "cancreateaccounts": true, "canlinkaccounts": false, "haspreservedstate": false,
      "hasprimarypreservedstate": false, "preservedusername": "", "requests": []}}})");
  // oath-amiinfo-login-continue-nothing-pending
  EXPECT_EQ(authmanagerinfo({{"amirequestsfor", "login-continue"}}), expected);
  // And after the login has passed (restart.txt d3b: login-continue is [] after a PASS).
  ASSERT_EQ(log_in(client, kTofu, kTofuPass, kTofuSecret, 0).json, pass(kTofu));
  EXPECT_EQ(authmanagerinfo({{"amirequestsfor", "login-continue"}}), expected);
}

TEST_F(OathTest, ANewLoginDuringTheUiStepReplacesIt) {
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  // oath-new-begin-during-ui: Alice (no second factor) logs in at once.
  Reply reply = begin(accounts::kAlice, accounts::kAlicePass);
  EXPECT_EQ(reply.json, pass("Alice"));
  EXPECT_TRUE(reply.sets_cookie("UserID"));
  EXPECT_EQ(userinfo()["name"], "Alice");
}

TEST_F(OathTest, ANewLoginOfTheSameUserDuringTheUiStepAsksAgain) {
  ASSERT_EQ(begin().json["clientlogin"]["status"], "UI");
  ASSERT_EQ(send_code("000001").json["clientlogin"]["messagecode"], "oathauth-login-failed");
  EXPECT_EQ(begin().json, ui(kAskForCode, "oathauth-auth-ui"));
  EXPECT_EQ(send_code(code()).json, pass(kTofu));
}

}  // namespace
}  // namespace mockwiki::testing
