// The fake OpenID Connect provider inside the mock (<server>/oidc/<n>/authorize): a page to
// choose one of the fixture's identities or to refuse, and the redirect back to redirect_uri with
// a code or error=access_denied, as an OAuth 2.0 / OpenID Connect authorization endpoint answers
// (RFC 6749 §4.1.2, §4.1.2.1). The provider is the mock's own: these tests pin its documented
// behaviour (web/openid_provider.cpp), not a recording.
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
  "pluggableauth": {"enable_local_login": true, "providers": [
    {"label": "Example SSO", "identities": [
      {"sub": "alice-sub", "account": "Alice"},
      {"sub": "new-sub", "preferred_username": "Newbie"}]},
    {"label": "Second <IdP>", "identities": [{"sub": "second-sub"}]}]}})json";

class OpenIdProviderTest : public SsoTest {
 protected:
  OpenIdProviderTest() : SsoTest(kFixture) {}

  // An authorization request as a relying party sends it (no session needed).
  std::string authorize(const std::string& query, int provider = 0) const {
    return server() + "/oidc/" + std::to_string(provider) + "/authorize?" + query;
  }
  static constexpr const char* kRequest =
      "response_type=code&client_id=mockwiki&redirect_uri=http%3A%2F%2Fclient.example%2Fcb&state=S1&nonce=N1&scope="
      "openid";
};

TEST_F(OpenIdProviderTest, ThePageOffersEachIdentityAndARefusal) {
  Reply reply = client.browse(authorize(kRequest));
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.header("Content-Type"), "text/html; charset=UTF-8");
  EXPECT_THAT(reply.body, HasSubstr("<title>Example SSO (mockwiki's OpenID Connect provider)</title>"));
  // A form that sends the request again with the choice.
  EXPECT_THAT(reply.body, HasSubstr("<form method=\"get\">"));
  EXPECT_THAT(reply.body,
              HasSubstr("<input type=\"hidden\" name=\"redirect_uri\" value=\"http://client.example/cb\">"));
  EXPECT_THAT(reply.body, HasSubstr("<input type=\"hidden\" name=\"state\" value=\"S1\">"));
  EXPECT_THAT(reply.body, HasSubstr("<input type=\"hidden\" name=\"nonce\" value=\"N1\">"));
  EXPECT_THAT(reply.body, HasSubstr("<button type=\"submit\" name=\"identity\" value=\"alice-sub\">Sign in as "
                                    "alice-sub</button> (sub alice-sub, linked to Alice)"));
  EXPECT_THAT(reply.body,
              HasSubstr("<button type=\"submit\" name=\"identity\" value=\"new-sub\">Sign in as Newbie</button> (sub "
                        "new-sub)"));
  EXPECT_THAT(reply.body, HasSubstr("<button type=\"submit\" name=\"deny\" value=\"1\">Deny</button>"));
}

TEST_F(OpenIdProviderTest, TheLabelIsEscapedInThePage) {
  Reply reply = client.browse(authorize(kRequest, 1));
  EXPECT_THAT(reply.body, HasSubstr("<title>Second &lt;IdP&gt; (mockwiki's OpenID Connect provider)</title>"));
  EXPECT_THAT(reply.body, HasSubstr("value=\"second-sub\">Sign in as second-sub</button>"));
}

TEST_F(OpenIdProviderTest, ChoosingAnIdentityRedirectsBackWithACodeAndTheState) {
  Reply reply = client.browse(authorize(std::string(kRequest) + "&identity=new-sub"));
  EXPECT_EQ(reply.status, 302);
  EXPECT_THAT(reply.header("Location"), MatchesRegex("http://client\\.example/cb\\?code=[0-9a-f]{32}&state=S1"));
  EXPECT_EQ(reply.body, "");
}

TEST_F(OpenIdProviderTest, ALoginHintChoosesTheIdentityToo) {
  Reply reply = client.browse(authorize(std::string(kRequest) + "&login_hint=alice-sub"));
  EXPECT_EQ(reply.status, 302);
  EXPECT_THAT(reply.header("Location"), MatchesRegex("http://client\\.example/cb\\?code=[0-9a-f]{32}&state=S1"));
}

