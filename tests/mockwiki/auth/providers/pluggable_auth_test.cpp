// PluggableAuth 7.x with the OpenIDConnect plugin, as clientlogin and authmanagerinfo show it:
// the buttons, REDIRECT, the continue step's PASS, FAIL and PHP TypeError, the accounts made for
// new identities, the IP-only password throttle, and the two modes of
// $wgPluggableAuth_EnableLocalLogin.
//
// Sources: real MediaWiki 1.39.17 with PluggableAuth 7.3.0 and a dummy plugin, recorded in
// tests/reference/raw/flows/pluggableauth.txt (case ids below; FINDINGS.md §4, "Most important"
// items 2, 9, 10; ../shared/reference/NOTES.md §10.1). The plugin's part (the identity provider,
// who an identity logs in as, new account names) is OpenIDConnect REL1_39's and
// jumbojett/openid-connect-php 1.0.2's, read from source and not run live (NOTES.md §10.2);
// those tests say so.
#include <deque>

#include "mockwiki/sso_test.h"

namespace mockwiki::testing {
namespace {

using namespace accounts;
using ::testing::MatchesRegex;

// Mode A of the recordings: one provider, no local login (the password providers are removed).
const std::string kModeA = std::string(R"json({
  "extensions": ["PluggableAuth", "OpenIDConnect"],
  "accounts": [)json") + kReferenceAccounts +
                           R"json(],
  "pluggableauth": {"providers": [{"label": "Example SSO", "identities": [
    {"sub": "alice-sub", "account": "Alice"},
    {"sub": "new-sub", "preferred_username": "Newbie", "email": "newbie@example.org", "name": "New Bie"},
    {"sub": "nameless-sub"},
    {"sub": "other-nameless-sub"},
    {"sub": "alice-again-sub", "preferred_username": "Alice"},
    {"sub": "bad-name-sub", "preferred_username": "Bad|Name"}]}]}})json";

// Mode B: $wgPluggableAuth_EnableLocalLogin and two providers. The recorded second provider had
// buttonLabelMessage 'login' ("Log in"); the mock's labels are always the configuration key as a
// RawMessage, like the first provider's, so "Second IdP" stands where "Log in" was.
const std::string kModeB = std::string(R"json({
  "extensions": ["PluggableAuth", "OpenIDConnect"],
  "accounts": [)json") + kReferenceAccounts +
                           R"json(],
  "pluggableauth": {"enable_local_login": true, "providers": [
    {"label": "Example SSO", "identities": [{"sub": "alice-sub", "account": "Alice"}]},
    {"label": "Second IdP", "identities": [{"sub": "second-sub", "preferred_username": "SecondUser"}]}]}})json";

// The REDIRECT of every button press (b1 = b2).
constexpr const char* kRedirect =
    R"json({"clientlogin":{"status":"REDIRECT","redirecttarget":"http://127.0.0.1:8098/index.php/Special:PluggableAuthLogin","requests":[{"id":"MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest","metadata":{},"required":"required","provider":"MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest","account":"MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest","fields":{}}]}})json";

constexpr const char* kNoPrimary =
    R"json({"clientlogin":{"status":"FAIL","message":"The supplied credentials could not be authenticated.","messagecode":"authmanager-authn-no-primary","canpreservestate":false}})json";

// A fixed moment for cookie dates and emailauthenticated: Fri, 15 Jan 2027 08:00:00 GMT.
constexpr std::int64_t kNow = 1800000000;

class PluggableAuthTest : public SsoTest {
 protected:
  PluggableAuthTest() : SsoTest(kModeA) {}
};

class PluggableAuthLocalLoginTest : public SsoTest {
 protected:
  PluggableAuthLocalLoginTest() : SsoTest(kModeB) {}
};

// ---- authmanagerinfo, mode A ------------------------------------------------------------------

TEST_F(PluggableAuthTest, LoginRequestsAreTheButtonAndRememberMe) {
  // a2
  EXPECT_EQ(
      authmanagerinfo("login"),
      recorded(
          R"json({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":true,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin0","metadata":{},"required":"primary-required","provider":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest","account":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin0","fields":{"pluggableauthlogin0":{"type":"button","label":"Example SSO","help":"Authenticate with PluggableAuth","optional":false,"sensitive":false}}},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","provider":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","account":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","fields":{"rememberMe":{"type":"checkbox","label":"Keep me logged in","help":"Whether the password should be remembered for longer than the length of the session.","optional":true,"sensitive":false}}}]}}})json"));
}

TEST_F(PluggableAuthTest, LoginRequestsInFormatVersionOneDropFalseBooleans) {
  // a1
  EXPECT_EQ(
      authmanagerinfo("login", {}),
      recorded(
          R"json({"batchcomplete":"","query":{"authmanagerinfo":{"canauthenticatenow":"","cancreateaccounts":"","canlinkaccounts":"","preservedusername":"","requests":[{"id":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin0","metadata":{},"required":"primary-required","provider":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest","account":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin0","fields":{"pluggableauthlogin0":{"type":"button","label":"Example SSO","help":"Authenticate with PluggableAuth"}}},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","provider":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","account":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","fields":{"rememberMe":{"type":"checkbox","label":"Keep me logged in","help":"Whether the password should be remembered for longer than the length of the session.","optional":""}}}]}}})json"));
}

TEST_F(PluggableAuthTest, MergedFieldsKeepTheOnlyPrimaryButtonRequired) {
  // a3: a single primary-required request, so its field stays optional:false.
  EXPECT_EQ(
      authmanagerinfo("login", {{"formatversion", "2"}, {"amimergerequestfields", "1"}}), recorded(
                                                                                              R"json({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":true,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin0","metadata":{},"required":"primary-required","provider":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest","account":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin0"},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","provider":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","account":"MediaWiki\\Auth\\RememberMeAuthenticationRequest"}],"fields":{"pluggableauthlogin0":{"type":"button","label":"Example SSO","help":"Authenticate with PluggableAuth","optional":false,"sensitive":false},"rememberMe":{"type":"checkbox","label":"Keep me logged in","help":"Whether the password should be remembered for longer than the length of the session.","optional":true,"sensitive":false}}}}})json"));
}

