// AuthManager's RESTART and the preserved state behind canpreservestate, loginpreservestate,
// createpreservestate and authmanagerinfo's haspreservedstate/hasprimarypreservedstate/
// preservedusername, over HTTP against in-process mocks.
//
// Sources: real MediaWiki 1.39.17 with a test-only TYPE_LINK provider (DummyLink, a button),
// recorded in tests/reference/raw/flows/restart.txt (case ids below; FINDINGS.md §3 and "Most
// important" items 1 and 7; ../shared/reference/NOTES.md §10.3), and core's
// includes/auth/AuthManager.php continueAuthentication() and includes/api/ApiAuthManagerHelper.php.
//
// No extension the mock has answers RESTART, so the mock produces it in two mock-only ways
// (README.md "Login flows"): a scripted `restart` step (mockwiki/flow.h), which answers PASS
// without a user as DummyLink did, and PluggableAuth's `"unlinked": "restart"`
// (mockwiki/fixture.h), for an identity linked to no account. What AuthManager makes of the
// PASS without a user is MediaWiki's and is compared with the recordings, with the DummyLink
// button taken out or replaced by the mock's own primary requests. Tests of what only the
// mock does (which identity gets linked to which account) have MockOnly in their names.
#include "mockwiki/flow.h"
#include "mockwiki/sso_test.h"

namespace mockwiki::testing {
namespace {

using namespace accounts;

// b1 (fv2), b2 (fv1), b4 (raw), b5 (none) and c2 (login-continue after a RESTART), as recorded.
constexpr const char* kB1 =
    R"json({"clientlogin":{"status":"RESTART","requests":[{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":"Password-based authentication","account":"","fields":{"username":{"type":"string","label":"Username","help":"Username for authentication.","optional":false,"sensitive":false},"password":{"type":"password","label":"Password","help":"Password for authentication.","optional":false,"sensitive":true}}},{"id":"MediaWiki\\Auth\\ButtonAuthenticationRequest:dummylink","metadata":{},"required":"primary-required","provider":"MediaWiki\\Auth\\ButtonAuthenticationRequest","account":"MediaWiki\\Auth\\ButtonAuthenticationRequest:dummylink","fields":{"dummylink":{"type":"button","label":"Log in with Dummy","help":"Dummy help","optional":false,"sensitive":false}}},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","provider":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","account":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","fields":{"rememberMe":{"type":"checkbox","label":"Keep me logged in","help":"Whether the password should be remembered for longer than the length of the session.","optional":true,"sensitive":false}}}],"message":"The supplied credentials are not associated with any user on this wiki.","messagecode":"authmanager-authn-no-local-user","canpreservestate":true}})json";
constexpr const char* kB2 =
    R"json({"clientlogin":{"status":"RESTART","requests":[{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":"Password-based authentication","account":"","fields":{"username":{"type":"string","label":"Username","help":"Username for authentication."},"password":{"type":"password","label":"Password","help":"Password for authentication.","sensitive":""}}},{"id":"MediaWiki\\Auth\\ButtonAuthenticationRequest:dummylink","metadata":{},"required":"primary-required","provider":"MediaWiki\\Auth\\ButtonAuthenticationRequest","account":"MediaWiki\\Auth\\ButtonAuthenticationRequest:dummylink","fields":{"dummylink":{"type":"button","label":"Log in with Dummy","help":"Dummy help"}}},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","provider":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","account":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","fields":{"rememberMe":{"type":"checkbox","label":"Keep me logged in","help":"Whether the password should be remembered for longer than the length of the session.","optional":""}}}],"message":"The supplied credentials are not associated with any user on this wiki.","messagecode":"authmanager-authn-no-local-user","canpreservestate":""}})json";
