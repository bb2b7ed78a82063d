// meta=userinfo (NOTES.md §15; core:includes/api/ApiQueryUserInfo.php) and action=logout
// (NOTES.md §6, §7; core:includes/api/ApiLogout.php).
#include "tables/steps.h"
#include "tables/tables.h"

namespace scenarios {
namespace {

// meta=userinfo&uiprop=groups|rights|blockinfo|hasmsg, as mwclient and the notes ask it.
Step userinfo(Expect expect, const char* fv = "2") {
  std::vector<std::pair<std::string, std::string>> params = {
      {"action", "query"}, {"meta", "userinfo"}, {"uiprop", "groups|rights|blockinfo|hasmsg"}, {"format", "json"}};
  if (fv[0] != '1') params.emplace_back("formatversion", fv);
  return {.name = "userinfo", .params = std::move(params), .expect = std::move(expect)};
}

// action=logout by POST with `token`.
Step logout(const char* token, Expect expect) {
  return {.name = "logout",
          .method = "POST",
          .params = {{"action", "logout"}, {"token", token}, {"format", "json"}},
          .expect = std::move(expect)};
}

// userinfo after a logout: anonymous again.
Step anonymous() {
  return {.name = "userinfo",
          .params = {{"action", "query"},
                     {"meta", "userinfo"},
                     {"uiprop", "groups"},
                     {"format", "json"},
                     {"formatversion", "2"}},
          .expect = {.json = {{"/query/userinfo", R"({"id":0,"name":"127.0.0.1","anon":true,"groups":["*"]})"}}}};
}

}  // namespace

std::vector<Scenario> userinfo_logout_scenarios() {
  const std::string ui = "/query/userinfo";
  const std::string badtoken = R"("Invalid CSRF token.")";
  return {
      // meta=userinfo
      {.name = "userinfo/anonymous-fv2",
       .tag = Tag::Core,
       .source = "NOTES.md §15.2 (observed)",
       .steps = {userinfo(
           {.api_error = "",
            .json =
                {{ui,
                  R"({"id":0,"name":"127.0.0.1","anon":true,"messages":false,"groups":["*"],)"
                  R"("rights":["createaccount","read","edit","createpage","createtalk","writeapi",)"
                  R"("viewmywatchlist","editmywatchlist","viewmyprivateinfo","editmyprivateinfo","editmyoptions"]})"}}})}},
      {.name = "userinfo/anonymous-fv1",
       .tag = Tag::Core,
       .source = "NOTES.md §1.4, §15.2 (observed): anon as \"\", messages:false omitted",
       .steps = {userinfo({.json = {{ui + "/id", "0"},
                                    {ui + "/anon", R"("")"},
                                    {ui + "/messages", "<absent>"},
                                    {ui + "/groups", R"(["*"])"},
                                    {ui + "/rights/0", R"("createaccount")"}}},
                          "1")}},
      {.name = "userinfo/admin-groups-and-rights",
       .tag = Tag::Core,
       .source = "NOTES.md §15.1, §15.2 (observed): explicit groups sorted, then implicit; rights in group order",
       .steps = {steps::login_token(),
                 steps::clientlogin("{ADMIN}", "{ADMIN_PASS}", {.json = {{"/clientlogin/status", R"("PASS")"}}}),
                 userinfo({.json = {{ui + "/name", R"("Admin")"},
                                    {ui + "/anon", "<absent>"},
                                    {ui + "/messages", "false"},
                                    {ui + "/blockid", "<absent>"},
                                    {ui + "/groups",
                                     R"(["bureaucrat","interface-admin","sysop","*","user","autoconfirmed"])"},
                                    {ui + "/rights/0", R"("userrights")"},
                                    {ui + "/rights/9", R"("block")"},
                                    {ui + "/rights/44", R"("read")"},
                                    {ui + "/rights/63", R"("editcontentmodel")"},
                                    {ui + "/rights/64", "<absent>"}}})}},
      {.name = "userinfo/alice-groups-and-rights-fv1",
       .tag = Tag::Core,
       .source = "NOTES.md §15.2 (observed); tests/reference/mw-1.39/clientlogin-pass-then-userinfo-fv1.json",
       .steps = {steps::login_token(),
                 steps::clientlogin("{ALICE}", "{ALICE_PASS}", {.json = {{"/clientlogin/status", R"("PASS")"}}}),
                 userinfo({.json = {{ui + "/name", R"("Alice")"},
                                    {ui + "/messages", "<absent>"},
                                    {ui + "/groups", R"(["*","user","autoconfirmed"])"},
                                    {ui + "/rights/0", R"("createaccount")"},
                                    {ui + "/rights/11", R"("move")"},
                                    {ui + "/rights/29", R"("autoconfirmed")"},
                                    {ui + "/rights/30", R"("editsemiprotected")"},
                                    {ui + "/rights/31", "<absent>"}}},
                          "1")}},
      {.name = "userinfo/robo-bot-group-and-rights",
       .tag = Tag::Core,
       .source = "NOTES.md §15.2 (observed): the bot group's rights come first",
       .steps = {steps::login_token(),
                 steps::clientlogin("{ROBO}", "{ROBO_PASS}", {.json = {{"/clientlogin/status", R"("PASS")"}}}),
                 userinfo({.json = {{ui + "/name", R"("Robo")"},
                                    {ui + "/groups", R"(["bot","*","user","autoconfirmed"])"},
                                    {ui + "/rights/0", R"("bot")"},
                                    {ui + "/rights/7", R"("writeapi")"},
                                    {ui + "/rights/8", R"("createaccount")"},
                                    {ui + "/rights/35", R"("editcontentmodel")"},
                                    {ui + "/rights/36", "<absent>"}}})}},
      {.name = "userinfo/bot-password-limits-the-rights",
       .tag = Tag::Core,
       .source = "NOTES.md §15.1, §15.2 (observed): Alice@alicebot, grants basic and editpage",
       .steps = {steps::login_token(), steps::login_success("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"),
                 userinfo({.json = {{ui + "/name", R"("Alice")"},
                                    {ui + "/groups", R"(["*","user","autoconfirmed"])"},
                                    {ui + "/rights/0", R"("read")"},
                                    {ui + "/rights/2", R"("writeapi")"},
                                    {ui + "/rights/9", R"("editsemiprotected")"},
                                    {ui + "/rights/10", "<absent>"}}})}},
      {.name = "userinfo/bot-password-with-highvolume",
       .tag = Tag::Core,
       .source = "NOTES.md §15.2 (observed): Robo@mybot, grants basic, editpage and highvolume",
       .steps = {steps::login_token(), steps::login_success("{ROBO_BOT}", "{ROBO_BOT_PASS}", "Robo"),
                 userinfo({.json = {{ui + "/groups", R"(["bot","*","user","autoconfirmed"])"},
                                    {ui + "/rights/0", R"("bot")"},
                                    {ui + "/rights/5", R"("apihighlimits")"},
                                    {ui + "/rights/7", R"("read")"},
                                    {ui + "/rights/13", R"("editcontentmodel")"},
                                    {ui + "/rights/14", "<absent>"}}})}},
      // action=logout
      {.name = "logout/without-token-is-missingparam",
       .tag = Tag::Core,
       .source = "NOTES.md §6 (observed)",
       .steps = {{.name = "logout without token",
                  .method = "POST",
                  .params = {{"action", "logout"}, {"format", "json"}},
                  .expect = {.api_error = "missingparam",
                             .json = {{"/error/code", R"("missingparam")"},
                                      {"/error/info", R"("The \"token\" parameter must be set.")"}}}}}},
      {.name = "logout/anonymous-token-while-logged-in-is-badtoken",
       .tag = Tag::Core,
       .source = "NOTES.md §6 (observed): the session stays",
       .steps = {steps::login_token(), steps::login_success("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"),
                 logout("+\\", {.api_error = "badtoken", .json = {{"/error/info", badtoken}}}),
                 steps::whoami("Alice")}},
      {.name = "logout/garbage-token-is-badtoken",
       .tag = Tag::Core,
       .source = "NOTES.md §6 (observed)",
       .steps = {steps::login_token(), steps::login_success("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"),
                 logout("0123456789abcdef0123456789abcdef+\\",
                        {.api_error = "badtoken", .json = {{"/error/code", R"("badtoken")"}}}),
                 steps::whoami("Alice")}},
      {.name = "logout/main-account-clears-the-cookies",
       .tag = Tag::Core,
       .source = "NOTES.md §6, §7 (observed): _session, UserID and Token deleted; the result is {}",
       .steps = {steps::login_token(), steps::login_success("{ALICE}", "{ALICE_PASS}", "Alice"), steps::csrf_token(),
                 logout("{CSRF}",
                        {.api_error = "", .json = {{"", "{}"}}, .cookies_cleared = {"_session", "UserID", "Token"}}),
                 anonymous()}},
      {.name = "logout/after-clientlogin",
       .tag = Tag::Core,
       .source = "NOTES.md §6 (observed in tests/reference/mw-1.39/logout-after-clientlogin-then-userinfo.json)",
       .steps = {steps::login_token(),
                 steps::clientlogin("{ALICE}", "{ALICE_PASS}", {.json = {{"/clientlogin/status", R"("PASS")"}}}),
                 steps::csrf_token(),
                 logout("{CSRF}", {.json = {{"", "{}"}}, .cookies_cleared = {"_session", "UserID"}}), anonymous()}},
      {.name = "logout/bot-password-session-clears-bpsession",
       .tag = Tag::Core,
       .source = "NOTES.md §6 (observed): only _BPsession is deleted",
       .steps = {steps::login_token(), steps::login_success("{ROBO_BOT}", "{ROBO_BOT_PASS}", "Robo"),
                 steps::csrf_token(), logout("{CSRF}", {.json = {{"", "{}"}}, .cookies_cleared = {"_BPsession"}}),
                 anonymous()}},
      {.name = "logout/anonymous-with-anonymous-token",
       .tag = Tag::Core,
       .source = "NOTES.md §6 (observed): an anonymous user can log out with +\\",
       .steps = {logout("+\\", {.api_error = "", .json = {{"", "{}"}}})}},
      {.name = "logout/get-without-token-is-missingparam",
       .tag = Tag::Core,
       .source = "NOTES.md §6 (observed): the token check comes before mustbeposted",
       .steps = {{.name = "GET logout",
                  .params = {{"action", "logout"}, {"format", "json"}},
                  .expect = {.api_error = "missingparam",
                             .json = {{"/error/info", R"("The \"token\" parameter must be set.")"}}}}}},
      {.name = "logout/get-with-token-is-mustpostparams",
       .tag = Tag::Core,
       .source = "NOTES.md §6 (observed in tests/reference/mw-1.39/logout-get-with-token.json); ApiMain.php",
       .steps =
           {steps::login_token(),
            steps::login_success("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"),
            steps::csrf_token(),
            {.name = "GET logout with the token",
             .params = {{"action", "logout"}, {"token", "{CSRF}"}, {"format", "json"}},
             .expect =
                 {.api_error = "mustpostparams",
                  .json =
                      {{"/error/info",
                        R"("The following parameter was found in the query string, but must be in the POST body: token.")"}}}},
            steps::whoami("Alice")}},
      {.name = "logout/old-csrf-token-is-rejected-after-logout",
       .tag = Tag::Core,
       .source = "NOTES.md §2.1, §6 (observed on refwiki): anonymous again, only +\\ matches",
       .steps = {steps::login_token(), steps::login_success("{ALICE}", "{ALICE_PASS}", "Alice"), steps::csrf_token(),
                 logout("{CSRF}", {.json = {{"", "{}"}}}),
                 logout("{CSRF}", {.api_error = "badtoken", .json = {{"/error/info", badtoken}}}), anonymous()}},
      {.name = "logout/login-token-is-not-a-csrf-token",
       .tag = Tag::Core,
       .source = "NOTES.md §2.1, §2.3 (observed on refwiki): login tokens have their own secret and salt",
       .steps = {steps::login_token(), logout("{T}", {.api_error = "badtoken", .json = {{"/error/info", badtoken}}})}},
      {.name = "logout/then-login-again-with-a-new-token",
       .tag = Tag::Core,
       .source = "NOTES.md §2.1, §6 (observed on refwiki): after logout a fresh login token logs in again",
       .steps = {steps::login_token(), steps::login_success("{ROBO_BOT}", "{ROBO_BOT_PASS}", "Robo"),
                 steps::csrf_token(), logout("{CSRF}", {.json = {{"", "{}"}}}), steps::login_token(),
                 steps::login_success("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"), steps::whoami("Alice")}},
  };
}

}  // namespace scenarios
