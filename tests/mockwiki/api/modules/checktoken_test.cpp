// action=checktoken: valid, invalid and expired tokens, the "generated" time, and the
// percent-encoding warning, as MediaWiki 1.39 gives them (ApiCheckToken.php, session/Token.php
// match() and getTimestamp(); ../shared/reference/NOTES.md §2.4). There are no transcripts of
// this module in tests/reference/mw-1.39; every answer here was checked on a reference wiki
// (../shared/tools/refwiki, core profile).
#include "support/mock_wiki_test.h"

namespace mockwiki::testing {
namespace {

using namespace accounts;

// A fixed moment: 2027-01-15T08:00:00Z.
constexpr std::int64_t kNow = 1800000000;
constexpr const char* kNowIso = "2027-01-15T08:00:00Z";

class CheckTokenTest : public MockWikiTest {
 protected:
  Reply check(const std::string& type, const std::string& token, Params extra = {}) {
    Params body = {{"action", "checktoken"}, {"type", type}, {"token", token}, {"format", "json"}};
    body.insert(body.end(), extra.begin(), extra.end());
    return client.post(body);
  }

  void freeze_clock() {
    wiki.clock().freeze();
    wiki.clock().set(kNow);
  }

  static Json result(const char* value) { return {{"checktoken", {{"result", value}}}}; }
  static Json result(const char* value, const char* generated) {
    return {{"checktoken", {{"result", value}, {"generated", generated}}}};
  }
};

TEST_F(CheckTokenTest, AFreshLoginTokenIsValidWithItsGeneratedTime) {
  freeze_clock();
  const std::string token = client.login_token();
  // NOTES.md §2.4: generated is the token's own time (Token::getTimestamp), in ISO 8601.
  EXPECT_EQ(check("login", token).json, result("valid", kNowIso));
  EXPECT_EQ(check("login", token, {{"formatversion", "2"}}).json, result("valid", kNowIso));
}

TEST_F(CheckTokenTest, GeneratedIsTheTokensTimeNotTheCurrentTime) {
  freeze_clock();
  const std::string token = client.login_token();
  wiki.clock().advance(std::chrono::seconds(600));
  // No maximum age unless asked for: a ten-minute-old token is still valid.
  EXPECT_EQ(check("login", token).json, result("valid", kNowIso));
}

TEST_F(CheckTokenTest, GarbageIsInvalidWithoutGenerated) {
  client.login_token();
  EXPECT_EQ(check("login", "abc").json, result("invalid"));
  // Upper-case hex is no token either (strspn over "0123456789abcdef").
  EXPECT_EQ(check("csrf", "0123456789ABCDEF0123456789abcdef6b0629ba+\\").json, result("invalid"));
  // 32 characters and the suffix are too short to carry a time.
  EXPECT_EQ(check("csrf", "0123456789abcdef0123456789abcdef+\\").json, result("invalid"));
}

TEST_F(CheckTokenTest, AWellFormedTokenOfNoSessionIsInvalidButHasGenerated) {
  // getTimestamp() needs only the syntax: hexdec of what follows the 32 HMAC characters.
  EXPECT_EQ(check("csrf", "0123456789abcdef0123456789abcdef6b49d200+\\", {{"formatversion", "2"}}).json,
            result("invalid", kNowIso));
  EXPECT_EQ(check("csrf", "0123456789abcdef0123456789abcdef0+\\").json, result("invalid", "1970-01-01T00:00:00Z"));
}

TEST_F(CheckTokenTest, AnonymousCsrfPlusBackslashIsValidWithoutGenerated) {
  Reply reply = check("csrf", "+\\");
  // NOTES.md §2.4: LoggedOutEditToken matches exactly "+\" and carries no time.
  EXPECT_EQ(reply.json, result("valid"));
  EXPECT_TRUE(reply.set_cookies.empty());
  EXPECT_EQ(check("watch", "+\\").json, result("valid"));
}

TEST_F(CheckTokenTest, PlusBackslashIsInvalidWhenLoggedIn) {
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  EXPECT_EQ(check("csrf", "+\\").json, result("invalid"));
}

TEST_F(CheckTokenTest, CsrfTokenAfterLoginIsValidForCsrfOnly) {
  freeze_clock();
  ASSERT_EQ(client.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "PASS");
  const std::string csrf = client.csrf_token();
  EXPECT_EQ(check("csrf", csrf).json, result("valid", kNowIso));
  // Other types use other salts or secrets.
  EXPECT_EQ(check("watch", csrf).json, result("invalid", kNowIso));
  EXPECT_EQ(check("login", csrf).json, result("invalid", kNowIso));
}

TEST_F(CheckTokenTest, ALoginTokenIsInvalidAsAnonymousCsrf) {
  freeze_clock();
  const std::string token = client.login_token();
  // Confirmed on a reference wiki: invalid, with the token's time.
  EXPECT_EQ(check("csrf", token).json, result("invalid", kNowIso));
}

TEST_F(CheckTokenTest, TheOldLoginTokenIsInvalidAfterLogin) {
  freeze_clock();
  const std::string token = client.login_token();
  ASSERT_EQ(client.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "PASS");
  // The PASS dropped every token secret (NOTES.md §2.1; confirmed on a reference wiki).
  EXPECT_EQ(check("login", token).json, result("invalid", kNowIso));
}

TEST_F(CheckTokenTest, ATokenOfAnotherSessionIsInvalid) {
  freeze_clock();
  ApiClient other = another_client();
  const std::string theirs = other.login_token();
  client.login_token();
  EXPECT_EQ(check("login", theirs).json, result("invalid", kNowIso));
}

TEST_F(CheckTokenTest, MaxTokenAgeMakesAnOlderTokenExpired) {
  freeze_clock();
  const std::string token = client.login_token();
  wiki.clock().advance(std::chrono::seconds(10));
  // Token::match: expired when the token's time < now - maxAge.
  EXPECT_EQ(check("login", token, {{"maxtokenage", "10"}}).json, result("valid", kNowIso));
  EXPECT_EQ(check("login", token, {{"maxtokenage", "9"}}).json, result("expired", kNowIso));
  EXPECT_EQ(check("login", token, {{"maxtokenage", "0"}, {"formatversion", "2"}}).json, result("expired", kNowIso));
}

TEST_F(CheckTokenTest, MaxTokenAgeZeroAcceptsATokenOfThisVerySecond) {
  freeze_clock();
  const std::string token = client.login_token();
  EXPECT_EQ(check("login", token, {{"maxtokenage", "0"}}).json, result("valid", kNowIso));
}

TEST_F(CheckTokenTest, AnInvalidTokenIsNotExpiredWhateverItsAge) {
  freeze_clock();
  client.login_token();
  wiki.clock().advance(std::chrono::seconds(100));
  // "expired" only for a token that would match without the age limit.
  EXPECT_EQ(check("login", "0123456789abcdef0123456789abcdef6b49d200+\\", {{"maxtokenage", "5"}}).json,
            result("invalid", kNowIso));
}

TEST_F(CheckTokenTest, NonIntegerMaxTokenAgeIsBadInteger) {
  Reply reply = check("csrf", "+\\", {{"maxtokenage", "abc"}});
  EXPECT_EQ(reply.api_error(), "badinteger");
  EXPECT_EQ(reply.json, Json({{"error",
                               {{"code", "badinteger"},
                                {"info", "Invalid value \"abc\" for integer parameter \"maxtokenage\"."},
                                {"*", docref()}}}}));
}

TEST_F(CheckTokenTest, MissingTypeIsMissingParam) {
  Reply reply = client.get({{"action", "checktoken"}, {"token", "abc"}, {"format", "json"}});
  EXPECT_EQ(reply.api_error(), "missingparam");
  EXPECT_EQ(
      reply.json,
      Json({{"error", {{"code", "missingparam"}, {"info", "The \"type\" parameter must be set."}, {"*", docref()}}}}));
}

TEST_F(CheckTokenTest, MissingTypeIsReportedBeforeMissingToken) {
  Reply reply = client.get({{"action", "checktoken"}, {"format", "json"}});
  // Parameters are validated in getAllowedParams() order: type, token, maxtokenage.
  EXPECT_EQ(reply.json["error"]["info"], "The \"type\" parameter must be set.");
}

TEST_F(CheckTokenTest, MissingTokenIsMissingParam) {
  Reply reply = client.get({{"action", "checktoken"}, {"type", "csrf"}, {"format", "json"}});
  EXPECT_EQ(reply.api_error(), "missingparam");
  EXPECT_EQ(
      reply.json,
      Json({{"error", {{"code", "missingparam"}, {"info", "The \"token\" parameter must be set."}, {"*", docref()}}}}));
}

TEST_F(CheckTokenTest, EmptyTokenIsMissingParam) {
  Reply reply = client.get({{"action", "checktoken"}, {"type", "csrf"}, {"token", ""}, {"format", "json"}});
  // A required string may not be empty either (ParamValidator's StringDef::validate).
  EXPECT_EQ(reply.api_error(), "missingparam");
  EXPECT_EQ(
      reply.json,
      Json({{"error", {{"code", "missingparam"}, {"info", "The \"token\" parameter must be set."}, {"*", docref()}}}}));
}

TEST_F(CheckTokenTest, UnknownTypeIsBadValue) {
  Reply reply = check("foo", "abc");
  EXPECT_EQ(reply.api_error(), "badvalue");
  EXPECT_EQ(reply.json["error"]["info"], "Unrecognized value for parameter \"type\": foo.");
}

TEST_F(CheckTokenTest, TheTokenMayComeInTheQueryString) {
  // checktoken needs no token itself, so its sensitive "token" parameter may be sent by GET.
  Reply reply = client.get({{"action", "checktoken"}, {"type", "csrf"}, {"token", "+\\"}, {"format", "json"}});
  EXPECT_EQ(reply.api_error(), std::nullopt);
  EXPECT_EQ(reply.json, result("valid"));
}

TEST_F(CheckTokenTest, CheckingALoginTokenStartsASession) {
  Reply reply = check("login", "abc");
  // ApiQueryTokens::getToken persists the session for session-keyed types.
  EXPECT_EQ(reply.json, result("invalid"));
  EXPECT_TRUE(reply.sets_cookie("_session"));
}

TEST_F(CheckTokenTest, AnUnencodedPlusIsWarnedAbout) {
  // The body carries a literal "+\": form decoding turns "+" into a space, so the wiki sees " \".
  Reply reply =
      client.send("POST", {}, "action=checktoken&type=csrf&token=+\\&format=json", "application/x-www-form-urlencoded");
  EXPECT_EQ(
      reply.json,
      Json({{"warnings",
             {{"checktoken",
               {{"*", "Check that symbols such as \"+\" in the token are properly percent-encoded in the URL."}}}}},
            {"checktoken", {{"result", "invalid"}}}}));
}

TEST_F(CheckTokenTest, ASpaceBeforeTheBackslashIsWarnedAboutInEveryFormat) {
  freeze_clock();
  const std::string token = client.login_token();
  const std::string mangled = token.substr(0, token.size() - 2) + " \\";
  Reply fv2 = check("login", mangled, {{"formatversion", "2"}});
  EXPECT_EQ(fv2.json,
            Json({{"warnings",
                   {{"checktoken",
                     {{"warnings",
                       "Check that symbols such as \"+\" in the token are properly percent-encoded in the URL."}}}}},
                  {"checktoken", {{"result", "invalid"}}}}));
  Reply raw = check("login", mangled, {{"formatversion", "2"}, {"errorformat", "raw"}});
  const Json warning = {{"code", "checktoken-percentencoding"},
                        {"key", "apiwarn-checktoken-percentencoding"},
                        {"params", Json::array()},
                        {"module", "checktoken"}};
  EXPECT_EQ(raw.json, Json({{"warnings", Json::array({warning})}, {"checktoken", {{"result", "invalid"}}}}));
  Reply plain = check("login", mangled, {{"formatversion", "2"}, {"errorformat", "plaintext"}});
  EXPECT_EQ(plain.json["warnings"],
            Json::array({Json(
                {{"code", "checktoken-percentencoding"},
                 {"text", "Check that symbols such as \"+\" in the token are properly percent-encoded in the URL."},
                 {"module", "checktoken"}})}));
}

TEST_F(CheckTokenTest, AProperlyEncodedPlusIsNotWarnedAbout) {
  Reply reply = client.send("POST", {}, "action=checktoken&type=csrf&token=%2B%5C&format=json",
                            "application/x-www-form-urlencoded");
  EXPECT_EQ(reply.json, result("valid"));
}

}  // namespace
}  // namespace mockwiki::testing
