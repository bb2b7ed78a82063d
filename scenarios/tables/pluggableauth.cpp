// PluggableAuth and OpenID Connect: the button, REDIRECT, the visit, the continue (fixture pluggableauth; NOTES.md
// §10.1-10.2; recorded in tests/reference/mw-1.39-flows/pluggableauth)
//
// Recorded from a real MediaWiki 1.39 with PluggableAuth 7.x (one button, "Example SSO", and no
// local login), which the CI reference wiki lacks, hence tag mock. The mock's
// Special:PluggableAuthLogin runs OpenIDConnect with a fake identity provider on the wiki's own
// host; a visit of redirecttarget with identity=SUB signs in as that identity of the fixture
// without showing the provider's page (mockwiki/src/web/openid_provider.cpp).
#include "tables/steps.h"
#include "tables/tables.h"

namespace scenarios {
namespace {

const char* const kReturnUrl = "http://example.org/back?x=1";

// The one request of PluggableAuth's REDIRECT and of login-continue: no fields (NOTES.md §10.1).
const char* const kContinueRequests =
    R"([{"id":"MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest","metadata":{},)"
    R"("required":"required","provider":"MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest",)"
    R"("account":"MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest","fields":{}}])";

const char* const kNotInProgress =
    R"({"status":"FAIL","message":"Authentication is not in progress or session data has been lost. Please start )"
    R"(again from the beginning.","messagecode":"authmanager-authn-not-in-progress","canpreservestate":false})";

// clientlogin with the button (fv2): REDIRECT to Special:PluggableAuthLogin, without message,
// messagecode, canpreservestate or redirectdata; redirecttarget captured as RT.
Step press_button() {
  return {.name = "clientlogin with the button",
          .method = "POST",
          .params = {{"action", "clientlogin"},
                     {"pluggableauthlogin0", "1"},
                     {"loginreturnurl", kReturnUrl},
                     {"logintoken", "{T}"},
                     {"format", "json"},
                     {"formatversion", "2"}},
          .capture = {{"RT", "/clientlogin/redirecttarget"}},
          .expect = {.json = {{"/clientlogin/status", R"("REDIRECT")"},
                              {"/clientlogin/redirecttarget", "<present>"},
                              {"/clientlogin/requests", kContinueRequests},
                              {"/clientlogin/message", "<absent>"},
                              {"/clientlogin/messagecode", "<absent>"},
                              {"/clientlogin/canpreservestate", "<absent>"},
                              {"/clientlogin/redirectdata", "<absent>"},
                              {"/clientlogin/username", "<absent>"}}}};
}

// The browser's trip: redirecttarget, the identity provider, back to Special:PluggableAuthLogin,
// which ends in a 302 to loginreturnurl unchanged, nothing appended.
Step visit_as(const char* identity) {
  return {.name = std::string("visit redirecttarget as ") + identity,
          .params = {{"identity", identity}},
          .visit = "{RT}",
          .expect = {.status = 302, .location = kReturnUrl}};
}

Step continue_login(std::vector<Check> checks, std::vector<std::string> cookies = {}) {
  return {.name = "clientlogin logincontinue=1",
          .method = "POST",
          .params = {{"action", "clientlogin"},
                     {"logincontinue", "1"},
                     {"logintoken", "{T}"},
                     {"format", "json"},
                     {"formatversion", "2"}},
          .expect = {.json = std::move(checks), .cookies_set = std::move(cookies)}};
}

Step userinfo(std::vector<Check> checks) {
  return {.name = "userinfo",
          .params = {{"action", "query"},
                     {"meta", "userinfo"},
                     {"uiprop", "groups|realname|email"},
                     {"format", "json"},
                     {"formatversion", "2"}},
          .expect = {.json = std::move(checks)}};
}

}  // namespace

