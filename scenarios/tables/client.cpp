// Client scenarios (scenarios/client_scenario.h): the client library (client/) against a wiki:
// logging in each way, surviving a lost or expired session, a refused token, maxlag, read-only
// mode and server errors. The core and oath ones hold on real MediaWiki 1.39 too; the mock ones
// use its control plane (faults, the clock) to make the wiki misbehave.
#include "scenarios/client_scenario.h"

namespace scenarios {
namespace {

using A = ClientAction;

const std::vector<std::pair<std::string, std::string>> kUserinfo = {{"action", "query"}, {"meta", "userinfo"}};

ClientStep login(const char* user, const char* password, const char* expect_user) {
  return {.name = std::string("log in as ") + user,
          .action = A::Login,
          .user = user,
          .password = password,
          .json = {{"/user", std::string("\"") + expect_user + "\""}}};
}

ClientStep whoami(const char* expect_name) {
  return {.name = "who am I",
          .action = A::Get,
          .params = kUserinfo,
          .json = {{"/query/userinfo/name", std::string("\"") + expect_name + "\""}}};
}

// A fault for the next `times` requests that match `match` (JSON), through the control plane.
ClientStep fault(const std::string& name, const std::string& match, int times = 1) {
  return {.name = "inject " + name,
          .action = A::Admin,
          .admin = AdminCall{.path = "faults",
                             .body = R"({"match": )" + match + R"(, "fault": ")" + name + R"(", "times": )" +
                                     std::to_string(times) + "}"}};
}

// The control plane's list of faults still pending is empty: each injected one was met.
ClientStep faults_spent() {
  return {.name = "every fault was met",
          .action = A::Admin,
          .admin = AdminCall{.method = "GET", .path = "faults"},
          .json = {{"/faults", "[]"}}};
}

ClientStep clear_journal() {
  return {.name = "clear the journal", .action = A::Admin, .admin = AdminCall{.method = "DELETE", .path = "journal"}};
}

// The journal since clear_journal(): the requests the client made, as `checks` on /journal/N/...
ClientStep journal(std::vector<Check> checks) {
  return {.name = "the requests it made",
          .action = A::Admin,
          .admin = AdminCall{.method = "GET", .path = "journal"},
          .json = std::move(checks)};
}

}  // namespace

std::vector<ClientScenario> client_scenarios() {
  return {
      {.name = "client/bot-password-login",
       .tag = Tag::Core,
       .source = "NOTES.md §3 (action=login with a bot password); client/src/session.cpp login",
       .steps = {login("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"), whoami("Alice")}},
      {.name = "client/wrong-bot-password-is-a-login-error",
       .tag = Tag::Core,
       .source = "NOTES.md §3.4: Failed; the library throws LoginError(\"Failed\", reason)",
       .steps = {{.name = "log in with a wrong password",
                  .action = A::Login,
                  // A name no other scenario uses: failed attempts count per name (5 in 300 s).
                  .user = "Robo@nosuchbot",
                  .password = "00000000000000000000000000000000",
                  .error = "Failed"},
                 whoami("127.0.0.1")}},
      {.name = "client/clientlogin-main-account",
       .tag = Tag::Core,
       .source = "NOTES.md §4.4 (PASS); client/src/client_login.cpp",
       .steps = {{.name = "clientlogin",
                  .action = A::ClientLogin,
                  .user = "{ADMIN}",
                  .password = "{ADMIN_PASS}",
                  .json = {{"/user", R"("Admin")"}}},
                 whoami("Admin")}},
      {.name = "client/clientlogin-wrong-password-is-fail",
       .tag = Tag::Core,
       .source = "NOTES.md §4.3: FAIL wrongpassword; the library throws LoginError(\"FAIL\", message, code)",
       .steps = {{.name = "clientlogin with a wrong password",
                  .action = A::ClientLogin,
                  .user = "{ROBO}",
                  .password = "Wrong-Passw0rd!",
                  .error = "FAIL"},
                 whoami("127.0.0.1")}},
      {.name = "client/post-with-token-then-logout",
       .tag = Tag::Core,
       .source = "NOTES.md §2 (csrf token), §6 (logout needs it, POST)",
       .steps = {login("{ROBO_BOT}", "{ROBO_BOT_PASS}", "Robo"),
                 {.name = "checktoken with the cached csrf token",
                  .action = A::PostWithToken,
                  .params = {{"action", "checktoken"}, {"type", "csrf"}},
                  .json = {{"/checktoken/result", R"("valid")"}}},
                 {.name = "log out", .action = A::Logout, .json = {{"/user", "null"}}},
                 whoami("127.0.0.1")}},
      {.name = "client/lost-session-cookie-logs-in-again",
       .tag = Tag::Core,
       .source = "NOTES.md §7 (the bot-password session lives in its _BPsession cookie), §8 (assert=user fails "
                 "with assertuserfailed once it is gone); client/src/session.cpp relogin_once",
       .steps = {login("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"),
                 {.name = "the session cookie is lost", .action = A::DropCookie, .cookie = "_BPsession"},
                 whoami("Alice")}},
      {.name = "client/lost-clientlogin-session-logs-in-again",
       .tag = Tag::Core,
       .source = "NOTES.md §7 (the main session lives in the _session cookie; without rememberMe UserID and "
                 "UserName do not restore it); client/src/client_login.cpp sets the relogin",
       .steps = {{.name = "clientlogin",
                  .action = A::ClientLogin,
                  .user = "{ALICE}",
                  .password = "{ALICE_PASS}",
                  .json = {{"/user", R"("Alice")"}}},
                 {.name = "the session cookie is lost", .action = A::DropCookie, .cookie = "_session"},
                 whoami("Alice")}},
      {.name = "client/two-factor-login-with-totp-handler",
       .tag = Tag::Oath,
       .source = "NOTES.md §9.1-9.4; client/src/client_login.cpp totp_handler (tries later windows when one was "
                 "used already)",
       .steps = {{.name = "clientlogin with two-factor",
                  .action = A::ClientLogin,
                  .user = "{TOFU}",
                  .password = "{TOFU_PASS}",
                  .totp_secret = "{TOFU_SECRET}",
                  .json = {{"/user", R"("Tofu")"}}},
                 whoami("Tofu")}},
      {.name = "client/two-factor-without-a-handler-is-a-ui-login-error",
       .tag = Tag::Oath,
       .source = "NOTES.md §9.1 (UI with oathauth-auth-ui); client/include/mediawiki/client_login.h: no UI "
                 "handler gives up with LoginError(\"UI\")",
       .steps = {{.name = "clientlogin without a code",
                  .action = A::ClientLogin,
                  .user = "{TOFU2}",
                  .password = "{TOFU2_PASS}",
                  .error = "UI"},
                 whoami("127.0.0.1")}},
      {.name = "client/session-expired-on-the-clock-logs-in-again",
       .tag = Tag::Mock,
       .source = "NOTES.md §7 ($wgObjectCacheSessionExpiry 3600 s); the mock's clock moved through the control plane",
       .steps = {login("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"),
                 {.name = "an hour passes",
                  .action = A::Admin,
                  .admin = AdminCall{.path = "clock", .body = R"({"advance": 3601})"}},
                 clear_journal(),
                 whoami("Alice"),
                 journal({{"/journal/0/error", R"("assertuserfailed")"},
                          {"/journal/2/action", R"("login")"},
                          {"/journal/2/result", R"("Success")"},
                          {"/journal/3/user", R"("Alice")"}})}},
      {.name = "client/expired-sessions-of-the-user-log-in-again",
       .tag = Tag::Mock,
       .source = "NOTES.md §7; the control plane's sessions/expire {\"user\"} (a session deleted on the wiki)",
       .steps = {login("{ROBO_BOT}", "{ROBO_BOT_PASS}", "Robo"),
                 {.name = "the wiki forgets Robo's sessions",
                  .action = A::Admin,
                  .admin = AdminCall{.path = "sessions/expire", .body = R"({"user": "Robo"})"},
                  .json = {{"/expired", "1"}}},
                 whoami("Robo")}},
      {.name = "client/badtoken-fetches-a-new-token-and-retries",
       .tag = Tag::Mock,
       .source = "NOTES.md §2.3 (badtoken), §6 (logout takes the csrf token); client/src/session.cpp "
                 "post_with_token retries once with a fresh token",
       .steps = {login("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"),
                 fault("badtoken", R"({"action": "logout"})"),
                 clear_journal(),
                 {.name = "log out, refused once", .action = A::Logout, .json = {{"/user", "null"}}},
                 faults_spent(),
                 journal({{"/journal/0/params/meta", R"("tokens")"},
                          {"/journal/1/fault", R"("badtoken")"},
                          {"/journal/2/params/meta", R"("tokens")"},
                          {"/journal/3/action", R"("logout")"},
                          {"/journal/3/error", "null"}}),
                 whoami("127.0.0.1")}},
      {.name = "client/badtoken-twice-is-an-error",
       .tag = Tag::Mock,
       .source = "NOTES.md §2.3; the library retries a refused token once, then throws ApiError(badtoken)",
       .steps = {login("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"),
                 fault("badtoken", R"({"action": "logout"})", 2),
                 {.name = "log out, refused twice", .action = A::Logout, .error = "badtoken"},
                 faults_spent(),
                 whoami("Alice")}},
      {.name = "client/maxlag-is-waited-out",
       .tag = Tag::Mock,
       .source = "NOTES.md §8 (maxlag: HTTP 200, Retry-After; only for requests that send maxlag); "
                 "client/src/session.cpp waits Retry-After and retries",
       .steps = {fault("maxlag", R"({"module": "userinfo"})", 2),
                 {.name = "who am I, with maxlag=5, lagged twice",
                  .action = A::Get,
                  .params = {{"action", "query"}, {"meta", "userinfo"}, {"maxlag", "5"}},
                  .json = {{"/query/userinfo/name", R"("127.0.0.1")"}}},
                 faults_spent()}},
      {.name = "client/readonly-beyond-the-retries-is-an-error",
       .tag = Tag::Mock,
       .source = "NOTES.md §8 (readonly, for modules that write: action=login); the library retries 3 times "
                 "(Session::Options::max_retries), then throws",
       .steps = {fault("readonly", R"({"action": "login"})", 4),
                 {.name = "log in, read-only four times",
                  .action = A::Login,
                  .user = "{ALICE_BOT}",
                  .password = "{ALICE_BOT_PASS}",
                  .error = "readonly"},
                 faults_spent(),
                 login("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice")}},
      {.name = "client/readonly-once-is-retried",
       .tag = Tag::Mock,
       .source = "NOTES.md §8 (readonly); client/src/session.cpp retries with backoff",
       .steps = {fault("readonly", R"({"action": "login"})", 1), login("{ROBO_BOT}", "{ROBO_BOT_PASS}", "Robo"),
                 faults_spent()}},
      {.name = "client/http-503-is-retried",
       .tag = Tag::Mock,
       .source = "An HTTP 503 from a proxy or an overloaded server; client/src/session.cpp retries 5xx",
       .steps = {fault("http_503", R"({"module": "userinfo"})"), whoami("127.0.0.1"), faults_spent()}},
      {.name = "client/connection-reset-is-retried",
       .tag = Tag::Mock,
       .source = "A connection lost before the answer; client/src/session.cpp retries lost connections",
       .steps = {fault("reset", R"({"module": "userinfo"})"), whoami("127.0.0.1"), faults_spent()}},
      {.name = "client/single-sign-on-redirect-login",
       .tag = Tag::Mock,
       .source = "NOTES.md §10.1-10.2 (the button, REDIRECT, the visit, logincontinue); the mock's identity "
                 "provider; client/src/client_login.cpp follow_redirect_handler",
       .fixture = "pluggableauth",
       .steps = {{.name = "the Example SSO button, as Alice",
                  .action = A::SsoLogin,
                  .params = {{"pluggableauthlogin0", "1"}},
                  .redirect_params = {{"identity", "Alice"}},
                  .json = {{"/user", R"("Alice")"}}},
                 whoami("Alice")}},
  };
}

}  // namespace scenarios
