// ConfirmEdit's captcha (mockwiki/src/auth/providers/captcha.h) over HTTP, on the default
// accounts with "extensions": ["ConfirmEdit"], as MediaWiki 1.39 with Debian's ConfirmEdit
// (SimpleCaptcha, default settings) answers: the captcha request after 3 failed logins from the
// IP in 300 s, its shape in every format, the captcha check on clientlogin (every problem is
// FAIL wrongpassword), the badcaptcha rate limit, the per-user trigger, and account creation.
//
// Sources: ../shared/reference/NOTES.md §11; tests/reference/raw/flows/FINDINGS.md §1 and the
// exchanges in tests/reference/raw/flows/captcha.txt, named by case id (a5, b2, ...) in each
// test; ConfirmEdit's CaptchaPreAuthenticationProvider.php and SimpleCaptcha.php. Captcha ids
// and questions change on every call: the expectations hold "<id>" and "<question>" where the
// recordings hold the values, which are checked apart.
//
// Marked "observed" below: what this file's author saw on a real MediaWiki 1.39.17 with
// ConfirmEdit (Debian's package, ../shared/tools/refwiki core profile plus
// wfLoadExtension('ConfirmEdit')), not yet in tests/reference: PHP's loose answer comparison,
// the per-user trigger, and the rights of sysops and bots.
#include <regex>

#include "mockwiki/fixture.h"
#include "support/mock_wiki_test.h"

namespace mockwiki::testing {
namespace {

using namespace accounts;
using ::testing::Contains;
using ::testing::Not;

constexpr std::int64_t kNow = 1800000000;
constexpr const char* kReturnUrl = "http://example.org/";

MockWiki::Options with_confirm_edit() {
  MockWiki::Options options;
  options.fixture = Fixture::defaults();
  options.fixture.extensions.push_back("ConfirmEdit");
  return options;
}

// The captcha fields' values, taken out of a reply.
struct Captcha {
  std::string id;
  std::string question;
  std::int64_t answer = 0;
};

// Finds the captcha fields anywhere in `json` (a request's fields or merged fields), checks
// their values' form, replaces them with "<id>" and "<question>" and returns them.
std::optional<Captcha> take_captcha(Json& json) {
  if (json.is_object()) {
    if (json.contains("captchaId") && json.contains("captchaInfo")) {
      Captcha captcha;
      captcha.id = json["captchaId"].value("value", "");
      captcha.question = json["captchaInfo"].value("value", "");
      // (string)random_int(0, PHP_INT_MAX); "<a><op><b> =", a in [0, 100], b in [0, 10], op
      // "+" or U+2212 (SimpleCaptcha::getCaptcha).
      EXPECT_TRUE(std::regex_match(captcha.id, std::regex("0|[1-9][0-9]{0,18}"))) << captcha.id;
      std::smatch m;
      const std::regex question("(100|[1-9]?[0-9])(\\+|\xE2\x88\x92)(10|[0-9]) =");
      EXPECT_TRUE(std::regex_match(captcha.question, m, question)) << captcha.question;
      if (m.size() == 4) {
        const std::int64_t a = std::stoll(m[1]), b = std::stoll(m[3]);
        captcha.answer = m[2] == "+" ? a + b : a - b;
      }
      json["captchaId"]["value"] = "<id>";
      json["captchaInfo"]["value"] = "<question>";
      return captcha;
    }
    for (auto& [key, value] : json.items()) {
      if (auto found = take_captcha(value)) return found;
    }
  } else if (json.is_array()) {
    for (auto& value : json) {
      if (auto found = take_captcha(value)) return found;
    }
  }
  return std::nullopt;
}

// authmanagerinfo for login on a stock wiki (a1: fv2).
const Json kStockLogin = Json::parse(
    R"({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":false,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":"Password-based authentication","account":"","fields":{"username":{"type":"string","label":"Username","help":"Username for authentication.","optional":false,"sensitive":false},"password":{"type":"password","label":"Password","help":"Password for authentication.","optional":false,"sensitive":true}}},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","provider":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","account":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","fields":{"rememberMe":{"type":"checkbox","label":"Keep me logged in","help":"Whether the password should be remembered for longer than the length of the session.","optional":true,"sensitive":false}}}]}}})");

const Json kWrongPassword = Json::parse(
    R"({"clientlogin":{"status":"FAIL","message":"Incorrect username or password entered.\nPlease try again.","messagecode":"wrongpassword","canpreservestate":false}})");
const Json kCreateCaptchaFail = Json::parse(
    R"({"createaccount":{"status":"FAIL","message":"Incorrect or missing CAPTCHA.","messagecode":"captcha-createaccount-fail","canpreservestate":false}})");

Json pass(const char* name) { return {{"clientlogin", {{"status", "PASS"}, {"username", name}}}}; }

class CaptchaTest : public MockWikiTest {
 protected:
  CaptchaTest() : MockWikiTest(with_confirm_edit()) {
    wiki.clock().freeze();
    wiki.clock().set(kNow);
  }

  // n failed clientlogins from the IP, each for another unknown user (a2.1-a2.3), so that
  // they count for the IP only.
  void fail_logins(int n, ApiClient& c) {
    for (int i = 0; i < n; ++i) {
      const std::string name = "Nobody" + std::to_string(++nobodies_);
      ASSERT_EQ(c.client_login(name, "wrong", {{"formatversion", "2"}}).json, kWrongPassword) << name;
    }
  }
  void fail_logins(int n) { fail_logins(n, client); }

  Reply authmanagerinfo(ApiClient& c, const char* requests_for = "login",
                        const Params& extra = {{"formatversion", "2"}}) {
    Params params = {
        {"action", "query"}, {"meta", "authmanagerinfo"}, {"amirequestsfor", requests_for}, {"format", "json"}};
    params.insert(params.end(), extra.begin(), extra.end());
    return c.get(params);
  }

  // A captcha issued to the client's session by authmanagerinfo (fails the test if none is).
  Captcha new_captcha(ApiClient& c, const char* requests_for = "login") {
    Json json = authmanagerinfo(c, requests_for).json;
    auto captcha = take_captcha(json);
    EXPECT_TRUE(captcha.has_value()) << json;
    return captcha.value_or(Captcha{});
  }
  Captcha new_captcha() { return new_captcha(client); }

