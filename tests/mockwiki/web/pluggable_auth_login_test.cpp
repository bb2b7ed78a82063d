// Special:PluggableAuthLogin with the OpenIDConnect plugin: the first visit sends the browser to
// the identity provider with a new state and nonce; the way back with a code (or an error) ends
// in a 302 to loginreturnurl, unchanged, and the continue step then passes or fails.
//
// Sources: the redirects and headers of the page are PluggableAuth 7.3.0's, recorded from real
// MediaWiki 1.39.17 (tests/reference/raw/flows/pluggableauth.txt, cases c1-c6; FINDINGS.md §4c).
// The identity-provider hop (the authorization request's parameters, the state and nonce checks,
// the error texts) is OpenIDConnect REL1_39 with jumbojett/openid-connect-php 1.0.2's
// OpenIDConnectClient::authenticate, read from source and not run live (NOTES.md §10.2). One
// documented difference (web/pluggable_auth_login.cpp): OpenIDConnect clears the whole session
// on an error; the mock keeps it, so the continue step shows the error as FAIL.
#include "mockwiki/sso_test.h"
#include "support/raw_http.h"

namespace mockwiki::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

const std::string kFixture = std::string(R"json({
  "extensions": ["PluggableAuth", "OpenIDConnect"],
  "accounts": [)json") + kReferenceAccounts +
                             R"json(],
  "pluggableauth": {"providers": [{"label": "Example SSO", "identities": [
    {"sub": "alice-sub", "account": "Alice"},
    {"sub": "new-sub", "preferred_username": "Newbie"}]}]}})json";

class PluggableAuthLoginPageTest : public SsoTest {
 protected:
  PluggableAuthLoginPageTest() : SsoTest(kFixture) {}