TEST_F(PluggableAuthTest, RawMessagesShowTheLabelAsARawMessage) {
  // a4: the label's key is the text itself.
  EXPECT_EQ(
      authmanagerinfo("login", {{"formatversion", "2"}, {"amimessageformat", "raw"}}),
      recorded(
          R"json({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":true,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin0","metadata":{},"required":"primary-required","provider":{"key":"$1","params":["MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest"]},"account":{"key":"$1","params":["MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin0"]},"fields":{"pluggableauthlogin0":{"type":"button","label":{"key":"Example SSO","params":[]},"help":{"key":"pluggableauth-loginbutton-help","params":[]},"optional":false,"sensitive":false}}},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","provider":{"key":"$1","params":["MediaWiki\\Auth\\RememberMeAuthenticationRequest"]},"account":{"key":"$1","params":["MediaWiki\\Auth\\RememberMeAuthenticationRequest"]},"fields":{"rememberMe":{"type":"checkbox","label":{"key":"userlogin-remembermypassword","params":[{"num":180}]},"help":{"key":"authmanager-userlogin-remembermypassword-help","params":[]},"optional":true,"sensitive":false}}}]}}})json"));
}

TEST_F(PluggableAuthTest, MessageFormatNoneDropsEveryText) {
  // a5
  EXPECT_EQ(
      authmanagerinfo("login", {{"formatversion", "2"}, {"amimessageformat", "none"}}),
      recorded(
          R"json({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":true,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin0","metadata":{},"required":"primary-required","fields":{"pluggableauthlogin0":{"type":"button","optional":false,"sensitive":false}}},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","fields":{"rememberMe":{"type":"checkbox","optional":true,"sensitive":false}}}]}}})json"));
}

TEST_F(PluggableAuthTest, MessageFormatHtmlIsTheSameAsWikitext) {
  // a6
  EXPECT_EQ(authmanagerinfo("login", {{"formatversion", "2"}, {"amimessageformat", "html"}}), authmanagerinfo("login"));
}

TEST_F(PluggableAuthTest, WithoutRequestsForItSaysAccountsCanBeLinked) {
  // a7, a8: PluggableAuth's provider is TYPE_LINK.
  EXPECT_EQ(
      authmanagerinfo(""),
      Json::parse(
          R"json({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":true}}})json"));
  EXPECT_EQ(
      authmanagerinfo("", {}),
      Json::parse(
          R"json({"batchcomplete":"","query":{"authmanagerinfo":{"canauthenticatenow":"","cancreateaccounts":"","canlinkaccounts":""}}})json"));
}

TEST_F(PluggableAuthTest, CreateRequestsHaveNoPasswordAndLinkRequestsAreEmpty) {
  // a9: PluggableAuthHooks::onRegistration removed the password providers; a10.
  EXPECT_EQ(
      authmanagerinfo("create"),
      recorded(
          R"json({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":true,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"MediaWiki\\Auth\\UsernameAuthenticationRequest","metadata":{},"required":"required","provider":"MediaWiki\\Auth\\UsernameAuthenticationRequest","account":"MediaWiki\\Auth\\UsernameAuthenticationRequest","fields":{"username":{"type":"string","label":"Username","help":"Username for authentication.","optional":false,"sensitive":false}}},{"id":"MediaWiki\\Auth\\UserDataAuthenticationRequest","metadata":{},"required":"required","provider":"MediaWiki\\Auth\\UserDataAuthenticationRequest","account":"MediaWiki\\Auth\\UserDataAuthenticationRequest","fields":{"email":{"type":"string","label":"Email","help":"Email address","optional":true,"sensitive":false},"realname":{"type":"string","label":"Real name","help":"Real name of the user","optional":true,"sensitive":false}}}]}}})json"));
  EXPECT_EQ(
      authmanagerinfo("link"),
      Json::parse(
          R"json({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":true,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[]}}})json"));
}

// ---- REDIRECT -----------------------------------------------------------------------------------

TEST_F(PluggableAuthTest, TheButtonAnswersRedirectToSpecialPluggableAuthLoginWithoutACookie) {
  Reply reply = begin();
  // b2: no message, messagecode or canpreservestate; the session exists already (b0).
  EXPECT_EQ(reply.json, recorded(kRedirect));
  EXPECT_TRUE(reply.set_cookies.empty());
  EXPECT_EQ(reply.api_error(), std::nullopt);
}

TEST_F(PluggableAuthTest, RedirectIsTheSameInFormatVersionOne) {
  // b1
  EXPECT_EQ(begin({}).json, recorded(kRedirect));
}