  // clientlogin (fv2) with the password, then the given captcha fields (none if empty).
  Reply login(ApiClient& c, const char* name, const char* password, const Params& captcha, Params extra = {}) {
    Params body = {
        {"action", "clientlogin"}, {"logintoken", c.login_token()}, {"password", password}, {"username", name}};
    body.insert(body.end(), captcha.begin(), captcha.end());
    body.insert(body.end(), extra.begin(), extra.end());
    body.emplace_back("loginreturnurl", kReturnUrl);
    body.emplace_back("format", "json");
    body.emplace_back("formatversion", "2");
    return c.post(body);
  }
  Reply login(const char* name, const char* password, const Params& captcha = {}, Params extra = {}) {
    return login(client, name, password, captcha, std::move(extra));
  }
  static Params answer(const Captcha& captcha) {
    return {{"captchaId", captcha.id}, {"captchaWord", std::to_string(captcha.answer)}};
  }
  static Params wrong_answer(const Captcha& captcha) {
    return {{"captchaId", captcha.id}, {"captchaWord", std::to_string(captcha.answer + 1)}};
  }

  // createaccount (fv2 unless `extra` has formatversion) with a password good for any name.
  Reply create(ApiClient& c, const std::string& name, const Params& extra = {}) {
    Params body = {{"action", "createaccount"}, {"createtoken", create_token(c)},
                   {"username", name},          {"password", "Zq7!newpass-1"},
                   {"retype", "Zq7!newpass-1"}, {"createreturnurl", kReturnUrl},
                   {"format", "json"}};
    bool fv = false;
    for (const auto& [key, value] : extra) fv = fv || key == "formatversion";
    if (!fv) body.emplace_back("formatversion", "2");
    body.insert(body.end(), extra.begin(), extra.end());
    return c.post(body);
  }
  Reply create(const std::string& name, const Params& extra = {}) { return create(client, name, extra); }

  static std::string create_token(ApiClient& c) {
    Reply reply = c.get({{"action", "query"}, {"meta", "tokens"}, {"type", "createaccount"}, {"format", "json"}});
    return reply.json["query"]["tokens"].value("createaccounttoken", "");
  }

  Json userinfo(ApiClient& c, const Params& extra = {}) {
    Params params = {{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}, {"formatversion", "2"}};
    params.insert(params.end(), extra.begin(), extra.end());
    return c.get(params).json["query"]["userinfo"];
  }

  int nobodies_ = 0;
};

// ---- The captcha request -----------------------------------------------------------------

TEST_F(CaptchaTest, NoCaptchaBeforeTheThirdFailure) {
  // a1, a3.1, a3.2: the stock answer, and no cookie for a cookie-less call.
  ApiClient bystander = another_client();
  for (int failures = 0; failures < 3; ++failures) {
    if (failures > 0) fail_logins(1);
    Reply reply = authmanagerinfo(bystander);
    EXPECT_EQ(reply.json, kStockLogin) << failures << " failures";
    EXPECT_TRUE(reply.set_cookies.empty()) << failures << " failures";
  }
}

TEST_F(CaptchaTest, AfterThreeFailuresTheCaptchaRequestComesFirst) {
  fail_logins(3);
  ApiClient bystander = another_client();
  Reply reply = authmanagerinfo(bystander);
  Json json = reply.json;
  ASSERT_TRUE(take_captcha(json));
  // a3.3, a5
  EXPECT_EQ(
      json,
      Json::parse(
          R"({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":false,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"CaptchaAuthenticationRequest","metadata":{"type":"simple","mime":"text/plain"},"required":"required","provider":"MediaWiki\\Extension\\ConfirmEdit\\Auth\\CaptchaAuthenticationRequest","account":"CaptchaAuthenticationRequest","fields":{"captchaId":{"type":"hidden","value":"<id>","label":"CAPTCHA ID","help":"This value should be sent back unchanged.","optional":false,"sensitive":false},"captchaInfo":{"type":"null","value":"<question>","label":"To protect the wiki against automated password cracking, we kindly ask you to solve the following task below and enter the answer in the box ([[Special:Captcha/help|more info]]):","help":"Description of the CAPTCHA.","optional":false,"sensitive":false},"captchaWord":{"type":"string","label":"CAPTCHA","help":"Solution of the CAPTCHA.","optional":false,"sensitive":false}}},{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":"Password-based authentication","account":"","fields":{"username":{"type":"string","label":"Username","help":"Username for authentication.","optional":false,"sensitive":false},"password":{"type":"password","label":"Password","help":"Password for authentication.","optional":false,"sensitive":true}}},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","provider":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","account":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","fields":{"rememberMe":{"type":"checkbox","label":"Keep me logged in","help":"Whether the password should be remembered for longer than the length of the session.","optional":true,"sensitive":false}}}]}}})"));
}

TEST_F(CaptchaTest, TheCaptchaRequestInFormatVersionOne) {
  fail_logins(3);
  ApiClient bystander = another_client();
  Json json = authmanagerinfo(bystander, "login", {}).json;
  ASSERT_TRUE(take_captcha(json));
  // a4
  EXPECT_EQ(
      json,
      Json::parse(
          R"({"batchcomplete":"","query":{"authmanagerinfo":{"canauthenticatenow":"","cancreateaccounts":"","preservedusername":"","requests":[{"id":"CaptchaAuthenticationRequest","metadata":{"type":"simple","mime":"text/plain"},"required":"required","provider":"MediaWiki\\Extension\\ConfirmEdit\\Auth\\CaptchaAuthenticationRequest","account":"CaptchaAuthenticationRequest","fields":{"captchaId":{"type":"hidden","value":"<id>","label":"CAPTCHA ID","help":"This value should be sent back unchanged."},"captchaInfo":{"type":"null","value":"<question>","label":"To protect the wiki against automated password cracking, we kindly ask you to solve the following task below and enter the answer in the box ([[Special:Captcha/help|more info]]):","help":"Description of the CAPTCHA."},"captchaWord":{"type":"string","label":"CAPTCHA","help":"Solution of the CAPTCHA."}}},{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":"Password-based authentication","account":"","fields":{"username":{"type":"string","label":"Username","help":"Username for authentication."},"password":{"type":"password","label":"Password","help":"Password for authentication.","sensitive":""}}},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","provider":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","account":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","fields":{"rememberMe":{"type":"checkbox","label":"Keep me logged in","help":"Whether the password should be remembered for longer than the length of the session.","optional":""}}}]}}})"));
}

