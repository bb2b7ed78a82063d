// ConfirmEdit's SimpleCaptcha on login (fixture confirmedit; NOTES.md §11; recorded in
// tests/reference/mw-1.39-flows/confirmedit)
//
// These are behaviours recorded from a real MediaWiki 1.39 with ConfirmEdit (the default
// configuration: $wgCaptchaBadLoginAttempts 3 in 300 s per IP). The CI reference wiki has no
// ConfirmEdit, so they are tagged mock. Each scenario makes its own three bad logins (with
// user names no other scenario uses, so that the password throttle, 5 per user name and IP in
// 300 s, never answers instead), so that it also holds on a mock that other scenarios used.
#include "tables/steps.h"
#include "tables/tables.h"

namespace scenarios {
namespace {

// The FAIL of a missing or wrong captcha: the wrong password's (NOTES.md §4.3, §11), fv2.
const char* const kWrongPasswordFail =
    R"({"status":"FAIL","message":"Incorrect username or password entered.\nPlease try again.",)"
    R"("messagecode":"wrongpassword","canpreservestate":false})";
const char* const kWrongReason = R"("Incorrect username or password entered. Please try again.")";

// The captcha request, as authmanagerinfo's first request (captcha-failure-3.json, NOTES.md §11).
const char* const kCaptchaRequest = "/query/authmanagerinfo/requests/0";

Step ami_login(std::vector<Check> checks, std::vector<std::pair<std::string, std::string>> capture = {}) {
  return {.name = "authmanagerinfo login",
          .params = {{"action", "query"},
                     {"meta", "authmanagerinfo"},
                     {"amirequestsfor", "login"},
                     {"format", "json"},
                     {"formatversion", "2"}},
          .capture = std::move(capture),
          .expect = {.json = std::move(checks)}};
}

// authmanagerinfo while the captcha is asked: capture its id (CID) and the answer (ANS).
Step ami_captcha() {
  return ami_login({{kCaptchaRequest + std::string("/id"), R"("CaptchaAuthenticationRequest")"}},
                   {{"CID", kCaptchaRequest + std::string("/fields/captchaId/value")},
                    {"ANS", "captcha:" + std::string(kCaptchaRequest) + "/fields/captchaInfo/value"}});
}

// clientlogin (fv2) with `extra` parameters (captchaId, captchaWord).
Step clientlogin(const std::string& name, const std::string& user, const std::string& password,
                 std::vector<std::pair<std::string, std::string>> extra, std::vector<Check> checks) {
  Step s{.name = name,
         .method = "POST",
         .params = {{"action", "clientlogin"}, {"username", user}, {"password", password}},
         .expect = {.json = std::move(checks)}};
  for (auto& p : extra) s.params.push_back(std::move(p));
  for (auto p : std::vector<std::pair<std::string, std::string>>{{"loginreturnurl", "http://example.org/"},
                                                                 {"logintoken", "{T}"},
                                                                 {"format", "json"},
                                                                 {"formatversion", "2"}}) {
    s.params.push_back(std::move(p));
  }
  return s;
}

// A login token and three failed logins from this IP with unknown names (prefix1..3), which
// count for the IP only (captcha-failure-{1,2,3}.json): from then on the captcha is asked.
std::vector<Step> three_bad_logins(const std::string& prefix) {
  std::vector<Step> steps = {steps::login_token()};
  for (int i = 1; i <= 3; ++i) {
    steps.push_back(clientlogin("bad login #" + std::to_string(i), prefix + std::to_string(i), "wrong", {},
                                {{"/clientlogin/messagecode", R"("wrongpassword")"}}));
  }
  return steps;
}

std::vector<Step> then(std::vector<Step> steps, std::vector<Step> more) {
  for (auto& s : more) steps.push_back(std::move(s));
  return steps;
}

}  // namespace

std::vector<Scenario> captcha_scenarios() {
  const std::string req = kCaptchaRequest;
  return {
      {.name = "captcha/authmanagerinfo-asks-after-three-bad-logins",
       .tag = Tag::Mock,
       .source = "recorded from MediaWiki 1.39 with ConfirmEdit: tests/reference/mw-1.39-flows/confirmedit/"
                 "captcha-ami-before-failures.json, captcha-failure-{1,2,3}.json; NOTES.md §11 "
                 "($wgCaptchaBadLoginAttempts 3; ConfirmEdit includes/Auth/CaptchaPreAuthenticationProvider.php)",
       .fixture = "confirmedit",
       .steps = then(
           {{.name = "reset the mock (the IP's bad-login count starts at 0)",
             .admin = AdminCall{.method = "POST", .path = "reset"}},
            ami_login(
                {{"/query/authmanagerinfo/requests/0/id", R"("MediaWiki\\Auth\\PasswordAuthenticationRequest")"}}),
            steps::login_token(),
            clientlogin("bad login #1", "Nobody1", "wrong", {}, {{"/clientlogin/messagecode", R"("wrongpassword")"}}),
            clientlogin("bad login #2", "Nobody2", "wrong", {}, {{"/clientlogin/messagecode", R"("wrongpassword")"}}),
            [] {
              Step s = ami_login(
                  {{"/query/authmanagerinfo/requests/0/id", R"("MediaWiki\\Auth\\PasswordAuthenticationRequest")"}});
              s.name = "authmanagerinfo login after 2 failures, without cookies: no captcha yet";
              s.cookies = Cookies::DropAll;
              return s;
            }(),
            steps::login_token(),
            clientlogin("bad login #3", "Nobody3", "wrong", {}, {{"/clientlogin/messagecode", R"("wrongpassword")"}})},
           {[&] {
             Step s = ami_login({
                 {req + "/id", R"("CaptchaAuthenticationRequest")"},
                 {req + "/metadata", R"({"type":"simple","mime":"text/plain"})"},
                 {req + "/required", R"("required")"},
                 {req + "/provider", R"("MediaWiki\\Extension\\ConfirmEdit\\Auth\\CaptchaAuthenticationRequest")"},
                 {req + "/account", R"("CaptchaAuthenticationRequest")"},
                 {req + "/fields/captchaId/type", R"("hidden")"},
                 {req + "/fields/captchaId/value", "<present>"},
                 {req + "/fields/captchaId/label", R"("CAPTCHA ID")"},
                 {req + "/fields/captchaId/help", R"("This value should be sent back unchanged.")"},
                 {req + "/fields/captchaId/optional", "false"},
                 {req + "/fields/captchaInfo/type", R"("null")"},
                 {req + "/fields/captchaInfo/label",
                  R"("To protect the wiki against automated password cracking, we kindly ask you to solve the )"
                  R"(following task below and enter the answer in the box ([[Special:Captcha/help|more info]]):")"},
                 {req + "/fields/captchaInfo/help", R"("Description of the CAPTCHA.")"},
                 {req + "/fields/captchaWord",
                  R"({"type":"string","label":"CAPTCHA","help":"Solution of the CAPTCHA.","optional":false,)"
                  R"("sensitive":false})"},
                 {"/query/authmanagerinfo/requests/1/id", R"("MediaWiki\\Auth\\PasswordAuthenticationRequest")"},
                 {"/query/authmanagerinfo/requests/2/id", R"("MediaWiki\\Auth\\RememberMeAuthenticationRequest")"},
                 {"/query/authmanagerinfo/requests/3", "<absent>"},
             });
             s.name = "authmanagerinfo login after 3 failures, without cookies: the captcha first, in a new session";
             s.cookies = Cookies::DropAll;
             s.capture = {{"Q", "captcha:" + req + "/fields/captchaInfo/value"}};
             s.expect.cookies_set = {"_session"};
             return s;
           }()})},
      {.name = "captcha/clientlogin-without-captcha-is-wrongpassword",
       .tag = Tag::Mock,
       .source = "recorded from MediaWiki 1.39 with ConfirmEdit: tests/reference/mw-1.39-flows/confirmedit/"
                 "captcha-login-no-captcha-fields.json; NOTES.md §11 (a missing captcha is reported as a wrong "
                 "password), §4.3 (the FAIL in fv1 and raw)",
       .fixture = "confirmedit",
       .steps = then(three_bad_logins("Nocaptcha"),
                     {clientlogin("the right password, no captcha fields", "{ALICE}", "{ALICE_PASS}", {},
                                  {{"/clientlogin", kWrongPasswordFail}}),
                      [] {
                        Step s = clientlogin(
                            "the same in fv1: no canpreservestate", "{THROTTLED}", "{THROTTLED_PASS}", {},
                            {{"/clientlogin", R"({"status":"FAIL","message":"Incorrect username or password )"
                                              R"(entered.\nPlease try again.","messagecode":"wrongpassword"})"}});
                        s.params.pop_back();  // formatversion
                        return s;
                      }(),
                      clientlogin("the same with loginmessageformat=raw", "{THROTTLED}", "{THROTTLED_PASS}",
                                  {{"loginmessageformat", "raw"}},
                                  {{"/clientlogin", R"({"status":"FAIL","message":{"key":"wrongpassword","params":[]},)"
                                                    R"("messagecode":"wrongpassword","canpreservestate":false})"}}),
                      steps::whoami("127.0.0.1")})},
      {.name = "captcha/wrong-answer-is-wrongpassword-and-uses-the-captcha-up",
       .tag = Tag::Mock,
       .source = "recorded from MediaWiki 1.39 with ConfirmEdit: tests/reference/mw-1.39-flows/confirmedit/"
                 "captcha-login-wrong-answer.json; NOTES.md §11",
       .fixture = "confirmedit",
       .steps = then(
           three_bad_logins("Wronganswer"),
           {ami_captcha(),
            clientlogin("the right password, a wrong answer", "{ALICE}", "{ALICE_PASS}",
                        {{"captchaId", "{CID}"}, {"captchaWord", "999"}}, {{"/clientlogin", kWrongPasswordFail}}),
            clientlogin("the same captcha id with the right answer: used up", "{ALICE}", "{ALICE_PASS}",
                        {{"captchaId", "{CID}"}, {"captchaWord", "{ANS}"}}, {{"/clientlogin", kWrongPasswordFail}}),
            steps::whoami("127.0.0.1")})},
      {.name = "captcha/right-answer-passes",
       .tag = Tag::Mock,
       .source = "recorded from MediaWiki 1.39 with ConfirmEdit: tests/reference/mw-1.39-flows/confirmedit/"
                 "captcha-login-right-answer.json; NOTES.md §11 (captchaId and captchaWord with the credentials)",
       .fixture = "confirmedit",
       .steps = then(three_bad_logins("Rightanswer"),
                     {ami_captcha(),
                      [] {
                        Step s = clientlogin("the right password and the right answer", "{ALICE}", "{ALICE_PASS}",
                                             {{"captchaId", "{CID}"}, {"captchaWord", "{ANS}"}},
                                             {{"/clientlogin", R"({"status":"PASS","username":"Alice"})"}});
                        s.expect.cookies_set = {"_session", "UserID", "UserName"};
                        return s;
                      }(),
                      steps::whoami("Alice")})},
      {.name = "captcha/missing-word-fails-but-keeps-the-captcha",
       .tag = Tag::Mock,
       .source = "recorded from MediaWiki 1.39 with ConfirmEdit: tests/reference/mw-1.39-flows/confirmedit/"
                 "captcha-login-missing-word.json; NOTES.md §11",
       .fixture = "confirmedit",
       .steps = then(three_bad_logins("Missingword"),
                     {ami_captcha(),
                      clientlogin("captchaId without captchaWord", "{ROBO}", "{ROBO_PASS}", {{"captchaId", "{CID}"}},
                                  {{"/clientlogin", kWrongPasswordFail}}),
                      clientlogin("the same id with the right answer", "{ROBO}", "{ROBO_PASS}",
                                  {{"captchaId", "{CID}"}, {"captchaWord", "{ANS}"}},
                                  {{"/clientlogin", R"({"status":"PASS","username":"Robo"})"}}),
                      steps::whoami("Robo")})},
      {.name = "captcha/action-login-fails-with-the-right-password",
       .tag = Tag::Mock,
       .source = "recorded from MediaWiki 1.39 with ConfirmEdit: tests/reference/mw-1.39-flows/confirmedit/"
                 "captcha-action-login.json; NOTES.md §11 (action=login cannot send a captcha), §3.3",
       .fixture = "confirmedit",
       .steps = then(
           three_bad_logins("Actionlogin"),
           {{.name = "action=login, the right password",
             .method = "POST",
             .params = {{"action", "login"},
                        {"lgname", "{ADMIN}"},
                        {"lgpassword", "{ADMIN_PASS}"},
                        {"lgtoken", "{T}"},
                        {"format", "json"},
                        {"formatversion", "2"}},
             .expect = {.json = {{"/login", std::string(R"({"result":"Failed","reason":)") + kWrongReason + "}"}}}},
            steps::login_token(),
            {.name = "the same with errorformat=plaintext",
             .method = "POST",
             .params = {{"action", "login"},
                        {"lgname", "{ADMIN}"},
                        {"lgpassword", "{ADMIN_PASS}"},
                        {"lgtoken", "{T}"},
                        {"format", "json"},
                        {"formatversion", "2"},
                        {"errorformat", "plaintext"}},
             .expect = {.json = {{"/login", std::string(R"({"result":"Failed","reason":{"code":"wrongpassword",)") +
                                                R"("text":)" + kWrongReason + "}}"}}}},
            steps::login_token(),
            ami_captcha(),
            {.name = "with captchaId and captchaWord, which action=login does not know",
             .method = "POST",
             .params = {{"action", "login"},
                        {"lgname", "{ADMIN}"},
                        {"lgpassword", "{ADMIN_PASS}"},
                        {"captchaId", "{CID}"},
                        {"captchaWord", "{ANS}"},
                        {"lgtoken", "{T}"},
                        {"format", "json"}},
             .expect = {.json = {{"/warnings/main/*", R"("Unrecognized parameters: captchaId, captchaWord.")"},
                                 {"/login", std::string(R"({"result":"Failed","reason":)") + kWrongReason + "}"}}}},
            steps::whoami("127.0.0.1")})},
  };
}

}  // namespace scenarios
