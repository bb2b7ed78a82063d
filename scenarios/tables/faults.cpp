// Faults and account changes through the mock's control plane (mockwiki/control.h): maxlag, ratelimited, readonly,
// badtoken, internal errors, HTTP errors, blocked and locked accounts. Each fault is added with an admin step
// (POST /__mockwiki/faults), hits the request it is for, and is gone for the next one. The account scenarios make
// their own account (POST /__mockwiki/accounts), change it and remove it; like every mock scenario, each starts
// from a reset mock (runner.h).
#include "tables/steps.h"
#include "tables/tables.h"

namespace scenarios {
namespace {

// POST /__mockwiki/faults with `body`; the mock answers 201 with the fault it keeps.
Step add_fault(const char* fault, std::string body) {
  return {.name = std::string("add fault ") + fault,
          .admin = AdminCall{.method = "POST", .path = "faults", .body = std::move(body)},
          .expect = {.status = 201, .json = {{"/fault/fault", std::string("\"") + fault + "\""}}}};
}

// GET /__mockwiki/faults: no fault is left.
Step no_fault_left() {
  return {.name = "no fault left",
          .admin = AdminCall{.method = "GET", .path = "faults"},
          .expect = {.json = {{"/faults", "[]"}}}};
}

// meta=siteinfo, as clients ask for it (NOTES.md §15.3), with maxlag=5 as bots send it.
Step siteinfo(std::string name, Expect expect) {
  return {.name = std::move(name),
          .params = {{"action", "query"}, {"meta", "siteinfo"}, {"maxlag", "5"}, {"format", "json"}},
          .expect = std::move(expect)};
}

Expect siteinfo_ok() { return {.api_error = "", .json = {{"/query/general/generator", "<present>"}}}; }

// POST action=logout with the csrf token captured by csrf_token().
Step logout(Expect expect) {
  return {.name = "logout",
          .method = "POST",
          .params = {{"action", "logout"}, {"token", "{CSRF}"}, {"format", "json"}},
          .expect = std::move(expect)};
}

// meta=userinfo&assert=user.
Step assert_user(std::string api_error) {
  return {.name = "assert=user",
          .params = {{"action", "query"}, {"meta", "userinfo"}, {"assert", "user"}, {"format", "json"}},
          .expect = {.api_error = std::move(api_error)}};
}

// POST /__mockwiki/accounts: a new account NAME with the password NAME + "Passw0rd!23" and the bot password
// NAME@probe (grants basic) whose password is `bot_password`.
Step make_account(const std::string& name, const std::string& bot_password) {
  return {
      .name = "create the account " + name,
      .admin = AdminCall{.method = "POST",
                         .path = "accounts",
                         .body = R"({"name": ")" + name + R"(", "password": ")" + name +
                                 R"(Passw0rd!23", "groups": [], "botpasswords": [{"appid": "probe", "password": ")" +
                                 bot_password + R"(", "grants": ["basic"]}]})"},
      .expect = {.status = 201, .json = {{"/account/name", "\"" + name + "\""}, {"/account/locked", "false"}}}};
}

// DELETE /__mockwiki/accounts/NAME.
Step remove_account(const std::string& name) {
  return {.name = "remove the account " + name,
          .admin = AdminCall{.method = "DELETE", .path = "accounts/" + name},
          .expect = {.json = {{"/removed", "\"" + name + "\""}}}};
}

// PATCH /__mockwiki/accounts/NAME with `body`.
Step change_account(const std::string& name, std::string body, std::vector<Check> json) {
  return {.name = "change the account " + name,
          .admin = AdminCall{.method = "PATCH", .path = "accounts/" + name, .body = std::move(body)},
          .expect = {.json = std::move(json)}};
}

// meta=userinfo&uiprop=blockinfo (formatversion 2).
Step blockinfo(std::vector<Check> json) {
  return {.name = "userinfo with blockinfo",
          .params = {{"action", "query"},
                     {"meta", "userinfo"},
                     {"uiprop", "blockinfo"},
                     {"format", "json"},
                     {"formatversion", "2"}},
          .expect = {.json = std::move(json)}};
}

// An action=login that fails with `reason` (errorformat=bc: plain text, NOTES.md §3.3).
Expect login_failed(const char* reason) {
  return {.json = {{"/login/result", R"("Failed")"}, {"/login/reason", reason}}};
}