TEST_F(PluggableAuthTest, MergedRedirectHasAnEmptyFieldsObject) {
  // b3
  EXPECT_EQ(
      begin({{"formatversion", "2"}, {"loginmergerequestfields", "1"}}).json,
      recorded(
          R"json({"clientlogin":{"status":"REDIRECT","redirecttarget":"http://127.0.0.1:8098/index.php/Special:PluggableAuthLogin","requests":[{"id":"MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest","metadata":{},"required":"required","provider":"MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest","account":"MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest"}],"fields":{}}})json"));
}

TEST_F(PluggableAuthTest, RawRedirectDescribesTheContinueRequestWithRawMessages) {
  // b4
  EXPECT_EQ(
      begin({{"formatversion", "2"}, {"loginmessageformat", "raw"}}).json,
      recorded(
          R"json({"clientlogin":{"status":"REDIRECT","redirecttarget":"http://127.0.0.1:8098/index.php/Special:PluggableAuthLogin","requests":[{"id":"MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest","metadata":{},"required":"required","provider":{"key":"$1","params":["MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest"]},"account":{"key":"$1","params":["MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest"]},"fields":{}}]}})json"));
}

TEST_F(PluggableAuthTest, RedirectInMessageFormatNoneHasNoProviderOrAccount) {
  // Not recorded: ApiAuthManagerHelper::formatRequests leaves provider and account out with
  // "none", as in a5 and restart.txt b5.
  EXPECT_EQ(
      begin({{"formatversion", "2"}, {"loginmessageformat", "none"}}).json,
      recorded(
          R"json({"clientlogin":{"status":"REDIRECT","redirecttarget":"http://127.0.0.1:8098/index.php/Special:PluggableAuthLogin","requests":[{"id":"MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest","metadata":{},"required":"required","fields":{}}]}})json"));
}

TEST_F(PluggableAuthTest, LoginContinueRequestsWhileTheRedirectIsPendingAreTheContinueRequest) {
  begin();
  // b5
  EXPECT_EQ(
      authmanagerinfo("login-continue"),
      recorded(
          R"json({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":true,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest","metadata":{},"required":"required","provider":"MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest","account":"MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest","fields":{}}]}}})json"));
}

TEST_F(PluggableAuthTest, WithoutTheButtonNoPrimaryProviderAccepts) {
  tokens_[&client] = client.login_token();
  // g8
  EXPECT_EQ(clientlogin(client, {{"loginreturnurl", "http://example.org/"}, {"formatversion", "2"}}).json,
            Json::parse(kNoPrimary));
}

// ---- The continue step: PASS ----------------------------------------------------------------

TEST_F(PluggableAuthTest, ALinkedIdentityLogsInAsItsAccountWithTheLoginCookiesOnly) {
  wiki.clock().freeze();
  wiki.clock().set(kNow);
  begin();
  Reply back = sign_in_as("alice-sub");
  ASSERT_EQ(back.header("Location"), kReturnUrl);
  Reply reply = finish();
  // d1: an existing account, so only the three login cookies.
  EXPECT_EQ(reply.json, Json::parse(R"json({"clientlogin":{"status":"PASS","username":"Alice"}})json"));
  ASSERT_EQ(reply.set_cookies.size(), 3u) << reply.body;
  EXPECT_THAT(reply.set_cookies[0], MatchesRegex("mockwiki_session=[0-9a-v]{32}; path=/; HttpOnly"));
  EXPECT_EQ(reply.set_cookies[1],
            "mockwikiUserID=3; expires=Sun, 14 Feb 2027 08:00:00 GMT; Max-Age=2592000; path=/; HttpOnly");
  EXPECT_EQ(reply.set_cookies[2],
            "mockwikiUserName=Alice; expires=Sun, 14 Feb 2027 08:00:00 GMT; Max-Age=2592000; path=/; HttpOnly");
  EXPECT_EQ(userinfo(client), Json::parse(R"json({"id":3,"name":"Alice"})json"));
}

TEST_F(PluggableAuthTest, PassIsTheSameInFormatVersionOne) {
  begin({});
  sign_in_as("alice-sub");
  // c5b
  EXPECT_EQ(finish({}).json, Json::parse(R"json({"clientlogin":{"status":"PASS","username":"Alice"}})json"));
}

TEST_F(PluggableAuthTest, AnUnlinkedIdentityGetsANewAccountNamedAfterItsPreferredUsername) {
  // OpenIDConnect (from source): no link for the subject, so a new account named after
  // preferred_username, auto-created at PASS (c1b, c2b).
  wiki.clock().freeze();
  wiki.clock().set(kNow);
  Reply reply = sso_login("new-sub");
  EXPECT_EQ(reply.json, Json::parse(R"json({"clientlogin":{"status":"PASS","username":"Newbie"}})json"));
  // c2c: the plugin's real name and email are set, the email as confirmed. User ids go on from
  // the fixture's 1, 3, 4, 5.
  EXPECT_EQ(
      userinfo(client, "groups|realname|email"),
      Json::parse(
          R"json({"id":6,"name":"Newbie","groups":["*","user","autoconfirmed"],"realname":"New Bie","email":"newbie@example.org","emailauthenticated":"2027-01-15T08:00:00Z"})json"));
}

TEST_F(PluggableAuthTest, WithoutRealNameOrEmailTheNewAccountHasNone) {
  EXPECT_EQ(sso_login("nameless-sub").json["clientlogin"]["status"], "PASS");
  // c1c
  EXPECT_EQ(
      userinfo(client, "groups|realname|email"),
      Json::parse(R"json({"id":6,"name":"User","groups":["*","user","autoconfirmed"],"realname":"","email":""})json"));
}

TEST_F(PluggableAuthTest, AutoCreationAddsTheChronologyProtectorCookies) {
  wiki.clock().freeze();
  wiki.clock().set(kNow);
  Reply reply = sso_login("new-sub");
  // c1b: the account was written, so ChronologyProtector's three 10-second cookies follow the
  // login cookies.
  ASSERT_EQ(reply.set_cookies.size(), 6u) << reply.body;
  EXPECT_THAT(reply.set_cookies[0], MatchesRegex("mockwiki_session=[0-9a-v]{32}; path=/; HttpOnly"));
  EXPECT_EQ(reply.set_cookies[1],
            "mockwikiUserID=6; expires=Sun, 14 Feb 2027 08:00:00 GMT; Max-Age=2592000; path=/; HttpOnly");
  EXPECT_EQ(reply.set_cookies[2],
            "mockwikiUserName=Newbie; expires=Sun, 14 Feb 2027 08:00:00 GMT; Max-Age=2592000; path=/; HttpOnly");
  EXPECT_THAT(reply.set_cookies[3],
              MatchesRegex("cpPosIndex=[^;]+; expires=Fri, 15 Jan 2027 08:00:10 GMT; Max-Age=10; path=/; HttpOnly"));
  EXPECT_EQ(reply.set_cookies[4], "UseDC=master; expires=Fri, 15 Jan 2027 08:00:10 GMT; Max-Age=10; path=/; HttpOnly");
  EXPECT_EQ(reply.set_cookies[5],
            "UseCDNCache=false; expires=Fri, 15 Jan 2027 08:00:10 GMT; Max-Age=10; path=/; HttpOnly");
}

TEST_F(PluggableAuthTest, TheNewAccountIsLinkedSoTheNextLoginFindsIt) {
  ASSERT_EQ(sso_login("new-sub").json["clientlogin"]["username"], "Newbie");
  // OpenIDConnect::saveExtraAttributes links the subject to the new user (from source).
  ApiClient other = another_client();
  begin_with(other);
  sign_in_with(other, "new-sub");
  Reply reply = finish_with(other);
  EXPECT_EQ(reply.json, Json::parse(R"json({"clientlogin":{"status":"PASS","username":"Newbie"}})json"));
  EXPECT_FALSE(reply.cookie_line("cpPosIndex")) << "no second account was made";
  EXPECT_EQ(userinfo(other), Json::parse(R"json({"id":6,"name":"Newbie"})json"));
}

TEST_F(PluggableAuthTest, WithoutAPreferredUsernameTheNameIsUserThenUser1) {
  // OpenIDConnect::getAvailableUsername (from source): "User", then a number while taken.
  EXPECT_EQ(sso_login("nameless-sub").json["clientlogin"]["username"], "User");
  ApiClient other = another_client();
  begin_with(other);
  sign_in_with(other, "other-nameless-sub");
  EXPECT_EQ(finish_with(other).json, Json::parse(R"json({"clientlogin":{"status":"PASS","username":"User1"}})json"));
}

TEST_F(PluggableAuthTest, ATakenPreferredUsernameGetsANumber) {
  // Alice exists and belongs to another identity: the new account is Alice1 (from source).
  EXPECT_EQ(sso_login("alice-again-sub").json,
            Json::parse(R"json({"clientlogin":{"status":"PASS","username":"Alice1"}})json"));
}

TEST_F(PluggableAuthTest, AnInvalidPreferredUsernameBecomesUser) {
  // Title::makeTitleSafe fails for "Bad|Name", so "User" (from source).
  EXPECT_EQ(sso_login("bad-name-sub").json,
            Json::parse(R"json({"clientlogin":{"status":"PASS","username":"User"}})json"));
}

TEST_F(PluggableAuthTest, TheLastVisitBeforeTheContinueWins) {
  begin();
  sign_in_as("alice-sub");
  sign_in_as("new-sub");
  // c4c
  EXPECT_EQ(finish().json, Json::parse(R"json({"clientlogin":{"status":"PASS","username":"Newbie"}})json"));
}

TEST_F(PluggableAuthTest, ReturnUrlOnTheContinueIsIgnored) {
  begin();
  sign_in_as("alice-sub");
  // g1
  EXPECT_EQ(finish({{"formatversion", "2"}, {"loginreturnurl", "http://example.org/other"}}).json,
            Json::parse(R"json({"clientlogin":{"status":"PASS","username":"Alice"}})json"));
}

TEST_F(PluggableAuthTest, TheButtonOnTheContinueIsAnUnrecognizedParameter) {
  begin();
  sign_in_as("alice-sub");
  // g2
  EXPECT_EQ(
      finish({{"formatversion", "2"}, {"pluggableauthlogin0", "1"}}).json,
      Json::parse(
          R"json({"warnings":{"main":{"warnings":"Unrecognized parameter: pluggableauthlogin0."}},"clientlogin":{"status":"PASS","username":"Alice"}})json"));
}

TEST_F(PluggableAuthTest, LoginRequestsNamingTheContinueRequestStillPass) {
  begin();
  sign_in_as("alice-sub");
  // g3
  EXPECT_EQ(finish({{"formatversion", "2"},
                    {"loginrequests", "MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest"}})
                .json,
            Json::parse(R"json({"clientlogin":{"status":"PASS","username":"Alice"}})json"));
}

TEST_F(PluggableAuthTest, LoginRequestsFilteringTheContinueRequestAwayIsAWorkflowFailure) {
  begin();
  sign_in_as("alice-sub");
  // g4
  EXPECT_EQ(
      finish({{"formatversion", "2"}, {"loginrequests", "Bogus"}}).json,
      Json::parse(
          R"json({"clientlogin":{"status":"FAIL","message":"Authentication workflow failure.","messagecode":"pluggableauth-authentication-workflow-failure","canpreservestate":false}})json"));
}

TEST_F(PluggableAuthTest, RememberMeCountsOnTheButtonPressNotOnTheContinue) {
  wiki.clock().freeze();
  wiki.clock().set(kNow);
  begin();
  sign_in_as("alice-sub");
  Reply on_continue = finish({{"formatversion", "2"}, {"rememberMe", "1"}});
  // g6: not a continue field; 30-day cookies.
  EXPECT_EQ(
      on_continue.json,
      Json::parse(
          R"json({"warnings":{"main":{"warnings":"Unrecognized parameter: rememberMe."}},"clientlogin":{"status":"PASS","username":"Alice"}})json"));
  EXPECT_THAT(*on_continue.cookie_line("UserID"), ::testing::HasSubstr("; Max-Age=2592000; "));
  EXPECT_FALSE(on_continue.cookie_line("Token"));

  // g7, g7b: on the begin it gives 180 days and the Token cookie.
  ApiClient other = another_client();
  EXPECT_EQ(begin_with(other, {{"formatversion", "2"}, {"rememberMe", "1"}}).json, recorded(kRedirect));
  sign_in_with(other, "alice-sub");
  Reply remembered = finish_with(other);
  EXPECT_EQ(remembered.json, Json::parse(R"json({"clientlogin":{"status":"PASS","username":"Alice"}})json"));
  EXPECT_EQ(*remembered.cookie_line("UserID"),
            "mockwikiUserID=3; expires=Wed, 14 Jul 2027 08:00:00 GMT; Max-Age=15552000; path=/; HttpOnly");
  EXPECT_THAT(*remembered.cookie_line("Token"),
              MatchesRegex("mockwikiToken=[0-9a-f]{32}; expires=Wed, 14 Jul 2027 08:00:00 GMT; Max-Age=15552000; "
                           "path=/; HttpOnly"));
}

// ---- The continue step: FAIL --------------------------------------------------------------

TEST_F(PluggableAuthTest, ARefusalAtTheProviderIsFailWithItsErrorAsARawMessage) {
  begin();
  Reply to_provider = client.browse(login_page());
  Reply back = client.browse(to_provider.header("Location") + "&deny=1");
  ASSERT_EQ(client.browse(back.header("Location")).header("Location"), kReturnUrl);
  // jumbojett's "Error: <error> Description: <error_description>" (from source) as PluggableAuth
  // reports a plugin's error (d2): a RawMessage, its text sanitized as the messagecode.
  EXPECT_EQ(
      finish().json,
      Json::parse(
          R"json({"clientlogin":{"status":"FAIL","message":"Error: access_denied Description: The user denied the request.","messagecode":"Error__access_denied_Description__The_user_denied_the_request_","canpreservestate":false}})json"));
  // d2b: that ended the login.
  EXPECT_EQ(
      finish().json,
      Json::parse(
          R"json({"clientlogin":{"status":"FAIL","message":"Authentication is not in progress or session data has been lost. Please start again from the beginning.","messagecode":"authmanager-authn-not-in-progress","canpreservestate":false}})json"));
}

TEST_F(PluggableAuthTest, ARefusalInOtherMessageFormats) {
  auto refused = [&](const Params& extra) {
    begin();
    Reply to_provider = client.browse(login_page());
    client.browse(client.browse(to_provider.header("Location") + "&deny=1").header("Location"));
    return finish(extra).json;
  };
  // d3, d4, and fv1 without canpreservestate.
  EXPECT_EQ(
      refused({{"formatversion", "2"}, {"loginmessageformat", "raw"}}),
      Json::parse(
          R"json({"clientlogin":{"status":"FAIL","message":{"key":"Error: access_denied Description: The user denied the request.","params":[]},"messagecode":"Error__access_denied_Description__The_user_denied_the_request_","canpreservestate":false}})json"));
  EXPECT_EQ(
      refused({{"formatversion", "2"}, {"loginmessageformat", "none"}}),
      Json::parse(
          R"json({"clientlogin":{"status":"FAIL","messagecode":"Error__access_denied_Description__The_user_denied_the_request_","canpreservestate":false}})json"));
  EXPECT_EQ(
      refused({}),
      Json::parse(
          R"json({"clientlogin":{"status":"FAIL","message":"Error: access_denied Description: The user denied the request.","messagecode":"Error__access_denied_Description__The_user_denied_the_request_"}})json"));
}

// ---- Continuing without visiting: PluggableAuth 7.x's TypeError ----------------------------

// d9's exception; its paths are those of a Debian install (FINDINGS.md §4d: they depend on the
// install; the recording's PluggableAuth was under /tmp/pluggableauth).
const std::string kProviderFile =
    "/usr/share/mediawiki/extensions/PluggableAuth/includes/PrimaryAuthenticationProvider.php";
const std::string kTypeErrorMessage =
    "MediaWiki\\User\\UserFactory::newFromName(): Argument #1 ($name) must be of type string, null given, called in " +
    kProviderFile + " on line 161";
const std::string kTypeErrorTrace =
    "TypeError at /usr/share/mediawiki/includes/user/UserFactory.php(84)\n"
    "from /usr/share/mediawiki/includes/user/UserFactory.php(84)\n"
    "#0 " +
    kProviderFile +
    "(161): MediaWiki\\User\\UserFactory->newFromName()\n"
    "#1 /usr/share/mediawiki/includes/auth/AuthManager.php(615): "
    "MediaWiki\\Extension\\PluggableAuth\\PrimaryAuthenticationProvider->continuePrimaryAuthentication()\n"
    "#2 /usr/share/mediawiki/includes/api/ApiClientLogin.php(94): "
    "MediaWiki\\Auth\\AuthManager->continueAuthentication()\n"
    "#3 /usr/share/mediawiki/includes/api/ApiMain.php(1903): ApiClientLogin->execute()\n"
    "#4 /usr/share/mediawiki/includes/api/ApiMain.php(878): ApiMain->executeAction()\n"
    "#5 /usr/share/mediawiki/includes/api/ApiMain.php(849): ApiMain->executeActionWithErrorHandling()\n"
    "#6 /usr/share/mediawiki/api.php(90): ApiMain->execute()\n"
    "#7 /usr/share/mediawiki/api.php(45): wfApiMain()\n"
    "#8 {main}";

class PluggableAuthTypeErrorTest : public PluggableAuthTest {
 protected:
  // A continue without a visit: HTTP 200 with the API error header; "[<request id>] Exception
  // caught: ..." names the request's X-Request-Id.
  Reply continue_without_visiting(const Params& extra) {
    Reply reply = finish(extra);
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.api_error(), "internal_api_error_TypeError");
    request_id = reply.header("X-Request-Id");
    EXPECT_THAT(request_id, MatchesRegex("[0-9a-f]{24}"));
    return reply;
  }
  std::string caught() const { return "[" + request_id + "] Exception caught: " + kTypeErrorMessage; }

  std::string request_id;
};

TEST_F(PluggableAuthTypeErrorTest, ContinuingWithoutVisitingIsInternalApiErrorTypeError) {
  begin();
  Reply reply = continue_without_visiting(kFv2);
  // d9: no docref, no module.
  EXPECT_EQ(reply.json, Json({{"error",
                               {{"code", "internal_api_error_TypeError"},
                                {"info", caught()},
                                {"errorclass", "TypeError"},
                                {"trace", kTypeErrorTrace}}}}));
}

TEST_F(PluggableAuthTypeErrorTest, InFormatVersionOneTheTraceIsTheStarKey) {
  begin();
  Reply reply = continue_without_visiting({});
  // d10b
  EXPECT_EQ(reply.json, Json({{"error",
                               {{"code", "internal_api_error_TypeError"},
                                {"info", caught()},
                                {"errorclass", "TypeError"},
                                {"*", kTypeErrorTrace}}}}));
}

TEST_F(PluggableAuthTypeErrorTest, InPlaintextTheTraceIsBesideTheErrors) {
  begin();
  Reply reply = continue_without_visiting({{"formatversion", "2"}, {"errorformat", "plaintext"}});
  // d10
  EXPECT_EQ(reply.json, Json({{"errors", Json::array({Json({{"code", "internal_api_error_TypeError"},
                                                            {"text", caught()},
                                                            {"data", {{"errorclass", "TypeError"}}}})})},
                              {"trace", kTypeErrorTrace}}));
  // d10c: fv1.
  Reply fv1 = continue_without_visiting({{"errorformat", "plaintext"}});
  EXPECT_EQ(fv1.json, Json({{"errors", Json::array({Json({{"code", "internal_api_error_TypeError"},
                                                          {"data", {{"errorclass", "TypeError"}}},
                                                          {"*", caught()}})})},
                            {"*", kTypeErrorTrace}}));
}

TEST_F(PluggableAuthTypeErrorTest, InRawNoneAndHtmlErrorFormats) {
  begin();
  Reply raw = continue_without_visiting({{"formatversion", "2"}, {"errorformat", "raw"}});
  // d10d
  EXPECT_EQ(raw.json, Json({{"errors", Json::array({Json({{"code", "internal_api_error_TypeError"},
                                                          {"key", "apierror-exceptioncaught"},
                                                          {"params", Json::array({request_id, kTypeErrorMessage})},
                                                          {"data", {{"errorclass", "TypeError"}}}})})},
                            {"trace", kTypeErrorTrace}}));
  // d10e
  Reply none = continue_without_visiting({{"formatversion", "2"}, {"errorformat", "none"}});
  EXPECT_EQ(none.json, Json({{"errors", Json::array({Json({{"code", "internal_api_error_TypeError"},
                                                           {"data", {{"errorclass", "TypeError"}}}})})},
                             {"trace", kTypeErrorTrace}}));
  // d10f: the text is not escaped further.
  Reply html = continue_without_visiting({{"formatversion", "2"}, {"errorformat", "html"}});
  EXPECT_EQ(html.json, Json({{"errors", Json::array({Json({{"code", "internal_api_error_TypeError"},
                                                           {"html", caught()},
                                                           {"data", {{"errorclass", "TypeError"}}}})})},
                             {"trace", kTypeErrorTrace}}));
}

TEST_F(PluggableAuthTypeErrorTest, TheLoginSurvivesTheTypeError) {
  begin();
  continue_without_visiting(kFv2);
  // d9b: AuthManager catches \Exception, not PHP's \Error, so the login state stays.
  continue_without_visiting(kFv2);
  // d9c, d9d
  ASSERT_EQ(sign_in_as("alice-sub").header("Location"), kReturnUrl);
  EXPECT_EQ(finish().json, Json::parse(R"json({"clientlogin":{"status":"PASS","username":"Alice"}})json"));
}

TEST_F(PluggableAuthTypeErrorTest, ANewButtonPressForgetsTheVisit) {
  begin();
  sign_in_as("alice-sub");
  // g5: a new begin removes AuthManager's authentication data, so the visited name is gone (g5b).
  EXPECT_EQ(begin().json, recorded(kRedirect));
  Reply reply = continue_without_visiting(kFv2);
  EXPECT_EQ(reply.json["error"]["info"], caught());
}

// ---- Without local login ------------------------------------------------------------------

TEST_F(PluggableAuthTest, UsernameAndPasswordAreNotReadWithoutLocalLogin) {
  tokens_[&client] = client.login_token();
  Reply reply = clientlogin(client, {{"password", kAlicePass},
                                     {"username", kAlice},
                                     {"loginreturnurl", "http://example.org/"},
                                     {"formatversion", "2"}});
  // g9 (the unused fields are listed in request order; g9 sent the password first)
  EXPECT_EQ(
      reply.json,
      Json::parse(
          R"json({"warnings":{"main":{"warnings":"Unrecognized parameters: password, username."}},"clientlogin":{"status":"FAIL","message":"The supplied credentials could not be authenticated.","messagecode":"authmanager-authn-no-primary","canpreservestate":false}})json"));
}

TEST_F(PluggableAuthTest, ActionLoginWithTheMainPasswordFailsWithoutLocalLogin) {
  // g10
  EXPECT_EQ(
      client.login(kAlice, kAlicePass, kFv2).json,
      Json::parse(
          R"json({"login":{"result":"Failed","reason":"The supplied credentials could not be authenticated."}})json"));
}

TEST_F(PluggableAuthTest, BotPasswordsStillWorkWithoutLocalLogin) {
  Reply reply = client.login(kRoboBot, kRoboBotPass, kFv2);
  // g11: bot passwords do not go through AuthManager.
  EXPECT_EQ(reply.json, Json::parse(R"json({"login":{"result":"Success","lguserid":4,"lgusername":"Robo"}})json"));
  EXPECT_TRUE(reply.sets_cookie("_BPsession"));
}

// ---- The IP-only password throttle ------------------------------------------------------------

TEST_F(PluggableAuthTest, TheSixthButtonPressIn300SecondsIsThrottledUntilAFlowPasses) {
  // FINDINGS.md "Most important" item 9, §4e: a press without a username counts toward the
  // throttle of the IP alone.
  std::deque<ApiClient> browsers;  // each with a session of its own
  for (int i = 0; i < 6; ++i) browsers.emplace_back(wiki.api_url());
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(begin_with(browsers[i]).json, recorded(kRedirect)) << "press " << i + 1;  // e0.1-5
  }
  ApiClient& sixth = browsers[5];
  // e1, e2, e3
  EXPECT_EQ(
      begin_with(sixth).json,
      Json::parse(
          R"json({"clientlogin":{"status":"FAIL","message":"You have made too many recent login attempts.\nPlease wait 5 minutes before trying again.","messagecode":"login-throttled","canpreservestate":false}})json"));
  EXPECT_EQ(
      begin_with(sixth, {{"formatversion", "2"}, {"loginmessageformat", "raw"}}).json,
      Json::parse(
          R"json({"clientlogin":{"status":"FAIL","message":{"key":"login-throttled","params":[{"duration":300}]},"messagecode":"login-throttled","canpreservestate":false}})json"));
  EXPECT_EQ(
      begin_with(sixth, {}).json,
      Json::parse(
          R"json({"clientlogin":{"status":"FAIL","message":"You have made too many recent login attempts.\nPlease wait 5 minutes before trying again.","messagecode":"login-throttled"}})json"));
  // e4: the fifth flow, begun before the limit, still completes, and its PASS clears the key.
  ApiClient& fifth = browsers[4];
  sign_in_with(fifth, "new-sub");
  EXPECT_EQ(finish_with(fifth).json, Json::parse(R"json({"clientlogin":{"status":"PASS","username":"Newbie"}})json"));
  // e5
  EXPECT_EQ(begin_with(sixth).json, recorded(kRedirect));
}

TEST_F(PluggableAuthTest, TheButtonThrottleEndsAfter300Seconds) {
  for (int i = 0; i < 5; ++i) ASSERT_EQ(begin().json["clientlogin"]["status"], "REDIRECT") << "press " << i + 1;
  ASSERT_EQ(begin().json["clientlogin"]["messagecode"], "login-throttled");
  // $wgPasswordAttemptThrottle: 5 in 300 s (ThrottlePreAuthenticationProvider).
  wiki.clock().advance(std::chrono::seconds(301));
  EXPECT_EQ(begin().json, recorded(kRedirect));
}

// ---- Mode B: $wgPluggableAuth_EnableLocalLogin --------------------------------------------

TEST_F(PluggableAuthLocalLoginTest, LoginRequestsArePasswordThenTheButtonsThenRememberMe) {
  // f1 (the second label: see kModeB).
  EXPECT_EQ(
      authmanagerinfo("login"),
      recorded(
          R"json({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":true,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":"Password-based authentication","account":"","fields":{"username":{"type":"string","label":"Username","help":"Username for authentication.","optional":false,"sensitive":false},"password":{"type":"password","label":"Password","help":"Password for authentication.","optional":false,"sensitive":true}}},{"id":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin0","metadata":{},"required":"primary-required","provider":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest","account":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin0","fields":{"pluggableauthlogin0":{"type":"button","label":"Example SSO","help":"Authenticate with PluggableAuth","optional":false,"sensitive":false}}},{"id":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin1","metadata":{},"required":"primary-required","provider":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest","account":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin1","fields":{"pluggableauthlogin1":{"type":"button","label":"Second IdP","help":"Authenticate with PluggableAuth","optional":false,"sensitive":false}}},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","provider":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","account":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","fields":{"rememberMe":{"type":"checkbox","label":"Keep me logged in","help":"Whether the password should be remembered for longer than the length of the session.","optional":true,"sensitive":false}}}]}}})json"));
}

