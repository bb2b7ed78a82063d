// OATHAuth two-factor login (NOTES.md §9; OATHAuth@REL1_39:src/Auth/TOTPSecondaryAuthenticationProvider.php,
// TOTPAuthenticationRequest.php). Needs a wiki with the accounts of ../shared/reference/cases/fixture-oath.json
// (mockwiki/fixtures/oath.json). Codes come from the accounts' secrets (Step::totp_secret); OATHAuth takes each
// 30 s window once, so the runner moves on to the next windows when a code was used already (by another test
// against the same wiki), and one run uses at most three windows of either account.
//
// Every clientlogin or action=login with a password counts towards the password throttle (5 in 300 s per
// account, NOTES.md §3.4); a UI answer never clears it, a PASS does. So each account's first scenario passes,
// no account sees more than three attempts before a PASS, and runs one after another against the same wiki
// do not pile them up.
#include "tables/steps.h"
#include "tables/tables.h"

namespace scenarios {
namespace {

const char* const kTotpId = R"("MediaWiki\\Extension\\OATHAuth\\Auth\\TOTPAuthenticationRequest")";
const char* const kProvider = R"("Two-factor authentication (OATH).")";
const char* const kLabel = R"("Two-factor token or recovery code")";
const char* const kHelp = R"("The one-time password used as the second factor of two-factor authentication.")";
const char* const kAskMessage =
    R"("Please enter a code from your two-factor authentication application (such as Google Authenticator).")";

// The TOTP request as JSON text: formatversion 2 shows optional/sensitive false, formatversion 1 omits them.
std::string totp_request(const std::string& account, bool fv2) {
  return std::string(R"({"id":)") + kTotpId + R"(,"metadata":{},"required":"required","provider":)" + kProvider +
         R"(,"account":")" + account + R"(","fields":{"OATHToken":{"type":"string","label":)" + kLabel + R"(,"help":)" +
         kHelp + (fv2 ? R"(,"optional":false,"sensitive":false)" : "") + "}}}";
}

// The UI answer: the TOTP request and a message.
std::string ui(const std::string& account, bool fv2, const std::string& message, const std::string& code) {
  return R"({"status":"UI","requests":[)" + totp_request(account, fv2) + R"(],"message":)" + message +
         R"(,"messagecode":")" + code + R"("})";
}

// clientlogin with a user's right password, by POST with the login token {T}.
Step begin(const char* user, const char* password, bool fv2, const std::string& account) {
  return steps::clientlogin(
      user, password, {.api_error = "", .json = {{"/clientlogin", ui(account, fv2, kAskMessage, "oathauth-auth-ui")}}},
      fv2 ? std::vector<std::pair<std::string, std::string>>{{"formatversion", "2"}}
          : std::vector<std::pair<std::string, std::string>>{});
}

// logincontinue=1 (formatversion 2) with `more`; the answer is UI again with oathauth-login-failed.
Step continue_fails(const std::string& account, std::vector<std::pair<std::string, std::string>> more) {
  std::vector<std::pair<std::string, std::string>> params = {{"action", "clientlogin"},
                                                             {"logincontinue", "1"},
                                                             {"logintoken", "{T}"},
                                                             {"format", "json"},
                                                             {"formatversion", "2"}};
  params.insert(params.end(), more.begin(), more.end());
  return {
      .name = more.empty() ? "logincontinue without OATHToken" : "logincontinue with a code that is refused",
      .method = "POST",
      .params = std::move(params),
      .expect = {.api_error = "",
                 .json = {{"/clientlogin", ui(account, true, R"("Verification failed.")", "oathauth-login-failed")}}}};
}

// meta=userinfo with rights and groups (formatversion 2).
Step rights(const char* name, const std::string& groups, const std::string& list) {
  return {.name = "userinfo rights",
          .params = {{"action", "query"},
                     {"meta", "userinfo"},
                     {"uiprop", "rights|groups"},
                     {"format", "json"},
                     {"formatversion", "2"}},
          .expect = {.json = {{"/query/userinfo/name", std::string("\"") + name + "\""},
                              {"/query/userinfo/groups", groups},
                              {"/query/userinfo/rights", list}}}};
}

// logincontinue=1 with the account's current code in OATHToken (`in_query`: in the query string, as it is not
// sensitive), after begin(); the answer is PASS.
Step continue_passes(const char* secret, const std::string& account, bool in_query = false,
                     const char* code = "{TOTP}") {
  Step step = {.name = "logincontinue with the current code",
               .method = "POST",
               .params = {{"action", "clientlogin"},
                          {"logincontinue", "1"},
                          {"logintoken", "{T}"},
                          {"format", "json"},
                          {"formatversion", "2"}},
               .totp_secret = secret,
               .expect = {.api_error = "",
                          .json = {{"/clientlogin", R"({"status":"PASS","username":")" + account + R"("})"}},
                          .cookies_set = {"_session", "UserID", "UserName"}}};
  (in_query ? step.query : step.params).emplace_back("OATHToken", code);
  return step;
}

}  // namespace

std::vector<Scenario> two_factor_scenarios() {
  return {
      {.name = "oath/the-current-code-passes",
       .tag = Tag::Oath,
       .source = "NOTES.md §9.1 step 3, §9.2 (observed: PASS, a new session with UserID/UserName cookies), §9.4 "
                 "(RFC 6238 SHA1, 6 digits, 30 s)",
       .steps = {steps::login_token(), begin("{TOFU}", "{TOFU_PASS}", true, "Tofu"),
                 continue_passes("{TOFU_SECRET}", "Tofu"), steps::whoami("Tofu")}},
      {.name = "oath/clientlogin-ui-fv2-then-continue-without-a-code",
       .tag = Tag::Oath,
       .source = "NOTES.md §9.1, §9.2 (observed); mw-1.39-oath/oath-ui-fv2, oath-amiinfo-login-continue, "
                 "oath-continue-no-token",
       .steps = {steps::login_token(),
                 begin("{TOFU}", "{TOFU_PASS}", true, "Tofu"),
                 steps::whoami("127.0.0.1"),
                 {.name = "authmanagerinfo login-continue",
                  .params = {{"action", "query"},
                             {"meta", "authmanagerinfo"},
                             {"amirequestsfor", "login-continue"},
                             {"format", "json"},
                             {"formatversion", "2"}},
                  .expect = {.json = {{"/query/authmanagerinfo/canauthenticatenow", "true"},
                                      {"/query/authmanagerinfo/haspreservedstate", "false"},
                                      {"/query/authmanagerinfo/requests", "[" + totp_request("Tofu", true) + "]"}}}},
                 continue_fails("Tofu", {}),
                 steps::whoami("127.0.0.1")}},
      {.name = "oath/clientlogin-ui-fv1-then-a-wrong-code",
       .tag = Tag::Oath,
       .source = "NOTES.md §9.1, §9.2 (observed): never FAIL; mw-1.39-oath/oath-clientlogin-wrong-code",
       .steps = {steps::login_token(), begin("{TOFU2}", "{TOFU2_PASS}", false, "Tofu2"),
                 continue_fails("Tofu2", {{"OATHToken", "000000"}}), steps::whoami("127.0.0.1")}},
      {.name = "oath/action-login-with-the-main-password-is-aborted",
       .tag = Tag::Oath,
       .source = "NOTES.md §3.4, §9.4 (observed); mw-1.39-oath/oath-action-login-aborted",
       .steps = {steps::login_token(),
                 steps::login(
                     "{TOFU}", "{TOFU_PASS}",
                     {.json = {{"/login",
                                R"({"result":"Aborted","reason":"Authentication requires user interaction, )"
                                R"(which is not supported by \"action=login\". To be able to login with )"
                                R"(\"action=login\", see [[Special:BotPasswords]]. To continue using )"
                                R"(main-account login, see \"[[Special:ApiHelp/clientlogin|action=clientlogin]]\".")"
                                "}"}}}),
                 steps::whoami("127.0.0.1")}},
      {.name = "oath/bot-password-bypasses-two-factor",
       .tag = Tag::Oath,
       .source = "NOTES.md §9.4 (observed); mw-1.39-oath/oath-botpassword-bypasses-2fa, oath-botpassword-rights",
       .steps = {steps::login_token(),
                 steps::login("{TOFU_BOT}", "{TOFU_BOT_PASS}",
                              {.json = {{"/login/result", R"("Success")"}, {"/login/lgusername", R"("Tofu")"}},
                               .cookies_set = {"_BPsession"}}),
                 rights("Tofu", R"(["*","user","autoconfirmed"])",
                        R"(["read","edit","writeapi","minoredit","purge","applychangetags","changetags",)"
                        R"("editcontentmodel","autoconfirmed","editsemiprotected"])")}},
      {.name = "oath/user-rights-include-oathauth-enable",
       .tag = Tag::Oath,
       .source = "OATHAuth@REL1_39:extension.json GroupPermissions user.oathauth-enable; observed on refwiki oath",
       .steps = {steps::login_token(),
                 steps::clientlogin("{ALICE}", "{ALICE_PASS}",
                                    {.json = {{"/clientlogin", R"({"status":"PASS","username":"Alice"})"}}}),
                 rights("Alice", R"(["*","user","autoconfirmed"])",
                        R"(["createaccount","read","edit","createpage","createtalk","writeapi","viewmywatchlist",)"
                        R"("editmywatchlist","viewmyprivateinfo","editmyprivateinfo","editmyoptions","move",)"
                        R"("move-subpages","move-rootuserpages","move-categorypages","movefile","upload","reupload",)"
                        R"("reupload-shared","minoredit","editmyusercss","editmyuserjson","editmyuserjs",)"
                        R"("editmyuserjsredirect","purge","sendemail","applychangetags","changetags",)"
                        R"("editcontentmodel","oathauth-enable","autoconfirmed","editsemiprotected"])")}},
      {.name = "oath/anonymous-rights-lack-oathauth-enable",
       .tag = Tag::Oath,
       .source = "mw-1.39-oath/oath-anonymous-rights (observed)",
       .steps = {rights("127.0.0.1", R"(["*"])",
                        R"(["createaccount","read","edit","createpage","createtalk","writeapi","viewmywatchlist",)"
                        R"("editmywatchlist","viewmyprivateinfo","editmyprivateinfo","editmyoptions"])")}},
      {.name = "oath/a-used-code-is-refused-the-next-window-passes",
       .tag = Tag::Oath,
       .source = "NOTES.md §9.4 (observed): only windows later than the last one used are accepted "
                 "(OATHAuth@REL1_39:src/Key/TOTPKey.php verify, oathauth-totp:usedtokens)",
       .steps = {steps::login_token(), begin("{TOFU2}", "{TOFU2_PASS}", true, "Tofu2"),
                 continue_passes("{TOFU2_SECRET}", "Tofu2"),
                 [] {
                   Step s = steps::login_token();
                   s.cookies = Cookies::DropAll;
                   return s;
                 }(),
                 begin("{TOFU2}", "{TOFU2_PASS}", true, "Tofu2"), continue_fails("Tofu2", {{"OATHToken", "{TOTP}"}}),
                 continue_passes("{TOFU2_SECRET}", "Tofu2"), steps::whoami("Tofu2")}},
      {.name = "oath/the-code-may-come-in-the-query-string",
       .tag = Tag::Oath,
       .source = "NOTES.md §9.2: OATHToken is not sensitive, so ApiAuthManagerHelper does not require it posted",
       .steps = {steps::login_token(), begin("{TOFU}", "{TOFU_PASS}", true, "Tofu"),
                 continue_passes("{TOFU_SECRET}", "Tofu", /*in_query=*/true), steps::whoami("Tofu")}},
      {.name = "oath/whitespace-around-the-code-is-ignored",
       .tag = Tag::Oath,
       .source = "NOTES.md §9.4: whitespace in the code is removed (OATHAuth@REL1_39:src/Key/TOTPKey.php "
                 "preg_replace('/\\s+/', '', ...))",
       .steps = {steps::login_token(), begin("{TOFU2}", "{TOFU2_PASS}", true, "Tofu2"),
                 continue_passes("{TOFU2_SECRET}", "Tofu2", false, " {TOTP}\t "), steps::whoami("Tofu2")}},
      {.name = "oath/ten-wrong-codes-throttle-even-the-right-one-for-a-minute",
       .tag = Tag::Mock,
       .source = "NOTES.md §9.3: badoath 10 per 60 s per user, checked before verify (pingLimiter('badoath', 0) in "
                 "OATHAuth@REL1_39:src/Auth/TOTPSecondaryAuthenticationProvider.php), the text "
                 "oathauth-throttled with a fixed 1 minute; mock-only: it needs the clock moved",
       .fixture = "oath",
       .steps =
           [] {
             std::vector<Step> steps = {steps::login_token(), begin("{TOFU2}", "{TOFU2_PASS}", true, "Tofu2")};
             for (int i = 0; i < 10; ++i) steps.push_back(continue_fails("Tofu2", {{"OATHToken", "000000"}}));
             Step throttled = continue_passes("{TOFU2_SECRET}", "Tofu2");
             throttled.name = "the right code, throttled";
             throttled.expect = {
                 .json = {
                     {"/clientlogin", ui("Tofu2", true, R"("Too many verification attempts! Please wait 1 minute.")",
                                         "oathauth-throttled")}}};
             steps.push_back(throttled);
             Step later = continue_passes("{TOFU2_SECRET}", "Tofu2");
             later.name = "the right code a minute later";
             later.advance_clock =
                 61;  // the counter lives 60 s from the first failure, which was this second or before
             steps.push_back(later);
             return steps;
           }()},
  };
}

}  // namespace scenarios
