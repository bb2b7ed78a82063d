// ApiMain's error formats and format versions: each errorformat (bc, plaintext, wikitext, html, raw,
// none) and formatversion where the shape differs, for errors and warnings (NOTES.md §1.4, §1.5, §8);
// and action=checktoken (NOTES.md §2.4; core:includes/api/ApiCheckToken.php).
//
// Every expectation here was observed on MediaWiki 1.39.17 (refwiki). Not here, because the mock
// speaks only English: uselang/errorlang other than English (errorlang=de gives German text and
// docref, errorlang=qqx gives "(apierror-assertuserfailed)" and "(api-usage-docref: URL)
// (api-usage-mailinglist-ref)"). The English cases below hold on both.
#include "tables/steps.h"
#include "tables/tables.h"

namespace scenarios {
namespace {

// The docref (api-usage-docref + api-usage-mailinglist-ref), as JSON text: the literal &lt;/&gt;
// are MediaWiki's (NOTES.md §1.5).
const std::string kDocref =
    R"("See {API} for API usage. Subscribe to the mediawiki-api-announce mailing list at )"
    R"(&lt;https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/&gt; )"
    R"(for notice of API deprecations and breaking changes.")";

// api-usage-mailinglist-ref as a warning (addDeprecation), JSON text without the quotes: real < >
// in plaintext and bc, &lt; &gt; in wikitext.
const std::string kMailingListRef =
    "Subscribe to the mediawiki-api-announce mailing list at "
    "<https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/> "
    "for notice of API deprecations and breaking changes.";

using Params = std::vector<std::pair<std::string, std::string>>;

// `base` with format=json, formatversion and (unless empty) errorformat.
Params with_format(Params base, const std::string& formatversion, const std::string& errorformat = "") {
  base.emplace_back("format", "json");
  base.emplace_back("formatversion", formatversion);
  if (!errorformat.empty()) base.emplace_back("errorformat", errorformat);
  return base;
}

// GET action=logout without a token: missingparam (module "logout").
const Params kLogoutNoToken = {{"action", "logout"}};
// GET action=login: mustbeposted (module "main"; the message has <kbd>login</kbd>).
const Params kLoginGet = {{"action", "login"}};
// GET action=clientlogin with a logintoken in the query string: mustpostparams.
const Params kClientLoginGet = {{"action", "clientlogin"},
                                {"logintoken", "x"},
                                {"loginreturnurl", "http://example.org/"},
                                {"username", "Nobody"},
                                {"password", "x"}};
// assert=user as anonymous: assertuserfailed (module "main").
const Params kAssertUser = {{"action", "query"}, {"meta", "userinfo"}, {"assert", "user"}};
// Two warnings: an unknown token type (query+tokens) and an unrecognized parameter (main).
const Params kTwoWarnings = {{"action", "query"}, {"meta", "tokens"}, {"type", "bogus"}, {"foo", "1"}};
// POST action=login without lgtoken: NeedToken, with the deprecation warning (module "login") and
// the mailing-list reference (module "main"). No password, so no failed login is counted.
const Params kNeedToken = {{"action", "login"}, {"lgname", "Nobody"}};

const char* kMustPost =
    R"("The following parameter was found in the query string, but must be in the POST body: logintoken.")";

}  // namespace