TEST_F(CaptchaTest, TheCaptchaFieldsComeFirstWhenMerged) {
  fail_logins(3);
  Json json = authmanagerinfo(client, "login", {{"formatversion", "2"}, {"amimergerequestfields", "1"}}).json;
  ASSERT_TRUE(take_captcha(json));
  // a6: a single primary request, so the fields stay optional:false.
  EXPECT_EQ(
      json,
      Json::parse(
          R"({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":false,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"CaptchaAuthenticationRequest","metadata":{"type":"simple","mime":"text/plain"},"required":"required","provider":"MediaWiki\\Extension\\ConfirmEdit\\Auth\\CaptchaAuthenticationRequest","account":"CaptchaAuthenticationRequest"},{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":"Password-based authentication","account":""},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","provider":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","account":"MediaWiki\\Auth\\RememberMeAuthenticationRequest"}],"fields":{"captchaId":{"type":"hidden","value":"<id>","label":"CAPTCHA ID","help":"This value should be sent back unchanged.","optional":false,"sensitive":false},"captchaInfo":{"type":"null","value":"<question>","label":"To protect the wiki against automated password cracking, we kindly ask you to solve the following task below and enter the answer in the box ([[Special:Captcha/help|more info]]):","help":"Description of the CAPTCHA.","optional":false,"sensitive":false},"captchaWord":{"type":"string","label":"CAPTCHA","help":"Solution of the CAPTCHA.","optional":false,"sensitive":false},"username":{"type":"string","label":"Username","help":"Username for authentication.","optional":false,"sensitive":false},"password":{"type":"password","label":"Password","help":"Password for authentication.","optional":false,"sensitive":true},"rememberMe":{"type":"checkbox","label":"Keep me logged in","help":"Whether the password should be remembered for longer than the length of the session.","optional":true,"sensitive":false}}}}})"));
}

TEST_F(CaptchaTest, TheCaptchaRequestInRawMessages) {
  fail_logins(3);
  Json json = authmanagerinfo(client, "login", {{"formatversion", "2"}, {"amimessageformat", "raw"}}).json;
  ASSERT_TRUE(take_captcha(json));
  // a7
  EXPECT_EQ(
      json,
      Json::parse(
          R"({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":false,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"CaptchaAuthenticationRequest","metadata":{"type":"simple","mime":"text/plain"},"required":"required","provider":{"key":"$1","params":["MediaWiki\\Extension\\ConfirmEdit\\Auth\\CaptchaAuthenticationRequest"]},"account":{"key":"$1","params":["CaptchaAuthenticationRequest"]},"fields":{"captchaId":{"type":"hidden","value":"<id>","label":{"key":"captcha-id-label","params":[]},"help":{"key":"captcha-id-help","params":[]},"optional":false,"sensitive":false},"captchaInfo":{"type":"null","value":"<question>","label":{"key":"captcha-badlogin","params":[]},"help":{"key":"captcha-info-help","params":[]},"optional":false,"sensitive":false},"captchaWord":{"type":"string","label":{"key":"captcha-label","params":[]},"help":{"key":"captcha-help","params":[]},"optional":false,"sensitive":false}}},{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":{"key":"authmanager-provider-password","params":[]},"account":{"key":"$1","params":[null]},"fields":{"username":{"type":"string","label":{"key":"userlogin-yourname","params":[]},"help":{"key":"authmanager-username-help","params":[]},"optional":false,"sensitive":false},"password":{"type":"password","label":{"key":"userlogin-yourpassword","params":[]},"help":{"key":"authmanager-password-help","params":[]},"optional":false,"sensitive":true}}},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","provider":{"key":"$1","params":["MediaWiki\\Auth\\RememberMeAuthenticationRequest"]},"account":{"key":"$1","params":["MediaWiki\\Auth\\RememberMeAuthenticationRequest"]},"fields":{"rememberMe":{"type":"checkbox","label":{"key":"userlogin-remembermypassword","params":[{"num":180}]},"help":{"key":"authmanager-userlogin-remembermypassword-help","params":[]},"optional":true,"sensitive":false}}}]}}})"));
}

TEST_F(CaptchaTest, InHtmlOnlyTheCaptchaInfoLabelChanges) {
  fail_logins(3);
  Json json = authmanagerinfo(client, "login", {{"formatversion", "2"}, {"amimessageformat", "html"}}).json;
  ASSERT_TRUE(take_captcha(json));
  // a8
  EXPECT_EQ(
      json["query"]["authmanagerinfo"]["requests"][0]["fields"]["captchaInfo"],
      Json::parse(
          R"({"type":"null","value":"<question>","label":"To protect the wiki against automated password cracking, we kindly ask you to solve the following task below and enter the answer in the box (<a href=\"/index.php/Special:Captcha/help\" title=\"Special:Captcha/help\">more info</a>):","help":"Description of the CAPTCHA.","optional":false,"sensitive":false})"));
  json["query"]["authmanagerinfo"]["requests"][0]["fields"]["captchaInfo"]["label"] =
      "To protect the wiki against automated password cracking, we kindly ask you to solve the following task below "
      "and enter the answer in the box ([[Special:Captcha/help|more info]]):";
  Json wikitext = authmanagerinfo(client).json;
  ASSERT_TRUE(take_captcha(wikitext));
  EXPECT_EQ(json, wikitext);
}

TEST_F(CaptchaTest, WithMessageFormatNoneTheValuesStay) {
  fail_logins(3);
  Json json = authmanagerinfo(client, "login",
                              {{"formatversion", "2"}, {"amimessageformat", "none"}, {"amimergerequestfields", "1"}})
                  .json;
  ASSERT_TRUE(take_captcha(json));
  // a9
  EXPECT_EQ(
      json,
      Json::parse(
          R"({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":false,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"CaptchaAuthenticationRequest","metadata":{"type":"simple","mime":"text/plain"},"required":"required"},{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required"},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional"}],"fields":{"captchaId":{"type":"hidden","value":"<id>","optional":false,"sensitive":false},"captchaInfo":{"type":"null","value":"<question>","optional":false,"sensitive":false},"captchaWord":{"type":"string","optional":false,"sensitive":false},"username":{"type":"string","optional":false,"sensitive":false},"password":{"type":"password","optional":false,"sensitive":true},"rememberMe":{"type":"checkbox","optional":true,"sensitive":false}}}}})"));
}

TEST_F(CaptchaTest, EveryCallIssuesANewIdAndPersistsTheSession) {
  fail_logins(3);
  ApiClient jar = another_client();
  Reply first = authmanagerinfo(jar);
  // a10: a cookie-less call gets a session cookie.
  ASSERT_EQ(first.set_cookies.size(), 1u) << first.body;
  EXPECT_THAT(first.set_cookies[0], ::testing::MatchesRegex("mockwiki_session=[0-9a-v]{32}; path=/; HttpOnly"));
  // a11: the same jar: another id, and no cookie.
  Reply second = authmanagerinfo(jar);
  EXPECT_TRUE(second.set_cookies.empty()) << second.set_cookies.front();
  Json a = first.json, b = second.json;
  EXPECT_NE(take_captcha(a)->id, take_captcha(b)->id);
  EXPECT_EQ(a, b);
}