constexpr const char* kB4 =
    R"json({"clientlogin":{"status":"RESTART","requests":[{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":{"key":"authmanager-provider-password","params":[]},"account":{"key":"$1","params":[null]},"fields":{"username":{"type":"string","label":{"key":"userlogin-yourname","params":[]},"help":{"key":"authmanager-username-help","params":[]},"optional":false,"sensitive":false},"password":{"type":"password","label":{"key":"userlogin-yourpassword","params":[]},"help":{"key":"authmanager-password-help","params":[]},"optional":false,"sensitive":true}}},{"id":"MediaWiki\\Auth\\ButtonAuthenticationRequest:dummylink","metadata":{},"required":"primary-required","provider":{"key":"$1","params":["MediaWiki\\Auth\\ButtonAuthenticationRequest"]},"account":{"key":"$1","params":["MediaWiki\\Auth\\ButtonAuthenticationRequest:dummylink"]},"fields":{"dummylink":{"type":"button","label":{"key":"Log in with Dummy","params":[]},"help":{"key":"Dummy help","params":[]},"optional":false,"sensitive":false}}},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","provider":{"key":"$1","params":["MediaWiki\\Auth\\RememberMeAuthenticationRequest"]},"account":{"key":"$1","params":["MediaWiki\\Auth\\RememberMeAuthenticationRequest"]},"fields":{"rememberMe":{"type":"checkbox","label":{"key":"userlogin-remembermypassword","params":[{"num":180}]},"help":{"key":"authmanager-userlogin-remembermypassword-help","params":[]},"optional":true,"sensitive":false}}}],"message":{"key":"authmanager-authn-no-local-user","params":[]},"messagecode":"authmanager-authn-no-local-user","canpreservestate":true}})json";
constexpr const char* kB5 =
    R"json({"clientlogin":{"status":"RESTART","requests":[{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","fields":{"username":{"type":"string","optional":false,"sensitive":false},"password":{"type":"password","optional":false,"sensitive":true}}},{"id":"MediaWiki\\Auth\\ButtonAuthenticationRequest:dummylink","metadata":{},"required":"primary-required","fields":{"dummylink":{"type":"button","optional":false,"sensitive":false}}},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","fields":{"rememberMe":{"type":"checkbox","optional":true,"sensitive":false}}}],"messagecode":"authmanager-authn-no-local-user","canpreservestate":true}})json";
// c2, with "canlinkaccounts" as the mock's wikis say it (see the tests).
constexpr const char* kC2 =
    R"json({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":true,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":"Password-based authentication","account":"","fields":{"username":{"type":"string","label":"Username","help":"Username for authentication.","optional":false,"sensitive":false},"password":{"type":"password","label":"Password","help":"Password for authentication.","optional":false,"sensitive":true}}},{"id":"MediaWiki\\Auth\\ButtonAuthenticationRequest:dummylink","metadata":{},"required":"primary-required","provider":"MediaWiki\\Auth\\ButtonAuthenticationRequest","account":"MediaWiki\\Auth\\ButtonAuthenticationRequest:dummylink","fields":{"dummylink":{"type":"button","label":"Log in with Dummy","help":"Dummy help","optional":false,"sensitive":false}}},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional","provider":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","account":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","fields":{"rememberMe":{"type":"checkbox","label":"Keep me logged in","help":"Whether the password should be remembered for longer than the length of the session.","optional":true,"sensitive":false}}},{"id":"MediaWiki\\Auth\\CreateFromLoginAuthenticationRequest","metadata":{},"required":"optional","provider":"MediaWiki\\Auth\\CreateFromLoginAuthenticationRequest","account":"MediaWiki\\Auth\\CreateFromLoginAuthenticationRequest","fields":{}}]}}}
)json";

constexpr const char* kNoPrimary =
    R"json({"clientlogin":{"status":"FAIL","message":"The supplied credentials could not be authenticated.","messagecode":"authmanager-authn-no-primary","canpreservestate":false}})json";
constexpr const char* kNotInProgress =
    R"json({"clientlogin":{"status":"FAIL","message":"Authentication is not in progress or session data has been lost. Please start again from the beginning.","messagecode":"authmanager-authn-not-in-progress","canpreservestate":false}})json";
constexpr const char* kWrongPassword =
    R"json({"clientlogin":{"status":"FAIL","message":"Incorrect username or password entered.\nPlease try again.","messagecode":"wrongpassword","canpreservestate":false}})json";

// PluggableAuth's button (pluggable_auth_test.cpp, f1): the mock's primary request where the
// recordings had DummyLink's.
constexpr const char* kSsoButton =
    R"json({"id":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin0","metadata":{},"required":"primary-required","provider":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest","account":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:pluggableauthlogin0","fields":{"pluggableauthlogin0":{"type":"button","label":"Example SSO","help":"Authenticate with PluggableAuth","optional":false,"sensitive":false}}})json";

