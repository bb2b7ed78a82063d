// Scripted clientlogin flows on the mock (an account with a "flow" added through the control plane): UI, REDIRECT,
// RESTART, PASS, FAIL, preservestate (NOTES.md §4.5, §10.3; mockwiki/flow.h)
//
// The scripted parts (the request id MockWiki\ScriptedAuthenticationRequest, the texts, the
// mock's redirect page) are the mock's own provider (mockwiki/flow.h); the shapes of the
// answers are AuthManager's and ApiAuthManagerHelper's (NOTES.md §4.2), and RESTART and
// preservestate are core's (§10.3). Each scenario adds its own account (a name no other
// scenario uses) through /__mockwiki/accounts first.
#include "tables/steps.h"
#include "tables/tables.h"

namespace scenarios {
namespace {

const char* const kFlowPass = "FlowPassw0rd!23";

// POST /__mockwiki/accounts: an account in the fixture format, with `flow` (a JSON array).
Step add_account(const std::string& name, const std::string& flow) {
  return {.name = "add " + name + " with a scripted flow",
          .admin = AdminCall{.method = "POST",
                             .path = "accounts",
                             .body = R"({"name": ")" + name + R"(", "password": ")" + kFlowPass + R"(", "flow": )" +
                                     flow + "}"},
          .expect = {.status = 201, .json = {{"/account/name", "\"" + name + "\""}}}};
}

// clientlogin with the account's password (fv2), and `extra` parameters.
Step begin(const std::string& name, std::vector<Check> checks,
           std::vector<std::pair<std::string, std::string>> extra = {}) {
  Step s{.name = "clientlogin as " + name,
         .method = "POST",
         .params = {{"action", "clientlogin"},
                    {"username", name},
                    {"password", kFlowPass},
                    {"loginreturnurl", "http://example.org/flow?a=1"},
                    {"logintoken", "{T}"},
                    {"format", "json"},
                    {"formatversion", "2"}},
         .expect = {.json = std::move(checks)}};
  for (auto& p : extra) s.params.push_back(std::move(p));
  return s;
}

// clientlogin logincontinue=1 with `fields`.
Step continue_with(const std::string& name, std::vector<std::pair<std::string, std::string>> fields,
                   std::vector<Check> checks) {
  Step s{.name = name,
         .method = "POST",
         .params = {{"action", "clientlogin"}, {"logincontinue", "1"}},
         .expect = {.json = std::move(checks)}};
  for (auto& p : fields) s.params.push_back(std::move(p));
  for (auto p : std::vector<std::pair<std::string, std::string>>{
           {"logintoken", "{T}"}, {"format", "json"}, {"formatversion", "2"}}) {
    s.params.push_back(std::move(p));
  }
  return s;
}

Step ami(const char* requests_for, std::vector<Check> checks) {
  return {.name = std::string("authmanagerinfo ") + requests_for,
          .params = {{"action", "query"},
                     {"meta", "authmanagerinfo"},
                     {"amirequestsfor", requests_for},
                     {"format", "json"},
                     {"formatversion", "2"}},
          .expect = {.json = std::move(checks)}};
}

// The UI step's request (mockwiki/flow.h: FlowStep::request_id, the fields as the fixture gives
// them; account is the user name), in ApiAuthManagerHelper::formatRequests' shape.
const char* const kCodeRequests =
    R"([{"id":"MockWiki\\ScriptedAuthenticationRequest","metadata":{},"required":"required",)"
    R"("provider":"MockWiki\\ScriptedAuthenticationRequest","account":"Flowui","fields":{"emailcode":)"
    R"({"type":"string","label":"Code","help":"The code in the e-mail.","optional":false,"sensitive":false}}}])";

const char* const kNoLocalUser = R"("The supplied credentials are not associated with any user on this wiki.")";

}  // namespace

std::vector<Scenario> flow_scenarios() {
  return {
      {.name = "flow/ui-step-wrong-value-then-right-value-passes",
       .tag = Tag::Mock,
       .source = "NOTES.md §4.2 (UI: requests, message, messagecode, no canpreservestate), §1.6 (the messagecode "
                 "of a RawMessage is its text with [^a-zA-Z0-9_-] made _: core:includes/api/ApiMessageTrait.php "
                 "getApiCode); core:includes/auth/AuthManager.php continueAuthentication (UI until the provider "
                 "says otherwise); the scripted step and its texts: mockwiki/flow.h (FlowStep::ui, expect, "
                 "mismatch_message)",
       .steps = {add_account("Flowui", R"([{"ui": {"message": "Enter the code we sent you.",
                                   "fields": {"emailcode": {"label": "Code", "help": "The code in the e-mail."}},
                                   "expect": {"emailcode": "123456"}}},
                           {"pass": {}}])"),
                 steps::login_token(),
                 begin("Flowui", {{"/clientlogin", std::string(R"({"status":"UI","requests":)") + kCodeRequests +
                                                       R"(,"message":"Enter the code we sent you.",)"
                                                       R"("messagecode":"Enter_the_code_we_sent_you_"})"}}),
                 ami("login-continue", {{"/query/authmanagerinfo/requests", kCodeRequests}}),
                 continue_with("a wrong code: the same UI step with the mismatch message", {{"emailcode", "654321"}},
                               {{"/clientlogin", std::string(R"({"status":"UI","requests":)") + kCodeRequests +
                                                     R"(,"message":"The value you entered is not correct.",)"
                                                     R"("messagecode":"The_value_you_entered_is_not_correct_"})"}}),
                 steps::whoami("127.0.0.1"),
                 [] {
                   Step s = continue_with("the right code", {{"emailcode", "123456"}},
                                          {{"/clientlogin", R"({"status":"PASS","username":"Flowui"})"}});
                   s.expect.cookies_set = {"_session", "UserID", "UserName"};
                   return s;
                 }(),
                 steps::whoami("Flowui")}},
      {.name = "flow/fail-with-its-messagecode",
       .tag = Tag::Mock,
       .source = "NOTES.md §4.2 (FAIL: message, messagecode, canpreservestate false), §4.3 (a continue with no "
                 "login in progress: authmanager-authn-not-in-progress); core:includes/auth/AuthManager.php (a FAIL "
                 "ends the login); the scripted step: mockwiki/flow.h (FlowStep::fail, message_code)",
       .steps = {add_account("Flowfail", R"([{"fail": {"message": "Your account is suspended.",
                                            "messagecode": "account-suspended"}}])"),
                 steps::login_token(),
                 begin("Flowfail",
                       {{"/clientlogin", R"({"status":"FAIL","message":"Your account is suspended.",)"
                                         R"("messagecode":"account-suspended","canpreservestate":false})"}}),
                 continue_with("logincontinue=1 after the FAIL", {},
                               {{"/clientlogin/messagecode", R"("authmanager-authn-not-in-progress")"}}),
                 steps::whoami("127.0.0.1")}},
      {.name = "flow/redirect-visit-then-continue-with-the-return-params",
       .tag = Tag::Mock,
       .source = "NOTES.md §4.2 (REDIRECT: redirecttarget, requests; no message, messagecode or redirectdata), "
                 "§10.2 (api-help-authmanagerhelper-returnurl: the parameters the return URL receives are sent "
                 "with the continue); core:includes/api/ApiAuthManagerHelper.php formatAuthenticationResponse; "
                 "the scripted step and the mock's page Special:MockWikiRedirect: mockwiki/flow.h "
                 "(FlowStep::redirect, return_params)",
       .steps = {add_account("Flowredirect", R"([{"redirect": {"return_params": {"oauth_verifier": "v123"}}},
                                                {"pass": {}}])"),
                 steps::login_token(),
                 [] {
                   Step s = begin(
                       "Flowredirect",
                       {{"/clientlogin/status", R"("REDIRECT")"},
                        {"/clientlogin/redirecttarget", "<present>"},
                        {"/clientlogin/requests",
                         R"([{"id":"MockWiki\\ScriptedReturnAuthenticationRequest","metadata":{},"required":)"
                         R"("required","provider":"MockWiki\\ScriptedReturnAuthenticationRequest","account":)"
                         R"("MockWiki\\ScriptedReturnAuthenticationRequest","fields":{"oauth_verifier":{"type":)"
                         R"("string","label":"oauth_verifier","help":"Returned by the redirect.","optional":false,)"
                         R"("sensitive":false}}}])"},
                        {"/clientlogin/message", "<absent>"},
                        {"/clientlogin/messagecode", "<absent>"},
                        {"/clientlogin/canpreservestate", "<absent>"},
                        {"/clientlogin/redirectdata", "<absent>"}});
                   s.capture = {{"RT", "/clientlogin/redirecttarget"}};
                   return s;
                 }(),
                 {.name = "visit redirecttarget: back to loginreturnurl with the return params",
                  .visit = "{RT}",
                  .expect = {.status = 302, .location = "http://example.org/flow?a=1&oauth_verifier=v123"}},
                 [] {
                   Step s = continue_with("logincontinue=1 with the return params", {{"oauth_verifier", "v123"}},
                                          {{"/clientlogin", R"({"status":"PASS","username":"Flowredirect"})"}});
                   s.expect.cookies_set = {"_session", "UserID", "UserName"};
                   return s;
                 }(),
                 steps::whoami("Flowredirect")}},
      {.name = "flow/restart-then-preservestate",
       .tag = Tag::Mock,
       .source = "NOTES.md §10.3 (RESTART: a primary PASS without a user name; authmanager-authn-no-local-user; "
                 "the login requests again; canpreservestate true, \"\" in fv1; authmanagerinfo create "
                 "haspreservedstate true, login false; loginpreservestate=1 with a password: a normal PASS); "
                 "what clears the preserved state as recorded on MediaWiki 1.39, which corrects NOTES §10.3: "
                 "tests/reference/raw/flows/FINDINGS.md §1, §3c, §3d (still there after a PASS: restart.txt d3), "
                 "§3f (a FAIL sets it to null, a new RESTART gives it back); core:includes/auth/AuthManager.php "
                 "continueAuthentication, core:includes/api/ApiAuthManagerHelper.php, ApiQueryAuthManagerInfo.php; "
                 "the scripted step: mockwiki/flow.h (FlowStep::restart)",
       .steps = {add_account("Flowrestart", R"([{"restart": {}}])"), steps::login_token(),
                 begin("Flowrestart",
                       {{"/clientlogin/status", R"("RESTART")"},
                        {"/clientlogin/message", kNoLocalUser},
                        {"/clientlogin/messagecode", R"("authmanager-authn-no-local-user")"},
                        {"/clientlogin/canpreservestate", "true"},
                        {"/clientlogin/requests/0/id", R"("MediaWiki\\Auth\\PasswordAuthenticationRequest")"},
                        {"/clientlogin/requests/0/fields/password",
                         R"({"type":"password","label":"Password","help":"Password for authentication.",)"
                         R"("optional":false,"sensitive":true})"},
                        {"/clientlogin/requests/1/id", R"("MediaWiki\\Auth\\RememberMeAuthenticationRequest")"},
                        {"/clientlogin/requests/2", "<absent>"},
                        {"/clientlogin/username", "<absent>"}}),
                 steps::whoami("127.0.0.1"),
                 ami("create", {{"/query/authmanagerinfo/haspreservedstate", "true"},
                                {"/query/authmanagerinfo/hasprimarypreservedstate", "true"},
                                {"/query/authmanagerinfo/preservedusername", R"("")"}}),
                 ami("login", {{"/query/authmanagerinfo/haspreservedstate", "false"},
                               {"/query/authmanagerinfo/hasprimarypreservedstate", "false"},
                               {"/query/authmanagerinfo/preservedusername", R"("")"}}),
                 [] {
                   Step s = begin("Flowrestart",
                                  {{"/clientlogin", R"({"status":"FAIL","message":"Incorrect username or password )"
                                                    R"(entered.\nPlease try again.","messagecode":"wrongpassword",)"
                                                    R"("canpreservestate":false})"}},
                                  {{"loginpreservestate", "1"}});
                   s.name = "loginpreservestate=1 with a wrong password: FAIL, which drops the preserved state";
                   s.params[2].second = "Wrong-Passw0rd!";
                   return s;
                 }(),
                 ami("create", {{"/query/authmanagerinfo/haspreservedstate", "false"},
                                {"/query/authmanagerinfo/hasprimarypreservedstate", "false"}}),
                 [] {
                   Step s = begin("Flowrestart", {{"/clientlogin/status", R"("RESTART")"},
                                                  {"/clientlogin/messagecode", R"("authmanager-authn-no-local-user")"},
                                                  {"/clientlogin/canpreservestate", R"("")"}});
                   s.name = "RESTART again, in fv1: canpreservestate is \"\"";
                   s.params.pop_back();  // formatversion
                   return s;
                 }(),
                 [] {
                   Step s = begin("Flowrestart", {{"/clientlogin", R"({"status":"PASS","username":"Alice"})"}},
                                  {{"loginpreservestate", "1"}});
                   s.name = "loginpreservestate=1 on the next login, with Alice's password";
                   s.params[1].second = "{ALICE}";
                   s.params[2].second = "{ALICE_PASS}";
                   s.expect.cookies_set = {"_session", "UserID", "UserName"};
                   return s;
                 }(),
                 steps::whoami("Alice"),
                 ami("create", {{"/query/authmanagerinfo/haspreservedstate", "true"},
                                {"/query/authmanagerinfo/hasprimarypreservedstate", "true"}})}},
      {.name = "flow/restart-without-create-request-cannot-preserve",
       .tag = Tag::Mock,
       .source = "NOTES.md §10.3 (canpreservestate only if the provider set a createRequest), §4.2; "
                 "core:includes/api/ApiAuthManagerHelper.php formatAuthenticationResponse; the scripted step: "
                 "mockwiki/flow.h (FlowStep::can_preserve_state)",
       .steps = {add_account("Flownopreserve", R"([{"restart": {"canpreservestate": false}}])"), steps::login_token(),
                 begin("Flownopreserve", {{"/clientlogin/status", R"("RESTART")"},
                                          {"/clientlogin/message", kNoLocalUser},
                                          {"/clientlogin/messagecode", R"("authmanager-authn-no-local-user")"},
                                          {"/clientlogin/canpreservestate", "false"}}),
                 ami("create", {{"/query/authmanagerinfo/haspreservedstate", "false"},
                                {"/query/authmanagerinfo/hasprimarypreservedstate", "false"},
                                {"/query/authmanagerinfo/preservedusername", R"("")"}})}},
  };
}

}  // namespace scenarios
