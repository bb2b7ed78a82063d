// mediawiki::client_login against the in-process mock: PASS, FAIL, two-factor through the TOTP
// handler, scripted UI steps through the prompt handler, REDIRECT through the redirect
// handler (the mock's own page, and single sign-on through its OpenID Connect provider), and
// RESTART as an outcome. And the TOTP codes themselves (RFC 6238's test vectors).
#include "mediawiki/client_login.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "mediawiki/totp.h"
#include "mockwiki/server.h"
#include "support/api_client.h"

#pragma GCC diagnostic ignored "-Wmissing-field-initializers"  // designated initializers below

namespace mediawiki {
namespace {

using namespace mockwiki::testing::accounts;
using ::testing::HasSubstr;

const Params kWhoAmI = {{"action", "query"}, {"meta", "userinfo"}};
std::string whoami(Session& session) { return session.get(kWhoAmI)["query"]["userinfo"]["name"]; }

TEST(TotpTest, Rfc6238TestVectorsForSha1) {
  // RFC 6238 appendix B, secret "12345678901234567890", the last six digits.
  const std::string secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  EXPECT_EQ(totp_code(secret, 59), "287082");
  EXPECT_EQ(totp_code(secret, 1111111109), "081804");
  EXPECT_EQ(totp_code(secret, 1234567890), "005924");
  EXPECT_EQ(totp_code(secret, 2000000000), "279037");
}

TEST(TotpTest, ASecretThatIsNotBase32IsAnError) { EXPECT_THROW(totp_code("not base32!", 59), Error); }

class ClientLoginTest : public ::testing::Test {
 protected:
  explicit ClientLoginTest(mockwiki::MockWiki::Options options = {}) : wiki(std::move(options)) {}
  mockwiki::MockWiki wiki;
  Session session{wiki.api_url()};
};

TEST_F(ClientLoginTest, TheRightPasswordPassesAndLogsTheSessionIn) {
  const ClientLoginResult result = client_login(session, kAlice, kAlicePass);
  EXPECT_FALSE(result.restarted);
  EXPECT_EQ(result.step.status, "PASS");
  EXPECT_EQ(result.step.username, "Alice");
  EXPECT_EQ(session.user(), "Alice");
  EXPECT_EQ(whoami(session), "Alice");
}

TEST_F(ClientLoginTest, AWrongPasswordIsALoginErrorWithTheMessageCode) {
  try {
    client_login(session, kAlice, "wrong");
    FAIL() << "no exception";
  } catch (const LoginError& e) {
    EXPECT_EQ(e.result(), "FAIL");
    EXPECT_EQ(e.message_code(), "wrongpassword");
    EXPECT_EQ(e.reason(), "Incorrect username or password entered.\nPlease try again.");
  }
  EXPECT_EQ(session.user(), std::nullopt);
}

TEST_F(ClientLoginTest, AScriptedUiStepIsAnsweredByThePromptHandler) {
  wiki.set_flow(kAlice,
                {mockwiki::FlowStep::ui("Enter the code we mailed you.", {{.name = "emailcode", .label = "Code"}})
                     .expecting({{"emailcode", "123456"}}),
                 mockwiki::FlowStep::pass()});
  std::istringstream typed("123456\n");
  std::ostringstream shown;
  ClientLoginHandlers handlers;
  handlers.ui = prompt_handler(typed, shown);
  EXPECT_EQ(client_login(session, kAlice, kAlicePass, handlers).step.username, "Alice");
  EXPECT_EQ(shown.str(), "Enter the code we mailed you.\nCode: ");
}

TEST_F(ClientLoginTest, AUiStepWithoutAHandlerIsALoginError) {
  wiki.set_flow(kAlice,
                {mockwiki::FlowStep::ui("Enter the code.", {{.name = "emailcode"}}), mockwiki::FlowStep::pass()});
  try {
    client_login(session, kAlice, kAlicePass);
    FAIL() << "no exception";
  } catch (const LoginError& e) {
    EXPECT_EQ(e.result(), "UI");
    EXPECT_EQ(e.reason(), "Enter the code.");
  }
}

TEST_F(ClientLoginTest, ARedirectToTheMocksPageIsFollowedBackToTheReturnUrl) {
  wiki.set_flow(kAlice, {mockwiki::FlowStep::redirect(), mockwiki::FlowStep::pass()});
  ClientLoginOptions options;
  ClientLoginHandlers handlers;
  handlers.redirect = follow_redirect_handler(session, options);
  EXPECT_EQ(client_login(session, kAlice, kAlicePass, handlers, options).step.username, "Alice");
}

TEST_F(ClientLoginTest, RestartIsAnOutcomeNotAnError) {
  wiki.set_flow(kAlice, {mockwiki::FlowStep::restart()});
  const ClientLoginResult result = client_login(session, kAlice, kAlicePass);
  EXPECT_TRUE(result.restarted);
  EXPECT_EQ(result.step.message_code, "authmanager-authn-no-local-user");
  EXPECT_TRUE(result.step.can_preserve_state);
  EXPECT_EQ(session.user(), std::nullopt);
}

// Two-factor: the oath fixture (Tofu's secret is in mockwiki/fixtures/oath.json).
class TwoFactorLoginTest : public ClientLoginTest {
 protected:
  static mockwiki::MockWiki::Options oath() {
    mockwiki::MockWiki::Options options;
    options.fixture = mockwiki::Fixture::load(MOCKWIKI_FIXTURES_DIR "/oath.json");
    return options;
  }
  TwoFactorLoginTest() : ClientLoginTest(oath()) {}
  static constexpr const char* kTofu = "Tofu";
  static constexpr const char* kTofuPass = "TofuPassw0rd!23";
  static constexpr const char* kTofuSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
};

TEST_F(TwoFactorLoginTest, TheTotpHandlerAnswersTheSecondStep) {
  wiki.clock().freeze();
  ClientLoginHandlers handlers;
  handlers.ui = totp_handler(kTofuSecret, [this] { return wiki.clock().now(); });
  EXPECT_EQ(client_login(session, kTofu, kTofuPass, handlers).step.username, "Tofu");
  EXPECT_EQ(whoami(session), "Tofu");
}

TEST_F(TwoFactorLoginTest, AWrongSecretEndsAfterTheStepLimit) {
  wiki.clock().freeze();
  ClientLoginHandlers handlers;
  handlers.ui = totp_handler("AAAAAAAAAAAAAAAA", [this] { return wiki.clock().now(); });
  ClientLoginOptions options;
  options.max_steps = 3;
  try {
    client_login(session, kTofu, kTofuPass, handlers, options);
    FAIL() << "no exception";
  } catch (const LoginError& e) {
    // OATHAuth answers a wrong code with the UI again, never FAIL (NOTES.md §9).
    EXPECT_EQ(e.result(), "UI");
    EXPECT_EQ(e.message_code(), "oathauth-login-failed");
  }
}

// Single sign-on: PluggableAuth with the mock's OpenID Connect provider (mock-only: Debian has
// no OpenIDConnect; the flow follows PluggableAuth 7.3 and OpenIDConnect 8.2's source).
class SingleSignOnLoginTest : public ClientLoginTest {
 protected:
  static mockwiki::MockWiki::Options sso() {
    mockwiki::MockWiki::Options options;
    options.fixture = mockwiki::Fixture::parse(R"({
      "extensions": ["PluggableAuth", "OpenIDConnect"],
      "accounts": [{"name": "Alice", "password": "AlicePassw0rd!23"}],
      "pluggableauth": {"providers": [{"label": "Example SSO", "identities": [
        {"sub": "alice-sub", "account": "Alice"}]}]}})");
    return options;
  }
  SingleSignOnLoginTest() : ClientLoginTest(sso()) {}
};

TEST_F(SingleSignOnLoginTest, TheRedirectHandlerGoesThroughTheIdentityProvider) {
  ClientLoginOptions options;
  ClientLoginHandlers handlers;
  handlers.redirect = follow_redirect_handler(session, options, {{"identity", "alice-sub"}});
  const ClientLoginResult result = client_login(session, {{"pluggableauthlogin0", "1"}}, handlers, options);
  EXPECT_EQ(result.step.username, "Alice");
  EXPECT_EQ(whoami(session), "Alice");
}

TEST_F(SingleSignOnLoginTest, WhenTheRedirectCannotBeCompletedTheLoginStopsThere) {
  // The provider shows its page again for an identity it does not know: no redirect back, so
  // the handler gives up and the login ends at the REDIRECT.
  ClientLoginOptions options;
  ClientLoginHandlers handlers;
  handlers.redirect = follow_redirect_handler(session, options, {{"identity", "nobody-sub"}});
  try {
    client_login(session, {{"pluggableauthlogin0", "1"}}, handlers, options);
    FAIL() << "no exception";
  } catch (const LoginError& e) {
    EXPECT_EQ(e.result(), "REDIRECT");
  }
  EXPECT_EQ(session.user(), std::nullopt);
}

TEST_F(ClientLoginTest, AClientLoginIsRepeatedWhenTheSessionDies) {
  client_login(session, kAlice, kAlicePass);
  wiki.expire_all_sessions();
  EXPECT_EQ(whoami(session), "Alice");
  int clientlogins = 0;
  for (const auto& e : wiki.journal()) clientlogins += e.action == "clientlogin";
  EXPECT_EQ(clientlogins, 2);
}

TEST_F(TwoFactorLoginTest, ATwoFactorLoginIsRepeatedWithANewCodeWhenTheSessionDies) {
  wiki.clock().freeze();
  ClientLoginHandlers handlers;
  handlers.ui = totp_handler(kTofuSecret, [this] { return wiki.clock().now(); });
  client_login(session, kTofu, kTofuPass, handlers);
  // A later window: OATHAuth takes each window once (NOTES.md §9.4).
  wiki.clock().advance(std::chrono::seconds(60));
  wiki.expire_all_sessions();
  EXPECT_EQ(whoami(session), "Tofu");
}

TEST_F(TwoFactorLoginTest, ASecondLoginInTheSameWindowUsesTheNextOne) {
  wiki.clock().freeze();
  const auto clock = [this] { return wiki.clock().now(); };
  ClientLoginHandlers first;
  first.ui = totp_handler(kTofuSecret, clock);
  client_login(session, kTofu, kTofuPass, first);
  // This window is spent (OATHAuth takes each once): the handler's second try is the next
  // window's code, which OATHAuth accepts (±4 windows, NOTES.md §9.4).
  Session other(wiki.api_url());
  ClientLoginHandlers second;
  second.ui = totp_handler(kTofuSecret, clock);
  EXPECT_EQ(client_login(other, kTofu, kTofuPass, second).step.username, "Tofu");
}

}  // namespace
}  // namespace mediawiki
