// action=login: every result (Success, NeedToken, WrongToken, Failed, Aborted) and reason, as
// MediaWiki 1.39 gives them (ApiLogin.php; ../shared/reference/NOTES.md §3; transcripts in
// tests/reference/mw-1.39/login-*.json).
#include "support/mock_wiki_test.h"

namespace mockwiki::testing {
namespace {

using namespace accounts;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;

class LoginTest : public MockWikiTest {
 protected:
  Reply login_post(Params body) {
    body.emplace_back("action", "login");
    body.emplace_back("format", "json");
    return client.post(body);
  }
};

TEST_F(LoginTest, BotPasswordSucceedsWithBPsessionCookieAndNoWarning) {
  Reply reply = client.login(kRoboBot, kRoboBotPass);
  EXPECT_EQ(reply.json["login"]["result"], "Success");
  EXPECT_EQ(reply.json["login"]["lgusername"], "Robo");
  EXPECT_EQ(reply.json["login"]["lguserid"], 4);
  EXPECT_FALSE(reply.json.contains("warnings"));
  ASSERT_TRUE(reply.sets_cookie("_BPsession"));
  EXPECT_THAT(*reply.cookie_line("_BPsession"), MatchesRegex("mockwiki_BPsession=[0-9a-v]{32}; path=/; HttpOnly"));
  EXPECT_FALSE(reply.sets_cookie("UserID"));
  EXPECT_FALSE(reply.sets_cookie("Token"));
}

TEST_F(LoginTest, BotPasswordAlsoWorksAsAppIdAtPassword) {
  Reply reply = client.login(kRobo, std::string("mybot@") + kRoboBotPass);
  EXPECT_EQ(reply.json["login"]["result"], "Success");
  EXPECT_EQ(reply.json["login"]["lgusername"], "Robo");
}

TEST_F(LoginTest, BotPasswordUserNameIsCanonicalized) {
  Reply reply = client.login("robo@mybot", kRoboBotPass);
  EXPECT_EQ(reply.json["login"]["result"], "Success");
  EXPECT_EQ(reply.json["login"]["lgusername"], "Robo");
}

TEST_F(LoginTest, MainAccountSucceedsWithDeprecationWarningAndRememberCookies) {
  Reply reply = client.login(kAlice, kAlicePass);
  EXPECT_EQ(reply.json["login"]["result"], "Success");
  EXPECT_EQ(reply.json["login"]["lgusername"], "Alice");
  EXPECT_EQ(reply.json["warnings"]["login"]["*"],
            "Main-account login via \"action=login\" is deprecated and may stop working without warning. To continue "
            "login with \"action=login\", see [[Special:BotPasswords]]. To safely continue using main-account login, "
            "see \"action=clientlogin\".");
  EXPECT_THAT(reply.json["warnings"]["main"]["*"].get<std::string>(), HasSubstr("mediawiki-api-announce"));
  // action=login always remembers the user: 180 days and a Token cookie.
  EXPECT_THAT(*reply.cookie_line("UserID"), HasSubstr("Max-Age=15552000"));
  EXPECT_THAT(*reply.cookie_line("UserName"), HasSubstr("mockwikiUserName=Alice;"));
  EXPECT_THAT(*reply.cookie_line("Token"),
              MatchesRegex("mockwikiToken=[0-9a-f]{32}; expires=.*; Max-Age=15552000; path=/; HttpOnly"));
}

TEST_F(LoginTest, MainAccountNameIsCanonicalized) {
  for (const char* name : {"alice", "alice_", " Alice "}) {
    ApiClient fresh = another_client();
    Reply reply = fresh.login(name, kAlicePass);
    EXPECT_EQ(reply.json["login"]["result"], "Success") << name;
    EXPECT_EQ(reply.json["login"]["lgusername"], "Alice") << name;
  }
}

TEST_F(LoginTest, SuccessGivesANewSessionWhereTheOldLoginTokenIsSessionLost) {
  const std::string token = client.login_token();
  const std::string old_session = *client.cookie("_session");
  Reply reply = login_post({{"lgname", kAlice}, {"lgpassword", kAlicePass}, {"lgtoken", token}});
  ASSERT_EQ(reply.json["login"]["result"], "Success");
  EXPECT_NE(*client.cookie("_session"), old_session);
  // The new session has no login-token secret yet, so any token is "session lost"
  // (tests/reference/mw-1.39/login-old-token-after-success.json).
  Reply again = login_post({{"lgname", kAlice}, {"lgpassword", kAlicePass}, {"lgtoken", token}});
  EXPECT_EQ(again.json["login"]["result"], "Failed");
  EXPECT_EQ(again.json["login"]["reason"], "Unable to continue login. Your session most likely timed out.");
}

TEST_F(LoginTest, NoTokenIsNeedTokenWithATokenThatWorks) {
  Reply first = login_post({{"lgname", kRoboBot}, {"lgpassword", kRoboBotPass}});
  EXPECT_EQ(first.json["login"]["result"], "NeedToken");
  EXPECT_TRUE(first.sets_cookie("_session"));
  EXPECT_EQ(
      first.json["warnings"]["login"]["*"],
      "Fetching a token via \"action=login\" is deprecated. Use \"action=query&meta=tokens&type=login\" instead.");
  const std::string token = first.json["login"]["token"];
  EXPECT_THAT(token, MatchesRegex("[0-9a-f]{40}\\+\\\\"));
  Reply second = login_post({{"lgname", kRoboBot}, {"lgpassword", kRoboBotPass}, {"lgtoken", token}});
  EXPECT_EQ(second.json["login"]["result"], "Success");
}

TEST_F(LoginTest, NeedTokenInPlaintextHasDeprecationCodesAndData) {
  Reply reply = login_post(
      {{"lgname", kRoboBot}, {"lgpassword", kRoboBotPass}, {"formatversion", "2"}, {"errorformat", "plaintext"}});
  ASSERT_EQ(reply.json["warnings"].size(), 2u);
  EXPECT_EQ(reply.json["warnings"][0]["code"], "deprecation");
  EXPECT_EQ(reply.json["warnings"][0]["data"]["feature"], "action=login&!lgtoken");
  EXPECT_EQ(reply.json["warnings"][0]["module"], "login");
  EXPECT_EQ(reply.json["warnings"][1]["code"], "deprecation-help");
  EXPECT_EQ(reply.json["warnings"][1]["module"], "main");
}

TEST_F(LoginTest, ATokenOfAnotherSessionIsWrongTokenWithoutReason) {
  client.login_token();
  Reply reply = login_post(
      {{"lgname", kRoboBot}, {"lgpassword", kRoboBotPass}, {"lgtoken", "0123456789abcdef0123456789abcdef01234567+\\"}});
  EXPECT_EQ(reply.json["login"], Json({{"result", "WrongToken"}}));
}

TEST_F(LoginTest, AnonymousCsrfTokenIsWrongToken) {
  client.login_token();
  Reply reply = login_post({{"lgname", kRoboBot}, {"lgpassword", kRoboBotPass}, {"lgtoken", "+\\"}});
  EXPECT_EQ(reply.json["login"]["result"], "WrongToken");
}

TEST_F(LoginTest, LostSessionIsFailedSessionLostWhateverTheToken) {
  const std::string token = client.login_token();
  client.clear_cookies();
  Reply reply = login_post({{"lgname", kRoboBot},
                            {"lgpassword", kRoboBotPass},
                            {"lgtoken", token},
                            {"formatversion", "2"},
                            {"errorformat", "raw"}});
  EXPECT_EQ(reply.json["login"]["result"], "Failed");
  EXPECT_EQ(reply.json["login"]["reason"],
            Json({{"code", "sessionlost"}, {"key", "authpage-cannot-login-continue"}, {"params", Json::array()}}));
  EXPECT_TRUE(reply.sets_cookie("_session"));
}

TEST_F(LoginTest, WrongPasswordAndUnknownUserAreTheSameFailure) {
  const Json expected = {{"result", "Failed"}, {"reason", "Incorrect username or password entered. Please try again."}};
  EXPECT_EQ(client.login(kAlice, "not-the-password").json["login"], expected);
  EXPECT_EQ(client.login("Nobody", "whatever-password").json["login"], expected);
  EXPECT_EQ(client.login(kRoboBot, "m0m0m0m0m0m0m0m0m0m0m0m0m0m0m0m0").json["login"], expected);
  EXPECT_EQ(client.login("Robo@nosuchapp", kRoboBotPass).json["login"], expected);
}

TEST_F(LoginTest, WrongPasswordReasonFollowsErrorFormat) {
  auto reason = [&](const char* format, const char* version) {
    return client.login(kAlice, "wrong", {{"errorformat", format}, {"formatversion", version}}).json["login"]["reason"];
  };
  EXPECT_EQ(reason("plaintext", "2"),
            Json({{"code", "wrongpassword"}, {"text", "Incorrect username or password entered. Please try again."}}));
  EXPECT_EQ(reason("wikitext", "1"),
            Json({{"code", "wrongpassword"}, {"*", "Incorrect username or password entered.\nPlease try again."}}));
  EXPECT_EQ(reason("html", "2"),
            Json({{"code", "wrongpassword"}, {"html", "Incorrect username or password entered.\nPlease try again."}}));
  EXPECT_EQ(reason("raw", "2"), Json({{"code", "wrongpassword"}, {"key", "wrongpassword"}, {"params", Json::array()}}));
  EXPECT_EQ(reason("none", "2"), Json({{"code", "wrongpassword"}}));
}

TEST_F(LoginTest, MissingPasswordOrNameIsNoPrimary) {
  const std::string token = client.login_token();
  const Json expected = {{"result", "Failed"}, {"reason", "The supplied credentials could not be authenticated."}};
  EXPECT_EQ(login_post({{"lgname", kAlice}, {"lgtoken", token}}).json["login"], expected);
  EXPECT_EQ(login_post({{"lgname", kAlice}, {"lgpassword", ""}, {"lgtoken", token}}).json["login"], expected);
  EXPECT_EQ(login_post({{"lgpassword", kAlicePass}, {"lgtoken", token}}).json["login"], expected);
}

TEST_F(LoginTest, InsideABotPasswordSessionIsAborted) {
  ASSERT_EQ(client.login(kRoboBot, kRoboBotPass).json["login"]["result"], "Success");
  Reply reply = client.login(kAlice, kAlicePass);
  EXPECT_EQ(reply.json["login"]["result"], "Aborted");
  EXPECT_EQ(reply.json["login"]["reason"],
            "Cannot log in when using MediaWiki\\Session\\BotPasswordSessionProvider sessions.");
}

TEST_F(LoginTest, WithoutSameOriginSecurityIsAborted) {
  Reply reply = client.login(kAlice, kAlicePass, {{"origin", "*"}});
  EXPECT_EQ(reply.json["login"]["result"], "Aborted");
  EXPECT_EQ(reply.json["login"]["reason"], "Cannot log in when the same-origin policy is not applied.");
  EXPECT_EQ(reply.header("MediaWiki-Login-Suppressed"), "true");
}

TEST_F(LoginTest, GetIsMustBePosted) {
  Reply reply = client.get({{"action", "login"}, {"lgname", kAlice}, {"format", "json"}});
  EXPECT_EQ(reply.api_error(), "mustbeposted");
  EXPECT_EQ(reply.json["error"]["info"], "The \"login\" module requires a POST request.");
  EXPECT_EQ(reply.json["error"]["*"], docref());
}

TEST_F(LoginTest, PasswordOrTokenInTheQueryStringIsMustPostParams) {
  const std::string token = client.login_token();
  Reply one = client.post({{"action", "login"}, {"lgname", kRoboBot}, {"lgtoken", token}, {"format", "json"}},
                          {{"lgpassword", kRoboBotPass}});
  EXPECT_EQ(one.api_error(), "mustpostparams");
  EXPECT_EQ(one.json["error"]["info"],
            "The following parameter was found in the query string, but must be in the POST body: lgpassword.");
  Reply both = client.post(
      {{"action", "login"}, {"lgname", kRoboBot}, {"format", "json"}, {"formatversion", "2"}, {"errorformat", "raw"}},
      {{"lgpassword", kRoboBotPass}, {"lgtoken", token}});
  EXPECT_EQ(both.json["errors"][0]["params"], Json({"lgpassword, lgtoken", 2}));
}

TEST_F(LoginTest, DomainIsIgnored) {
  EXPECT_EQ(client.login(kRoboBot, kRoboBotPass, {{"lgdomain", "foo"}}).json["login"]["result"], "Success");
}

TEST_F(LoginTest, UnknownParameterIsWarnedAbout) {
  Reply reply = client.login(kRoboBot, kRoboBotPass, {{"foo", "1"}});
  EXPECT_EQ(reply.json["login"]["result"], "Success");
  EXPECT_EQ(reply.json["warnings"]["main"]["*"], "Unrecognized parameter: foo.");
}

TEST_F(LoginTest, SixthMainAccountAttemptInFiveMinutesIsThrottledEvenWithTheRightPassword) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(client.login(kThrottled, "wrong").json["login"]["reason"],
              "Incorrect username or password entered. Please try again.");
  }
  Reply reply = client.login(kThrottled, kThrottledPass, {{"errorformat", "raw"}, {"formatversion", "2"}});
  EXPECT_EQ(reply.json["login"]["result"], "Failed");
  EXPECT_EQ(
      reply.json["login"]["reason"],
      Json({{"code", "login-throttled"}, {"key", "login-throttled"}, {"params", Json::array({{{"duration", 300}}})}}));
  // The window is fixed from the first attempt: after 300 s the account can log in again.
  wiki.clock().advance(std::chrono::seconds(301));
  EXPECT_EQ(client.login(kThrottled, kThrottledPass).json["login"]["result"], "Success");
}