std::vector<Scenario> errorformat_scenarios() {
  return {
      // --- errors: bc ---
      {.name = "errorformat/bc-docref-is-star-in-fv1-docref-in-fv2",
       .tag = Tag::Core,
       .source = "NOTES.md §1.4, §1.5 (observed); ApiErrorFormatter_BackCompat.php",
       .steps = {{.name = "fv1",
                  .params = with_format(kLogoutNoToken, "1"),
                  .expect = {.api_error = "missingparam",
                             .json = {{"/error/code", R"("missingparam")"},
                                      {"/error/info", R"("The \"token\" parameter must be set.")"},
                                      {"/error/*", kDocref},
                                      {"/error/docref", "<absent>"},
                                      {"/error/module", "<absent>"},
                                      {"/errors", "<absent>"}}}},
                 {.name = "fv2",
                  .params = with_format(kLogoutNoToken, "2"),
                  .expect = {.api_error = "missingparam",
                             .json = {{"/error/code", R"("missingparam")"},
                                      {"/error/info", R"("The \"token\" parameter must be set.")"},
                                      {"/error/docref", kDocref},
                                      {"/error/*", "<absent>"},
                                      {"/docref", "<absent>"}}}},
                 {.name = "errorformat=bc given",
                  .params = with_format(kLogoutNoToken, "2", "bc"),
                  .expect = {.api_error = "missingparam", .json = {{"/error/docref", kDocref}}}}}},
      {.name = "errorformat/bc-error-data-is-flat",
       .tag = Tag::Core,
       .source = "NOTES.md §1.5, §8 (observed): maxlag's host, lag, type",
       .steps = {{.name = "maxlag=-2, bc fv1",
                  .params = with_format({{"action", "query"}, {"meta", "tokens"}, {"maxlag", "-2"}}, "1"),
                  .expect = {.api_error = "maxlag",
                             .json = {{"/error/code", R"("maxlag")"},
                                      {"/error/type", R"("db")"},
                                      {"/error/host", "<present>"},
                                      {"/error/lag", "<present>"},
                                      {"/error/data", "<absent>"},
                                      {"/error/*", kDocref}}}},
                 {.name = "maxlag=-2, plaintext fv2",
                  .params = with_format({{"action", "query"}, {"meta", "tokens"}, {"maxlag", "-2"}}, "2", "plaintext"),
                  .expect = {.api_error = "maxlag",
                             .json = {{"/errors/0/code", R"("maxlag")"},
                                      {"/errors/0/module", R"("main")"},
                                      {"/errors/0/data/type", R"("db")"},
                                      {"/errors/0/data/host", "<present>"},
                                      {"/errors/0/data/lag", "<present>"},
                                      {"/errors/0/type", "<absent>"},
                                      {"/docref", kDocref}}}}}},
      {.name = "errorformat/bc-stays-english-with-uselang",
       .tag = Tag::Core,
       .source = "NOTES.md §1.5 (observed): bc ignores uselang; errorlang=en wins over uselang=de",
       .steps = {{.name = "uselang=de, bc",
                  .params = with_format(
                      {{"action", "query"}, {"meta", "userinfo"}, {"assert", "user"}, {"uselang", "de"}}, "2"),
                  .expect = {.api_error = "assertuserfailed",
                             .json = {{"/error/info",
                                       R"("You are no longer logged in, so the action could not be completed.")"},
                                      {"/error/docref", kDocref}}}},
                 {.name = "uselang=de, errorlang=en, plaintext",
                  .params = with_format({{"action", "query"},
                                         {"meta", "userinfo"},
                                         {"assert", "user"},
                                         {"uselang", "de"},
                                         {"errorlang", "en"}},
                                        "2", "plaintext"),
                  .expect = {.api_error = "assertuserfailed",
                             .json = {{"/errors/0/text",
                                       R"("You are no longer logged in, so the action could not be completed.")"},
                                      {"/docref", kDocref}}}}}},
      // --- errors: plaintext, wikitext, html ---
      {.name = "errorformat/plaintext-fv1-text-is-star",
       .tag = Tag::Core,
       .source = "NOTES.md §1.4, §1.5 (observed)",
       .steps = {{.name = "mustpostparams, plaintext fv1",
                  .params = with_format(kClientLoginGet, "1", "plaintext"),
                  .expect = {.api_error = "mustpostparams",
                             .json = {{"/errors/0",
                                       std::string(R"({"code":"mustpostparams","module":"clientlogin","*":)") +
                                           kMustPost + "}"},
                                      {"/errors/1", "<absent>"},
                                      {"/*", kDocref},
                                      {"/docref", "<absent>"},
                                      {"/error", "<absent>"}}}},
                 {.name = "mustpostparams, plaintext fv2",
                  .params = with_format(kClientLoginGet, "2", "plaintext"),
                  .expect = {.api_error = "mustpostparams",
                             .json = {{"/errors/0", std::string(R"({"code":"mustpostparams","text":)") + kMustPost +
                                                        R"(,"module":"clientlogin"})"},
                                      {"/docref", kDocref},
                                      {"/*", "<absent>"},
                                      {"/error", "<absent>"}}}}}},
      {.name = "errorformat/wikitext-keeps-markup-plaintext-strips-it",
       .tag = Tag::Core,
       .source = "NOTES.md §1.5 (observed): apierror-mustbeposted has <kbd>$1</kbd>",
       .steps = {{.name = "mustbeposted, plaintext",
                  .params = with_format(kLoginGet, "2", "plaintext"),
                  .expect = {.api_error = "mustbeposted",
                             .json = {{"/errors/0/code", R"("mustbeposted")"},
                                      {"/errors/0/text", R"("The \"login\" module requires a POST request.")"},
                                      {"/errors/0/module", R"("main")"}}}},
                 {.name = "mustbeposted, wikitext",
                  .params = with_format(kLoginGet, "2", "wikitext"),
                  .expect = {.api_error = "mustbeposted",
                             .json = {{"/errors/0/code", R"("mustbeposted")"},
                                      {"/errors/0/text", R"("The <kbd>login</kbd> module requires a POST request.")"},
                                      {"/errors/0/html", "<absent>"},
                                      {"/docref", kDocref}}}},
                 {.name = "mustbeposted, wikitext fv1",
                  .params = with_format(kLoginGet, "1", "wikitext"),
                  .expect = {.api_error = "mustbeposted",
                             .json = {{"/errors/0/*", R"("The <kbd>login</kbd> module requires a POST request.")"},
                                      {"/errors/0/text", "<absent>"},
                                      {"/*", kDocref}}}}}},
      {.name = "errorformat/html-error-is-html",
       .tag = Tag::Core,
       .source = "NOTES.md §1.4, §1.5 (observed)",
       .steps =
           {{.name = "mustbeposted, html fv2",
             .params = with_format(kLoginGet, "2", "html"),
             .expect =
                 {.api_error = "mustbeposted",
                  .json =
                      {{"/errors/0",
                        R"({"code":"mustbeposted","html":"The <kbd>login</kbd> module requires a POST request.","module":"main"})"},
                       {"/docref", kDocref}}}},
            {.name = "missingparam, html fv1",
             .params = with_format(kLogoutNoToken, "1", "html"),
             .expect =
                 {.api_error = "missingparam",
                  .json = {{"/errors/0",
                            R"({"code":"missingparam","module":"logout","*":"The \"token\" parameter must be set."})"},
                           {"/*", kDocref}}}}}},
      // --- errors: raw, none ---
      {
          .name = "errorformat/raw-gives-key-and-params",
          .tag = Tag::Core,
          .source = "NOTES.md §1.5 (observed)",
          .steps = {{.name = "mustbeposted, raw fv2",
                     .params = with_format(kLoginGet, "2", "raw"),
                     .expect = {.api_error = "mustbeposted",
                                .json =
                                    {{"/errors/0",
                                      R"({"code":"mustbeposted","key":"apierror-mustbeposted","params":["login"],"module":"main"})"},
                                     {"/docref", kDocref}}}},
                    {.name = "missingparam, raw fv2",
                     .params = with_format(kLogoutNoToken, "2", "raw"),
                     .expect = {.api_error = "missingparam",
                                .json =
                                    {{"/errors/0",
                                      R"({"code":"missingparam","key":"paramvalidator-missingparam","params":[{"plaintext":"token"}],"module":"logout"})"}}}},
                    {.name = "mustpostparams, raw fv1 (no \"*\" in the item)",
                     .params = with_format(kClientLoginGet, "1", "raw"),
                     .expect = {.api_error = "mustpostparams",
                                .json =
                                    {{"/errors/0",
                                      R"({"code":"mustpostparams","key":"apierror-mustpostparams","params":["logintoken",1],"module":"clientlogin"})"},
                                     {"/*", kDocref}}}},
                    {.name = "maxlag, raw fv2 (params and data)",
                     .params = with_format({{"action", "query"}, {"meta", "tokens"}, {"maxlag", "-2"}}, "2", "raw"),
                     .expect = {.api_error = "maxlag",
                                .json = {{"/errors/0/key", R"("apierror-maxlag-generic")"},
                                         {"/errors/0/params/0", "<present>"},
                                         {"/errors/0/data/type", R"("db")"}}}}}},
      {.name = "errorformat/none-gives-code-and-module",
       .tag = Tag::Core,
       .source = "NOTES.md §1.5 (observed); requestid is echoed (ApiMain::addRequestedFields)",
       .steps = {{.name = "assertuserfailed, none fv1",
                  .params = with_format(kAssertUser, "1", "none"),
                  .query = {{"requestid", "abc"}},
                  .expect = {.api_error = "assertuserfailed",
                             .json = {{"/errors", R"([{"code":"assertuserfailed","module":"main"}])"},
                                      {"/requestid", R"("abc")"},
                                      {"/*", kDocref}}}},
                 {.name = "assertuserfailed, none fv2",
                  .params = with_format(kAssertUser, "2", "none"),
                  .expect = {.api_error = "assertuserfailed",
                             .json = {{"/errors", R"([{"code":"assertuserfailed","module":"main"}])"},
                                      {"/docref", kDocref},
                                      {"/*", "<absent>"}}}}}},
      // --- errors in the main parameters ---
      {.name = "errorformat/unknown-errorformat-is-a-bc-error",
       .tag = Tag::Core,
       .source = "NOTES.md §8 (observed)",
       .steps = {{.name = "errorformat=bogus",
                  .params = with_format(kAssertUser, "2", "bogus"),
                  .expect = {.api_error = "badvalue",
                             .json = {{"/error/code", R"("badvalue")"},
                                      {"/error/info", R"("Unrecognized value for parameter \"errorformat\": bogus.")"},
                                      {"/error/docref", kDocref},
                                      {"/errors", "<absent>"}}}}}},
      {.name = "errorformat/formatversion-3-error-printer-retries",
       .tag = Tag::Core,
       .source = "NOTES.md §8 (observed): the printer fails, ApiMain retries with formatversion 1",
       .steps =
           {{.name = "formatversion=3, bc",
             .params = with_format({{"action", "query"}, {"meta", "tokens"}}, "3"),
             .expect = {.api_error = "badvalue",
                        .json =
                            {{"/warnings/json/*", R"("Unrecognized value for parameter \"formatversion\": 3.")"},
                             {"/warnings/main/*", R"("Error printer failed. Will retry without params.")"},
                             {"/error/code", R"("badvalue")"},
                             {"/error/info", R"("Unrecognized value for parameter \"formatversion\": 3.")"},
                             {"/error/*", kDocref}}}},
            {.name = "formatversion=3, plaintext",
             .params = with_format({{"action", "query"}, {"meta", "tokens"}}, "3", "plaintext"),
             .expect =
                 {.api_error = "badvalue",
                  .json =
                      {{"/warnings/0",
                        R"({"code":"errorprinterfailed","module":"main","*":"Error printer failed. Will retry without params."})"},
                       {"/warnings/1",
                        R"({"code":"badvalue","module":"json","*":"Unrecognized value for parameter \"formatversion\": 3."})"},
                       {"/errors/0",
                        R"({"code":"badvalue","module":"json","*":"Unrecognized value for parameter \"formatversion\": 3."})"},
                       {"/*", kDocref}}}},
            {.name = "formatversion=latest",
             .params = with_format({{"action", "query"}, {"meta", "tokens"}}, "latest"),
             .expect = {.api_error = "", .json = {{"/batchcomplete", "true"}, {"/warnings", "<absent>"}}}}}},
      // --- warnings ---
      {.name = "errorformat/bc-warnings-fv1-star-fv2-warnings",
       .tag = Tag::Core,
       .source = "NOTES.md §1.4 (observed)",
       .steps = {{.name = "fv1",
                  .params = with_format(kTwoWarnings, "1"),
                  .expect = {.api_error = "",
                             .json = {{"/batchcomplete", R"("")"},
                                      {"/warnings/main", R"({"*":"Unrecognized parameter: foo."})"},
                                      {"/warnings/tokens",
                                       R"({"*":"Unrecognized value for parameter \"type\": bogus"})"},
                                      {"/query/tokens", "{}"}}}},
                 {.name = "fv2",
                  .params = with_format(kTwoWarnings, "2"),
                  .expect = {.api_error = "",
                             .json = {{"/batchcomplete", "true"},
                                      {"/warnings/main", R"({"warnings":"Unrecognized parameter: foo."})"},
                                      {"/warnings/tokens",
                                       R"({"warnings":"Unrecognized value for parameter \"type\": bogus"})"}}}}}},
      {.name = "errorformat/bc-warnings-of-one-module-joined-by-newline",
       .tag = Tag::Core,
       .source = "NOTES.md §1.5 (observed): ApiErrorFormatter_BackCompat joins a module's warnings with \\n",
       .steps =
           {{.name = "NeedToken and an unrecognized parameter",
             .method = "POST",
             .params = with_format({{"action", "login"}, {"lgname", "Nobody"}, {"foo", "1"}}, "2"),
             .expect =
                 {.api_error = "",
                  .json =
                      {{"/login/result", R"("NeedToken")"},
                       {"/warnings/main/warnings", "\"" + kMailingListRef + "\\nUnrecognized parameter: foo.\""},
                       {"/warnings/login/warnings",
                        R"("Fetching a token via \"action=login\" is deprecated. Use \"action=query&meta=tokens&type=login\" instead.")"}}}}}},
      {.name = "errorformat/plaintext-warnings-are-an-array",
       .tag = Tag::Core,
       .source = "NOTES.md §1.4, §1.5 (observed): code, text, data, module; warnings give no MediaWiki-API-Error",
       .steps =
           {{.name = "plaintext fv2",
             .params = with_format(kTwoWarnings, "2", "plaintext"),
             .expect =
                 {.api_error = "",
                  .json =
                      {{"/warnings/0",
                        R"({"code":"unrecognizedvalues","text":"Unrecognized value for parameter \"type\": bogus","data":{"values":["bogus"]},"module":"query+tokens"})"},
                       {"/warnings/1",
                        R"({"code":"unrecognizedparams","text":"Unrecognized parameter: foo.","module":"main"})"},
                       {"/warnings/2", "<absent>"},
                       {"/query/tokens", "{}"},
                       {"/docref", "<absent>"}}}},
            {.name = "plaintext fv1",
             .params = with_format(kTwoWarnings, "1", "plaintext"),
             .expect =
                 {.api_error = "",
                  .json =
                      {{"/warnings/0",
                        R"({"code":"unrecognizedvalues","data":{"values":["bogus"]},"module":"query+tokens","*":"Unrecognized value for parameter \"type\": bogus"})"},
                       {"/warnings/1",
                        R"({"code":"unrecognizedparams","module":"main","*":"Unrecognized parameter: foo."})"},
                       {"/*", "<absent>"}}}}}},
      {.name = "errorformat/raw-and-none-warnings",
       .tag = Tag::Core,
       .source = "NOTES.md §1.5 (observed): the list's keys are the parameters' positions in the request",
       .steps =
           {{.name = "raw fv2",
             .params = with_format(kTwoWarnings, "2", "raw"),
             .expect =
                 {.api_error = "",
                  .json =
                      {{"/warnings/0",
                        R"({"code":"unrecognizedvalues","key":"paramvalidator-unrecognizedvalues","params":[{"plaintext":"type"},{"plaintext":"bogus"},{"list":[{"plaintext":"bogus"}],"type":"comma"},{"num":1}],"data":{"values":["bogus"]},"module":"query+tokens"})"},
                       {"/warnings/1",
                        R"({"code":"unrecognizedparams","key":"apierror-unrecognizedparams","params":[{"list":{"3":"foo"},"type":"comma"},1],"module":"main"})"}}}},
            {.name = "none fv1",
             .params = with_format(kTwoWarnings, "1", "none"),
             .expect =
                 {.api_error = "",
                  .json =
                      {{"/warnings",
                        R"([{"code":"unrecognizedvalues","data":{"values":["bogus"]},"module":"query+tokens"},{"code":"unrecognizedparams","module":"main"}])"},
                       {"/batchcomplete", R"("")"}}}}}},
      {.name = "errorformat/deprecation-warning-in-each-format",
       .tag = Tag::Core,
       .source = "NOTES.md §1.5 (observed): apiwarn-deprecation-login-token has <kbd>; the mailing-list "
                 "reference is a real link in html",
       .steps =
           {{.name = "plaintext",
             .method = "POST",
             .params = with_format(kNeedToken, "2", "plaintext"),
             .expect =
                 {.api_error = "",
                  .json =
                      {{"/warnings/0",
                        R"({"code":"deprecation","text":"Fetching a token via \"action=login\" is deprecated. Use \"action=query&meta=tokens&type=login\" instead.","data":{"feature":"action=login&!lgtoken"},"module":"login"})"},
                       {"/warnings/1",
                        R"({"code":"deprecation-help","text":")" + kMailingListRef + R"(","module":"main"})"},
                       {"/login/result", R"("NeedToken")"}}}},
            {.name = "wikitext",
             .method = "POST",
             .params = with_format(kNeedToken, "2", "wikitext"),
             .expect =
                 {.api_error = "",
                  .json =
                      {{"/warnings/0/text",
                        R"("Fetching a token via <kbd>action=login</kbd> is deprecated. Use <kbd>action=query&meta=tokens&type=login</kbd> instead.")"},
                       {"/warnings/1/text",
                        R"("Subscribe to the mediawiki-api-announce mailing list at &lt;https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/&gt; for notice of API deprecations and breaking changes.")"}}}},
            {.name = "html",
             .method = "POST",
             .params = with_format(kNeedToken, "2", "html"),
             .expect = {.api_error = "",
                        .json =
                            {
                                {"/warnings/0/html",
                                 R"("Fetching a token via <kbd>action=login</kbd> is deprecated. Use <kbd>action=query&amp;meta=tokens&amp;type=login</kbd> instead.")"},
                                {"/warnings/0/text", "<absent>"},
                                {"/warnings/1/html",
                                 R"("Subscribe to the mediawiki-api-announce mailing list at &lt;<a rel=\"nofollow\" class=\"external free\" href=\"https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/\">https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/</a>&gt; for notice of API deprecations and breaking changes.")"}}}},
            {.name = "raw",
             .method = "POST",
             .params = with_format(kNeedToken, "2", "raw"),
             .expect =
                 {.api_error = "",
                  .json =
                      {{"/warnings",
                        R"([{"code":"deprecation","key":"apiwarn-deprecation-login-token","params":[],"data":{"feature":"action=login&!lgtoken"},"module":"login"},{"code":"deprecation-help","key":"api-usage-mailinglist-ref","params":[],"module":"main"}])"}}}},
            {.name = "none",
             .method = "POST",
             .params = with_format(kNeedToken, "2", "none"),
             .expect =
                 {.api_error = "",
                  .json =
                      {{"/warnings",
                        R"([{"code":"deprecation","data":{"feature":"action=login&!lgtoken"},"module":"login"},{"code":"deprecation-help","module":"main"}])"}}}}}},
      {.name = "errorformat/errors-replace-warnings",
       .tag = Tag::Core,
       .source = "observed on MediaWiki 1.39: an assert failure drops the warnings the request would have had",
       .steps =
           {{.name = "assert=user with warnings pending, plaintext",
             .params = with_format(
                 {{"action", "query"}, {"meta", "tokens"}, {"type", "bogus"}, {"foo", "1"}, {"assert", "user"}}, "2",
                 "plaintext"),
             .expect =
                 {.api_error = "assertuserfailed",
                  .json =
                      {{"/errors",
                        R"([{"code":"assertuserfailed","text":"You are no longer logged in, so the action could not be completed.","module":"main"}])"},
                       {"/warnings", "<absent>"},
                       {"/query", "<absent>"},
                       {"/docref", kDocref}}}}}},

      // --- action=checktoken ---
      {.name = "checktoken/anonymous-csrf-is-valid",
       .tag = Tag::Core,
       .source = "NOTES.md §2.4 (observed): +\\ has no timestamp, so no 'generated'",
       .steps = {{.name = "type=csrf, token=+\\, fv1",
                  .params = with_format({{"action", "checktoken"}, {"type", "csrf"}, {"token", "+\\"}}, "1"),
                  .expect = {.api_error = "", .json = {{"/checktoken", R"({"result":"valid"})"}}}},
                 {.name = "type=patrol, token=+\\",
                  .params = with_format({{"action", "checktoken"}, {"type", "patrol"}, {"token", "+\\"}}, "2"),
                  .expect = {.api_error = "", .json = {{"/checktoken", R"({"result":"valid"})"}}}}}},
      {.name = "checktoken/login-token-is-valid-with-generated",
       .tag = Tag::Core,
       .source = "NOTES.md §2.4 (observed)",
       .steps = {steps::login_token(),
                 {.name = "type=login",
                  .params = with_format({{"action", "checktoken"}, {"type", "login"}, {"token", "{T}"}}, "2"),
                  .expect = {.api_error = "",
                             .json = {{"/checktoken/result", R"("valid")"}, {"/checktoken/generated", "<present>"}}}}}},
      {.name = "checktoken/wrong-type-is-invalid",
       .tag = Tag::Core,
       .source = "NOTES.md §2.4 (observed): another salt; 'generated' still comes from the token's timestamp",
       .steps = {steps::login_token(),
                 {.name = "a login token as csrf",
                  .params = with_format({{"action", "checktoken"}, {"type", "csrf"}, {"token", "{T}"}}, "2"),
                  .expect = {.api_error = "",
                             .json = {{"/checktoken/result", R"("invalid")"}, {"/checktoken/generated", "<present>"}}}},
                 {.name = "a login token as createaccount",
                  .params = with_format({{"action", "checktoken"}, {"type", "createaccount"}, {"token", "{T}"}}, "2"),
                  .expect = {.api_error = "", .json = {{"/checktoken/result", R"("invalid")"}}}},
                 {.name = "+\\ as a login token",
                  .params = with_format({{"action", "checktoken"}, {"type", "login"}, {"token", "+\\"}}, "2"),
                  .expect = {.api_error = "", .json = {{"/checktoken", R"({"result":"invalid"})"}}}}}},
      {.name = "checktoken/garbage-is-invalid",
       .tag = Tag::Core,
       .source = "NOTES.md §2.4 (observed)",
       .steps = {{.name = "token=garbage",
                  .params = with_format({{"action", "checktoken"}, {"type", "csrf"}, {"token", "garbage"}}, "2"),
                  .expect = {.api_error = "", .json = {{"/checktoken", R"({"result":"invalid"})"}}}}}},
      {.name = "checktoken/expired-when-older-than-maxtokenage",
       .tag = Tag::Core,
       .source = "NOTES.md §2.4; ApiCheckToken.php: matches without maxtokenage but not with it (-1: any age)",
       .steps = {steps::login_token(),
                 {.name = "maxtokenage=-1",
                  .params = with_format(
                      {{"action", "checktoken"}, {"type", "login"}, {"token", "{T}"}, {"maxtokenage", "-1"}}, "2"),
                  .expect = {.api_error = "",
                             .json = {{"/checktoken/result", R"("expired")"}, {"/checktoken/generated", "<present>"}}}},
                 {.name = "+\\ never expires",
                  .params = with_format(
                      {{"action", "checktoken"}, {"type", "csrf"}, {"token", "+\\"}, {"maxtokenage", "-1"}}, "2"),
                  .expect = {.api_error = "", .json = {{"/checktoken", R"({"result":"valid"})"}}}}}},
      {.name = "checktoken/missing-params-are-missingparam",
       .tag = Tag::Core,
       .source = "observed on MediaWiki 1.39: type is checked before token",
       .steps =
           {{.name = "no token",
             .params = with_format({{"action", "checktoken"}, {"type", "csrf"}}, "2", "plaintext"),
             .expect =
                 {.api_error = "missingparam",
                  .json =
                      {{"/errors",
                        R"([{"code":"missingparam","text":"The \"token\" parameter must be set.","module":"checktoken"}])"}}}},
            {.name = "no type, no token",
             .params = with_format({{"action", "checktoken"}}, "2"),
             .expect = {.api_error = "missingparam",
                        .json = {{"/error/code", R"("missingparam")"},
                                 {"/error/info", R"("The \"type\" parameter must be set.")"}}}}}},
      {.name = "checktoken/bad-type-or-maxtokenage-is-an-error",
       .tag = Tag::Core,
       .source = "observed on MediaWiki 1.39: type is a single enum value (unlike meta=tokens, an error)",
       .steps = {{.name = "type=bogus",
                  .params = with_format({{"action", "checktoken"}, {"type", "bogus"}, {"token", "+\\"}}, "2"),
                  .expect = {.api_error = "badvalue",
                             .json = {{"/error/info", R"("Unrecognized value for parameter \"type\": bogus.")"}}}},
                 {.name = "type=csrf|login",
                  .params = with_format({{"action", "checktoken"}, {"type", "csrf|login"}, {"token", "+\\"}}, "2"),
                  .expect = {.api_error = "badvalue",
                             .json = {{"/error/info", R"("Unrecognized value for parameter \"type\": csrf|login.")"}}}},
                 {.name = "maxtokenage=abc",
                  .params = with_format(
                      {{"action", "checktoken"}, {"type", "csrf"}, {"token", "+\\"}, {"maxtokenage", "abc"}}, "2"),
                  .expect = {.api_error = "badinteger",
                             .json = {{"/error/info",
                                       R"("Invalid value \"abc\" for integer parameter \"maxtokenage\".")"}}}}}},
  };
}

}  // namespace scenarios