TEST_F(CaptchaTest, NeitherNoRequestsForNorLoginContinueHaveACaptcha) {
  fail_logins(3);
  ApiClient jar = another_client();
  // a12
  Reply none = jar.get({{"action", "query"}, {"meta", "authmanagerinfo"}, {"format", "json"}, {"formatversion", "2"}});
  EXPECT_EQ(
      none.json,
      Json::parse(
          R"({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":false}}})"));
  EXPECT_TRUE(none.set_cookies.empty());
  // a13
  Reply login_continue = authmanagerinfo(jar, "login-continue");
  EXPECT_EQ(
      login_continue.json,
      Json::parse(
          R"({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":false,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[]}}})"));
  EXPECT_TRUE(login_continue.set_cookies.empty());
}

// ---- clientlogin while the captcha is required -------------------------------------------

TEST_F(CaptchaTest, TheRightPasswordWithoutTheCaptchaFailsAsAWrongPassword) {
  fail_logins(3);
  // b1: fv2, no requests in the answer.
  Reply reply = login(kAlice, kAlicePass);
  EXPECT_EQ(reply.json, kWrongPassword);
  EXPECT_FALSE(reply.sets_cookie("UserID"));
  // b1b: fv1.
  EXPECT_EQ(
      client.client_login(kThrottled, kThrottledPass).json,
      Json::parse(
          R"({"clientlogin":{"status":"FAIL","message":"Incorrect username or password entered.\nPlease try again.","messagecode":"wrongpassword"}})"));
  // b1c: raw.
  EXPECT_EQ(
      client.client_login(kThrottled, kThrottledPass, {{"formatversion", "2"}, {"loginmessageformat", "raw"}}).json,
      Json::parse(
          R"({"clientlogin":{"status":"FAIL","message":{"key":"wrongpassword","params":[]},"messagecode":"wrongpassword","canpreservestate":false}})"));
}

TEST_F(CaptchaTest, TheRightPasswordAndTheRightAnswerPass) {
  fail_logins(3);
  const std::string old_session = *client.cookie("_session");
  const Captcha captcha = new_captcha();
  Reply reply = login(kAlice, kAlicePass, answer(captcha));
  // b3, FINDINGS.md §1g: the usual login cookies, nothing captcha-specific.
  EXPECT_EQ(reply.json, pass("Alice"));
  ASSERT_EQ(reply.set_cookies.size(), 3u) << reply.body;
  EXPECT_THAT(reply.set_cookies[0], ::testing::MatchesRegex("mockwiki_session=[0-9a-v]{32}; path=/; HttpOnly"));
  EXPECT_EQ(reply.set_cookies[1],
            "mockwikiUserID=3; expires=Sun, 14 Feb 2027 08:00:00 GMT; Max-Age=2592000; path=/; HttpOnly");
  EXPECT_EQ(reply.set_cookies[2],
            "mockwikiUserName=Alice; expires=Sun, 14 Feb 2027 08:00:00 GMT; Max-Age=2592000; path=/; HttpOnly");
  EXPECT_NE(*client.cookie("_session"), old_session);
  // b3b
  EXPECT_EQ(userinfo(client), Json({{"id", 3}, {"name", "Alice"}}));
}

TEST_F(CaptchaTest, AWrongAnswerFailsAndSpendsTheCaptcha) {
  fail_logins(3);
  const Captcha captcha = new_captcha();
  // b2, b2b: the same id with the right answer afterwards fails too.
  EXPECT_EQ(login(kAlice, kAlicePass, wrong_answer(captcha)).json, kWrongPassword);
  EXPECT_EQ(login(kAlice, kAlicePass, answer(captcha)).json, kWrongPassword);
  EXPECT_EQ(login(kAlice, kAlicePass, answer(new_captcha())).json, pass("Alice"));
}

TEST_F(CaptchaTest, AWrongPasswordWithTheRightAnswerFailsAndSpendsTheCaptcha) {
  fail_logins(3);
  const Captcha captcha = new_captcha();
  // b4, b5: the used id fails with Alice's right password.
  EXPECT_EQ(login(kRobo, "wrong", answer(captcha)).json, kWrongPassword);
  EXPECT_EQ(login(kAlice, kAlicePass, answer(captcha)).json, kWrongPassword);
}

TEST_F(CaptchaTest, AnIdThatWasNeverIssuedFails) {
  fail_logins(3);
  new_captcha();
  // b6
  EXPECT_EQ(login(kThrottled, kThrottledPass, {{"captchaId", "123456789"}, {"captchaWord", "42"}}).json,
            kWrongPassword);
}

TEST_F(CaptchaTest, AMissingAnswerFailsButDoesNotSpendTheCaptcha) {
  fail_logins(3);
  const Captcha captcha = new_captcha();
  // b7, b7b
  EXPECT_EQ(login(kAlice, kAlicePass, {{"captchaId", captcha.id}}).json, kWrongPassword);
  EXPECT_EQ(login(kAlice, kAlicePass, answer(captcha)).json, pass("Alice"));
}

TEST_F(CaptchaTest, ACaptchaIssuedToAnotherSessionFails) {
  fail_logins(3);
  ApiClient other = another_client();
  const Captcha captcha = new_captcha(other);
  // b8: the captcha store is the session.
  EXPECT_EQ(login(kAlice, kAlicePass, answer(captcha)).json, kWrongPassword);
}

TEST_F(CaptchaTest, ReplayingWithThePrePassSessionIsBadToken) {
  fail_logins(3);
  const Captcha captcha = new_captcha();
  const std::string token = client.login_token();
  const std::map<std::string, std::string> old_jar = client.cookies();
  ASSERT_EQ(login(kAlice, kAlicePass, answer(captcha)).json, pass("Alice"));
  client.cookies() = old_jar;
  Reply reply = client.post({{"action", "clientlogin"},
                             {"logintoken", token},
                             {"password", kAlicePass},
                             {"username", kAlice},
                             {"captchaId", captcha.id},
                             {"captchaWord", std::to_string(captcha.answer)},
                             {"loginreturnurl", kReturnUrl},
                             {"format", "json"},
                             {"formatversion", "2"}});
  // b3c: the old session id is gone.
  EXPECT_EQ(reply.api_error(), "badtoken");
  EXPECT_EQ(reply.json,
            Json({{"error", {{"code", "badtoken"}, {"info", "Invalid CSRF token."}, {"docref", docref()}}}}));
  EXPECT_TRUE(reply.sets_cookie("_session"));
}

