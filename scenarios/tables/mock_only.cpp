// Scenarios that need the mock: they move its clock (Step::advance_clock, the mock's admin API
// /__mockwiki/clock), which no real wiki allows. Each says where on real MediaWiki 1.39 the behaviour
// comes from. Faults through the admin API are out of reach of the runner and are not here.
#include "tables/steps.h"
#include "tables/tables.h"

namespace scenarios {
namespace {

// meta=userinfo&assert=user, `seconds` after the previous step.
Step assert_user(int seconds, std::optional<std::string> api_error) {
  return {.name = "assert=user " + std::to_string(seconds) + " s later",
          .params = {{"action", "query"}, {"meta", "userinfo"}, {"assert", "user"}, {"format", "json"}},
          .advance_clock = seconds,
          .expect = {.api_error = std::move(api_error)}};
}

const char* const kWrong = R"("Incorrect username or password entered. Please try again.")";
const char* const kThrottled =
    R"("You have made too many recent login attempts. Please wait 5 minutes before trying again.")";

// clientlogin keeps the message's line break (NOTES.md §4.3); action=login joins the lines (§3.3).
const char* const kThrottledLines =
    R"("You have made too many recent login attempts.\nPlease wait 5 minutes before trying again.")";

}  // namespace

std::vector<Scenario> mock_only_scenarios() {
  return {
      {.name = "mock/bot-password-session-expires-after-an-hour",
       .tag = Tag::Mock,
       .source = "NOTES.md §7: $wgObjectCacheSessionExpiry 3600 s, and a bot-password session has no Token cookie "
                 "(core:includes/session/BotPasswordSessionProvider.php)",
       .steps = {steps::login_token(), steps::login_success("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"),
                 assert_user(3601, "assertuserfailed"), steps::whoami("127.0.0.1")}},
      {.name = "mock/session-in-use-is-renewed",
       .tag = Tag::Mock,
       .source = "NOTES.md §7: renewed when less than half of the 3600 s remains (core:includes/session/"
                 "SessionBackend.php renew)",
       .steps = {steps::login_token(), steps::login_success("{ROBO_BOT}", "{ROBO_BOT_PASS}", "Robo"),
                 assert_user(3000, ""), assert_user(3000, ""), assert_user(3601, "assertuserfailed")}},
      {.name = "mock/main-account-login-is-restored-by-its-token-cookie",
       .tag = Tag::Mock,
       .source = "NOTES.md §3.4 (ApiLogin forces rememberMe: a Token cookie), §7: the Token cookie re-creates "
                 "the session after it expires (core:includes/session/CookieSessionProvider.php)",
       .steps = {steps::login_token(),
                 steps::login("{ALICE}", "{ALICE_PASS}",
                              {.json = {{"/login/result", R"("Success")"}}, .cookies_set = {"Token"}}),
                 assert_user(3601, ""), steps::whoami("Alice")}},
      {.name = "mock/clientlogin-without-remember-me-expires",
       .tag = Tag::Mock,
       .source = "NOTES.md §4.4, §7: without rememberMe there is no Token cookie, so UserID/UserName alone do not "
                 "restore the session",
       .steps = {steps::login_token(),
                 steps::clientlogin("{ADMIN}", "{ADMIN_PASS}",
                                    {.json = {{"/clientlogin", R"({"status":"PASS","username":"Admin"})"}}}),
                 assert_user(3601, "assertuserfailed"), steps::whoami("127.0.0.1")}},
      {.name = "mock/login-token-of-an-expired-session-is-sessionlost",
       .tag = Tag::Mock,
       .source = "NOTES.md §3.4, §7 (observed by deleting the MWSession row): the login token lives only as long "
                 "as its session",
       .steps = {steps::login_token(),
                 [] {
                   Step s =
                       steps::login("{ALICE_BOT}", "{ALICE_BOT_PASS}",
                                    {.json = {{"/login", R"({"result":"Failed","reason":"Unable to continue login. )"
                                                         R"(Your session most likely timed out."})"}}});
                   s.advance_clock = 3601;
                   return s;
                 }(),
                 steps::whoami("127.0.0.1")}},
      {.name = "mock/password-throttle-then-allowed-after-300-s",
       .tag = Tag::Mock,
       .source = "NOTES.md §3.4: $wgPasswordAttemptThrottle 5 in 300 s per (username, IP), the 6th refused even "
                 "with the right password (core:includes/auth/ThrottlePreAuthenticationProvider.php); §15.4",
       .steps = {steps::login_token(),
                 steps::login("{THROTTLED}", "Wrong-Passw0rd!1", {.json = {{"/login/reason", kWrong}}}),
                 steps::login("{THROTTLED}", "Wrong-Passw0rd!2", {.json = {{"/login/reason", kWrong}}}),
                 steps::login("{THROTTLED}", "Wrong-Passw0rd!3", {.json = {{"/login/reason", kWrong}}}),
                 steps::login("{THROTTLED}", "Wrong-Passw0rd!4", {.json = {{"/login/reason", kWrong}}}),
                 steps::login("{THROTTLED}", "Wrong-Passw0rd!5", {.json = {{"/login/reason", kWrong}}}),
                 steps::login(
                     "{THROTTLED}", "{THROTTLED_PASS}",
                     {.json = {{"/login", std::string(R"({"result":"Failed","reason":)") + kThrottled + "}"}}}),
                 steps::whoami("127.0.0.1"),
                 [] {
                   Step s = steps::login_success("{THROTTLED}", "{THROTTLED_PASS}", "Throttled");
                   s.advance_clock = 300;
                   return s;
                 }(),
                 steps::whoami("Throttled")}},
      {.name = "mock/clientlogin-password-throttle",
       .tag = Tag::Mock,
       .source = "NOTES.md §3.4, §4.3: the same throttle through clientlogin, FAIL with login-throttled "
                 "(core:includes/auth/ThrottlePreAuthenticationProvider.php)",
       .steps =
           [] {
             std::vector<Step> steps = {steps::login_token()};
             auto attempt = [](const char* password, std::vector<Check> checks) {
               return steps::clientlogin("{THROTTLED}", password, {.json = std::move(checks)},
                                         {{"formatversion", "2"}});
             };
             for (int i = 0; i < 5; ++i) {
               steps.push_back(attempt("Wrong-Passw0rd!", {{"/clientlogin/messagecode", R"("wrongpassword")"}}));
             }
             steps.push_back(attempt("{THROTTLED_PASS}", {{"/clientlogin/status", R"("FAIL")"},
                                                          {"/clientlogin/message", kThrottledLines},
                                                          {"/clientlogin/messagecode", R"("login-throttled")"}}));
             Step pass = attempt("{THROTTLED_PASS}", {{"/clientlogin", R"({"status":"PASS","username":"Throttled"})"}});
             pass.advance_clock = 300;
             steps.push_back(pass);
             return steps;
           }()},
  };
}

}  // namespace scenarios