  // A redirect as index.php sends it (c1, c3: OutputPage for a private page), with no body and
  // no cookie.
  static void expect_plain_redirect(const Reply& reply, const std::string& location) {
    EXPECT_EQ(reply.status, 302);
    EXPECT_EQ(reply.header("Location"), location);
    EXPECT_EQ(reply.header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(reply.header("Vary"), "Accept-Encoding, Cookie");
    EXPECT_EQ(reply.header("Expires"), "Thu, 01 Jan 1970 00:00:00 GMT");
    EXPECT_EQ(reply.header("Cache-Control"), "private, must-revalidate, max-age=0");
    EXPECT_EQ(reply.header("Content-Type"), "text/html; charset=UTF-8");
    EXPECT_THAT(reply.header("X-Request-Id"), MatchesRegex("[0-9a-f]{24}"));
    EXPECT_EQ(reply.body, "");
    EXPECT_TRUE(reply.set_cookies.empty()) << reply.set_cookies.front();
  }

  static Json fail(const std::string& message, const std::string& code) {
    return Json({{"clientlogin",
                  {{"status", "FAIL"}, {"message", message}, {"messagecode", code}, {"canpreservestate", false}}}});
  }

  // The URL with one query parameter's value replaced.
  static std::string with_param(const std::string& url, const std::string& name, const std::string& value) {
    const std::size_t at = url.find(name + "=");
    const std::size_t end = url.find('&', at);
    return url.substr(0, at) + name + "=" + value + (end == std::string::npos ? "" : url.substr(end));
  }
};

TEST_F(PluggableAuthLoginPageTest, TheFirstVisitSendsTheBrowserToTheIdentityProvider) {
  begin();
  Reply reply = client.browse(login_page());
  // OpenIDConnectClient::requestAuthorization (from source): the provider's authorization
  // endpoint with response_type, redirect_uri (this page), client_id, nonce, state and the scope,
  // "openid" appended again by the library.
  const std::string location = reply.header("Location");
  EXPECT_THAT(location,
              MatchesRegex(server() + "/oidc/0/authorize\\?response_type=code&redirect_uri=[^&]+&client_id=mockwiki&"
                                      "nonce=[0-9a-f]{32}&state=[0-9a-f]{32}&scope=openid\\+profile\\+email\\+openid"));
  EXPECT_EQ(query_param(location, "redirect_uri"), login_page());
  EXPECT_EQ(query_param(location, "scope"), "openid profile email openid");
  expect_plain_redirect(reply, location);

  // As http_build_query encodes it (RFC 1738), seen raw: the test client decodes header values.
  std::string cookies;
  for (const auto& [name, value] : client.cookies()) cookies += (cookies.empty() ? "" : "; ") + name + "=" + value;
  RawReply raw = raw_exchange(wiki.port(), http_request("GET", "/index.php/Special:PluggableAuthLogin",
                                                        "Cookie: " + cookies + "\r\n", "", false));
  EXPECT_THAT(raw.head, HasSubstr("/oidc/0/authorize?response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%3A" +
                                  std::to_string(wiki.port()) +
                                  "%2Findex.php%2FSpecial%3APluggableAuthLogin&client_id=mockwiki&nonce="));
  EXPECT_THAT(raw.head, HasSubstr("&scope=openid+profile+email+openid\r\n"));
}

TEST_F(PluggableAuthLoginPageTest, EveryVisitHasANewStateAndNonce) {
  begin();
  const std::string first = client.browse(login_page()).header("Location");
  const std::string second = client.browse(login_page()).header("Location");
  EXPECT_NE(query_param(first, "state"), query_param(second, "state"));
  EXPECT_NE(query_param(first, "nonce"), query_param(second, "nonce"));
}

TEST_F(PluggableAuthLoginPageTest, AnIdentityChosenUpFrontIsPassedOnAsALoginHint) {
  begin();
  // Mock-only, for clients that do not read HTML (the provider then skips its page).
  const std::string location = client.browse(login_page() + "?identity=new-sub").header("Location");
  EXPECT_EQ(query_param(location, "login_hint"), "new-sub");
  Reply back = client.browse(location);
  ASSERT_EQ(back.status, 302);
  EXPECT_EQ(client.browse(back.header("Location")).header("Location"), kReturnUrl);
  EXPECT_EQ(finish().json, Json::parse(R"json({"clientlogin":{"status":"PASS","username":"Newbie"}})json"));
}

TEST_F(PluggableAuthLoginPageTest, TheWayBackWithACodeRedirectsToTheReturnUrlUnchanged) {
  begin();
  Reply to_provider = client.browse(login_page());
  Reply back = client.browse(to_provider.header("Location") + "&identity=alice-sub");
  // The provider's redirect to redirect_uri, with the code and the state.
  EXPECT_THAT(
      back.header("Location"),
      MatchesRegex(login_page() + "\\?code=[0-9a-f]+&state=" + *query_param(to_provider.header("Location"), "state")));
  // c1: 302 to loginreturnurl as given, nothing appended, no cookie.
  expect_plain_redirect(client.browse(back.header("Location")), kReturnUrl);
}

TEST_F(PluggableAuthLoginPageTest, WithoutASessionItSendsTheBrowserToTheLoginPageWithAnError) {
  // c3
  expect_plain_redirect(client.browse(login_page() + "?as=Nobody"),
                        server() + "/index.php?title=Special:UserLogin&error=pluggableauth-fatal-error");
}

TEST_F(PluggableAuthLoginPageTest, WithASessionButNoLoginItIsTheSameError) {
  client.login_token();
  // PluggableAuthLogin::execute (PluggableAuth REL1_39): no return URL in the session.
  expect_plain_redirect(client.browse(login_page()),
                        server() + "/index.php?title=Special:UserLogin&error=pluggableauth-fatal-error");
}

TEST_F(PluggableAuthLoginPageTest, TheIndexPhpTitleFormOfTheUrlIsTheSamePage) {
  begin();
  // c6: index.php?title=Special:PluggableAuthLogin is the same special page.
  Reply reply = client.browse(server() + "/index.php?title=Special:PluggableAuthLogin");
  EXPECT_EQ(reply.status, 302);
  EXPECT_TRUE(reply.header("Location").starts_with(server() + "/oidc/0/authorize?")) << reply.header("Location");
}

TEST_F(PluggableAuthLoginPageTest, AnErrorFromTheProviderBecomesTheFailMessage) {
  begin();
  const std::string state = *query_param(client.browse(login_page()).header("Location"), "state");
  // The library's "Error: <error>", without " Description: ..." when there is none (from source).
  expect_plain_redirect(client.browse(login_page() + "?error=invalid_scope&state=" + state), kReturnUrl);
  EXPECT_EQ(finish().json, fail("Error: invalid_scope", "Error__invalid_scope"));
}

TEST_F(PluggableAuthLoginPageTest, ACodeAlreadyRedeemedFails) {
  begin();
  Reply to_provider = client.browse(login_page());
  const std::string code_url = client.browse(to_provider.header("Location") + "&identity=alice-sub").header("Location");
  ASSERT_EQ(client.browse(code_url).header("Location"), kReturnUrl);

  // Another browser brings the same code, with its own state: the token endpoint's
  // invalid_grant, whose error_description the library throws (from source).
  ApiClient other = another_client();
  begin_with(other);
  const std::string state = *query_param(other.browse(login_page()).header("Location"), "state");
  expect_plain_redirect(other.browse(with_param(code_url, "state", state)), kReturnUrl);
  EXPECT_EQ(finish_with(other).json, fail("The authorization code is invalid or has expired.",
                                          "The_authorization_code_is_invalid_or_has_expired_"));
}

TEST_F(PluggableAuthLoginPageTest, AnUnknownCodeFails) {
  begin();
  const std::string state = *query_param(client.browse(login_page()).header("Location"), "state");
  client.browse(login_page() + "?code=0123456789abcdef&state=" + state);
  EXPECT_EQ(finish().json, fail("The authorization code is invalid or has expired.",
                                "The_authorization_code_is_invalid_or_has_expired_"));
}

TEST_F(PluggableAuthLoginPageTest, ACodeOlderThanAMinuteFails) {
  begin();
  Reply to_provider = client.browse(login_page());
  const std::string code_url = client.browse(to_provider.header("Location") + "&identity=alice-sub").header("Location");
  // The fake provider's codes live 60 seconds (mock-only; OAuth 2.0 recommends at most 10 minutes).
  wiki.clock().advance(std::chrono::seconds(61));
  client.browse(code_url);
  EXPECT_EQ(finish().json, fail("The authorization code is invalid or has expired.",
                                "The_authorization_code_is_invalid_or_has_expired_"));
}

TEST_F(PluggableAuthLoginPageTest, AWrongStateFails) {
  begin();
  Reply to_provider = client.browse(login_page());
  const std::string code_url = client.browse(to_provider.header("Location") + "&identity=alice-sub").header("Location");
  // OpenIDConnectClient::authenticate: "Unable to determine state" (from source).
  client.browse(with_param(code_url, "state", std::string(32, '0')));
  EXPECT_EQ(finish().json, fail("Unable to determine state", "Unable_to_determine_state"));
}

TEST_F(PluggableAuthLoginPageTest, ACodeIssuedForAnotherNonceFails) {
  begin();
  const std::string authorize = client.browse(login_page()).header("Location");
  // The ID token's nonce is not the session's: the claims do not verify (from source).
  const std::string code_url =
      client.browse(with_param(authorize, "nonce", std::string(32, 'f')) + "&identity=alice-sub").header("Location");
  client.browse(code_url);
  EXPECT_EQ(finish().json, fail("Unable to verify JWT claims", "Unable_to_verify_JWT_claims"));
}

}  // namespace
}  // namespace mockwiki::testing