TEST_F(OpenIdProviderTest, EveryCodeIsNew) {
  const std::string first = client.browse(authorize(std::string(kRequest) + "&identity=new-sub")).header("Location");
  const std::string second = client.browse(authorize(std::string(kRequest) + "&identity=new-sub")).header("Location");
  EXPECT_NE(query_param(first, "code"), query_param(second, "code"));
}

TEST_F(OpenIdProviderTest, RefusingRedirectsBackWithAccessDenied) {
  // Raw HTTP: the test client decodes header values, and the exact encoding is the point here.
  RawReply reply =
      raw_exchange(wiki.port(), http_request("GET", "/oidc/0/authorize?" + std::string(kRequest) + "&deny=1", "", ""));
  // RFC 6749 §4.1.2.1
  EXPECT_EQ(reply.status, 302);
  EXPECT_THAT(reply.head, HasSubstr("\r\nLocation: http://client.example/cb?error=access_denied&error_description="
                                    "The%20user%20denied%20the%20request.&state=S1\r\n"));
}

TEST_F(OpenIdProviderTest, WithoutAStateNoneComesBack) {
  Reply reply = client.browse(authorize(
      "response_type=code&client_id=mockwiki&redirect_uri=http%3A%2F%2Fclient.example%2Fcb&identity=new-sub"));
  EXPECT_THAT(reply.header("Location"), MatchesRegex("http://client\\.example/cb\\?code=[0-9a-f]{32}"));
}

TEST_F(OpenIdProviderTest, ARedirectUriWithAQueryGetsTheCodeAppended) {
  Reply reply = client.browse(authorize(
      "response_type=code&client_id=mockwiki&redirect_uri=http%3A%2F%2Fclient.example%2Fcb%3Fx%3D1&state=S1&identity="
      "new-sub"));
  EXPECT_THAT(reply.header("Location"), MatchesRegex("http://client\\.example/cb\\?x=1&code=[0-9a-f]{32}&state=S1"));
}

TEST_F(OpenIdProviderTest, AnUnknownIdentityShowsThePageAgainWithAnError) {
  Reply reply = client.browse(authorize(std::string(kRequest) + "&identity=nobody-sub"));
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("<p>There is no identity \"nobody-sub\". Choose one:</p>"));
  EXPECT_THAT(reply.body, HasSubstr("name=\"identity\" value=\"alice-sub\""));
}

TEST_F(OpenIdProviderTest, AnIncompleteRequestIsInvalidRequest) {
  const std::string text =
      "<p>invalid_request: an authorization request needs response_type=code, client_id and redirect_uri. Start from "
      "clientlogin's redirecttarget.</p>";
  for (const std::string query :
       {"", "response_type=code&client_id=mockwiki", "response_type=code&redirect_uri=http%3A%2F%2Fclient.example%2Fcb",
        "response_type=token&client_id=mockwiki&redirect_uri=http%3A%2F%2Fclient.example%2Fcb",
        "client_id=mockwiki&redirect_uri=http%3A%2F%2Fclient.example%2Fcb"}) {
    Reply reply = client.browse(authorize(query));
    EXPECT_EQ(reply.status, 400) << query;
    EXPECT_THAT(reply.body, HasSubstr(text)) << query;
  }
}

TEST_F(OpenIdProviderTest, OnlyTheConfiguredProvidersAuthorizationEndpointsExist) {
  for (const char* path : {"/oidc/2/authorize", "/oidc/0/token", "/oidc/x/authorize", "/oidc/0", "/oidc/"}) {
    Reply reply = client.browse(server() + path + "?" + kRequest);
    EXPECT_EQ(reply.status, 404) << path;
    EXPECT_THAT(reply.body, HasSubstr("This identity provider has only /oidc/&lt;number&gt;/authorize.")) << path;
  }
}

}  // namespace
}  // namespace mockwiki::testing