TEST_F(LoginTest, SuccessClearsThePasswordThrottle) {
  for (int i = 0; i < 4; ++i) client.login(kThrottled, "wrong");
  EXPECT_EQ(client.login(kThrottled, kThrottledPass).json["login"]["result"], "Success");
  for (int i = 0; i < 5; ++i) client.login(kThrottled, "wrong");
  EXPECT_EQ(client.login(kThrottled, kThrottledPass).json["login"]["reason"],
            "You have made too many recent login attempts. Please wait 5 minutes before trying again.");
}

TEST_F(LoginTest, BotPasswordHasAThrottleOfItsOwn) {
  for (int i = 0; i < 5; ++i) client.login(kAliceBot, "00000000000000000000000000000000");
  EXPECT_EQ(client.login(kAliceBot, kAliceBotPass).json["login"]["reason"],
            "You have made too many recent login attempts. Please wait 5 minutes before trying again.");
  // The main account is counted apart.
  EXPECT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
}

TEST_F(LoginTest, AttemptsWithoutANameShareOneThrottlePerAddress) {
  const std::string token = client.login_token();
  for (int i = 0; i < 5; ++i) login_post({{"lgpassword", "x"}, {"lgtoken", token}});
  EXPECT_EQ(login_post({{"lgpassword", "x"}, {"lgtoken", token}}).json["login"]["reason"],
            "You have made too many recent login attempts. Please wait 5 minutes before trying again.");
  EXPECT_EQ(client.login(kRoboBot, kRoboBotPass).json["login"]["result"], "Success");
}

}  // namespace
}  // namespace mockwiki::testing