TEST_F(CaptchaTest, ActionLoginCannotPassWhileTheCaptchaIsRequired) {
  fail_logins(3);
  const Captcha captcha = new_captcha();
  // b9
  EXPECT_EQ(
      client.login(kAdmin, kAdminPass, {{"formatversion", "2"}}).json,
      Json::parse(
          R"({"login":{"result":"Failed","reason":"Incorrect username or password entered. Please try again."}})"));
  // b10
  EXPECT_EQ(
      client.login(kAdmin, kAdminPass, {{"formatversion", "2"}, {"errorformat", "plaintext"}}).json,
      Json::parse(
          R"({"login":{"result":"Failed","reason":{"code":"wrongpassword","text":"Incorrect username or password entered. Please try again."}}})"));
  // b11: action=login only gives AuthManager username, password, domain and rememberMe.
  EXPECT_EQ(
      client.login(kAdmin, kAdminPass, answer(captcha)).json,
      Json::parse(
          R"({"warnings":{"main":{"*":"Unrecognized parameters: captchaId, captchaWord."}},"login":{"result":"Failed","reason":"Incorrect username or password entered. Please try again."}})"));
}

// ---- The loginrequests filter ------------------------------------------------------------

TEST_F(CaptchaTest, TheCaptchaRequestAloneFindsNoPrimary) {
  fail_logins(3);
  const Captcha captcha = new_captcha();
  Params body = {{"action", "clientlogin"},
                 {"logintoken", client.login_token()},
                 {"loginrequests", "CaptchaAuthenticationRequest"}};
  for (const auto& field : answer(captcha)) body.push_back(field);
  body.insert(body.end(), {{"loginreturnurl", kReturnUrl}, {"format", "json"}, {"formatversion", "2"}});
  // c1
  EXPECT_EQ(
      client.post(body).json,
      Json::parse(
          R"({"clientlogin":{"status":"FAIL","message":"The supplied credentials could not be authenticated.","messagecode":"authmanager-authn-no-primary","canpreservestate":false}})"));
}

TEST_F(CaptchaTest, TheCaptchaRequestAloneLeavesTheCredentialsUnused) {
  fail_logins(3);
  // c2: the unused fields are listed in the order they were sent (password before username,
  // as the recording sent them; FINDINGS.md reads it as alphabetical, which is the same here).
  Reply reply = login(kAlice, kAlicePass, answer(new_captcha()), {{"loginrequests", "CaptchaAuthenticationRequest"}});
  EXPECT_EQ(
      reply.json,
      Json::parse(
          R"({"warnings":{"main":{"warnings":"Unrecognized parameters: password, username."}},"clientlogin":{"status":"FAIL","message":"The supplied credentials could not be authenticated.","messagecode":"authmanager-authn-no-primary","canpreservestate":false}})"));
}

TEST_F(CaptchaTest, FilteringTheCaptchaRequestOutLeavesItsFieldsUnused) {
  fail_logins(3);
  Reply reply = login(kAlice, kAlicePass, answer(new_captcha()),
                      {{"loginrequests", "MediaWiki\\Auth\\PasswordAuthenticationRequest"}});
  // c3
  EXPECT_EQ(
      reply.json,
      Json::parse(
          R"({"warnings":{"main":{"warnings":"Unrecognized parameters: captchaId, captchaWord."}},"clientlogin":{"status":"FAIL","message":"Incorrect username or password entered.\nPlease try again.","messagecode":"wrongpassword","canpreservestate":false}})"));
}

TEST_F(CaptchaTest, BothRequestsInTheFilterPass) {
  fail_logins(3);
  Reply reply =
      login(kAlice, kAlicePass, answer(new_captcha()),
            {{"loginrequests", "CaptchaAuthenticationRequest|MediaWiki\\Auth\\PasswordAuthenticationRequest"}});
  // c4
  EXPECT_EQ(reply.json, pass("Alice"));
}

// ---- The IP counter ----------------------------------------------------------------------

TEST_F(CaptchaTest, APassDoesNotResetTheIpCounter) {
  fail_logins(3);
  ASSERT_EQ(login(kAlice, kAlicePass, answer(new_captcha())).json, pass("Alice"));
  // d1: a cookie-less call; d2: in Alice's logged-in session.
  ApiClient bystander = another_client();
  Json json = authmanagerinfo(bystander).json;
  EXPECT_TRUE(take_captcha(json));
  json = authmanagerinfo(client).json;
  EXPECT_TRUE(take_captcha(json));
}

TEST_F(CaptchaTest, TheWindowIs300SecondsFromTheFirstFailureAndIsNotExtended) {
  fail_logins(3);
  wiki.clock().advance(std::chrono::seconds(200));
  fail_logins(5);
  // d3: still required; d4: 310 s after the first failure it is not, however recent the last.
  wiki.clock().advance(std::chrono::seconds(99));
  ApiClient bystander = another_client();
  Json json = authmanagerinfo(bystander).json;
  EXPECT_TRUE(take_captcha(json)) << "299 s after the first failure";
  wiki.clock().advance(std::chrono::seconds(2));
  ApiClient later = another_client();
  Reply reply = authmanagerinfo(later);
  EXPECT_EQ(reply.json, kStockLogin) << "301 s after the first failure";
  EXPECT_TRUE(reply.set_cookies.empty());
  EXPECT_EQ(login(kAlice, kAlicePass).json, pass("Alice"));
}

// ---- The badcaptcha rate limit -----------------------------------------------------------

TEST_F(CaptchaTest, FifteenWrongAnswersInAMinuteRefuseEvenTheRightOne) {
  fail_logins(3);
  // e0: 16 wrong answers, each to a new captcha, for unknown users.
  for (int i = 0; i < 16; ++i) {
    const std::string name = "Guess" + std::to_string(i);
    ASSERT_EQ(login(name.c_str(), "wrong", wrong_answer(new_captcha())).json, kWrongPassword) << i + 1;
  }
  // e1: the right password and answer.
  EXPECT_EQ(login(kAlice, kAlicePass, answer(new_captcha())).json, kWrongPassword);
  // e2: account creation with the right answer.
  ApiClient creator = another_client();
  const Captcha captcha = new_captcha(creator, "create");
  EXPECT_EQ(create(creator, "CapUser9", answer(captcha)).json, kCreateCaptchaFail);
  // e3: 62 s after the first wrong answer.
  wiki.clock().advance(std::chrono::seconds(62));
  EXPECT_EQ(login(kAlice, kAlicePass, answer(new_captcha())).json, pass("Alice"));
}