TEST_F(PluggableAuthLocalLoginTest, LoginRequestsInFormatVersionOne) {
  // f2
  EXPECT_EQ(
      authmanagerinfo("login", {}),
      recorded(
          R"json({"batchcomplete":"","query":{"authmanagerinfo":{"canauthenticatenow":"","cancreateaccounts":"","canlinkaccounts":"","preservedusername":"","requests":[{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":"Password-based authentication","account":"","fields":{"username":{"type":"string","label":"Username","help":"Username for authentication."},"password":{"type":"password","label":"Password","help":"Password for authentication.","sensitive":""}}},{"id":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin0","metadata":{},"required":"primary-required","provider":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest","account":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin0","fields":{"pluggableauthlogin0":{"type":"button","label":"Example SSO","help":"Authenticate with PluggableAuth"}}},{"id":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin1","metadata":{},"required":"primary-required","provider":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest","account":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin1","fields":{"pluggableauthlogin1":{"type":"button","label":"Second IdP","help":"Authenticate with PluggableAuth"}}},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","provider":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","account":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","fields":{"rememberMe":{"type":"checkbox","label":"Keep me logged in","help":"Whether the password should be remembered for longer than the length of the session.","optional":""}}}]}}})json"));
}

TEST_F(PluggableAuthLocalLoginTest, MergedFieldsOfEveryPrimaryRequestBecomeOptional) {
  // f3; FINDINGS.md "Most important" item 2 (AuthenticationRequest::mergeFieldInfo).
  EXPECT_EQ(
      authmanagerinfo("login", {{"formatversion", "2"}, {"amimergerequestfields", "1"}, {"amimessageformat", "raw"}}),
      recorded(
          R"json({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":true,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":{"key":"authmanager-provider-password","params":[]},"account":{"key":"$1","params":[null]}},{"id":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin0","metadata":{},"required":"primary-required","provider":{"key":"$1","params":["MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest"]},"account":{"key":"$1","params":["MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin0"]}},{"id":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin1","metadata":{},"required":"primary-required","provider":{"key":"$1","params":["MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest"]},"account":{"key":"$1","params":["MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin1"]}},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","provider":{"key":"$1","params":["MediaWiki\\Auth\\RememberMeAuthenticationRequest"]},"account":{"key":"$1","params":["MediaWiki\\Auth\\RememberMeAuthenticationRequest"]}}],"fields":{"username":{"type":"string","label":{"key":"userlogin-yourname","params":[]},"help":{"key":"authmanager-username-help","params":[]},"optional":true,"sensitive":false},"password":{"type":"password","label":{"key":"userlogin-yourpassword","params":[]},"help":{"key":"authmanager-password-help","params":[]},"optional":true,"sensitive":true},"pluggableauthlogin0":{"type":"button","label":{"key":"Example SSO","params":[]},"help":{"key":"pluggableauth-loginbutton-help","params":[]},"optional":true,"sensitive":false},"pluggableauthlogin1":{"type":"button","label":{"key":"Second IdP","params":[]},"help":{"key":"pluggableauth-loginbutton-help","params":[]},"optional":true,"sensitive":false},"rememberMe":{"type":"checkbox","label":{"key":"userlogin-remembermypassword","params":[{"num":180}]},"help":{"key":"authmanager-userlogin-remembermypassword-help","params":[]},"optional":true,"sensitive":false}}}}})json"));
}

