// action=clientlogin (NOTES.md §4, §7; core:includes/api/ApiClientLogin.php, ApiAuthManagerHelper.php).
#include "tables/steps.h"
#include "tables/tables.h"

namespace scenarios {
namespace {

// action=clientlogin by POST with the login token {T}, loginreturnurl and formatversion 2, plus `more`.
Step clientlogin(std::vector<std::pair<std::string, std::string>> more, Expect expect) {
  std::vector<std::pair<std::string, std::string>> params = {{"action", "clientlogin"},
                                                             {"loginreturnurl", "http://example.org/"},
                                                             {"logintoken", "{T}"},
                                                             {"format", "json"},
                                                             {"formatversion", "2"}};
  params.insert(params.end(), more.begin(), more.end());
  return {.name = "clientlogin", .method = "POST", .params = std::move(params), .expect = std::move(expect)};
}

// A wrong password for an account that does not exist: the same answer as a wrong password
// (NOTES.md §4.3), and it keeps the throttle away from the fixture's accounts.
Step wrong_password(const char* user, std::vector<std::pair<std::string, std::string>> more, Expect expect) {
  more.insert(more.begin(), {{"username", user}, {"password", "Wrong-Passw0rd!"}});
  return clientlogin(std::move(more), std::move(expect));
}

}  // namespace

std::vector<Scenario> clientlogin_scenarios() {
  const std::string wrong = R"("Incorrect username or password entered.\nPlease try again.")";
  return {
      {.name = "clientlogin/pass-fv2",
       .tag = Tag::Core,
       .source = "NOTES.md §4.4 (observed): 30-day cookies, no Token",
       .steps = {steps::login_token(),
                 clientlogin({{"username", "{ALICE}"}, {"password", "{ALICE_PASS}"}},
                             {.api_error = "",
                              .json = {{"/clientlogin/status", R"("PASS")"},
                                       {"/clientlogin/username", R"("Alice")"},
                                       {"/clientlogin/message", "<absent>"}},
                              .cookies_set = {"UserID", "UserName", "_session"}}),
                 steps::whoami("Alice")}},
      {.name = "clientlogin/pass-fv1",
       .tag = Tag::Core,
       .source = "NOTES.md §4.2, §4.4 (observed); ApiAuthManagerHelper.php formatAuthenticationResponse",
       .steps = {steps::login_token(),
                 steps::clientlogin("{ADMIN}", "{ADMIN_PASS}",
                                    {.json = {{"/clientlogin", R"({"status":"PASS","username":"Admin"})"}}}),
                 steps::whoami("Admin")}},
      {.name = "clientlogin/wrong-password-fv1",
       .tag = Tag::Core,
       .source = "NOTES.md §4.3 (observed): fv1 omits canpreservestate:false",
       .steps = {steps::login_token(),
                 steps::clientlogin("Nobody wrongpass one", "Wrong-Passw0rd!",
                                    {.api_error = "",
                                     .json = {{"/clientlogin", R"({"status":"FAIL","message":)" + wrong +
                                                                   R"(,"messagecode":"wrongpassword"})"}}}),
                 steps::whoami("127.0.0.1")}},
      {.name = "clientlogin/wrong-password-messageformat-raw",
       .tag = Tag::Core,
       .source = "NOTES.md §4.3 (observed)",
       .steps = {steps::login_token(),
                 wrong_password("Nobody wrongpass two", {{"loginmessageformat", "raw"}},
                                {.json = {{"/clientlogin/status", R"("FAIL")"},
                                          {"/clientlogin/message", R"({"key":"wrongpassword","params":[]})"},
                                          {"/clientlogin/messagecode", R"("wrongpassword")"},
                                          {"/clientlogin/canpreservestate", "false"}}})}},
      {.name = "clientlogin/wrong-password-messageformat-html",
       .tag = Tag::Core,
       .source = "NOTES.md §4.3 (observed): no markup, so the html looks like wikitext",
       .steps = {steps::login_token(),
                 wrong_password("Nobody wrongpass three", {{"loginmessageformat", "html"}},
                                {.json = {{"/clientlogin", R"({"status":"FAIL","message":)" + wrong +
                                                               R"(,"messagecode":"wrongpassword",)"
                                                               R"("canpreservestate":false})"}}})}},
      {.name = "clientlogin/wrong-password-messageformat-none",
       .tag = Tag::Core,
       .source = "NOTES.md §4.2, §4.3 (observed): message omitted, messagecode kept",
       .steps = {steps::login_token(),
                 wrong_password(
                     "Nobody wrongpass four", {{"loginmessageformat", "none"}},
                     {.json = {{"/clientlogin",
                                R"({"status":"FAIL","messagecode":"wrongpassword","canpreservestate":false})"}}})}},
      {.name = "clientlogin/continue-without-a-login-is-not-in-progress",
       .tag = Tag::Core,
       .source = "NOTES.md §4.3 (observed): authmanager-authn-not-in-progress",
       .steps =
           {steps::login_token(),
            {.name = "logincontinue=1",
             .method = "POST",
             .params = {{"action", "clientlogin"},
                        {"logincontinue", "1"},
                        {"logintoken", "{T}"},
                        {"format", "json"},
                        {"formatversion", "2"}},
             .expect =
                 {.api_error = "",
                  .json =
                      {{"/clientlogin/status", R"("FAIL")"},
                       {"/clientlogin/message",
                        R"("Authentication is not in progress or session data has been lost. Please start again from the beginning.")"},
                       {"/clientlogin/messagecode", R"("authmanager-authn-not-in-progress")"},
                       {"/clientlogin/canpreservestate", "false"}}}}}},
      {.name = "clientlogin/no-returnurl-and-no-continue-is-missingparam",
       .tag = Tag::Core,
       .source = "NOTES.md §4.1 (observed); ApiClientLogin.php requireAtLeastOneParameter",
       .steps =
           {steps::login_token(),
            {.name = "neither loginreturnurl nor logincontinue",
             .method = "POST",
             .params = {{"action", "clientlogin"},
                        {"username", "{ALICE}"},
                        {"password", "{ALICE_PASS}"},
                        {"logintoken", "{T}"},
                        {"format", "json"},
                        {"formatversion", "2"}},
             .expect =
                 {.api_error = "missingparam",
                  .json =
                      {{"/error/code", R"("missingparam")"},
                       {"/error/info",
                        R"("At least one of the parameters \"logincontinue\" and \"loginreturnurl\" is required.")"}}}},
            steps::whoami("127.0.0.1")}},
      {.name = "clientlogin/returnurl-not-a-url-is-badurl",
       .tag = Tag::Core,
       .source = "NOTES.md §4.1 (observed); ApiAuthManagerHelper.php",
       .steps = {steps::login_token(),
                 clientlogin({{"username", "{ALICE}"}, {"password", "{ALICE_PASS}"}, {"loginreturnurl", "not a url"}},
                             {.api_error = "badurl_loginreturnurl",
                              .json = {{"/error/code", R"("badurl_loginreturnurl")"},
                                       {"/error/info",
                                        R"("Invalid value \"not a url\" for URL parameter \"loginreturnurl\".")"}}})}},
      {.name = "clientlogin/password-in-the-query-string-is-mustpostparams",
       .tag = Tag::Core,
       .source = "NOTES.md §4.1 (observed): sensitive fields must be posted",
       .steps =
           {steps::login_token(),
            [] {
              Step s = clientlogin(
                  {{"username", "{ALICE}"}},
                  {.api_error = "mustpostparams",
                   .json = {
                       {"/error/code", R"("mustpostparams")"},
                       {"/error/info",
                        R"("The following parameter was found in the query string, but must be in the POST body: password.")"}}});
              s.query = {{"password", "{ALICE_PASS}"}};
              return s;
            }()}},
      {.name = "clientlogin/without-logintoken-is-missingparam",
       .tag = Tag::Core,
       .source = "NOTES.md §4.1 (observed)",
       .steps = {{.name = "clientlogin without logintoken",
                  .method = "POST",
                  .params = {{"action", "clientlogin"},
                             {"username", "{ALICE}"},
                             {"password", "{ALICE_PASS}"},
                             {"loginreturnurl", "http://example.org/"},
                             {"format", "json"},
                             {"formatversion", "2"}},
                  .expect = {.api_error = "missingparam",
                             .json = {{"/error/info", R"("The \"logintoken\" parameter must be set.")"}}}}}},
      {.name = "clientlogin/remember-me-sets-the-token-cookie",
       .tag = Tag::Core,
       .source = "NOTES.md §4.4, §7 (observed): 180 days and a Token cookie",
       .steps = {steps::login_token(),
                 clientlogin({{"username", "{ALICE}"}, {"password", "{ALICE_PASS}"}, {"rememberMe", "1"}},
                             {.json = {{"/clientlogin", R"({"status":"PASS","username":"Alice"})"}},
                              .cookies_set = {"Token", "UserID", "UserName", "_session"}}),
                 steps::whoami("Alice")}},
      {.name = "clientlogin/bot-password-name-is-wrongpassword",
       .tag = Tag::Core,
       .source = "NOTES.md §4.3, §15.4 (observed on refwiki): clientlogin knows no bot passwords; "
                 "Robo@mybot is a valid but unknown main-account name (counted in the password throttle under it)",
       .steps = {steps::login_token(),
                 clientlogin({{"username", "{ROBO_BOT}"}, {"password", "{ROBO_BOT_PASS}"}},
                             {.api_error = "",
                              .json = {{"/clientlogin", R"({"status":"FAIL","message":)" + wrong +
                                                            R"(,"messagecode":"wrongpassword",)"
                                                            R"("canpreservestate":false})"}}}),
                 steps::whoami("127.0.0.1")}},
      {.name = "clientlogin/inside-a-bot-password-session-is-userlogin-cannot-login",
       .tag = Tag::Core,
       .source = "NOTES.md §4.3 (observed on refwiki): canAuthenticateNow() is false; the message key does "
                 "not exist, so it renders as ⧼userlogin-cannot-login⧽",
       .steps = {steps::login_token(), steps::login_success("{ALICE_BOT}", "{ALICE_BOT_PASS}", "Alice"),
                 steps::login_token(),
                 clientlogin({{"username", "{ALICE}"}, {"password", "{ALICE_PASS}"}},
                             {.json = {{"/warnings/main/warnings", R"("Unrecognized parameters: username, password.")"},
                                       {"/clientlogin",
                                        R"({"status":"FAIL","message":"⧼userlogin-cannot-login⧽",)"
                                        R"("messagecode":"userlogin-cannot-login","canpreservestate":false})"}}}),
                 steps::whoami("Alice")}},
      {.name = "clientlogin/token-reused-after-pass-is-badtoken",
       .tag = Tag::Core,
       .source = "NOTES.md §2.1 (observed in mw-1.39/clientlogin-token-reused-after-pass.json and on refwiki): "
                 "PASS drops the token secrets",
       .steps = {steps::login_token(),
                 clientlogin({{"username", "{ALICE}"}, {"password", "{ALICE_PASS}"}},
                             {.json = {{"/clientlogin/status", R"("PASS")"}}}),
                 clientlogin({{"username", "{ALICE}"}, {"password", "{ALICE_PASS}"}},
                             {.api_error = "badtoken",
                              .json = {{"/error/code", R"("badtoken")"},
                                       {"/error/info", R"("Invalid CSRF token.")"},
                                       {"/clientlogin", "<absent>"}}}),
                 steps::whoami("Alice")}},
      {.name = "clientlogin/wrong-password-messageformat-wikitext-fv2",
       .tag = Tag::Core,
       .source = "NOTES.md §4.1, §4.3 (observed on refwiki): wikitext keeps the message's newline",
       .steps = {steps::login_token(),
                 wrong_password("Nobody wrongpass five", {{"loginmessageformat", "wikitext"}},
                                {.json = {{"/clientlogin", R"({"status":"FAIL","message":)" + wrong +
                                                               R"(,"messagecode":"wrongpassword",)"
                                                               R"("canpreservestate":false})"}}})}},
  };
}

}  // namespace scenarios