TEST_F(CaptchaTest, FourteenWrongAnswersStillLetTheRightOneThrough) {
  // ConfirmEdit extension.json RateLimits.badcaptcha ip [15, 60]; passCaptchaLimited.
  fail_logins(3);
  for (int i = 0; i < 14; ++i) {
    const std::string name = "Guess" + std::to_string(i);
    ASSERT_EQ(login(name.c_str(), "wrong", wrong_answer(new_captcha())).json, kWrongPassword) << i + 1;
  }
  EXPECT_EQ(login(kAlice, kAlicePass, answer(new_captcha())).json, pass("Alice"));
}

TEST_F(CaptchaTest, MissingAndUnknownCaptchasDoNotCountTowardsTheRateLimit) {
  // verifyCaptcha returns before passCaptchaLimited when the request does not load.
  fail_logins(3);
  for (int i = 0; i < 20; ++i) {
    const std::string name = "Guess" + std::to_string(i);
    ASSERT_EQ(login(name.c_str(), "wrong", {{"captchaId", "1"}, {"captchaWord", "1"}}).json, kWrongPassword);
  }
  EXPECT_EQ(login(kAlice, kAlicePass, answer(new_captcha())).json, pass("Alice"));
}

// ---- PHP's loose comparison --------------------------------------------------------------

TEST_F(CaptchaTest, AnswersAreComparedAsPhpsLooseEqualityDoes) {
  // Observed (createaccount): " 41 ", "107.0", "\t1\n", "10e0" and "081" were right;
  // "17x" and "102.5" were wrong (SimpleCaptcha::keyMatch: $answer == $info['answer']).
  int n = 0;
  auto attempt = [&](const std::string& format) {
    const Captcha captcha = new_captcha(client, "create");
    std::string word = format;
    // A leading zero goes after the sign of a negative answer ("-03").
    if (word == "0N" && captcha.answer < 0) word = "-0N";
    word.replace(word.find("N"), 1,
                 std::to_string(captcha.answer < 0 && word == "-0N" ? -captcha.answer : captcha.answer));
    return create("Loose" + std::to_string(++n), {{"captchaId", captcha.id}, {"captchaWord", word}})
        .json["createaccount"]["status"];
  };
  for (const char* format : {" N ", "N.0", "\tN\n", "Ne0", "0N", "N.000"}) {
    EXPECT_EQ(attempt(format), "PASS") << '"' << format << '"';
  }
  for (const char* format : {"Nx", "N.5", "N N", "0xN"}) {
    EXPECT_EQ(attempt(format), "FAIL") << '"' << format << '"';
  }
}

// ---- The per-user trigger ----------------------------------------------------------------

class CaptchaPerUserTest : public CaptchaTest {
 protected:
  // 20 failed logins for Throttled (the first 5 wrongpassword, then login-throttled: every
  // FAIL counts), then 301 s: the IP counter (300 s) has expired, the per-user one (600 s) has
  // not, and neither has been reset.
  void fail_twenty_times_for_throttled() {
    ApiClient attacker = another_client();
    for (int i = 0; i < 20; ++i) {
      Reply reply = attacker.client_login(kThrottled, "wrong", {{"formatversion", "2"}});
      ASSERT_EQ(reply.json["clientlogin"]["status"], "FAIL") << i + 1;
    }
    wiki.clock().advance(std::chrono::seconds(301));
  }
};

TEST_F(CaptchaPerUserTest, TwentyFailuresForOneNameDoNotShowTheCaptchaToAnUnknownVisitor) {
  fail_twenty_times_for_throttled();
  // Observed: without a UserName cookie, authmanagerinfo cannot know the name.
  Reply reply = authmanagerinfo(client);
  EXPECT_EQ(reply.json, kStockLogin);
}

TEST_F(CaptchaPerUserTest, TheUserNameCookieSuggestsTheNameAndShowsTheCaptcha) {
  fail_twenty_times_for_throttled();
  // Observed: SessionManager::suggestLoginUsername reads the UserName cookie.
  client.cookies()["mockwikiUserName"] = "Throttled";
  Json json = authmanagerinfo(client).json;
  EXPECT_TRUE(take_captcha(json));
  EXPECT_EQ(json["query"]["authmanagerinfo"]["requests"].size(), 3u);
}

TEST_F(CaptchaPerUserTest, TheNamesLoginNeedsTheCaptchaAndTheSessionRemembersIt) {
  fail_twenty_times_for_throttled();
  // Observed: the right password alone fails; the session then shows the captcha (the
  // ConfirmEdit:loginCaptchaPerUserTriggered flag), and with it the login passes.
  EXPECT_EQ(login(kThrottled, kThrottledPass).json, kWrongPassword);
  const Captcha captcha = new_captcha();
  EXPECT_EQ(login(kThrottled, kThrottledPass, answer(captcha)).json, pass("Throttled"));
}

TEST_F(CaptchaPerUserTest, OtherNamesLogInWithoutTheCaptcha) {
  fail_twenty_times_for_throttled();
  // Observed.
  EXPECT_EQ(login(kAlice, kAlicePass).json, pass("Alice"));
}

TEST_F(CaptchaPerUserTest, APassResetsThePerUserCounterAndTheSessionFlag) {
  fail_twenty_times_for_throttled();
  ASSERT_EQ(login(kThrottled, kThrottledPass).json, kWrongPassword);
  ASSERT_EQ(login(kThrottled, kThrottledPass, answer(new_captcha())).json, pass("Throttled"));
  // Observed: resetBadLoginCounter on PASS, so no captcha. The session is now Throttled's, and
  // AuthManager::getAuthenticationRequestsInternal fills a registered user's name into the
  // requests: the password request's account is "Throttled".
  Json expected = kStockLogin;
  expected["query"]["authmanagerinfo"]["requests"][0]["account"] = "Throttled";
  EXPECT_EQ(authmanagerinfo(client).json, expected);
  ApiClient fresh = another_client();
  fresh.cookies()["mockwikiUserName"] = "Throttled";
  EXPECT_EQ(authmanagerinfo(fresh).json, kStockLogin);
}

// ---- Account creation --------------------------------------------------------------------

