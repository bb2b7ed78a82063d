// ApiMain's checks and errors (NOTES.md §1, §8; core:includes/api/ApiMain.php).
#include "tables/steps.h"
#include "tables/tables.h"

namespace scenarios {

std::vector<Scenario> api_main_scenarios() {
  return {
      {.name = "main/unknown-action-is-badvalue",
       .tag = Tag::Core,
       .source = "NOTES.md §8 (observed)",
       .steps = {{.name = "action=nosuchaction",
                  .params = {{"action", "nosuchaction"}, {"format", "json"}},
                  .expect = {.api_error = "badvalue",
                             .json = {{"/error/code", R"("badvalue")"},
                                      {"/error/info",
                                       R"("Unrecognized value for parameter \"action\": nosuchaction.")"},
                                      {"/error/*", "<present>"}}}}}},
      {.name = "main/plaintext-errorformat",
       .tag = Tag::Core,
       .source = "NOTES.md §1.5, §8 (observed)",
       .steps =
           {{.name = "errorformat=plaintext",
             .params =
                 {{"action", "nosuchaction"}, {"format", "json"}, {"formatversion", "2"}, {"errorformat", "plaintext"}},
             .expect = {.api_error = "badvalue",
                        .json = {{"/errors/0/code", R"("badvalue")"},
                                 {"/errors/0/text", R"("Unrecognized value for parameter \"action\": nosuchaction.")"},
                                 {"/errors/0/module", R"("main")"},
                                 {"/docref", "<present>"}}}}}},
      {.name = "main/assert-user-when-anonymous",
       .tag = Tag::Core,
       .source = "NOTES.md §8 (observed)",
       .steps = {{.name = "assert=user",
                  .params = {{"action", "query"}, {"meta", "userinfo"}, {"assert", "user"}, {"format", "json"}},
                  .expect = {.api_error = "assertuserfailed",
                             .json = {{"/error/info",
                                       R"("You are no longer logged in, so the action could not be completed.")"}}}}}},
      {.name = "main/assert-bot-for-a-user",
       .tag = Tag::Core,
       .source = "NOTES.md §8 (observed)",
       .steps = {steps::login_token(),
                 steps::login_success("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"),
                 {.name = "assert=bot",
                  .params = {{"action", "query"}, {"meta", "userinfo"}, {"assert", "bot"}, {"format", "json"}},
                  .expect = {.api_error = "assertbotfailed"}}}},
      {.name = "main/assertuser-mismatch",
       .tag = Tag::Core,
       .source = "NOTES.md §8 (observed)",
       .steps =
           {{.name = "assertuser=TestUser",
             .params = {{"action", "query"}, {"assertuser", "TestUser"}, {"format", "json"}},
             .expect =
                 {.api_error = "assertnameduserfailed",
                  .json =
                      {{"/error/info",
                        R"("You are no longer logged in as \"TestUser\", so the action could not be completed.")"}}}}}},
      {.name = "main/put-is-invalidmethod",
       .tag = Tag::Core,
       .source = "NOTES.md §1.2, §8 (observed): HTTP 405",
       .steps = {{.name = "PUT",
                  .method = "PUT",
                  .params = {{"action", "query"}, {"format", "json"}},
                  .where = Where::Query,
                  .expect = {.status = 405, .api_error = "invalidmethod"}}}},
      {.name = "main/session-expires-after-an-hour",
       .tag = Tag::Mock,
       .source = "NOTES.md §7: $wgObjectCacheSessionExpiry 3600 s; a bot-password session has no Token cookie",
       .steps = {steps::login_token(),
                 steps::login_success("{ROBO_BOT}", "{ROBO_BOT_PASS}", "Robo"),
                 {.name = "an hour later, assert=user",
                  .params = {{"action", "query"}, {"meta", "userinfo"}, {"assert", "user"}, {"format", "json"}},
                  .advance_clock = 3601,
                  .expect = {.api_error = "assertuserfailed"}}}},
  };
}

}  // namespace scenarios