TEST_F(PluggableAuthLocalLoginTest, CreateRequestsHaveThePasswordBack) {
  // f3b
  EXPECT_EQ(
      authmanagerinfo("create", {{"formatversion", "2"}, {"amimergerequestfields", "1"}}),
      recorded(
          R"json({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":true,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":"Password-based authentication","account":""},{"id":"MediaWiki\\Auth\\UsernameAuthenticationRequest","metadata":{},"required":"required","provider":"MediaWiki\\Auth\\UsernameAuthenticationRequest","account":"MediaWiki\\Auth\\UsernameAuthenticationRequest"},{"id":"MediaWiki\\Auth\\UserDataAuthenticationRequest","metadata":{},"required":"required","provider":"MediaWiki\\Auth\\UserDataAuthenticationRequest","account":"MediaWiki\\Auth\\UserDataAuthenticationRequest"}],"fields":{"username":{"type":"string","label":"Username","help":"Username for authentication.","optional":false,"sensitive":false},"password":{"type":"password","label":"Password","help":"Password for authentication.","optional":false,"sensitive":true},"retype":{"type":"password","label":"Retype password:","help":"Password again to confirm.","optional":false,"sensitive":true},"email":{"type":"string","label":"Email","help":"Email address","optional":true,"sensitive":false},"realname":{"type":"string","label":"Real name","help":"Real name of the user","optional":true,"sensitive":false}}}}})json"));
}

