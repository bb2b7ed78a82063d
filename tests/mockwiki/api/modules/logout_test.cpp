// action=logout: the csrf token it needs, the cookies it deletes, and its empty result, as
// MediaWiki 1.39 gives them (ApiLogout.php, CookieSessionProvider::unpersistSession;
// ../shared/reference/NOTES.md §6; transcripts in tests/reference/mw-1.39/logout-*.json;
// raw/cookies.txt §4, §9, §13).
#include "support/mock_wiki_test.h"

namespace mockwiki::testing {
namespace {

using namespace accounts;

class LogoutTest : public MockWikiTest {
 protected:
  Reply logout_post(Params body, const Params& query = {}) {
    body.insert(body.begin(), {"action", "logout"});
    body.emplace_back("format", "json");
    return client.post(body, query);
  }

  Json userinfo() {
    return client
        .get({{"action", "query"},
              {"meta", "userinfo"},
              {"uiprop", "groups"},
              {"format", "json"},
              {"formatversion", "2"}})
        .json["query"]["userinfo"];
  }

  static std::string deletion(const std::string& name) {
    return name + "=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; path=/; HttpOnly";
  }

  static inline const Json kAnonymous = {{"id", 0}, {"name", "127.0.0.1"}, {"anon", true}, {"groups", {"*"}}};
};

TEST_F(LogoutTest, MainAccountLogoutDeletesSessionUserIdAndTokenButKeepsUserName) {
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  const std::string csrf = client.csrf_token();
  Reply reply = logout_post({{"token", csrf}});
  // logout-main-account-cookies; raw/cookies.txt §4: in the order _session, UserID, Token.
  EXPECT_EQ(reply.body, "{}");
  EXPECT_EQ(reply.api_error(), std::nullopt);
  EXPECT_EQ(reply.set_cookies, (std::vector<std::string>{deletion("mockwiki_session"), deletion("mockwikiUserID"),
                                                         deletion("mockwikiToken")}));
  EXPECT_FALSE(reply.cookie_line("UserName"));
  EXPECT_EQ(client.cookie("UserName"), "Alice");
  EXPECT_EQ(userinfo(), kAnonymous);
}

TEST_F(LogoutTest, AfterClientLoginWithoutRememberMeOnlySessionAndUserIdAreDeleted) {
  ASSERT_EQ(client.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "PASS");
  const std::string csrf = client.csrf_token();
  Reply reply = logout_post({{"token", csrf}, {"formatversion", "2"}});
  // logout-after-clientlogin-then-userinfo; raw/cookies.txt §9: a Token deletion only if one was sent.
  EXPECT_EQ(reply.body, "{}");
  EXPECT_EQ(reply.set_cookies, (std::vector<std::string>{deletion("mockwiki_session"), deletion("mockwikiUserID")}));
  EXPECT_EQ(userinfo(), kAnonymous);
}

TEST_F(LogoutTest, AfterClientLoginWithRememberMeTheTokenCookieIsDeletedToo) {
  ASSERT_EQ(client.client_login(kAlice, kAlicePass, {{"rememberMe", "1"}}).json["clientlogin"]["status"], "PASS");
  Reply reply = logout_post({{"token", client.csrf_token()}});
  EXPECT_EQ(reply.body, "{}");
  EXPECT_EQ(reply.set_cookies, (std::vector<std::string>{deletion("mockwiki_session"), deletion("mockwikiUserID"),
                                                         deletion("mockwikiToken")}));
  EXPECT_EQ(userinfo(), kAnonymous);
}

TEST_F(LogoutTest, BotPasswordSessionLogoutDeletesOnlyTheBPsessionCookie) {
  client.login_token();
  const std::string anonymous_session = *client.cookie("_session");
  ASSERT_EQ(client.login(kRoboBot, kRoboBotPass).json["login"]["result"], "Success");
  const std::string csrf = client.csrf_token();
  Reply reply = logout_post({{"token", csrf}, {"formatversion", "2"}});
  // logout-botpassword-session-fv2; raw/cookies.txt §13: the anonymous _session stays.
  EXPECT_EQ(reply.body, "{}");
  EXPECT_EQ(reply.set_cookies, (std::vector<std::string>{deletion("mockwiki_BPsession")}));
  EXPECT_EQ(client.cookie("_session"), anonymous_session);
  EXPECT_EQ(userinfo(), kAnonymous);
}

TEST_F(LogoutTest, AnonymousLogoutWithThePlusBackslashTokenIsAnEmptyResult) {
  Reply reply = logout_post({{"token", "+\\"}});
  // logout-anonymous-anon-token
  EXPECT_EQ(reply.body, "{}");
  EXPECT_EQ(reply.api_error(), std::nullopt);
  EXPECT_TRUE(reply.set_cookies.empty());
}

TEST_F(LogoutTest, AnonymousLogoutInsideAnAnonymousSessionDeletesItsSessionCookie) {
  client.login_token();
  ASSERT_TRUE(client.cookie("_session"));
  Reply reply = logout_post({{"token", "+\\"}, {"formatversion", "2"}});
  // User::doLogout unpersists whatever session the request has (CookieSessionProvider
  // unpersistSession): a "deleted" line for each cookie the client sent (checked on a reference
  // wiki).
  EXPECT_EQ(reply.body, "{}");
  EXPECT_EQ(reply.set_cookies, (std::vector<std::string>{deletion("mockwiki_session")}));
}

TEST_F(LogoutTest, PlusBackslashWhileLoggedInIsBadToken) {
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  Reply reply = logout_post({{"token", "+\\"}});
  // logout-anon-token-while-logged-in
  EXPECT_EQ(reply.api_error(), "badtoken");
  EXPECT_EQ(reply.json, Json({{"error", {{"code", "badtoken"}, {"info", "Invalid CSRF token."}, {"*", docref()}}}}));
  EXPECT_TRUE(reply.set_cookies.empty());
  EXPECT_EQ(userinfo(), Json({{"id", 3}, {"name", "Alice"}, {"groups", {"*", "user", "autoconfirmed"}}}));
}

TEST_F(LogoutTest, GarbageTokenIsBadTokenInRawErrorFormat) {
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  Reply reply = logout_post({{"token", "abc"}, {"formatversion", "2"}, {"errorformat", "raw"}});
  // logout-badtoken-raw
  const Json error = {
      {"code", "badtoken"}, {"key", "apierror-badtoken"}, {"params", Json::array()}, {"module", "logout"}};
  EXPECT_EQ(reply.json, Json({{"errors", Json::array({error})}, {"docref", docref()}}));
}

TEST_F(LogoutTest, BadTokenInEveryErrorFormat) {
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  auto attempt = [&](const char* format, const char* version) {
    return logout_post({{"token", "abc"}, {"errorformat", format}, {"formatversion", version}}).json;
  };
  // NOTES.md §1.5, the same error in each format.
  EXPECT_EQ(attempt("bc", "2"),
            Json({{"error", {{"code", "badtoken"}, {"info", "Invalid CSRF token."}, {"docref", docref()}}}}));
  EXPECT_EQ(
      attempt("plaintext", "1"),
      Json({{"errors", Json::array({Json({{"code", "badtoken"}, {"module", "logout"}, {"*", "Invalid CSRF token."}})})},
            {"*", docref()}}));
  EXPECT_EQ(attempt("wikitext", "2"),
            Json({{"errors",
                   Json::array({Json({{"code", "badtoken"}, {"text", "Invalid CSRF token."}, {"module", "logout"}})})},
                  {"docref", docref()}}));
  EXPECT_EQ(attempt("html", "2"),
            Json({{"errors",
                   Json::array({Json({{"code", "badtoken"}, {"html", "Invalid CSRF token."}, {"module", "logout"}})})},
                  {"docref", docref()}}));
  EXPECT_EQ(attempt("none", "2"), Json({{"errors", Json::array({Json({{"code", "badtoken"}, {"module", "logout"}})})},
                                        {"docref", docref()}}));
}

TEST_F(LogoutTest, MissingTokenIsMissingParam) {
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  Reply reply = logout_post({});
  // NOTES.md §6: missingparam, not the pre-1.35 notoken.
  EXPECT_EQ(reply.api_error(), "missingparam");
  EXPECT_EQ(
      reply.json,
      Json({{"error", {{"code", "missingparam"}, {"info", "The \"token\" parameter must be set."}, {"*", docref()}}}}));
  EXPECT_EQ(userinfo()["name"], "Alice");
}

TEST_F(LogoutTest, EmptyTokenIsMissingParam) {
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  Reply reply = logout_post({{"token", ""}, {"formatversion", "2"}});
  // A required string may not be empty (ParamValidator's StringDef::validate; checked on a
  // reference wiki).
  EXPECT_EQ(reply.api_error(), "missingparam");
  EXPECT_EQ(
      reply.json,
      Json({{"error",
             {{"code", "missingparam"}, {"info", "The \"token\" parameter must be set."}, {"docref", docref()}}}}));
  EXPECT_EQ(userinfo()["name"], "Alice");
}

TEST_F(LogoutTest, MissingTokenByGetIsMissingParamNotMustBePosted) {
  Reply reply = client.get({{"action", "logout"}, {"format", "json"}});
  // logout-get-without-token
  EXPECT_EQ(reply.api_error(), "missingparam");
  EXPECT_EQ(
      reply.json,
      Json({{"error", {{"code", "missingparam"}, {"info", "The \"token\" parameter must be set."}, {"*", docref()}}}}));
}

TEST_F(LogoutTest, TokenInTheQueryStringOfAPostIsMustPostParams) {
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  const std::string csrf = client.csrf_token();
  Reply reply = logout_post({}, {{"token", csrf}});
  // logout-token-in-query
  EXPECT_EQ(reply.api_error(), "mustpostparams");
  EXPECT_EQ(
      reply.json,
      Json({{"error",
             {{"code", "mustpostparams"},
              {"info", "The following parameter was found in the query string, but must be in the POST body: token."},
              {"*", docref()}}}}));
  EXPECT_TRUE(reply.set_cookies.empty());
  EXPECT_EQ(userinfo()["name"], "Alice");
}

TEST_F(LogoutTest, TokenByGetIsMustPostParamsNotMustBePosted) {
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  const std::string csrf = client.csrf_token();
  Reply reply = client.get({{"action", "logout"}, {"token", csrf}, {"format", "json"}});
  // logout-get-with-token
  EXPECT_EQ(reply.api_error(), "mustpostparams");
  EXPECT_EQ(reply.json["error"]["info"],
            "The following parameter was found in the query string, but must be in the POST body: token.");
  EXPECT_EQ(userinfo()["name"], "Alice");
}

TEST_F(LogoutTest, LoggingOutTwiceWithTheSameTokenIsBadTokenTheSecondTime) {
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  const std::string csrf = client.csrf_token();
  ASSERT_EQ(logout_post({{"token", csrf}, {"formatversion", "2"}}).body, "{}");
  Reply again = logout_post({{"token", csrf}, {"formatversion", "2"}});
  // logout-twice: the session is anonymous now, so only "+\" would do.
  EXPECT_EQ(again.api_error(), "badtoken");
  EXPECT_EQ(again.json,
            Json({{"error", {{"code", "badtoken"}, {"info", "Invalid CSRF token."}, {"docref", docref()}}}}));
  EXPECT_TRUE(again.set_cookies.empty());
}

TEST_F(LogoutTest, ResultIsAnEmptyObjectInBothFormatVersions) {
  for (const char* version : {"1", "2"}) {
    ApiClient fresh = another_client();
    ASSERT_EQ(fresh.login(kRoboBot, kRoboBotPass).json["login"]["result"], "Success");
    Reply reply = fresh.post(
        {{"action", "logout"}, {"token", fresh.csrf_token()}, {"format", "json"}, {"formatversion", version}});
    EXPECT_EQ(reply.body, "{}") << "formatversion=" << version;
    EXPECT_EQ(reply.json, Json::object()) << "formatversion=" << version;
  }
}

TEST_F(LogoutTest, AnEarlierCsrfTokenOfTheSessionStillLogsOut) {
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  const std::string first = client.csrf_token();
  wiki.clock().advance(std::chrono::seconds(30));
  const std::string second = client.csrf_token();
  // session-csrf-stable: tokens are not rotated, and the API checks no maximum age.
  EXPECT_NE(first, second);
  Reply reply = logout_post({{"token", first}, {"formatversion", "2"}});
  EXPECT_EQ(reply.body, "{}");
  EXPECT_EQ(userinfo(), kAnonymous);
}

TEST_F(LogoutTest, ACsrfTokenOfAnotherSessionIsBadToken) {
  ApiClient other = another_client();
  ASSERT_EQ(other.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  Reply reply = logout_post({{"token", other.csrf_token()}, {"formatversion", "2"}});
  // Each session has its own token secret (Session::getToken).
  EXPECT_EQ(reply.api_error(), "badtoken");
  EXPECT_EQ(userinfo()["name"], "Alice");
}

// User::doLogout does not reset the user's token, so other sessions live on (checked on a
// reference wiki).
TEST_F(LogoutTest, LoggingOutOneSessionLeavesAnotherOfTheSameUserLoggedIn) {
  ApiClient other = another_client();
  ASSERT_EQ(other.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "PASS");
  ASSERT_EQ(client.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "PASS");
  ASSERT_EQ(logout_post({{"token", client.csrf_token()}}).body, "{}");
  EXPECT_EQ(userinfo(), kAnonymous);
  Reply theirs = other.get({{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}, {"formatversion", "2"}});
  EXPECT_EQ(theirs.json["query"]["userinfo"], Json({{"id", 3}, {"name", "Alice"}}));
}

TEST_F(LogoutTest, AfterLogoutALoginTokenFetchStartsANewSessionAndLoginWorks) {
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  const std::string old_session = *client.cookie("_session");
  ASSERT_EQ(logout_post({{"token", client.csrf_token()}}).body, "{}");
  ASSERT_FALSE(client.cookie("_session"));
  Reply tokens = client.get({{"action", "query"}, {"meta", "tokens"}, {"type", "login"}, {"format", "json"}});
  // logout-then-login-token
  ASSERT_TRUE(tokens.sets_cookie("_session"));
  EXPECT_NE(*client.cookie("_session"), old_session);
  EXPECT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
}

TEST_F(LogoutTest, OldSessionCookiesSentAgainAfterLogoutAreAnonymousAndDeletedAgain) {
  ASSERT_EQ(client.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "PASS");
  const auto saved = client.cookies();
  ASSERT_EQ(logout_post({{"token", client.csrf_token()}}).body, "{}");
  client.cookies() = saved;
  Reply reply = client.get({{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}});
  // raw/cookies.txt §5b: a client that ignored the deletions.
  EXPECT_EQ(reply.json,
            Json({{"batchcomplete", ""}, {"query", {{"userinfo", {{"id", 0}, {"name", "127.0.0.1"}, {"anon", ""}}}}}}));
  EXPECT_EQ(reply.set_cookies, (std::vector<std::string>{deletion("mockwiki_session"), deletion("mockwikiUserID")}));
}

}  // namespace
}  // namespace mockwiki::testing