// A clientlogin that fails with the message `code`, whose text is `text`.
Expect clientlogin_failed(const char* code, const char* text) {
  return {.json = {{"/clientlogin/status", R"("FAIL")"},
                   {"/clientlogin/messagecode", std::string("\"") + code + "\""},
                   {"/clientlogin/message", text}}};
}

const char* const kAssertUserFailed = R"("You are no longer logged in, so the action could not be completed.")";
const char* const kBadToken = R"("Invalid CSRF token.")";
const char* const kWrongPassword = R"("Incorrect username or password entered. Please try again.")";

}  // namespace

std::vector<Scenario> fault_scenarios() {
  return {
      {.name = "fault/maxlag",
       .tag = Tag::Mock,
       .source = "NOTES.md §1.2, §8 (maxlag: HTTP 200, host/lag/type, apierror-maxlag-generic); core:includes/api/"
                 "ApiMain.php checkMaxLag; control.h fault maxlag (taken only by a request whose maxlag is below "
                 "the lag)",
       .steps = {add_fault("maxlag", R"({"match": {"action": "query"}, "fault": "maxlag", "lag": 10, "times": 1})"),
                 {.name = "query without maxlag: not affected",
                  .params = {{"action", "query"}, {"meta", "siteinfo"}, {"format", "json"}},
                  .expect = siteinfo_ok()},
                 siteinfo("query with maxlag=5",
                          {.api_error = "maxlag",
                           .json = {{"/error/code", R"("maxlag")"},
                                    {"/error/info", R"("Waiting for a database server: 10 seconds lagged.")"},
                                    {"/error/host", R"("")"},
                                    {"/error/lag", "10"},
                                    {"/error/type", R"("db")"},
                                    {"/query", "<absent>"}}}),
                 siteinfo("the same again", siteinfo_ok()),
                 no_fault_left()}},
      {.name = "fault/ratelimited",
       .tag = Tag::Mock,
       .source = "NOTES.md §1.2, §8 (ratelimited: HTTP 200, apierror-ratelimited); core:includes/api/ApiBase.php "
                 "(pingLimiter → dieWithError apierror-ratelimited); control.h fault ratelimited",
       .steps = {add_fault("ratelimited",
                           R"({"match": {"action": "query", "module": "siteinfo"}, "fault": "ratelimited"})"),
                 siteinfo("rate-limited query",
                          {.api_error = "ratelimited",
                           .json = {{"/error/code", R"("ratelimited")"},
                                    {"/error/info",
                                     R"("You've exceeded your rate limit. Please wait some time and try again.")"},
                                    {"/query", "<absent>"}}}),
                 siteinfo("the same again", siteinfo_ok()), no_fault_left()}},
      {.name = "fault/readonly",
       .tag = Tag::Mock,
       .source = "NOTES.md §1.3 (readonly is checked for write-mode modules only; login and clientlogin are write "
                 "mode since T283394), §8 (readonly with readonlyreason); core:includes/api/ApiMain.php "
                 "checkExecutePermissions, ApiBase::dieReadOnly; control.h fault readonly",
       .steps = {add_fault("readonly", R"({"fault": "readonly", "reason": "Maintenance in progress", "times": 1})"),
                 steps::login_token(),  // meta=tokens is not write mode: the fault waits
                 steps::login("{ALICE_BOT}", "{ALICE_BOT_PASS}",
                              {.api_error = "readonly",
                               .json = {{"/error/code", R"("readonly")"},
                                        {"/error/info", R"("The wiki is currently in read-only mode.")"},
                                        {"/error/readonlyreason", R"("Maintenance in progress")"},
                                        {"/login", "<absent>"}}}),
                 steps::login_success("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"), no_fault_left()}},
      {.name = "fault/badtoken-despite-a-valid-token",
       .tag = Tag::Mock,
       .source = "NOTES.md §2.3, §8 (badtoken: Invalid CSRF token., HTTP 200); core:includes/api/ApiMain.php "
                 "setupModule (the token check), ApiLogout.php (needsToken csrf); control.h fault badtoken",
       .steps = {steps::login_token(), steps::login_success("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"),
                 steps::csrf_token(), add_fault("badtoken", R"({"match": {"action": "logout"}, "fault": "badtoken"})"),
                 logout(
                     {.api_error = "badtoken", .json = {{"/error/code", R"("badtoken")"}, {"/error/info", kBadToken}}}),
                 steps::whoami("Alice"),  // the refused logout did not log out
                 logout({.api_error = "", .json = {{"", "{}"}}}), steps::whoami("127.0.0.1"), no_fault_left()}},
      {.name = "fault/pending-while-requests-fail-earlier",
       .tag = Tag::Mock,
       .source = "NOTES.md §1.3 (setupModule: missingparam before the token check), §8; control.h (a fault counts "
                 "only requests that get to where MediaWiki raises it)",
       .steps = {steps::login_token(),
                 steps::login_success("{ROBO_BOT}", "{ROBO_BOT_PASS}", "Robo"),
                 steps::csrf_token(),
                 add_fault("badtoken", R"({"match": {"action": "logout"}, "fault": "badtoken"})"),
                 {.name = "logout without a token",
                  .method = "POST",
                  .params = {{"action", "logout"}, {"format", "json"}},
                  .expect = {.api_error = "missingparam",
                             .json = {{"/error/code", R"("missingparam")"},
                                      {"/error/info", R"("The \"token\" parameter must be set.")"}}}},
                 {.name = "the fault is still pending",
                  .admin = AdminCall{.method = "GET", .path = "faults"},
                  .expect = {.json = {{"/faults/0/fault", R"("badtoken")"}, {"/faults/0/times", "1"}}}},
                 logout(
                     {.api_error = "badtoken", .json = {{"/error/code", R"("badtoken")"}, {"/error/info", kBadToken}}}),
                 logout({.api_error = "", .json = {{"", "{}"}}}),
                 steps::whoami("127.0.0.1")}},
      {.name = "fault/assertuserfailed",
       .tag = Tag::Mock,
       .source = "NOTES.md §8 (assertuserfailed), §7 (a bot-password session has no Token cookie to restore it); "
                 "core:includes/api/ApiMain.php checkAsserts; control.h fault assertuserfailed (the session dies)",
       .steps = {steps::login_token(),
                 steps::login_success("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"),
                 add_fault(
                     "assertuserfailed",
                     R"({"match": {"module": "userinfo", "params": {"assert": "user"}}, "fault": "assertuserfailed"})"),
                 {.name = "assert=user",
                  .params = {{"action", "query"}, {"meta", "userinfo"}, {"assert", "user"}, {"format", "json"}},
                  .expect = {.api_error = "assertuserfailed",
                             .json = {{"/error/code", R"("assertuserfailed")"}, {"/error/info", kAssertUserFailed}}}},
                 steps::whoami("127.0.0.1"),  // the session is gone for good
                 steps::login_token(),
                 steps::login_success("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"),
                 assert_user(""),
                 no_fault_left()}},
      {.name = "fault/internal-api-error",
       .tag = Tag::Mock,
       .source = "NOTES.md §1.2 (internal_api_error_* is HTTP 200), §8 (errorclass, no docref, a trace with "
                 "$wgShowExceptionDetails); core:includes/api/ApiMain.php errorMessagesFromException, "
                 "substituteResultWithError, handleException; control.h fault internal_api_error_CLASS",
       .steps =
           {add_fault(
                "internal_api_error_TypeError",
                R"({"match": {"module": "siteinfo"}, "fault": "internal_api_error_TypeError", "times": 2, "message": "Injected by mockwiki"})"),
            {.name = "query (formatversion=2)",
             .params = {{"action", "query"}, {"meta", "siteinfo"}, {"format", "json"}, {"formatversion", "2"}},
             .expect = {.api_error = "internal_api_error_TypeError",
                        .json = {{"/error/code", R"("internal_api_error_TypeError")"},
                                 {"/error/errorclass", R"("TypeError")"},
                                 {"/error/trace", "<present>"},
                                 {"/error/docref", "<absent>"},
                                 {"/query", "<absent>"}}}},
            {.name = "query (errorformat=raw)",
             .params = {{"action", "query"},
                        {"meta", "siteinfo"},
                        {"format", "json"},
                        {"formatversion", "2"},
                        {"errorformat", "raw"}},
             .expect = {.api_error = "internal_api_error_TypeError",
                        .json = {{"/errors/0/code", R"("internal_api_error_TypeError")"},
                                 {"/errors/0/key", R"("apierror-exceptioncaught")"},
                                 {"/errors/0/params/1", R"("Injected by mockwiki")"},
                                 {"/errors/0/data/errorclass", R"("TypeError")"},
                                 {"/errors/0/module", "<absent>"},
                                 {"/docref", "<absent>"}}}},
            {.name = "the same again",
             .params = {{"action", "query"}, {"meta", "siteinfo"}, {"format", "json"}, {"formatversion", "2"}},
             .expect = {.api_error = "", .json = {{"/query/general/generator", "<present>"}}}},
            no_fault_left()}},
      {.name = "fault/http-503",
       .tag = Tag::Mock,
       .source = "control.h fault http_503: a failing proxy in front of the wiki (an HTML page, none of api.php's "
                 "headers, NOTES.md §1.1)",
       .steps = {add_fault("http_503", R"({"match": {"action": "query"}, "fault": "http_503"})"),
                 siteinfo("query", {.status = 503, .api_error = "", .json = {{"/query", "<absent>"}}}),
                 siteinfo("the same again", siteinfo_ok()), no_fault_left()}},
      {.name = "fault/match-by-action",
       .tag = Tag::Mock,
       .source = "control.h FaultMatch (action: the action parameter; meta=tokens is action=query); fault http_503",
       .steps = {add_fault("http_503", R"({"match": {"action": "login"}, "fault": "http_503"})"),
                 steps::login_token(),  // action=query: not for this fault
                 steps::csrf_token(),
                 steps::login("{ALICE_BOT}", "{ALICE_BOT_PASS}",
                              {.status = 503, .api_error = "", .json = {{"/login", "<absent>"}}}),
                 steps::whoami("127.0.0.1"),  // the login did not run
                 steps::login_success("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"), no_fault_left()}},
      {.name = "account/locked-account-cannot-log-in",
       .tag = Tag::Mock,
       .source = "NOTES.md §3.2 step 6 (botpasswords-locked gives Failed), §4.3; core:includes/user/BotPassword.php "
                 "login (isLocked → botpasswords-locked), core:includes/auth/"
                 "CheckBlocksSecondaryAuthenticationProvider.php (login-userblocked), languages/i18n/en.json; "
                 "control.h AccountChange::locked (CentralAuth's lock: logins fail, sessions end)",
       .steps = {make_account("Lockee", "k9p346n3wd25rq4f5r37e3p3e28iq97j"), steps::login_token(),
                 steps::login_success("Lockee@probe", "k9p346n3wd25rq4f5r37e3p3e28iq97j", "Lockee"),
                 change_account("Lockee", R"({"locked": true})", {{"/account/locked", "true"}}),
                 steps::whoami("127.0.0.1"),  // the lock ended the session
                 steps::login_token(),
                 steps::clientlogin(
                     "Lockee", "LockeePassw0rd!23",
                     clientlogin_failed("login-userblocked", R"("This user is blocked. Login not allowed.")")),
                 steps::login_token(),
                 steps::login("Lockee@probe", "k9p346n3wd25rq4f5r37e3p3e28iq97j",
                              login_failed(R"("You cannot login with a bot password as your account is locked.")")),
                 steps::login("Lockee", "LockeePassw0rd!23",
                              login_failed(R"("This user is blocked. Login not allowed.")")),
                 steps::whoami("127.0.0.1"), remove_account("Lockee")}},
      {.name = "account/blocked-account-shows-blockinfo",
       .tag = Tag::Mock,
       .source = "core:includes/api/ApiBlockInfoTrait.php getBlockDetails, ApiQueryUserInfo.php (uiprop=blockinfo); "
                 "CheckBlocksSecondaryAuthenticationProvider.php (abstains: $wgBlockDisablesLogin is false on a "
                 "stock wiki, so a blocked user logs in); control.h AccountChange::blocked",
       .steps = {make_account("Blockee", "b6cn643dvrkttnjfbf5jvlsi47wqal9v"), steps::login_token(),
                 steps::login_success("Blockee@probe", "b6cn643dvrkttnjfbf5jvlsi47wqal9v", "Blockee"),
                 blockinfo({{"/query/userinfo/name", R"("Blockee")"}, {"/query/userinfo/blockid", "<absent>"}}),
                 change_account("Blockee", R"({"blocked": true, "blockreason": "Testing blocks"})",
                                {{"/account/blocked", "true"}, {"/account/blockreason", R"("Testing blocks")"}}),
                 blockinfo({{"/query/userinfo/name", R"("Blockee")"},
                            {"/query/userinfo/blockid", "<present>"},
                            {"/query/userinfo/blockedby", R"("MediaWiki default")"},
                            {"/query/userinfo/blockreason", R"("Testing blocks")"},
                            {"/query/userinfo/blockedtimestamp", "<present>"},
                            {"/query/userinfo/blockexpiry", R"("infinite")"},
                            {"/query/userinfo/blockpartial", "false"},
                            {"/query/userinfo/blockanononly", "false"},
                            {"/query/userinfo/blockedtimestampformatted", "<present>"},
                            {"/query/userinfo/blockexpiryformatted", "<absent>"}}),
                 [] {
                   Step s = steps::login_token();
                   s.cookies = Cookies::DropAll;
                   return s;
                 }(),
                 steps::clientlogin("Blockee", "BlockeePassw0rd!23",
                                    {.json = {{"/clientlogin", R"({"status":"PASS","username":"Blockee"})"}}}),
                 remove_account("Blockee")}},
      {.name = "account/expire-user-sessions",
       .tag = Tag::Mock,
       .source = "NOTES.md §7 (a session deleted on the server; a bot-password session has no Token cookie), §8 "
                 "(assertuserfailed); control.h / admin API POST sessions/expire {\"user\": NAME}",
       .steps = {make_account("Expiree", "q24klmvt45hu43jsiom1tma7v3di8fpp"),
                 steps::login_token(),
                 steps::login_success("Expiree@probe", "q24klmvt45hu43jsiom1tma7v3di8fpp", "Expiree"),
                 assert_user(""),
                 {.name = "expire the sessions of Expiree",
                  .admin = AdminCall{.method = "POST", .path = "sessions/expire", .body = R"({"user": "Expiree"})"},
                  .expect = {.json = {{"/expired", "1"}}}},
                 {.name = "assert=user",
                  .params = {{"action", "query"}, {"meta", "userinfo"}, {"assert", "user"}, {"format", "json"}},
                  .expect = {.api_error = "assertuserfailed",
                             .json = {{"/error/code", R"("assertuserfailed")"}, {"/error/info", kAssertUserFailed}}}},
                 steps::whoami("127.0.0.1"),
                 remove_account("Expiree")}},
      {.name = "account/changed-password",
       .tag = Tag::Mock,
       .source = "NOTES.md §3.2 step 7, §3.4 (wrongpassword as Failed, joined lines); core:includes/auth/"
                 "LocalPasswordPrimaryAuthenticationProvider.php; control.h AccountChange::password",
       .steps = {make_account("Changee", "v5asph8rhqmoe95b9ee0vbgi09qnk8w3"),
                 change_account("Changee", R"({"password": "NewChangeePassw0rd!45"})",
                                {{"/account/name", R"("Changee")"}}),
                 steps::login_token(), steps::login("Changee", "ChangeePassw0rd!23", login_failed(kWrongPassword)),
                 steps::whoami("127.0.0.1"), steps::login_success("Changee", "NewChangeePassw0rd!45", "Changee"),
                 steps::whoami("Changee"), remove_account("Changee")}},
      {.name = "account/removed",
       .tag = Tag::Mock,
       .source = "NOTES.md §3.2 step 6 (a bot password of no user falls through to the main account), §4.3 (an "
                 "unknown user is wrongpassword, as a wrong password); control.h / admin API DELETE accounts/NAME",
       .steps = {make_account("Removee", "tpppp6up3c4dsa7l36096n14do9gmnu7"),
                 steps::login_token(),
                 steps::login_success("Removee@probe", "tpppp6up3c4dsa7l36096n14do9gmnu7", "Removee"),
                 remove_account("Removee"),
                 steps::whoami("127.0.0.1"),  // its session ended with it
                 steps::login_token(),
                 steps::login("Removee@probe", "tpppp6up3c4dsa7l36096n14do9gmnu7", login_failed(kWrongPassword)),
                 steps::login("Removee", "RemoveePassw0rd!23", login_failed(kWrongPassword)),
                 steps::clientlogin(
                     "Removee", "RemoveePassw0rd!23",
                     clientlogin_failed("wrongpassword",
                                        R"("Incorrect username or password entered.\nPlease try again.")")),
                 {.name = "the account is gone",
                  .admin = AdminCall{.method = "GET", .path = "accounts/Removee"},
                  .expect = {.status = 404, .json = {{"/error/code", R"("notfound")"}}}}}},
  };
}

}  // namespace scenarios