TEST_F(PluggableAuthLocalLoginTest, TheButtonWinsOverUsernameAndPassword) {
  // FINDINGS.md "Most important" item 10: PluggableAuth (sort 0) is asked before LocalPassword.
  // f4: the right password.
  EXPECT_EQ(begin({{"username", kAlice}, {"password", kAlicePass}, {"formatversion", "2"}}).json, recorded(kRedirect));
  // f5: a wrong one.
  EXPECT_EQ(begin({{"username", kThrottled}, {"password", "wrong"}, {"formatversion", "2"}}).json, recorded(kRedirect));
  // f9: a username only.
  EXPECT_EQ(begin({{"username", kAlice}, {"formatversion", "2"}}).json, recorded(kRedirect));
}

TEST_F(PluggableAuthLocalLoginTest, APasswordAloneLogsIn) {
  // f6
  EXPECT_EQ(client.client_login(kAlice, kAlicePass, kFv2).json,
            Json::parse(R"json({"clientlogin":{"status":"PASS","username":"Alice"}})json"));
}

TEST_F(PluggableAuthLocalLoginTest, TheSecondButtonGoesToTheSecondProvider) {
  // f7, f7b
  EXPECT_EQ(begin(kFv2, "pluggableauthlogin1").json, recorded(kRedirect));
  Reply to_provider = client.browse(login_page());
  EXPECT_TRUE(to_provider.header("Location").starts_with(server() + "/oidc/1/authorize?"))
      << to_provider.header("Location");
  sign_in_as("second-sub");
  EXPECT_EQ(finish().json, Json::parse(R"json({"clientlogin":{"status":"PASS","username":"SecondUser"}})json"));
}

TEST_F(PluggableAuthLocalLoginTest, WithBothButtonsPressedTheFirstIsUsed) {
  // f8 (PrimaryAuthenticationProvider::beginPrimaryAuthentication takes $matches[0]).
  EXPECT_EQ(begin({{"pluggableauthlogin1", "1"}, {"formatversion", "2"}}).json, recorded(kRedirect));
  EXPECT_TRUE(client.browse(login_page()).header("Location").starts_with(server() + "/oidc/0/authorize?"));
}

}  // namespace
}  // namespace mockwiki::testing