Json pass(const std::string& name) { return {{"clientlogin", {{"status", "PASS"}, {"username", name}}}}; }

// A recorded answer with DummyLink's request replaced by `button`, or taken out if null.
Json with_button(const std::string& recorded, const Json& button = nullptr) {
  Json reply = Json::parse(recorded);
  Json& requests =
      reply.contains("clientlogin") ? reply["clientlogin"]["requests"] : reply["query"]["authmanagerinfo"]["requests"];
  Json out = Json::array();
  for (auto& request : requests) {
    if (request["id"].get<std::string>().ends_with(":dummylink")) {
      if (!button.is_null()) out.push_back(button);
    } else {
      out.push_back(request);
    }
  }
  requests = std::move(out);
  return reply;
}

class RestartTest : public SsoTest {
 protected:
  using SsoTest::SsoTest;

  // A new login token, then clientlogin with `body` and loginreturnurl (fv2 unless `extra` says).
  Reply start(ApiClient& c, Params body, const Params& extra = kFv2) {
    tokens_[&c] = c.login_token();
    body.emplace_back("loginreturnurl", kReturnUrl);
    body.insert(body.end(), extra.begin(), extra.end());
    return clientlogin(c, body);
  }
  Reply start(Params body, const Params& extra = kFv2) { return start(client, std::move(body), extra); }
  // logincontinue=1 with `fields`.
  Reply next(Params fields = {}, const Params& extra = kFv2) {
    fields.insert(fields.begin(), {"logincontinue", "1"});
    fields.insert(fields.end(), extra.begin(), extra.end());
    return clientlogin(client, fields);
  }
  // action=createaccount (fv2) with a createaccount token and createreturnurl.
  Reply create(ApiClient& c, Params body) {
    const Json tokens =
        c.get({{"action", "query"}, {"meta", "tokens"}, {"type", "createaccount"}, {"format", "json"}}).json;
    body.insert(body.begin(), {{"action", "createaccount"},
                               {"createtoken", tokens["query"]["tokens"]["createaccounttoken"]},
                               {"createreturnurl", "http://example.org/"},
                               {"format", "json"},
                               {"formatversion", "2"}});
    return c.post(body);
  }
  Json info(ApiClient& c, const std::string& requests_for) {
    return c
        .get({{"action", "query"},
              {"meta", "authmanagerinfo"},
              {"amirequestsfor", requests_for},
              {"format", "json"},
              {"formatversion", "2"}})
        .json;
  }
  // haspreservedstate, hasprimarypreservedstate and preservedusername for `requests_for`.
  Json preserved(const std::string& requests_for = "create") {
    const Json got = info(client, requests_for)["query"]["authmanagerinfo"];
    return Json::array({got["haspreservedstate"], got["hasprimarypreservedstate"], got["preservedusername"]});
  }
};

// ---- A scripted restart step ----------------------------------------------------------------

// The reference accounts and Dave, whose right password answers RESTART (a scripted step: the
// mock's PASS without a user, as DummyLink's button gave).
const std::string kScripted = std::string(R"json({"accounts": [)json") + kReferenceAccounts + R"json(,
  {"name": "Dave", "password": "DavePassw0rd!23", "flow": [{"restart": {}}]}]})json";

constexpr const char* kDave = "Dave";
constexpr const char* kDavePass = "DavePassw0rd!23";

class ScriptedRestartTest : public RestartTest {
 protected:
  ScriptedRestartTest() : RestartTest(kScripted) {}
  Reply restart(const Params& extra = kFv2) { return start({{"username", kDave}, {"password", kDavePass}}, extra); }
};

TEST_F(ScriptedRestartTest, RestartListsEveryLoginRequestAgainInEveryFormatAndSetsNoCookie) {
  Reply reply = restart();
  // b1: authmanager-authn-no-local-user (no ConfirmLink), the login requests as for a new
  // login, canpreservestate because the provider gave a createRequest; no Set-Cookie.
  EXPECT_EQ(reply.json, with_button(kB1));
  EXPECT_TRUE(reply.set_cookies.empty());
  EXPECT_EQ(reply.api_error(), std::nullopt);
  // b2, b4, b5; b6: html is the same as wikitext.
  EXPECT_EQ(restart({}).json, with_button(kB2));
  EXPECT_EQ(restart({{"formatversion", "2"}, {"loginmessageformat", "raw"}}).json, with_button(kB4));
  EXPECT_EQ(restart({{"formatversion", "2"}, {"loginmessageformat", "none"}}).json, with_button(kB5));
  EXPECT_EQ(restart({{"formatversion", "2"}, {"loginmessageformat", "html"}}).json, with_button(kB1));
}