std::vector<Scenario> pluggableauth_scenarios() {
  return {
      {.name = "pluggableauth/authmanagerinfo-shows-the-button-and-no-password",
       .tag = Tag::Mock,
       .source = "recorded from MediaWiki 1.39 with PluggableAuth: tests/reference/mw-1.39-flows/pluggableauth/"
                 "pa-ami.json; NOTES.md §10.1 (BeginAuthenticationRequest:pluggableauthlogin0; without "
                 "$wgPluggableAuth_EnableLocalLogin no PasswordAuthenticationRequest; canlinkaccounts true)",
       .fixture = "pluggableauth",
       .steps =
           {{.name = "authmanagerinfo login",
             .params = {{"action", "query"},
                        {"meta", "authmanagerinfo"},
                        {"amirequestsfor", "login"},
                        {"format", "json"},
                        {"formatversion", "2"}},
             .expect = {.json =
                            {
                                {"/query/authmanagerinfo/canlinkaccounts", "true"},
                                {"/query/authmanagerinfo/requests/0",
                                 R"({"id":"MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:)"
                                 R"(pluggableauthlogin0","metadata":{},"required":"primary-required","provider":)"
                                 R"("MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest","account":)"
                                 R"("MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest:)"
                                 R"(pluggableauthlogin0","fields":{"pluggableauthlogin0":{"type":"button","label":)"
                                 R"("Example SSO","help":"Authenticate with PluggableAuth","optional":false,)"
                                 R"("sensitive":false}}})"},
                                {"/query/authmanagerinfo/requests/1/id",
                                 R"("MediaWiki\\Auth\\RememberMeAuthenticationRequest")"},
                                {"/query/authmanagerinfo/requests/2", "<absent>"},
                            }}}}},
      {.name = "pluggableauth/button-redirects-to-special-pluggableauthlogin",
       .tag = Tag::Mock,
       .source = "recorded from MediaWiki 1.39 with PluggableAuth: tests/reference/mw-1.39-flows/pluggableauth/"
                 "pa-new-user.json, pa-existing-account.json; NOTES.md §10.1 (REDIRECT with the "
                 "ContinueAuthenticationRequest, no message; login-continue lists it), §4.2",
       .fixture = "pluggableauth",
       .steps = {steps::login_token(),
                 press_button(),
                 {.name = "authmanagerinfo login-continue",
                  .params = {{"action", "query"},
                             {"meta", "authmanagerinfo"},
                             {"amirequestsfor", "login-continue"},
                             {"format", "json"},
                             {"formatversion", "2"}},
                  .expect = {.json = {{"/query/authmanagerinfo/requests", kContinueRequests}}}},
                 visit_as("PAUser"),
                 steps::whoami("127.0.0.1")}},
      {.name = "pluggableauth/linked-account-passes-after-the-visit",
       .tag = Tag::Mock,
       .source = "recorded from MediaWiki 1.39 with PluggableAuth: tests/reference/mw-1.39-flows/pluggableauth/"
                 "pa-existing-account.json; NOTES.md §10.1 (302 to loginreturnurl unchanged; logincontinue=1 "
                 "with the same token, no fields: PASS), §10.2 (an identity linked by sub and issuer)",
       .fixture = "pluggableauth",
       .steps = {steps::login_token(), press_button(), visit_as("Alice"),
                 continue_login({{"/clientlogin", R"({"status":"PASS","username":"Alice"})"}},
                                {"_session", "UserID", "UserName"}),
                 userinfo({{"/query/userinfo/name", R"("Alice")"},
                           {"/query/userinfo/groups", R"(["*","user","autoconfirmed"])"},
                           {"/query/userinfo/realname", R"("")"},
                           {"/query/userinfo/email", R"("")"}})}},
      {.name = "pluggableauth/new-identity-is-auto-created",
       .tag = Tag::Mock,
       .source = "recorded from MediaWiki 1.39 with PluggableAuth: tests/reference/mw-1.39-flows/pluggableauth/"
                 "pa-new-user-realname-email.json, pa-new-user.json (auto-creation sets the ChronologyProtector "
                 "cookies too); NOTES.md §10.1 (AuthManager::autoCreateUser), §10.2",
       .fixture = "pluggableauth",
       .steps = {steps::login_token(), press_button(), visit_as("NewPerson"),
                 continue_login({{"/clientlogin", R"({"status":"PASS","username":"NewPerson"})"}},
                                {"_session", "UserID", "UserName", "cpPosIndex", "UseDC", "UseCDNCache"}),
                 userinfo({{"/query/userinfo/name", R"("NewPerson")"},
                           {"/query/userinfo/groups", R"(["*","user","autoconfirmed"])"},
                           {"/query/userinfo/realname", R"("New Person")"},
                           {"/query/userinfo/email", R"("np@example.org")"}})}},
      {.name = "pluggableauth/password-without-local-login-is-no-primary",
       .tag = Tag::Mock,
       .source = "recorded from MediaWiki 1.39 with PluggableAuth: tests/reference/mw-1.39-flows/pluggableauth/"
                 "pa-no-local-login.json; NOTES.md §10.1 (PluggableAuthHooks::onRegistration removes the password "
                 "providers), §4.3 (authmanager-authn-no-primary); bot passwords are not AuthManager's",
       .fixture = "pluggableauth",
       .steps = {steps::login_token(),
                 {.name = "clientlogin with username and password",
                  .method = "POST",
                  .params = {{"action", "clientlogin"},
                             {"username", "{ALICE}"},
                             {"password", "{ALICE_PASS}"},
                             {"loginreturnurl", kReturnUrl},
                             {"logintoken", "{T}"},
                             {"format", "json"},
                             {"formatversion", "2"}},
                  .expect = {.json = {{"/warnings/main/warnings", R"("Unrecognized parameters: username, password.")"},
                                      {"/clientlogin",
                                       R"({"status":"FAIL","message":"The supplied credentials could )"
                                       R"(not be authenticated.","messagecode":)"
                                       R"("authmanager-authn-no-primary","canpreservestate":false})"}}}},
                 steps::login("{ALICE}", "{ALICE_PASS}",
                              {.json = {{"/login", R"({"result":"Failed","reason":"The supplied credentials could not )"
                                                   R"(be authenticated."})"}}}),
                 steps::whoami("127.0.0.1"),
                 steps::login_token(),
                 [] {
                   Step s = steps::login_success("{ROBO_BOT}", "{ROBO_BOT_PASS}", "Robo");
                   s.name = "a bot password still logs in";
                   s.expect.cookies_set = {"_BPsession"};
                   return s;
                 }()}},
      {.name = "pluggableauth/continue-without-the-visit-is-a-typeerror",
       .tag = Tag::Mock,
       .source = "recorded from MediaWiki 1.39 with PluggableAuth: tests/reference/mw-1.39-flows/pluggableauth/"
                 "pa-continue-without-visit.json; NOTES.md §10.1 (the PluggableAuth REL1_39 bug: "
                 "UserFactory::newFromName(null)), §8 (internal_api_error_<Class>, HTTP 200 with the header)",
       .fixture = "pluggableauth",
       .steps = {steps::login_token(), press_button(),
                 [] {
                   Step s = continue_login({{"/error/code", R"("internal_api_error_TypeError")"},
                                            {"/error/errorclass", R"("TypeError")"},
                                            {"/error/info", "<present>"},
                                            {"/clientlogin", "<absent>"}});
                   s.name = "logincontinue=1 without visiting redirecttarget";
                   s.expect.api_error = "internal_api_error_TypeError";
                   return s;
                 }(),
                 [] {
                   Step s = continue_login({{"/errors/0/code", R"("internal_api_error_TypeError")"},
                                            {"/errors/0/data", R"({"errorclass":"TypeError"})"},
                                            {"/errors/0/text", "<absent>"}});
                   s.name = "again with errorformat=none";
                   s.params.emplace_back("errorformat", "none");
                   s.expect.api_error = "internal_api_error_TypeError";
                   return s;
                 }(),
                 visit_as("LateVisit"),
                 continue_login({{"/clientlogin", R"({"status":"PASS","username":"LateVisit"})"}}),
                 steps::whoami("LateVisit")}},
      {.name = "pluggableauth/identity-provider-refusal-is-fail",
       .tag = Tag::Mock,
       .source = "recorded from MediaWiki 1.39 with PluggableAuth: tests/reference/mw-1.39-flows/pluggableauth/"
                 "pa-fail.json (the plugin's error: FAIL as a RawMessage, canpreservestate false; a second continue "
                 "is authmanager-authn-not-in-progress); NOTES.md §10.1, §10.2 (the provider's error=access_denied "
                 "back at Special:PluggableAuthLogin; OpenIDConnectClient throws 'Error: ... Description: ...')",
       .fixture = "pluggableauth",
       .steps =
           {steps::login_token(),
            press_button(),
            {.name = "visit redirecttarget: the identity provider's page, where the user refuses",
             .visit = "{RT}",
             .expect = {.status = 200}},
            {.name = "the provider's Deny button (deny=1): error=access_denied back to the wiki, then 302 to "
                     "loginreturnurl",
             .params = {{"response_type", "code"}, {"client_id", "mockwiki"}, {"redirect_uri", "{RT}"}, {"deny", "1"}},
             .visit = "/oidc/0/authorize",
             .expect = {.status = 302, .location = kReturnUrl}},
            continue_login({{"/clientlogin/status", R"("FAIL")"},
                            {"/clientlogin/message", "<present>"},
                            {"/clientlogin/messagecode", "<present>"},
                            {"/clientlogin/canpreservestate", "false"},
                            {"/clientlogin/username", "<absent>"}}),
            continue_login({{"/clientlogin", kNotInProgress}}),
            steps::whoami("127.0.0.1")}},
  };
}

}  // namespace scenarios