TEST_F(CaptchaTest, CreationAlwaysAsksAnonymousCreatorsForACaptcha) {
  Reply reply = authmanagerinfo(client, "create");
  Json json = reply.json;
  ASSERT_TRUE(take_captcha(json));
  // f1: first, with the account-creation label; no failed login needed.
  EXPECT_EQ(
      json,
      Json::parse(
          R"({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":false,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"CaptchaAuthenticationRequest","metadata":{"type":"simple","mime":"text/plain"},"required":"required","provider":"MediaWiki\\Extension\\ConfirmEdit\\Auth\\CaptchaAuthenticationRequest","account":"CaptchaAuthenticationRequest","fields":{"captchaId":{"type":"hidden","value":"<id>","label":"CAPTCHA ID","help":"This value should be sent back unchanged.","optional":false,"sensitive":false},"captchaInfo":{"type":"null","value":"<question>","label":"To protect the wiki against automated account creation, we kindly ask you to solve the following task below and enter the answer in the box ([[Special:Captcha/help|more info]]):","help":"Description of the CAPTCHA.","optional":false,"sensitive":false},"captchaWord":{"type":"string","label":"CAPTCHA","help":"Solution of the CAPTCHA.","optional":false,"sensitive":false}}},{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":"Password-based authentication","account":"","fields":{"username":{"type":"string","label":"Username","help":"Username for authentication.","optional":false,"sensitive":false},"password":{"type":"password","label":"Password","help":"Password for authentication.","optional":false,"sensitive":true},"retype":{"type":"password","label":"Retype password:","help":"Password again to confirm.","optional":false,"sensitive":true}}},{"id":"MediaWiki\\Auth\\UsernameAuthenticationRequest","metadata":{},"required":"required","provider":"MediaWiki\\Auth\\UsernameAuthenticationRequest","account":"MediaWiki\\Auth\\UsernameAuthenticationRequest","fields":{"username":{"type":"string","label":"Username","help":"Username for authentication.","optional":false,"sensitive":false}}},{"id":"MediaWiki\\Auth\\UserDataAuthenticationRequest","metadata":{},"required":"required","provider":"MediaWiki\\Auth\\UserDataAuthenticationRequest","account":"MediaWiki\\Auth\\UserDataAuthenticationRequest","fields":{"email":{"type":"string","label":"Email","help":"Email address","optional":true,"sensitive":false},"realname":{"type":"string","label":"Real name","help":"Real name of the user","optional":true,"sensitive":false}}}]}}})"));
  // f1: persisted like a login captcha.
  EXPECT_TRUE(reply.sets_cookie("_session"));
}

TEST_F(CaptchaTest, TheCreationCaptchaMergedAndInRaw) {
  Json merged = authmanagerinfo(client, "create", {{"formatversion", "2"}, {"amimergerequestfields", "1"}}).json;
  ASSERT_TRUE(take_captcha(merged));
  // f2
  EXPECT_EQ(
      merged,
      Json::parse(
          R"({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":false,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"CaptchaAuthenticationRequest","metadata":{"type":"simple","mime":"text/plain"},"required":"required","provider":"MediaWiki\\Extension\\ConfirmEdit\\Auth\\CaptchaAuthenticationRequest","account":"CaptchaAuthenticationRequest"},{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":"Password-based authentication","account":""},{"id":"MediaWiki\\Auth\\UsernameAuthenticationRequest","metadata":{},"required":"required","provider":"MediaWiki\\Auth\\UsernameAuthenticationRequest","account":"MediaWiki\\Auth\\UsernameAuthenticationRequest"},{"id":"MediaWiki\\Auth\\UserDataAuthenticationRequest","metadata":{},"required":"required","provider":"MediaWiki\\Auth\\UserDataAuthenticationRequest","account":"MediaWiki\\Auth\\UserDataAuthenticationRequest"}],"fields":{"captchaId":{"type":"hidden","value":"<id>","label":"CAPTCHA ID","help":"This value should be sent back unchanged.","optional":false,"sensitive":false},"captchaInfo":{"type":"null","value":"<question>","label":"To protect the wiki against automated account creation, we kindly ask you to solve the following task below and enter the answer in the box ([[Special:Captcha/help|more info]]):","help":"Description of the CAPTCHA.","optional":false,"sensitive":false},"captchaWord":{"type":"string","label":"CAPTCHA","help":"Solution of the CAPTCHA.","optional":false,"sensitive":false},"username":{"type":"string","label":"Username","help":"Username for authentication.","optional":false,"sensitive":false},"password":{"type":"password","label":"Password","help":"Password for authentication.","optional":false,"sensitive":true},"retype":{"type":"password","label":"Retype password:","help":"Password again to confirm.","optional":false,"sensitive":true},"email":{"type":"string","label":"Email","help":"Email address","optional":true,"sensitive":false},"realname":{"type":"string","label":"Real name","help":"Real name of the user","optional":true,"sensitive":false}}}}})"));
  Json raw = authmanagerinfo(client, "create", {{"formatversion", "2"}, {"amimessageformat", "raw"}}).json;
  ASSERT_TRUE(take_captcha(raw));
  // f3
  EXPECT_EQ(
      raw["query"]["authmanagerinfo"]["requests"][0],
      Json::parse(
          R"({"id":"CaptchaAuthenticationRequest","metadata":{"type":"simple","mime":"text/plain"},"required":"required","provider":{"key":"$1","params":["MediaWiki\\Extension\\ConfirmEdit\\Auth\\CaptchaAuthenticationRequest"]},"account":{"key":"$1","params":["CaptchaAuthenticationRequest"]},"fields":{"captchaId":{"type":"hidden","value":"<id>","label":{"key":"captcha-id-label","params":[]},"help":{"key":"captcha-id-help","params":[]},"optional":false,"sensitive":false},"captchaInfo":{"type":"null","value":"<question>","label":{"key":"captcha-createaccount","params":[]},"help":{"key":"captcha-info-help","params":[]},"optional":false,"sensitive":false},"captchaWord":{"type":"string","label":{"key":"captcha-label","params":[]},"help":{"key":"captcha-help","params":[]},"optional":false,"sensitive":false}}})"));
  EXPECT_EQ(
      raw["query"]["authmanagerinfo"]["requests"][1]["fields"]["retype"],
      Json::parse(
          R"({"type":"password","label":{"key":"yourpasswordagain","params":[]},"help":{"key":"authmanager-retype-help","params":[]},"optional":false,"sensitive":true})"));
}

TEST_F(CaptchaTest, CreationWithoutTheCaptchaFails) {
  // f4, f4b, f4c
  EXPECT_EQ(create("CapUser1").json, kCreateCaptchaFail);
  EXPECT_EQ(
      create("CapUser1", {{"formatversion", "1"}}).json,
      Json::parse(
          R"({"createaccount":{"status":"FAIL","message":"Incorrect or missing CAPTCHA.","messagecode":"captcha-createaccount-fail"}})"));
  EXPECT_EQ(
      create("CapUser1", {{"createmessageformat", "raw"}}).json,
      Json::parse(
          R"({"createaccount":{"status":"FAIL","message":{"key":"captcha-createaccount-fail","params":[]},"messagecode":"captcha-createaccount-fail","canpreservestate":false}})"));
}