TEST_F(ScriptedRestartTest, APasswordOnTheContinueLogsInAndThePreservedStateOutlivesThePass) {
  restart();
  // d1: the login stays in progress with no primary chosen, so the primaries run again.
  Reply reply = next({{"username", kAlice}, {"password", kAlicePass}});
  EXPECT_EQ(reply.json, pass(kAlice));
  EXPECT_TRUE(reply.sets_cookie("_session"));
  EXPECT_TRUE(reply.sets_cookie("UserID"));
  EXPECT_TRUE(reply.sets_cookie("UserName"));
  EXPECT_EQ(userinfo(client), Json::parse(R"json({"id":3,"name":"Alice"})json"));
  // d1b: PHP's session handler writes the removed createRequest back (FINDINGS.md "Most
  // important" item 1); d3b: the login itself is over.
  EXPECT_EQ(preserved(), Json::parse(R"json([true,true,""])json"));
  EXPECT_EQ(info(client, "login-continue")["query"]["authmanagerinfo"]["requests"], Json::array());
}

TEST_F(ScriptedRestartTest, TheSameCredentialsOnTheContinueRestartAgain) {
  restart();
  // d5: the RESTART's requests are the continue requests, so what restarted restarts again.
  EXPECT_EQ(next({{"username", kDave}, {"password", kDavePass}}).json, with_button(kB1));
  EXPECT_EQ(next({{"username", kAlice}, {"password", kAlicePass}}).json, pass(kAlice));
}

TEST_F(ScriptedRestartTest, NothingOnTheContinueFailsWithNoPrimaryAndEndsTheLogin) {
  restart();
  // d6, d7 (with the warning for the fields nobody asked for any more).
  EXPECT_EQ(next().json, Json::parse(kNoPrimary));
  Json d7 = {{"warnings", {{"main", {{"warnings", "Unrecognized parameters: username, password."}}}}}};
  d7["clientlogin"] = Json::parse(kNotInProgress)["clientlogin"];
  EXPECT_EQ(next({{"username", kAlice}, {"password", kAlicePass}}).json, d7);
}

TEST_F(ScriptedRestartTest, AuthManagerInfoAfterARestart) {
  ApiClient fresh = another_client();
  const Json fresh_login = info(fresh, "login");
  const Json fresh_create = info(fresh, "create");
  restart();
  // c1: login requests as ever, nothing preserved for a login (no maybeLink without ConfirmLink).
  EXPECT_EQ(info(client, "login"), fresh_login);
  // c2: the RESTART's requests and the CreateFromLoginAuthenticationRequest, which authmanagerinfo
  // does not filter out. The mock's wiki has no TYPE_LINK provider, so canlinkaccounts is false.
  Json c2 = with_button(kC2);
  c2["query"]["authmanagerinfo"]["canlinkaccounts"] = false;
  EXPECT_EQ(info(client, "login-continue"), c2);
  // c3: the create requests as ever, with the preserved state.
  Json c3 = fresh_create;
  c3["query"]["authmanagerinfo"]["haspreservedstate"] = true;
  c3["query"]["authmanagerinfo"]["hasprimarypreservedstate"] = true;
  EXPECT_EQ(info(client, "create"), c3);
  // c4
  EXPECT_EQ(
      info(client, "create-continue"),
      Json::parse(
          R"json({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":false,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[]}}})json"));
  // c5: fv1
  const Json fv1 =
      client.get({{"action", "query"}, {"meta", "authmanagerinfo"}, {"amirequestsfor", "create"}, {"format", "json"}})
          .json["query"]["authmanagerinfo"];
  EXPECT_EQ(Json::array({fv1["haspreservedstate"], fv1["hasprimarypreservedstate"], fv1["preservedusername"]}),
            Json::parse(R"json(["","",""])json"));
}

