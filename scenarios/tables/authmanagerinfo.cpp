// action=query&meta=authmanagerinfo (NOTES.md §5; core:includes/api/ApiQueryAuthManagerInfo.php,
// ApiAuthManagerHelper.php).
#include "tables/steps.h"
#include "tables/tables.h"

namespace scenarios {
namespace {

// meta=authmanagerinfo with formatversion 2, plus `more`.
Step ami(std::vector<std::pair<std::string, std::string>> more, Expect expect, const char* fv = "2") {
  std::vector<std::pair<std::string, std::string>> params = {
      {"action", "query"}, {"meta", "authmanagerinfo"}, {"format", "json"}};
  if (fv[0] != '1') params.emplace_back("formatversion", fv);
  params.insert(params.end(), more.begin(), more.end());
  return {.name = "authmanagerinfo", .params = std::move(params), .expect = std::move(expect)};
}

const char* const kPasswordFields =
    R"({"username":{"type":"string","label":"Username","help":"Username for authentication.","optional":false,"sensitive":false},)"
    R"("password":{"type":"password","label":"Password","help":"Password for authentication.","optional":false,"sensitive":true}})";
const char* const kRememberMeField =
    R"({"rememberMe":{"type":"checkbox","label":"Keep me logged in","help":"Whether the password should be remembered for longer than the length of the session.","optional":true,"sensitive":false}})";

}  // namespace

std::vector<Scenario> authmanagerinfo_scenarios() {
  const std::string ami_at = "/query/authmanagerinfo";
  const std::string login_requests =
      std::string(
          R"([{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required",)"
          R"("provider":"Password-based authentication","account":"","fields":)") +
      kPasswordFields +
      R"(},{"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional",)"
      R"("provider":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","account":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","fields":)" +
      kRememberMeField + "}]";
  return {
      {.name = "authmanagerinfo/without-requestsfor",
       .tag = Tag::Core,
       .source = "NOTES.md §5 (observed)",
       .steps = {ami(
           {},
           {.api_error = "",
            .json = {{ami_at, R"({"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":false})"}}})}},
      {.name = "authmanagerinfo/login-requests-fv2",
       .tag = Tag::Core,
       .source = "NOTES.md §5 (observed): password and rememberMe requests, nothing preserved",
       .steps = {ami({{"amirequestsfor", "login"}}, {.json = {{ami_at + "/canauthenticatenow", "true"},
                                                              {ami_at + "/haspreservedstate", "false"},
                                                              {ami_at + "/hasprimarypreservedstate", "false"},
                                                              {ami_at + "/preservedusername", R"("")"},
                                                              {ami_at + "/requests", login_requests},
                                                              {ami_at + "/fields", "<absent>"}}})}},
      {.name = "authmanagerinfo/login-requests-fv1",
       .tag = Tag::Core,
       .source = "NOTES.md §1.4, §5 (observed): false omitted, true as \"\"",
       .steps = {ami({{"amirequestsfor", "login"}},
                     {.json = {{ami_at + "/canauthenticatenow", R"("")"},
                               {ami_at + "/canlinkaccounts", "<absent>"},
                               {ami_at + "/haspreservedstate", "<absent>"},
                               {ami_at + "/preservedusername", R"("")"},
                               {ami_at + "/requests/0/fields/username",
                                R"({"type":"string","label":"Username","help":"Username for authentication."})"},
                               {ami_at + "/requests/0/fields/password/sensitive", R"("")"},
                               {ami_at + "/requests/1/fields/rememberMe/optional", R"("")"}}},
                     "1")}},
      {.name = "authmanagerinfo/login-merged-fields",
       .tag = Tag::Core,
       .source = "NOTES.md §5 (observed): amimergerequestfields moves fields to the top",
       .steps = {ami(
           {{"amirequestsfor", "login"}, {"amimergerequestfields", "1"}},
           {.json =
                {{ami_at + "/requests/0",
                  R"({"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":"Password-based authentication","account":""})"},
                 {ami_at + "/requests/1/fields", "<absent>"},
                 {ami_at + "/fields/username",
                  R"({"type":"string","label":"Username","help":"Username for authentication.","optional":false,"sensitive":false})"},
                 {ami_at + "/fields/password/sensitive", "true"},
                 {ami_at + "/fields/rememberMe/type", R"("checkbox")"}}})}},
      {.name = "authmanagerinfo/login-merged-messageformat-raw",
       .tag = Tag::Core,
       .source = "NOTES.md §5 (observed): messages as key and params",
       .steps = {ami(
           {{"amirequestsfor", "login"}, {"amimergerequestfields", "1"}, {"amimessageformat", "raw"}},
           {.json = {{ami_at + "/requests/0/provider", R"({"key":"authmanager-provider-password","params":[]})"},
                     {ami_at + "/fields/username/label", R"({"key":"userlogin-yourname","params":[]})"},
                     {ami_at + "/fields/password/help", R"({"key":"authmanager-password-help","params":[]})"},
                     {ami_at + "/fields/rememberMe/label",
                      R"({"key":"userlogin-remembermypassword","params":[{"num":180}]})"}}})}},
      {.name = "authmanagerinfo/login-merged-messageformat-none",
       .tag = Tag::Core,
       .source = "NOTES.md §5 (observed): provider, account, label and help dropped",
       .steps = {ami(
           {{"amirequestsfor", "login"}, {"amimergerequestfields", "1"}, {"amimessageformat", "none"}},
           {.json =
                {{ami_at + "/requests",
                  R"([{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required"},)"
                  R"({"id":"MediaWiki\\Auth\\RememberMeAuthenticationRequest","metadata":{},"required":"optional"}])"},
                 {ami_at + "/fields",
                  R"({"username":{"type":"string","optional":false,"sensitive":false},"password":{"type":"password","optional":false,"sensitive":true},"rememberMe":{"type":"checkbox","optional":true,"sensitive":false}})"}}})}},
      {.name = "authmanagerinfo/login-messageformat-html",
       .tag = Tag::Core,
       .source = "NOTES.md §5 (observed in tests/reference/mw-1.39/ami-login-html-fv2.json)",
       .steps = {ami({{"amirequestsfor", "login"}, {"amimessageformat", "html"}},
                     {.json = {{ami_at + "/requests", login_requests}}})}},
      {.name = "authmanagerinfo/create-merged-fields",
       .tag = Tag::Core,
       .source = "NOTES.md §5 (observed): username, password, retype, email, realname",
       .steps = {ami(
           {{"amirequestsfor", "create"}, {"amimergerequestfields", "1"}},
           {.json =
                {{ami_at + "/requests/0/id", R"("MediaWiki\\Auth\\PasswordAuthenticationRequest")"},
                 {ami_at + "/requests/1/id", R"("MediaWiki\\Auth\\UsernameAuthenticationRequest")"},
                 {ami_at + "/requests/2/id", R"("MediaWiki\\Auth\\UserDataAuthenticationRequest")"},
                 {ami_at + "/requests/3", "<absent>"},
                 {ami_at + "/fields/retype",
                  R"({"type":"password","label":"Retype password:","help":"Password again to confirm.","optional":false,"sensitive":true})"},
                 {ami_at + "/fields/email/optional", "true"},
                 {ami_at + "/fields/realname/optional", "true"},
                 {ami_at + "/fields/rememberMe", "<absent>"}}})}},
      {.name = "authmanagerinfo/login-continue-with-nothing-pending",
       .tag = Tag::Core,
       .source = "NOTES.md §5 (observed): requests []",
       .steps = {ami({{"amirequestsfor", "login-continue"}},
                     {.json = {{ami_at + "/requests", "[]"}, {ami_at + "/haspreservedstate", "false"}}})}},
      {.name = "authmanagerinfo/bogus-requestsfor-is-badvalue",
       .tag = Tag::Core,
       .source = "NOTES.md §5 (observed)",
       .steps = {ami({{"amirequestsfor", "bogus"}},
                     {.api_error = "badvalue",
                      .json = {{"/error/info", R"("Unrecognized value for parameter \"amirequestsfor\": bogus.")"}}})}},
      {.name = "authmanagerinfo/bot-password-session-cannot-authenticate-now",
       .tag = Tag::Core,
       .source = "NOTES.md §5 (observed): canAuthenticateNow() is false in a bot-password session",
       .steps =
           {steps::login_token(), steps::login_success("{ROBO_BOT}", "{ROBO_BOT_PASS}", "Robo"),
            ami({}, {.json = {{ami_at,
                               R"({"canauthenticatenow":false,"cancreateaccounts":true,"canlinkaccounts":false})"}}})}},
      {.name = "authmanagerinfo/login-after-clientlogin-names-the-account",
       .tag = Tag::Core,
       .source = "tests/reference/mw-1.39/ami-login-after-clientlogin.json (observed); ApiAuthManagerHelper.php "
                 "formatRequests",
       .steps = {steps::login_token(),
                 steps::clientlogin("{ALICE}", "{ALICE_PASS}", {.json = {{"/clientlogin/status", R"("PASS")"}}}),
                 ami({{"amirequestsfor", "login"}}, {.json = {{ami_at + "/canauthenticatenow", "true"},
                                                              {ami_at + "/preservedusername", R"("")"},
                                                              {ami_at + "/requests/0/account", R"("Alice")"}}})}},
  };
}

}  // namespace scenarios
