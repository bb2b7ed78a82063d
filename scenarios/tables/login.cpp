// action=login (NOTES.md §3; core:includes/api/ApiLogin.php).
#include "tables/steps.h"
#include "tables/tables.h"

namespace scenarios {
namespace {

Step login(const char* user, const char* password, Expect expect, const char* token = "{T}") {
  return {.name = "login",
          .method = "POST",
          .params =
              {{"action", "login"}, {"lgname", user}, {"lgpassword", password}, {"lgtoken", token}, {"format", "json"}},
          .expect = std::move(expect)};
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
                 login("{ROBO_BOT}", "{ROBO_BOT_PASS}",
                       {.json = {{"/login/result", R"("Success")"}}, .cookies_set = {"_BPsession"}})}},
      {.name = "login/wrong-bot-password-is-failed",
       .tag = Tag::Core,
       .source = "NOTES.md §3.4 (observed)",
       .steps = {steps::login_token(),
                 login("{ALICE_BOT}", "00000000000000000000000000000000",
                       {.json = {{"/login/result", R"("Failed")"}, {"/login/reason", wrong}}}),
                 steps::whoami("127.0.0.1")}},
      {.name = "login/unknown-user-is-failed",
       .tag = Tag::Core,
       .source = "NOTES.md §3.4 (observed): the same text as a wrong password",
       .steps = {steps::login_token(), login("Nobody@bot", "00000000000000000000000000000000",
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
                 login("{ALICE_BOT}", "{ALICE_BOT_PASS}", {.json = {{"/login/result", R"("WrongToken")"}}},
                       "0123456789abcdef0123456789abcdef+\\")}},
      {.name = "login/lost-session-is-failed",
       .tag = Tag::Core,
       .source = "NOTES.md §3.4, §7 (observed): the token's session is gone",
       .steps = {steps::login_token(),
                 [] {
                   Step s = login("{ALICE_BOT}", "{ALICE_BOT_PASS}", {.json = {{"/login/result", R"("Failed")"}}});
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
                 login("{ALICE}", "{ALICE_PASS}",
                       {.json = {{"/login/result", R"("Success")"}, {"/warnings/login", "<present>"}},
                        .cookies_set = {"UserID", "Token"}}),
                 steps::whoami("Alice")}},
  };
}

}  // namespace scenarios