TEST_F(ScriptedRestartTest, AFailDropsThePreservedStateAndANewRestartBringsItBack) {
  restart();
  ASSERT_EQ(preserved(), Json::parse(R"json([true,true,""])json"));
  // f3, f3b: a wrong password on the continue; the FAIL stores its own createRequest, none.
  EXPECT_EQ(next({{"username", kThrottled}, {"password", "wrong"}}).json, Json::parse(kWrongPassword));
  EXPECT_EQ(preserved(), Json::parse(R"json([false,false,""])json"));
  // f4
  EXPECT_EQ(restart().json, with_button(kB1));
  EXPECT_EQ(preserved(), Json::parse(R"json([true,true,""])json"));
  // f1, f1b: a wrong password on a new login.
  EXPECT_EQ(start({{"username", kThrottled}, {"password", "wrong"}}).json, Json::parse(kWrongPassword));
  EXPECT_EQ(preserved(), Json::parse(R"json([false,false,""])json"));
}

TEST_F(ScriptedRestartTest, LoginPreserveStateOnANewLoginPassesAndIsIgnoredWithNothingPreserved) {
  restart();
  // d2
  EXPECT_EQ(start({{"username", kAlice}, {"password", kAlicePass}, {"loginpreservestate", "1"}}).json, pass(kAlice));
  // d6, d8: after a FAIL nothing is preserved; loginpreservestate=1 is silently ignored.
  ApiClient other = another_client();
  start(other, {{"username", kDave}, {"password", kDavePass}});
  ASSERT_EQ(start(other, {}).json, Json::parse(kNoPrimary));
  EXPECT_EQ(start(other, {{"username", kAlice}, {"password", kAlicePass}, {"loginpreservestate", "1"}}).json,
            pass(kAlice));
}

TEST_F(ScriptedRestartTest, CreatePreserveStateCreatesTheAccountWithoutLoggingIn) {
  restart();
  // e1: LocalPassword creates it; the answer is a normal createaccount PASS.
  EXPECT_EQ(create(client, {{"username", "Preserved1"},
                            {"password", "PreservedPassw0rd!23"},
                            {"retype", "PreservedPassw0rd!23"},
                            {"createpreservestate", "1"}})
                .json,
            Json::parse(R"json({"createaccount":{"status":"PASS","username":"Preserved1"}})json"));
  // e1c: not logged in; e1b: still preserved.
  EXPECT_EQ(userinfo(client), Json::parse(R"json({"id":0,"name":"127.0.0.1","anon":true})json"));
  EXPECT_EQ(preserved(), Json::parse(R"json([true,true,""])json"));
  // The new account logs in with its password.
  ApiClient other = another_client();
  EXPECT_EQ(start(other, {{"username", "Preserved1"}, {"password", "PreservedPassw0rd!23"}}).json, pass("Preserved1"));
  EXPECT_EQ(userinfo(other), Json::parse(R"json({"id":7,"name":"Preserved1"})json"));
}

TEST_F(ScriptedRestartTest, WithoutAStateToPreserveCanPreserveStateIsFalse) {
  // A PASS without a user and without a createRequest: AuthManager's RESTART with
  // canpreservestate false, and ApiAuthManagerHelper stores null (NOTES.md §10.3).
  FlowStep step = FlowStep::restart();
  step.can_preserve_state = false;
  wiki.set_flow(kDave, {step});
  Json expected = with_button(kB1);
  expected["clientlogin"]["canpreservestate"] = false;
  EXPECT_EQ(restart().json, expected);
  EXPECT_EQ(preserved(), Json::parse(R"json([false,false,""])json"));
  // No CreateFromLoginAuthenticationRequest among the continue requests.
  Json c2 = with_button(kC2);
  c2["query"]["authmanagerinfo"]["canlinkaccounts"] = false;
  c2["query"]["authmanagerinfo"]["requests"].erase(2);
  EXPECT_EQ(info(client, "login-continue"), c2);
}

// ---- PluggableAuth's "unlinked": "restart" (mock-only) ----------------------------------------

// Mode B (local login, so accounts can be created with passwords) with the mock-only option.
const std::string kSso = std::string(R"json({
  "extensions": ["PluggableAuth", "OpenIDConnect"],
  "accounts": [)json") + kReferenceAccounts +
                         R"json(],
  "pluggableauth": {"enable_local_login": true, "providers": [
    {"label": "Example SSO", "unlinked": "restart", "identities": [
      {"sub": "alice-sub", "account": "Alice"},
      {"sub": "new-sub", "preferred_username": "Newbie", "email": "newbie@example.org", "name": "New Bie"}]}]}})json";

