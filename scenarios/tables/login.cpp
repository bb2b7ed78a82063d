// action=login (NOTES.md §3; core:includes/api/ApiLogin.php).
#include "tables/steps.h"
#include "tables/tables.h"

namespace scenarios {
namespace {

// action=login with the token {T} and formatversion 2, plus `more` (errorformat, origin, ...).
Step login_fv2(const char* user, const char* password, std::vector<std::pair<std::string, std::string>> more,
               Expect expect) {
  std::vector<std::pair<std::string, std::string>> params = {{"action", "login"},      {"lgname", user},
                                                             {"lgpassword", password}, {"lgtoken", "{T}"},
                                                             {"format", "json"},       {"formatversion", "2"}};
  params.insert(params.end(), more.begin(), more.end());
  return {.name = "login", .method = "POST", .params = std::move(params), .expect = std::move(expect)};
}

}  // namespace

std::vector<Scenario> login_scenarios() {
  // ApiErrorFormatter_BackCompat: the reason's lines joined by a space.
  const std::string wrong = R"("Incorrect username or password entered. Please try again.")";
  return {
      {.name = "login/bot-password-success",
       .tag = Tag::Core,
       .source = "NOTES.md §3.4 (observed)",
       .steps = {steps::login_token(), steps::login_success("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"),
                 steps::whoami("Alice")}},
      {.name = "login/bot-password-sets-the-bp-session-cookie",
       .tag = Tag::Core,
       .source = "NOTES.md §7 (observed): BotPasswordSessionProvider",
       .steps = {steps::login_token(),
                 steps::login("{ROBO_BOT}", "{ROBO_BOT_PASS}",
                              {.json = {{"/login/result", R"("Success")"}}, .cookies_set = {"_BPsession"}})}},
      {.name = "login/wrong-bot-password-is-failed",
       .tag = Tag::Core,
       .source = "NOTES.md §3.4 (observed)",
       .steps = {steps::login_token(),
                 steps::login("{ALICE_BOT}", "00000000000000000000000000000000",
                              {.json = {{"/login/result", R"("Failed")"}, {"/login/reason", wrong}}}),
                 steps::whoami("127.0.0.1")}},
      {.name = "login/unknown-user-is-failed",
       .tag = Tag::Core,
       .source = "NOTES.md §3.4 (observed): the same text as a wrong password",
       .steps = {steps::login_token(), steps::login("Nobody@bot", "00000000000000000000000000000000",
                                                    {.json = {{"/login/result", R"("Failed")"}}})}},
      {.name = "login/without-token-is-need-token",
       .tag = Tag::Core,
       .source = "NOTES.md §3.4 (observed)",
       .steps = {{.name = "login without lgtoken",
                  .method = "POST",
                  .params = {{"action", "login"},
                             {"lgname", "{ALICE_BOT}"},
                             {"lgpassword", "{ALICE_BOT_PASS}"},
                             {"format", "json"}},
                  .expect = {.json = {{"/login/result", R"("NeedToken")"}, {"/login/token", "<present>"}}}}}},
      {.name = "login/wrong-token-is-wrong-token",
       .tag = Tag::Core,
       .source = "NOTES.md §3.4 (observed)",
       .steps = {steps::login_token(),
                 steps::login("{ALICE_BOT}", "{ALICE_BOT_PASS}", {.json = {{"/login/result", R"("WrongToken")"}}},
                              "0123456789abcdef0123456789abcdef+\\")}},
      {.name = "login/lost-session-is-failed",
       .tag = Tag::Core,
       .source = "NOTES.md §3.4, §7 (observed): the token's session is gone",
       .steps =
           {steps::login_token(),
            [] {
              Step s = steps::login("{ALICE_BOT}", "{ALICE_BOT_PASS}", {.json = {{"/login/result", R"("Failed")"}}});
              s.cookies = Cookies::DropAll;
              return s;
            }()}},
      {.name = "login/get-is-mustbeposted",
       .tag = Tag::Core,
       .source = "NOTES.md §8 (observed)",
       .steps = {{.name = "GET login",
                  .params = {{"action", "login"}, {"lgname", "{ALICE_BOT}"}, {"format", "json"}},
                  .expect = {.api_error = "mustbeposted",
                             .json = {{"/error/code", R"("mustbeposted")"},
                                      {"/error/info", R"("The \"login\" module requires a POST request.")"}}}}}},
      {.name = "login/password-in-the-query-string-is-mustpostparams",
       .tag = Tag::Core,
       .source = "NOTES.md §8 (observed)",
       .steps = {steps::login_token(),
                 {.name = "lgpassword in the URL",
                  .method = "POST",
                  .params = {{"action", "login"}, {"lgname", "{ALICE_BOT}"}, {"lgtoken", "{T}"}, {"format", "json"}},
                  .query = {{"lgpassword", "{ALICE_BOT_PASS}"}},
                  .expect = {.api_error = "mustpostparams", .json = {{"/error/code", R"("mustpostparams")"}}}}}},
      {.name = "login/main-password-succeeds-with-a-deprecation-warning",
       .tag = Tag::Core,
       .source = "NOTES.md §3.4 (observed)",
       .steps = {steps::login_token(),
                 steps::login("{ALICE}", "{ALICE_PASS}",
                              {.json = {{"/login/result", R"("Success")"}, {"/warnings/login", "<present>"}},
                               .cookies_set = {"UserID", "Token"}}),
                 steps::whoami("Alice")}},
      {.name = "login/bot-password-success-fv2-has-no-warnings",
       .tag = Tag::Core,
       .source = "NOTES.md §3.4 (observed on refwiki): lguserid, bare lgusername, no deprecation warning",
       .steps = {steps::login_token(),
                 login_fv2("{ALICE_BOT}", "{ALICE_BOT_PASS}", {},
                           {.api_error = "",
                            .json = {{"/login", R"({"result":"Success","lguserid":3,"lgusername":"Alice"})"},
                                     {"/warnings", "<absent>"}}})}},
      {.name = "login/lost-session-reason-errorformat-raw",
       .tag = Tag::Core,
       .source = "NOTES.md §3.3, §3.4 (observed on refwiki): reason becomes {code,key,params}",
       .steps = {steps::login_token(),
                 [] {
                   Step s = login_fv2("{ALICE_BOT}", "{ALICE_BOT_PASS}", {{"errorformat", "raw"}},
                                      {.json = {{"/login", R"({"result":"Failed","reason":{"code":"sessionlost",)"
                                                           R"("key":"authpage-cannot-login-continue","params":[]}})"}},
                                       .cookies_set = {"_session"}});
                   s.cookies = Cookies::DropAll;
                   return s;
                 }()}},
      {.name = "login/unknown-appid-is-wrongpassword-errorformat-plaintext",
       .tag = Tag::Core,
       .source = "NOTES.md §3.2 step 6, §3.3 (observed on refwiki); BotPassword.php botpasswords-not-exist falls "
                 "through; the right bot password then still works (and clears the botpassword throttle)",
       .steps =
           {steps::login_token(),
            login_fv2(
                "{ALICE}@noapp", "{ALICE_BOT_PASS}", {{"errorformat", "plaintext"}},
                {.json =
                     {{"/login/result", R"("Failed")"},
                      {"/login/reason",
                       R"({"code":"wrongpassword","text":"Incorrect username or password entered. Please try again."})"}}}),
            steps::whoami("127.0.0.1"), steps::login_success("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice")}},
      {.name = "login/inside-a-bot-password-session-is-aborted",
       .tag = Tag::Core,
       .source = "NOTES.md §3.2 step 4, §3.4 (observed on refwiki): api-login-fail-badsessionprovider",
       .steps =
           {steps::login_token(), steps::login_success("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"),
            steps::login_token(),
            login_fv2(
                "{ROBO_BOT}", "{ROBO_BOT_PASS}", {},
                {.json = {{"/login/result", R"("Aborted")"},
                          {"/login/reason",
                           R"("Cannot log in when using MediaWiki\\Session\\BotPasswordSessionProvider sessions.")"}}}),
            steps::whoami("Alice")}},
      {.name = "login/bot-password-over-a-main-account-session-switches-user",
       .tag = Tag::Core,
       .source = "NOTES.md §3.2, §7 (observed on refwiki): the _BPsession cookie wins over the main session",
       .steps = {steps::login_token(), steps::login_success("{ALICE}", "{ALICE_PASS}", "Alice"), steps::login_token(),
                 login_fv2("{ROBO_BOT}", "{ROBO_BOT_PASS}", {},
                           {.json = {{"/login", R"({"result":"Success","lguserid":4,"lgusername":"Robo"})"}},
                            .cookies_set = {"_BPsession"}}),
                 steps::whoami("Robo")}},
      {.name = "login/token-reused-after-success-is-session-lost",
       .tag = Tag::Core,
       .source = "NOTES.md §2.1, §3.2 step 5 (observed on refwiki): a login resets the session's token secrets",
       .steps =
           {steps::login_token(), steps::login_success("{ALICE}", "{ALICE_PASS}", "Alice"),
            login_fv2(
                "{ALICE}", "{ALICE_PASS}", {},
                {.json =
                     {{"/login",
                       R"({"result":"Failed","reason":"Unable to continue login. Your session most likely timed out."})"}}}),
            steps::whoami("Alice")}},
      {.name = "login/without-same-origin-is-aborted",
       .tag = Tag::Core,
       .source = "NOTES.md §3.2 step 1, §3.4 (observed on refwiki): origin=* gives api-login-fail-sameorigin",
       .steps =
           {steps::login_token(),
            login_fv2(
                "{ALICE_BOT}", "{ALICE_BOT_PASS}", {{"origin", "*"}},
                {.json =
                     {{"/login",
                       R"({"result":"Aborted","reason":"Cannot log in when the same-origin policy is not applied."})"}}}),
            steps::whoami("127.0.0.1")}},
  };
}

}  // namespace scenarios