TEST_F(CaptchaTest, CreationWithAWrongAnswerFails) {
  // f5
  EXPECT_EQ(create("CapUser1", wrong_answer(new_captcha(client, "create"))).json, kCreateCaptchaFail);
}

TEST_F(CaptchaTest, CreationWithTheRightAnswerPassesWithoutLoggingIn) {
  // f6, f7
  Reply reply = create("CapUser1", answer(new_captcha(client, "create")));
  EXPECT_EQ(reply.json, Json::parse(R"({"createaccount":{"status":"PASS","username":"CapUser1"}})"));
  EXPECT_FALSE(reply.sets_cookie("_session"));
  EXPECT_FALSE(reply.sets_cookie("UserID"));
  EXPECT_EQ(userinfo(client), Json({{"id", 0}, {"name", "127.0.0.1"}, {"anon", true}}));
}

TEST_F(CaptchaTest, ALoginCaptchaServesForCreationToo) {
  fail_logins(3);
  // f8: one store for both.
  EXPECT_EQ(create("CapUser2", answer(new_captcha(client, "login"))).json,
            Json::parse(R"({"createaccount":{"status":"PASS","username":"CapUser2"}})"));
}

TEST_F(CaptchaTest, ACreationCaptchaIsSpentByItsUse) {
  const Captcha captcha = new_captcha(client, "create");
  ASSERT_EQ(create("CapUser1", answer(captcha)).json["createaccount"]["status"], "PASS");
  // FINDINGS.md §1f: a consumed captcha fails.
  EXPECT_EQ(create("CapUser2", answer(captcha)).json, kCreateCaptchaFail);
}

TEST_F(CaptchaTest, ASysopCreatesAccountsWithoutACaptcha) {
  ASSERT_EQ(client.client_login(kAdmin, kAdminPass).json["clientlogin"]["status"], "PASS");
  // Observed: ConfirmEdit gives sysops skipcaptcha (needCreateAccountCaptcha is false).
  Json json = authmanagerinfo(client, "create").json;
  EXPECT_FALSE(take_captcha(json)) << json;
  EXPECT_EQ(create("ByAdminCap").json, Json::parse(R"({"createaccount":{"status":"PASS","username":"ByAdminCap"}})"));
}

TEST_F(CaptchaTest, ABotCreatesAccountsWithoutACaptcha) {
  ASSERT_EQ(client.client_login(kRobo, kRoboPass).json["clientlogin"]["status"], "PASS");
  // Observed.
  Json json = authmanagerinfo(client, "create").json;
  EXPECT_FALSE(take_captcha(json)) << json;
  EXPECT_EQ(create("ByRoboCap").json, Json::parse(R"({"createaccount":{"status":"PASS","username":"ByRoboCap"}})"));
}

TEST_F(CaptchaTest, AnOrdinaryUserNeedsTheCaptchaToCreateAccounts) {
  ASSERT_EQ(client.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "PASS");
  // Observed.
  Json json = authmanagerinfo(client, "create").json;
  EXPECT_TRUE(take_captcha(json));
  EXPECT_EQ(create("ByAliceCap").json, kCreateCaptchaFail);
}

// ---- Rights ------------------------------------------------------------------------------

TEST_F(CaptchaTest, SysopsHaveSkipcaptcha) {
  ASSERT_EQ(client.client_login(kAdmin, kAdminPass).json["clientlogin"]["status"], "PASS");
  const Json info = userinfo(client, {{"uiprop", "rights|groups"}});
  // Observed: ConfirmEdit's extension.json gives sysop skipcaptcha, after core's sysop rights.
  EXPECT_EQ(
      info["rights"],
      Json::parse(
          R"(["userrights", "noratelimit", "editinterface", "editsitecss", "editsitejson", "editsitejs", "editusercss", "edituserjson", "edituserjs", "block", "createaccount", "delete", "bigdelete", "deletedhistory", "deletedtext", "undelete", "import", "importupload", "move", "move-subpages", "move-rootuserpages", "move-categorypages", "patrol", "autopatrol", "protect", "editprotected", "rollback", "upload", "reupload", "reupload-shared", "unwatchedpages", "autoconfirmed", "editsemiprotected", "ipblock-exempt", "blockemail", "markbotedits", "apihighlimits", "browsearchive", "movefile", "unblockself", "suppressredirect", "mergehistory", "managechangetags", "deletechangetags", "skipcaptcha", "read", "edit", "createpage", "createtalk", "writeapi", "viewmywatchlist", "editmywatchlist", "viewmyprivateinfo", "editmyprivateinfo", "editmyoptions", "minoredit", "editmyusercss", "editmyuserjson", "editmyuserjs", "editmyuserjsredirect", "purge", "sendemail", "applychangetags", "changetags", "editcontentmodel"])"));
}

TEST_F(CaptchaTest, BotsHaveSkipcaptcha) {
  ASSERT_EQ(client.client_login(kRobo, kRoboPass).json["clientlogin"]["status"], "PASS");
  const Json info = userinfo(client, {{"uiprop", "rights|groups"}});
  // Observed.
  EXPECT_EQ(
      info["rights"],
      Json::parse(
          R"(["bot", "autoconfirmed", "editsemiprotected", "nominornewtalk", "autopatrol", "suppressredirect", "apihighlimits", "writeapi", "skipcaptcha", "createaccount", "read", "edit", "createpage", "createtalk", "viewmywatchlist", "editmywatchlist", "viewmyprivateinfo", "editmyprivateinfo", "editmyoptions", "move", "move-subpages", "move-rootuserpages", "move-categorypages", "movefile", "upload", "reupload", "reupload-shared", "minoredit", "editmyusercss", "editmyuserjson", "editmyuserjs", "editmyuserjsredirect", "purge", "sendemail", "applychangetags", "changetags", "editcontentmodel"])"));
}

TEST_F(CaptchaTest, OrdinaryUsersAndAnonymousVisitorsDoNotHaveSkipcaptcha) {
  EXPECT_THAT(userinfo(client, {{"uiprop", "rights"}})["rights"], Not(Contains("skipcaptcha")));
  ASSERT_EQ(client.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "PASS");
  EXPECT_THAT(userinfo(client, {{"uiprop", "rights"}})["rights"], Not(Contains("skipcaptcha")));
}

}  // namespace
}  // namespace mockwiki::testing