class SsoRestartTest : public RestartTest {
 protected:
  SsoRestartTest() : RestartTest(kSso) {}
  Json sso_restart() { return with_button(kB1, Json::parse(kSsoButton)); }
};

TEST_F(SsoRestartTest, MockOnlyAnUnlinkedIdentityAnswersRestartAndALinkedOneLogsIn) {
  // fixture.h: "unlinked": "restart" answers RESTART where OpenIDConnect would create an account;
  // the answer is AuthManager's (b1), with PluggableAuth's button where DummyLink's was
  // (request order: pluggableauth.txt f1).
  EXPECT_EQ(sso_login("new-sub").json, sso_restart());
  EXPECT_EQ(userinfo(client), Json::parse(R"json({"id":0,"name":"127.0.0.1","anon":true})json"));
  // b11: preservedusername is the createRequest's username, whatever the action
  // (ApiQueryAuthManagerInfo); the mock's createRequest carries the identity's
  // preferred_username (mockwiki/src/auth/providers/pluggable_auth.cpp).
  EXPECT_EQ(preserved(), Json::parse(R"json([true,true,"Newbie"])json"));
  EXPECT_EQ(preserved("login"), Json::parse(R"json([false,false,"Newbie"])json"));
  // fixture.h: only identities linked to no account restart.
  ApiClient other = another_client();
  begin_with(other);
  sign_in_with(other, "alice-sub");
  EXPECT_EQ(finish_with(other).json, pass(kAlice));
}

TEST_F(SsoRestartTest, MockOnlyAfterAnSsoRestartTheButtonRedirectsAgainAndAPasswordLogsIn) {
  sso_login("new-sub");
  // d5: the button is among the continue requests, so PluggableAuth begins again.
  Reply again = next({{"pluggableauthlogin0", "1"}});
  EXPECT_EQ(again.json["clientlogin"]["status"], "REDIRECT") << again.body;
  sign_in_as("alice-sub");
  EXPECT_EQ(finish().json, pass(kAlice));
  // d1: a password on the continue.
  ApiClient other = another_client();
  begin_with(other);
  sign_in_with(other, "new-sub");
  ASSERT_EQ(finish_with(other).json["clientlogin"]["status"], "RESTART");
  EXPECT_EQ(clientlogin(other, {{"logincontinue", "1"}, {"username", kRobo}, {"password", kRoboPass}}).json,
            pass(kRobo));
}

TEST_F(SsoRestartTest, MockOnlyCreatePreserveStateLinksTheIdentityToTheNewAccount) {
  ASSERT_EQ(sso_login("new-sub").json["clientlogin"]["status"], "RESTART");
  // README.md "Single sign-on": createaccount with createpreservestate=1 links the identity to the
  // new account. e5: the given username wins over the preserved one.
  EXPECT_EQ(create(client, {{"username", "Linked"},
                            {"password", "LinkedPassw0rd!23"},
                            {"retype", "LinkedPassw0rd!23"},
                            {"createpreservestate", "1"}})
                .json,
            Json::parse(R"json({"createaccount":{"status":"PASS","username":"Linked"}})json"));
  EXPECT_EQ(userinfo(client)["id"], 0);

  // A second single sign-on with the same identity is that account.
  ApiClient other = another_client();
  begin_with(other);
  sign_in_with(other, "new-sub");
  EXPECT_EQ(finish_with(other).json, pass("Linked"));
  EXPECT_EQ(userinfo(other), Json::parse(R"json({"id":6,"name":"Linked"})json"));
}

TEST_F(SsoRestartTest, MockOnlyWithoutCreatePreserveStateTheIdentityStaysUnlinked) {
  sso_login("new-sub");
  // e2: creation without createpreservestate passes as well, but links nothing.
  EXPECT_EQ(
      create(client, {{"username", "Unlinked"}, {"password", "UnlinkedPassw0rd!23"}, {"retype", "UnlinkedPassw0rd!23"}})
          .json,
      Json::parse(R"json({"createaccount":{"status":"PASS","username":"Unlinked"}})json"));
  ApiClient other = another_client();
  begin_with(other);
  sign_in_with(other, "new-sub");
  EXPECT_EQ(finish_with(other).json, sso_restart());
}

}  // namespace
}  // namespace mockwiki::testing
