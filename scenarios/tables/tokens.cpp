// meta=tokens (NOTES.md §2; core:includes/api/ApiQueryTokens.php).
#include "tables/steps.h"
#include "tables/tables.h"

namespace scenarios {

std::vector<Scenario> token_scenarios() {
  return {
      {.name = "tokens/anonymous-csrf-is-plus-backslash",
       .tag = Tag::Core,
       .source = "NOTES.md §2.2 (observed)",
       .steps = {{.name = "csrf",
                  .params = {{"action", "query"}, {"meta", "tokens"}, {"format", "json"}},
                  .expect = {.api_error = "", .json = {{"/query/tokens/csrftoken", R"("+\\")"}}}}}},
      {.name = "tokens/login-token-starts-a-session",
       .tag = Tag::Core,
       .source = "NOTES.md §2.2, §7 (observed)",
       .steps = {{.name = "login token",
                  .params = {{"action", "query"}, {"meta", "tokens"}, {"type", "login"}, {"format", "json"}},
                  .expect = {.json = {{"/query/tokens/logintoken", "<present>"}}, .cookies_set = {"_session"}}}}},
      {.name = "tokens/unknown-type-is-a-warning",
       .tag = Tag::Core,
       .source = "NOTES.md §2.2 (observed)",
       .steps = {{.name = "type=bogus",
                  .params = {{"action", "query"},
                             {"meta", "tokens"},
                             {"type", "bogus"},
                             {"format", "json"},
                             {"formatversion", "2"}},
                  // No final period: ApiQueryTokens's own warning, not the validator's error.
                  .expect = {.api_error = "",
                             .json = {{"/warnings/tokens/warnings",
                                       R"("Unrecognized value for parameter \"type\": bogus")"},
                                      {"/query/tokens", "{}"}}}}}},
      {.name = "tokens/several-types-at-once",
       .tag = Tag::Core,
       .source = "NOTES.md §2.1",
       .steps =
           {{.name = "csrf|watch|patrol",
             .params = {{"action", "query"}, {"meta", "tokens"}, {"type", "csrf|watch|patrol"}, {"format", "json"}},
             .expect = {.json = {{"/query/tokens/csrftoken", R"("+\\")"},
                                 {"/query/tokens/watchtoken", R"("+\\")"},
                                 {"/query/tokens/patroltoken", R"("+\\")"}}}}}},
      {.name = "tokens/logged-in-csrf-is-hmac-and-time",
       .tag = Tag::Core,
       .source = "NOTES.md §2.1: hex HMAC, hex timestamp, +\\",
       .steps = {steps::login_token(),
                 steps::login_success("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"),
                 steps::csrf_token(),
                 {.name = "checktoken",
                  .method = "POST",
                  .params = {{"action", "checktoken"}, {"type", "csrf"}, {"token", "{CSRF}"}, {"format", "json"}},
                  .expect = {.json = {{"/checktoken/result", R"("valid")"}}}}}},
  };
}

}  // namespace scenarios
