// ApiMain: what every api.php request goes through whatever its module: the main parameters,
// asserts, maxlag, error formats and printers, HTTP methods, CORS, JSONP, output encodings and
// PHP's parameter parsing, as MediaWiki 1.39 does them (ApiMain.php, ApiErrorFormatter*.php,
// ApiFormatJson.php; ../shared/reference/NOTES.md §1 and §8; transcripts
// tests/reference/mw-1.39/main-*.json; raw exchanges in tests/reference/raw/*.txt;
// tests/reference/FINDINGS.md "Generic ApiMain" and "Raw-only observations").
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>

#include "support/mock_wiki_test.h"
#include "support/raw_http.h"

namespace mockwiki::testing {
namespace {

using namespace accounts;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kBadUtf8 =
    "The value passed for \"%s\" contains invalid or non-normalized data. Textual data should be valid, "
    "NFC-normalized Unicode without C0 control characters other than HT (\\t), LF (\\n), and CR (\\r).";

std::string bad_utf8(const std::string& param) {
  std::string text = kBadUtf8;
  return text.replace(text.find("%s"), 2, param);
}

// ApiMain::getModuleManager()->getNames('action'): the values "action" accepts, in order.
const std::vector<std::string> kActionNames = {"login",
                                               "clientlogin",
                                               "logout",
                                               "createaccount",
                                               "linkaccount",
                                               "unlinkaccount",
                                               "changeauthenticationdata",
                                               "removeauthenticationdata",
                                               "resetpassword",
                                               "query",
                                               "expandtemplates",
                                               "parse",
                                               "stashedit",
                                               "opensearch",
                                               "feedcontributions",
                                               "feedrecentchanges",
                                               "feedwatchlist",
                                               "help",
                                               "paraminfo",
                                               "rsd",
                                               "compare",
                                               "checktoken",
                                               "cspreport",
                                               "validatepassword",
                                               "purge",
                                               "setnotificationtimestamp",
                                               "rollback",
                                               "delete",
                                               "undelete",
                                               "protect",
                                               "block",
                                               "unblock",
                                               "move",
                                               "edit",
                                               "upload",
                                               "filerevert",
                                               "emailuser",
                                               "watch",
                                               "patrol",
                                               "import",
                                               "clearhasmsg",
                                               "userrights",
                                               "options",
                                               "imagerotate",
                                               "revisiondelete",
                                               "managetags",
                                               "tag",
                                               "mergehistory",
                                               "setpagelanguage",
                                               "changecontentmodel"};

class ApiMainTest : public MockWikiTest {
 protected:
  Reply frobnicate(Params extra) {
    Params params = {{"action", "frobnicate"}, {"format", "json"}};
    params.insert(params.end(), extra.begin(), extra.end());
    return client.get(params);
  }
  Reply userinfo(Params extra) {
    Params params = {{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}};
    params.insert(params.end(), extra.begin(), extra.end());
    return client.get(params);
  }
  Json bc_error(const std::string& code, const std::string& info, bool fv2 = false) const {
    return {{"error", {{"code", code}, {"info", info}, {fv2 ? "docref" : "*", docref()}}}};
  }
  static Json anon_userinfo(bool fv2) {
    return {{"batchcomplete", fv2 ? Json(true) : Json("")},
            {"query", {{"userinfo", {{"id", 0}, {"name", "127.0.0.1"}, {"anon", fv2 ? Json(true) : Json("")}}}}}};
  }
  void login_alice() { ASSERT_EQ(client.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "PASS"); }
};

const std::string kFrobnicate = "Unrecognized value for parameter \"action\": frobnicate.";

// --- unknown action and the error formats ---

TEST_F(ApiMainTest, UnknownActionIsBadValueInBcFormat) {
  // NOTES §1.3, §8; raw/headers.txt ("API error": HTTP 200 and MediaWiki-API-Error); main-action-tokens-gone.
  Reply fv1 = frobnicate({});
  EXPECT_EQ(fv1.status, 200);
  EXPECT_EQ(fv1.api_error(), "badvalue");
  EXPECT_EQ(fv1.header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(fv1.json, bc_error("badvalue", kFrobnicate));
  Reply fv2 = frobnicate({{"formatversion", "2"}});
  EXPECT_EQ(fv2.json, bc_error("badvalue", kFrobnicate, true));
  EXPECT_EQ(client.get({{"action", "tokens"}, {"format", "json"}, {"formatversion", "2"}}).json,
            bc_error("badvalue", "Unrecognized value for parameter \"action\": tokens.", true));
}

TEST_F(ApiMainTest, UnknownActionInPlaintextIsAnErrorsList) {
  // Transcript main-unknown-action-plaintext-fv2; fv1 checked on the reference wiki (NOTES §1.4).
  EXPECT_EQ(
      frobnicate({{"formatversion", "2"}, {"errorformat", "plaintext"}}).json,
      Json({{"errors", {{{"code", "badvalue"}, {"text", kFrobnicate}, {"module", "main"}}}}, {"docref", docref()}}));
  EXPECT_EQ(frobnicate({{"errorformat", "plaintext"}}).json,
            Json({{"errors", {{{"code", "badvalue"}, {"module", "main"}, {"*", kFrobnicate}}}}, {"*", docref()}}));
}

TEST_F(ApiMainTest, UnknownActionInRawListsTheFiftyActionsInOrder) {
  // Transcript main-unknown-action-raw-fv2 (FINDINGS "Generic ApiMain"): the list is of type "text".
  Json list = Json::array();
  for (const auto& name : kActionNames) list.push_back({{"plaintext", name}});
  ASSERT_EQ(list.size(), 50u);
  Reply reply = frobnicate({{"formatversion", "2"}, {"errorformat", "raw"}});
  EXPECT_EQ(reply.api_error(), "badvalue");
  EXPECT_EQ(reply.json, Json({{"errors",
                               {{{"code", "badvalue"},
                                 {"key", "paramvalidator-badvalue-enumnotmulti"},
                                 {"params",
                                  {{{"plaintext", "action"}},
                                   {{"plaintext", "frobnicate"}},
                                   {{"list", list}, {"type", "text"}},
                                   {{"num", 50}}}},
                                 {"module", "main"}}}},
                              {"docref", docref()}}));
}

TEST_F(ApiMainTest, UnknownActionInNoneFormatIsJustTheCode) {
  // NOTES §1.5 (errorformat=none); checked on the reference wiki in both format versions.
  EXPECT_EQ(frobnicate({{"formatversion", "2"}, {"errorformat", "none"}}).json,
            Json({{"errors", {{{"code", "badvalue"}, {"module", "main"}}}}, {"docref", docref()}}));
  EXPECT_EQ(frobnicate({{"errorformat", "none"}}).json,
            Json({{"errors", {{{"code", "badvalue"}, {"module", "main"}}}}, {"*", docref()}}));
}

TEST_F(ApiMainTest, DocrefNamesThisWikisOwnApiUrl) {
  // NOTES §1.5: "See <wgServer><wgScriptPath>/api.php ...", literal &lt; and &gt;.
  const std::string expected =
      "See " + wiki.api_url() +
      " for API usage. Subscribe to the mediawiki-api-announce mailing list at "
      "&lt;https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/&gt; for notice "
      "of API deprecations and breaking changes.";
  EXPECT_EQ(frobnicate({{"formatversion", "2"}}).json["error"]["docref"], expected);
  EXPECT_THAT(wiki.api_url(), StartsWith(wiki.server_url()));
}

TEST_F(ApiMainTest, ErrorFormatBogusIsABcBadValue) {
  // Transcript main-errorformat-bogus: the error itself falls back to bc.
  EXPECT_EQ(userinfo({{"formatversion", "2"}, {"errorformat", "bogus"}}).json,
            bc_error("badvalue", "Unrecognized value for parameter \"errorformat\": bogus.", true));
  EXPECT_EQ(userinfo({{"errorformat", "bogus"}}).json,
            bc_error("badvalue", "Unrecognized value for parameter \"errorformat\": bogus."));
}

TEST_F(ApiMainTest, FormatVersion3MakesTheErrorPrinterRetryWithDefaults) {
  // NOTES §8; transcript main-formatversion-3; plaintext form checked on the reference wiki.
  Reply reply = userinfo({{"formatversion", "3"}});
  EXPECT_EQ(reply.api_error(), "badvalue");
  const std::string info = "Unrecognized value for parameter \"formatversion\": 3.";
  EXPECT_EQ(reply.json,
            Json({{"warnings",
                   {{"json", {{"*", info}}}, {"main", {{"*", "Error printer failed. Will retry without params."}}}}},
                  {"error", {{"code", "badvalue"}, {"info", info}, {"*", docref()}}}}));
  Reply plaintext = userinfo({{"formatversion", "3"}, {"errorformat", "plaintext"}});
  EXPECT_EQ(plaintext.json, Json({{"warnings",
                                   {{{"code", "errorprinterfailed"},
                                     {"module", "main"},
                                     {"*", "Error printer failed. Will retry without params."}},
                                    {{"code", "badvalue"}, {"module", "json"}, {"*", info}}}},
                                  {"errors", {{{"code", "badvalue"}, {"module", "json"}, {"*", info}}}},
                                  {"*", docref()}}));
}

TEST_F(ApiMainTest, FormatVersionLatestIsVersion2) {
  // Transcript main-formatversion-latest.
  EXPECT_EQ(userinfo({{"formatversion", "latest"}}).json, anon_userinfo(true));
}

// --- asserts ---

TEST_F(ApiMainTest, AssertUserFailsForAnonymousAndHoldsWhenLoggedIn) {
  // NOTES §8; transcripts main-assert-user-anonymous-raw and main-assert-user-logged-in.
  Reply anon = userinfo({{"assert", "user"}});
  EXPECT_EQ(anon.api_error(), "assertuserfailed");
  EXPECT_EQ(anon.json,
            bc_error("assertuserfailed", "You are no longer logged in, so the action could not be completed."));
  EXPECT_EQ(userinfo({{"formatversion", "2"}, {"errorformat", "raw"}, {"assert", "user"}}).json,
            Json({{"errors",
                   {{{"code", "assertuserfailed"},
                     {"key", "apierror-assertuserfailed"},
                     {"params", Json::array()},
                     {"module", "main"}}}},
                  {"docref", docref()}}));
  login_alice();
  Reply ok = userinfo({{"formatversion", "2"}, {"assert", "user"}});
  EXPECT_FALSE(ok.api_error());
  EXPECT_EQ(ok.json["query"]["userinfo"], Json({{"id", 3}, {"name", "Alice"}}));
}

TEST_F(ApiMainTest, AssertBotNeedsTheBotRight) {
  // NOTES §8 (assertbotfailed); Robo@mybot keeps "bot" through its highvolume grant (NOTES §15.2).
  Reply anon = userinfo({{"formatversion", "2"}, {"assert", "bot"}});
  EXPECT_EQ(anon.api_error(), "assertbotfailed");
  EXPECT_EQ(anon.json, bc_error("assertbotfailed",
                                "You do not have the \"bot\" right, so the action could not be completed.", true));
  login_alice();
  EXPECT_EQ(userinfo({{"assert", "bot"}}).api_error(), "assertbotfailed");
  ApiClient bot = another_client();
  ASSERT_EQ(bot.login(kRoboBot, kRoboBotPass).json["login"]["result"], "Success");
  Reply ok = bot.get(
      {{"action", "query"}, {"meta", "userinfo"}, {"assert", "bot"}, {"format", "json"}, {"formatversion", "2"}});
  EXPECT_EQ(ok.json, Json({{"batchcomplete", true}, {"query", {{"userinfo", {{"id", 4}, {"name", "Robo"}}}}}}));
}

TEST_F(ApiMainTest, AssertAnonHoldsForAnonymousAndFailsWhenLoggedIn) {
  // Transcripts main-assert-anon-anonymous and main-assert-anon-logged-in.
  EXPECT_EQ(userinfo({{"uiprop", "groups"}, {"formatversion", "2"}, {"assert", "anon"}}).json,
            Json({{"batchcomplete", true},
                  {"query", {{"userinfo", {{"id", 0}, {"name", "127.0.0.1"}, {"anon", true}, {"groups", {"*"}}}}}}}));
  login_alice();
  Reply reply = userinfo({{"uiprop", "groups"}, {"formatversion", "2"}, {"assert", "anon"}});
  EXPECT_EQ(reply.api_error(), "assertanonfailed");
  EXPECT_EQ(reply.json,
            bc_error("assertanonfailed", "You are no longer logged out, so the action could not be completed.", true));
}

TEST_F(ApiMainTest, AssertBogusIsBadValue) {
  // Transcript main-assert-bogus.
  Reply reply = userinfo({{"formatversion", "2"}, {"assert", "bogus"}});
  EXPECT_EQ(reply.api_error(), "badvalue");
  EXPECT_EQ(reply.json, bc_error("badvalue", "Unrecognized value for parameter \"assert\": bogus.", true));
}

TEST_F(ApiMainTest, AssertUserNamesTheUserAndIsNormalized) {
  // Transcripts main-assertuser-*; raw/params.txt ("A+lice" is "A lice").
  Reply anon = userinfo({{"formatversion", "2"}, {"assertuser", "Alice"}});
  EXPECT_EQ(anon.api_error(), "assertnameduserfailed");
  EXPECT_EQ(anon.json,
            bc_error("assertnameduserfailed",
                     "You are no longer logged in as \"Alice\", so the action could not be completed.", true));
  EXPECT_EQ(userinfo({{"assertuser", "A lice"}}).json,
            bc_error("assertnameduserfailed",
                     "You are no longer logged in as \"A lice\", so the action could not be completed."));
  login_alice();
  for (const char* name : {"Alice", "alice"}) {
    Reply ok = userinfo({{"formatversion", "2"}, {"assertuser", name}});
    EXPECT_FALSE(ok.api_error()) << name;
    EXPECT_EQ(ok.json["query"]["userinfo"]["name"], "Alice") << name;
  }
  EXPECT_EQ(userinfo({{"formatversion", "2"}, {"errorformat", "raw"}, {"assertuser", "Robo"}}).json,
            Json({{"errors",
                   {{{"code", "assertnameduserfailed"},
                     {"key", "apierror-assertnameduserfailed"},
                     {"params", {"Robo"}},
                     {"module", "main"}}}},
                  {"docref", docref()}}));
}

// --- maxlag ---

TEST_F(ApiMainTest, MaxlagMustBeAnInteger) {
  // Transcripts main-maxlag-abc and main-maxlag-empty.
  Reply abc = userinfo({{"maxlag", "abc"}, {"formatversion", "2"}});
  EXPECT_EQ(abc.api_error(), "badinteger");
  EXPECT_EQ(abc.json, bc_error("badinteger", "Invalid value \"abc\" for integer parameter \"maxlag\".", true));
  Reply empty = userinfo({{"maxlag", ""}, {"formatversion", "2"}});
  EXPECT_EQ(empty.api_error(), "badinteger");
  EXPECT_EQ(empty.json, bc_error("badinteger", "Invalid value \"\" for integer parameter \"maxlag\".", true));
}

TEST_F(ApiMainTest, MaxlagBelowTheSingleServersLagIsAMaxlagErrorWithRetryAfter) {
  // raw/headers.txt (maxlag=-2: HTTP 200, Retry-After: 5, X-Database-Lag: -1); transcripts
  // main-maxlag-minus2(-raw-fv2) and main-maxlag-minus1-ok.
  Reply reply = userinfo({{"maxlag", "-2"}});
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.api_error(), "maxlag");
  EXPECT_EQ(reply.header("Retry-After"), "5");
  EXPECT_EQ(reply.header("X-Database-Lag"), "-1");
  EXPECT_EQ(reply.json, Json({{"error",
                               {{"code", "maxlag"},
                                {"info", "Waiting for a database server: -1 second lagged."},
                                {"host", ""},
                                {"lag", -1},
                                {"type", "db"},
                                {"*", docref()}}}}));
  EXPECT_EQ(userinfo({{"maxlag", "-2"}, {"formatversion", "2"}, {"errorformat", "raw"}}).json,
            Json({{"errors",
                   {{{"code", "maxlag"},
                     {"key", "apierror-maxlag-generic"},
                     {"params", {-1}},
                     {"data", {{"host", ""}, {"lag", -1}, {"type", "db"}}},
                     {"module", "main"}}}},
                  {"docref", docref()}}));
  Reply ok = userinfo({{"maxlag", "-1"}, {"formatversion", "2"}});
  EXPECT_EQ(ok.json, anon_userinfo(true));
  EXPECT_FALSE(ok.has_header("Retry-After"));
  EXPECT_FALSE(ok.has_header("X-Database-Lag"));
}

// --- fields ApiMain adds ---

TEST_F(ApiMainTest, RequestIdIsEchoedOnSuccessAndOnError) {
  // Transcripts main-requestid-success and main-requestid-error (values checked on the reference wiki).
  EXPECT_EQ(userinfo({{"requestid", "abc"}, {"formatversion", "2"}}).json,
            Json({{"batchcomplete", true},
                  {"requestid", "abc"},
                  {"query", {{"userinfo", {{"id", 0}, {"name", "127.0.0.1"}, {"anon", true}}}}}}));
  Json error = bc_error("badvalue", kFrobnicate, true);
  error["requestid"] = "abc";
  EXPECT_EQ(frobnicate({{"requestid", "abc"}, {"formatversion", "2"}}).json, error);
  Json fv1 = bc_error("badvalue", kFrobnicate);
  fv1["requestid"] = "abc";
  EXPECT_EQ(frobnicate({{"requestid", "abc"}}).json, fv1);
}

TEST_F(ApiMainTest, CurTimestampIsTheMocksClock) {
  // Transcript main-curtimestamp; order of requestid, curtimestamp and responselanginfo
  // checked on the reference wiki (ApiMain::addRequestedFields).
  wiki.clock().freeze();
  wiki.clock().set(1795564809);
  EXPECT_EQ(userinfo({{"curtimestamp", "1"}, {"formatversion", "2"}}).json,
            Json({{"batchcomplete", true},
                  {"curtimestamp", "2026-11-25T00:00:09Z"},
                  {"query", {{"userinfo", {{"id", 0}, {"name", "127.0.0.1"}, {"anon", true}}}}}}));
  wiki.clock().advance(std::chrono::seconds(61));
  EXPECT_EQ(userinfo({{"curtimestamp", "1"}, {"requestid", "r1"}, {"responselanginfo", "1"}}).json,
            Json({{"batchcomplete", ""},
                  {"requestid", "r1"},
                  {"curtimestamp", "2026-11-25T00:01:10Z"},
                  {"uselang", "en"},
                  {"errorlang", "en"},
                  {"query", {{"userinfo", {{"id", 0}, {"name", "127.0.0.1"}, {"anon", ""}}}}}}));
}

TEST_F(ApiMainTest, ServedByAddsNothingWithoutShowHostnames) {
  // Transcript main-servedby (FINDINGS item 6, against NOTES §1.5).
  EXPECT_EQ(userinfo({{"servedby", "1"}, {"formatversion", "2"}}).json, anon_userinfo(true));
  EXPECT_EQ(frobnicate({{"servedby", "1"}, {"formatversion", "2"}}).json, bc_error("badvalue", kFrobnicate, true));
}

// --- unknown parameters and PHP's parameter parsing ---

TEST_F(ApiMainTest, OneUnknownParameterIsASingularWarningBeforeBatchcomplete) {
  // Transcript main-unknown-param-one; fv1 checked on the reference wiki.
  Reply fv2 = userinfo({{"foo", "1"}, {"formatversion", "2"}});
  EXPECT_EQ(fv2.json, Json({{"warnings", {{"main", {{"warnings", "Unrecognized parameter: foo."}}}}},
                            {"batchcomplete", true},
                            {"query", {{"userinfo", {{"id", 0}, {"name", "127.0.0.1"}, {"anon", true}}}}}}));
  EXPECT_FALSE(fv2.api_error());
  EXPECT_EQ(userinfo({{"foo", "1"}}).json["warnings"], Json({{"main", {{"*", "Unrecognized parameter: foo."}}}}));
}

TEST_F(ApiMainTest, SeveralUnknownParametersArePluralInRequestOrder) {
  // Transcripts main-unknown-params-several and main-unknown-params-plaintext.
  EXPECT_EQ(userinfo({{"zeta", "1"}, {"alpha", "2"}, {"mid", "3"}, {"formatversion", "2"}}).json["warnings"],
            Json({{"main", {{"warnings", "Unrecognized parameters: zeta, alpha, mid."}}}}));
  EXPECT_EQ(
      userinfo({{"zeta", "1"}, {"alpha", "2"}, {"formatversion", "2"}, {"errorformat", "plaintext"}}).json["warnings"],
      Json({{{"code", "unrecognizedparams"}, {"text", "Unrecognized parameters: zeta, alpha."}, {"module", "main"}}}));
}

TEST_F(ApiMainTest, PhpArrayAndDotNamesAreReportedAsPhpSeesThem) {
  // Transcripts main-unknown-param-array (a[]=1 is "a") and main-unknown-param-dot (x.y is "x_y").
  EXPECT_EQ(userinfo({{"a[]", "1"}, {"formatversion", "2"}}).json["warnings"],
            Json({{"main", {{"warnings", "Unrecognized parameter: a."}}}}));
  EXPECT_EQ(userinfo({{"x.y", "1"}, {"formatversion", "2"}}).json["warnings"],
            Json({{"main", {{"warnings", "Unrecognized parameter: x_y."}}}}));
}

TEST_F(ApiMainTest, RawUnknownParametersKeepPhpArrayKeys) {
  // FINDINGS item 4: array_diff keeps each name's position among the request's parameters;
  // transcripts main-unknown-params-raw and main-unknown-params-raw-fv1.
  Reply keyed = client.get({{"action", "query"},
                            {"meta", "userinfo"},
                            {"zeta", "1"},
                            {"alpha", "2"},
                            {"format", "json"},
                            {"formatversion", "2"},
                            {"errorformat", "raw"}});
  EXPECT_EQ(keyed.json["warnings"],
            Json({{{"code", "unrecognizedparams"},
                   {"key", "apierror-unrecognizedparams"},
                   {"params", {{{"list", {{"2", "zeta"}, {"3", "alpha"}}}, {"type", "comma"}}, 2}},
                   {"module", "main"}}}));
  Reply first =
      client.get({{"foo", "1"}, {"action", "query"}, {"meta", "userinfo"}, {"format", "json"}, {"errorformat", "raw"}});
  EXPECT_EQ(first.json, Json({{"warnings",
                               {{{"code", "unrecognizedparams"},
                                 {"key", "apierror-unrecognizedparams"},
                                 {"params", {{{"list", {"foo"}}, {"type", "comma"}}, 1}},
                                 {"module", "main"}}}},
                              {"batchcomplete", ""},
                              {"query", {{"userinfo", {{"id", 0}, {"name", "127.0.0.1"}, {"anon", ""}}}}}}));
}

TEST_F(ApiMainTest, PhpArraySyntaxForAKnownParameterIsWarnedAndIgnored) {
  // raw/params.txt (uiprop[]=groups&uiprop[]=rights).
  Reply reply = userinfo({{"formatversion", "2"}, {"uiprop[]", "groups"}, {"uiprop[]", "rights"}});
  EXPECT_EQ(reply.json,
            Json({{"batchcomplete", true},
                  {"warnings", {{"main", {{"warnings", "Parameter \"uiprop\" uses unsupported PHP array syntax."}}}}},
                  {"query", {{"userinfo", {{"id", 0}, {"name", "127.0.0.1"}, {"anon", true}}}}}}));
}

TEST_F(ApiMainTest, TheLastOfDuplicateParametersWins) {
  // raw/params.txt: PHP keeps the last value (uiprop twice; action=frobnicate then action=query).
  EXPECT_EQ(userinfo({{"formatversion", "2"}, {"uiprop", "groups"}, {"uiprop", "rights"}}).json["query"]["userinfo"],
            Json({{"id", 0},
                  {"name", "127.0.0.1"},
                  {"anon", true},
                  {"rights",
                   {"createaccount", "read", "edit", "createpage", "createtalk", "writeapi", "viewmywatchlist",
                    "editmywatchlist", "viewmyprivateinfo", "editmyprivateinfo", "editmyoptions"}}}));
  Reply reply = client.get({{"action", "frobnicate"}, {"action", "query"}, {"meta", "userinfo"}, {"format", "json"}});
  EXPECT_FALSE(reply.api_error());
  EXPECT_EQ(reply.json, anon_userinfo(false));
}

TEST_F(ApiMainTest, ThePostBodyBeatsTheQueryString) {
  // Transcript main-param-query-vs-body; raw/params.txt (action in both).
  Reply uiprop = client.post(
      {{"action", "query"}, {"meta", "userinfo"}, {"uiprop", "rights"}, {"format", "json"}, {"formatversion", "2"}},
      {{"uiprop", "groups"}});
  EXPECT_TRUE(uiprop.json["query"]["userinfo"].contains("rights"));
  EXPECT_FALSE(uiprop.json["query"]["userinfo"].contains("groups"));
  Reply action =
      client.post({{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}}, {{"action", "frobnicate"}});
  EXPECT_FALSE(action.api_error());
  EXPECT_EQ(action.json, anon_userinfo(false));
}

// --- HTTP methods ---

TEST_F(ApiMainTest, PutIs405InvalidMethod) {
  // raw/methods.txt (PUT and DELETE with a query string); NOTES §1.2.
  for (const char* method : {"PUT", "DELETE"}) {
    Reply reply = client.send(method, {{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}}, "", "");
    EXPECT_EQ(reply.status, 405) << method;
    EXPECT_EQ(reply.api_error(), "invalidmethod") << method;
    EXPECT_EQ(reply.header("Content-Type"), "application/json; charset=utf-8") << method;
    EXPECT_EQ(reply.json, bc_error("invalidmethod", "Invalid HTTP method. Consider using GET or POST.")) << method;
  }
}

TEST_F(ApiMainTest, PutWithOnlyAFormBodyIsA200JsonfmPageSaying405) {
  // raw/methods.txt: PHP parses no PUT body, so there is no format and the default jsonfm
  // prints the error with the status it would have had.
  Reply reply = client.send("PUT", {}, "action=login&lgname=Alice&format=json", "application/x-www-form-urlencoded");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.api_error(), "invalidmethod");
  EXPECT_EQ(reply.header("Content-Type"), "text/html; charset=UTF-8");
  EXPECT_EQ(reply.header("Content-Disposition"), "inline; filename=api-result.html");
  EXPECT_THAT(reply.body,
              HasSubstr("<div class=\"api-pretty-header api-pretty-status\">This response would be returned "
                        "with HTTP status 405 Method Not Allowed.</div>"));
  EXPECT_THAT(
      reply.body,
      HasSubstr("<pre class=\"api-pretty-content\">{\n    \"error\": {\n        \"code\": \"invalidmethod\",\n"
                "        \"info\": \"Invalid HTTP method. Consider using GET or POST.\",\n        \"*\": \"See " +
                wiki.api_url() +
                " for API usage. Subscribe to the mediawiki-api-announce mailing list at "
                "&amp;lt;https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/"
                "&amp;gt; for notice of API deprecations and breaking changes.\"\n    }\n}</pre>"));
}

TEST_F(ApiMainTest, HeadAnswersHeadersOnlyWithTheApiErrorHeader) {
  // raw/methods.txt (HEAD, HEAD on an error, HEAD action=login).
  Reply ok = client.send("HEAD", {{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}}, "", "");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "");
  EXPECT_EQ(ok.header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_FALSE(ok.api_error());
  Reply error = client.send("HEAD", {{"action", "frobnicate"}, {"format", "json"}}, "", "");
  EXPECT_EQ(error.status, 200);
  EXPECT_EQ(error.body, "");
  EXPECT_EQ(error.api_error(), "badvalue");
  EXPECT_EQ(client.send("HEAD", {{"action", "login"}, {"format", "json"}}, "", "").api_error(), "mustbeposted");
}

TEST_F(ApiMainTest, OptionsWithoutOriginIsAnEmptyHtmlAnswer) {
  // raw/methods.txt ("OPTIONS without Origin"): no CORS headers, no API output.
  Reply reply = client.send("OPTIONS", {{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}}, "", "");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "");
  EXPECT_EQ(reply.header("Content-Type"), "text/html; charset=UTF-8");
  EXPECT_EQ(reply.header("X-Content-Type-Options"), "nosniff");
  EXPECT_FALSE(reply.has_header("Access-Control-Allow-Origin"));
  EXPECT_FALSE(reply.has_header("MediaWiki-Login-Suppressed"));
  EXPECT_FALSE(reply.has_header("X-Frame-Options"));
}

TEST_F(ApiMainTest, OptionsPreflightWithOriginStarAllowsPostGetHead) {
  // raw/methods.txt ("OPTIONS CORS preflight with origin=* asking for Api-User-Agent").
  Reply reply =
      client.send("OPTIONS", {{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}, {"origin", "*"}}, "", "",
                  {{"Origin", "http://example.org"},
                   {"Access-Control-Request-Method", "POST"},
                   {"Access-Control-Request-Headers", "Api-User-Agent"}});
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "");
  EXPECT_EQ(reply.header("Access-Control-Allow-Headers"), "Api-User-Agent");
  EXPECT_EQ(reply.header("Access-Control-Allow-Methods"), "POST, GET, HEAD");
  EXPECT_EQ(reply.header("Access-Control-Allow-Origin"), "*");
  EXPECT_EQ(reply.header("Access-Control-Allow-Credentials"), "false");
  EXPECT_EQ(reply.header("MediaWiki-Login-Suppressed"), "true");
  EXPECT_FALSE(reply.has_header("Access-Control-Expose-Headers"));
}

// --- CORS and JSONP ---

TEST_F(ApiMainTest, OriginStarAddsCorsHeadersAndAnswersAsAnonymous) {
  // raw/headers.txt (origin=*); transcript main-origin-star-userinfo-logged-in; NOTES §1.1.
  login_alice();
  Reply reply = userinfo({{"origin", "*"}});
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.header("Access-Control-Allow-Origin"), "*");
  EXPECT_EQ(reply.header("Access-Control-Allow-Credentials"), "false");
  EXPECT_EQ(reply.header("Access-Control-Expose-Headers"),
            "MediaWiki-API-Error, Retry-After, X-Database-Lag, MediaWiki-Login-Suppressed");
  EXPECT_EQ(reply.header("MediaWiki-Login-Suppressed"), "true");
  EXPECT_EQ(reply.json, anon_userinfo(false));
  EXPECT_TRUE(reply.set_cookies.empty());
  // Without origin the same jar is Alice again.
  EXPECT_EQ(userinfo({}).json["query"]["userinfo"], Json({{"id", 3}, {"name", "Alice"}}));
}

TEST_F(ApiMainTest, TreatAsUntrustedHeaderAlsoSuppressesTheLogin) {
  // raw/headers.txt ("Treat-as-Untrusted header").
  login_alice();
  Reply reply = client.send("GET", {{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}}, "", "",
                            {{"Treat-as-Untrusted", "1"}});
  EXPECT_EQ(reply.header("MediaWiki-Login-Suppressed"), "true");
  EXPECT_EQ(reply.json, anon_userinfo(false));
}

TEST_F(ApiMainTest, AnOriginThatDoesNotMatchTheOriginHeaderIs403PlainText) {
  // raw/headers.txt: 403 with and without an Origin header (FINDINGS "headers.txt").
  const Params params = {
      {"action", "query"}, {"meta", "userinfo"}, {"format", "json"}, {"origin", "http://example.org"}};
  for (const httplib::Headers& headers : {httplib::Headers{}, httplib::Headers{{"Origin", "http://other.example"}}}) {
    Reply reply = client.send("GET", params, "", "", headers);
    EXPECT_EQ(reply.status, 403);
    EXPECT_EQ(reply.body, "'origin' parameter does not match Origin header\n");
    EXPECT_EQ(reply.header("Content-Type"), "text/html; charset=UTF-8");
    EXPECT_EQ(reply.header("Cache-Control"), "no-cache");
    EXPECT_FALSE(reply.api_error());
  }
}

TEST_F(ApiMainTest, AMatchingOriginOutsideCrossSiteAjaxDomainsIsServedWithoutCors) {
  // raw/headers.txt: 200 and MediaWiki-CORS-Rejection: Origin mismatch ($wgCrossSiteAJAXdomains is empty).
  Reply reply = client.send(
      "GET", {{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}, {"origin", "http://example.org"}}, "", "",
      {{"Origin", "http://example.org"}});
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.header("MediaWiki-CORS-Rejection"), "Origin mismatch");
  EXPECT_FALSE(reply.has_header("Access-Control-Allow-Origin"));
  EXPECT_FALSE(reply.has_header("MediaWiki-Login-Suppressed"));
  EXPECT_EQ(reply.json, anon_userinfo(false));
}

TEST_F(ApiMainTest, CallbackWrapsTheJsonAndDropsTheCredentials) {
  // raw/headers.txt (callback=foo, also on an error); transcript main-jsonp-callback-logged-in.
  login_alice();
  Reply reply = userinfo({{"callback", "foo"}});
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(
      reply.body,
      "/**/foo({\"batchcomplete\":\"\",\"query\":{\"userinfo\":{\"id\":0,\"name\":\"127.0.0.1\",\"anon\":\"\"}}})");
  EXPECT_EQ(reply.header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(reply.header("Content-Disposition"), "inline; filename=api-result.js");
  EXPECT_EQ(reply.header("MediaWiki-Login-Suppressed"), "true");
  Reply error = frobnicate({{"callback", "foo"}});
  EXPECT_EQ(error.api_error(), "badvalue");
  EXPECT_EQ(error.body, "/**/foo(" + bc_error("badvalue", kFrobnicate).dump() + ")");
}

TEST_F(ApiMainTest, CallbackNameKeepsOnlySafeCharacters) {
  // ApiFormatJson: the callback keeps alphanumerics and ][.'"_ (checked on the reference wiki).
  Reply reply = userinfo({{"callback", "a-b(c)d.e[0]"}});
  EXPECT_EQ(
      reply.body,
      "/**/"
      "abcd.e[0]({\"batchcomplete\":\"\",\"query\":{\"userinfo\":{\"id\":0,\"name\":\"127.0.0.1\",\"anon\":\"\"}}})");
}

// --- output formats ---

TEST_F(ApiMainTest, FormatNoneIsAnEmptyTextPlainAnswer) {
  // raw/formats.txt ("format=none"): Content-Disposition names api-result.txt.
  Reply reply = client.get({{"action", "query"}, {"meta", "userinfo"}, {"format", "none"}});
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "");
  EXPECT_EQ(reply.header("Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(reply.header("Content-Disposition"), "inline; filename=api-result.txt");
  Reply error = client.get({{"action", "frobnicate"}, {"format", "none"}});
  EXPECT_EQ(error.api_error(), "badvalue");
  EXPECT_EQ(error.body, "");
}

TEST_F(ApiMainTest, FormatJsonfmWrapsPrettyJsonInHtml) {
  // raw/formats.txt ("format=jsonfm" and no format at all).
  const std::string pre =
      "<pre class=\"api-pretty-content\">{\n    \"batchcomplete\": \"\",\n    \"query\": {\n        \"userinfo\": {\n"
      "            \"id\": 0,\n            \"name\": \"127.0.0.1\",\n            \"anon\": \"\"\n        }\n    "
      "}\n}</pre>";
  for (const Params& params : {Params{{"action", "query"}, {"meta", "userinfo"}, {"format", "jsonfm"}},
                               Params{{"action", "query"}, {"meta", "userinfo"}}}) {
    Reply reply = client.get(params);
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("Content-Type"), "text/html; charset=UTF-8");
    EXPECT_EQ(reply.header("Content-Disposition"), "inline; filename=api-result.html");
    EXPECT_EQ(reply.header("Content-Language"), "en");
    EXPECT_EQ(reply.header("Vary"), "Accept-Encoding, Cookie");
    EXPECT_EQ(reply.header("Expires"), "Thu, 01 Jan 1970 00:00:00 GMT");
    EXPECT_THAT(reply.body, HasSubstr("<title>MediaWiki API result - RefWiki</title>"));
    EXPECT_THAT(reply.body, HasSubstr(pre));
    EXPECT_THAT(reply.body, ::testing::Not(HasSubstr("api-pretty-status")));
  }
}

TEST_F(ApiMainTest, FormatBogusIsABadValuePageInHtml) {
  // raw/formats.txt ("format=bogus"): the error printer is the default jsonfm.
  Reply reply = client.get({{"action", "query"}, {"meta", "userinfo"}, {"format", "bogus"}});
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.api_error(), "badvalue");
  EXPECT_EQ(reply.header("Content-Type"), "text/html; charset=UTF-8");
  EXPECT_THAT(reply.body,
              HasSubstr("<pre class=\"api-pretty-content\">{\n    \"error\": {\n        \"code\": \"badvalue\",\n"
                        "        \"info\": \"Unrecognized value for parameter \\\"format\\\": bogus.\",\n"));
  EXPECT_THAT(reply.body, HasSubstr("&amp;lt;https://lists.wikimedia.org/"));
}

TEST_F(ApiMainTest, NoActionIsTheHtmlHelpPageEvenWithFormatJson) {
  // raw/formats.txt ("format=json with no action"): action defaults to help, which prints HTML.
  for (const Params& params : {Params{{"format", "json"}}, Params{}}) {
    Reply reply = client.get(params);
    EXPECT_EQ(reply.status, 200);
    EXPECT_TRUE(reply.json.is_null());
    EXPECT_EQ(reply.header("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(reply.header("Content-Disposition"), "inline; filename=api-help.html");
    EXPECT_EQ(reply.header("Content-Language"), "en");
    EXPECT_EQ(reply.header("Vary"), "Accept-Encoding, Cookie");
    EXPECT_FALSE(reply.api_error());
    EXPECT_THAT(reply.body, StartsWith("<!DOCTYPE html>\n"));
    EXPECT_THAT(reply.body, HasSubstr("<title>MediaWiki API help - RefWiki</title>"));
  }
}

// --- encodings ---

const std::string kRingAlice = "\xC3\x85lice";  // Ålice, valid UTF-8
std::string not_alice_body(const std::string& name, const std::string& docref_member, const std::string& docref) {
  return "{\"error\":{\"code\":\"assertnameduserfailed\",\"info\":\"You are no longer logged in as \\\"" + name +
         "\\\", so the action could not be completed.\",\"" + docref_member + "\":\"" + docref + "\"}}";
}

TEST_F(ApiMainTest, FormatVersion1EscapesNonAsciiUnlessUtf8IsSet) {
  // raw/encoding.txt: fv1 gives \u00c5; utf8=1 gives raw UTF-8, even with ascii=1.
  const Params base = {{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}, {"assertuser", kRingAlice}};
  EXPECT_EQ(client.get(base).body, not_alice_body("\\u00c5lice", "*", docref()));
  Params utf8 = base;
  utf8.emplace_back("utf8", "1");
  EXPECT_EQ(client.get(utf8).body, not_alice_body(kRingAlice, "*", docref()));
  utf8.emplace_back("ascii", "1");
  EXPECT_EQ(client.get(utf8).body, not_alice_body(kRingAlice, "*", docref()));
}

TEST_F(ApiMainTest, FormatVersion2IsRawUtf8UnlessAsciiIsSet) {
  // raw/encoding.txt: fv2 implies utf8; ascii=1 escapes again.
  Params params = {{"action", "query"},
                   {"meta", "userinfo"},
                   {"format", "json"},
                   {"assertuser", kRingAlice},
                   {"formatversion", "2"}};
  EXPECT_EQ(client.get(params).body, not_alice_body(kRingAlice, "docref", docref()));
  params.emplace_back("ascii", "1");
  EXPECT_EQ(client.get(params).body, not_alice_body("\\u00c5lice", "docref", docref()));
}

TEST_F(ApiMainTest, InvalidUtf8InAValueIsReadAsWindows1252WithAWarning) {
  // raw/encoding.txt: %FF is U+00FF "ÿ" (apiwarn-badutf8); the warning comes with the module's own.
  Reply uiprop = userinfo({{"uiprop", "\xFF"}});
  EXPECT_EQ(
      uiprop.json,
      Json({{"batchcomplete", ""},
            {"warnings",
             {{"userinfo", {{"*", bad_utf8("uiprop") + "\nUnrecognized value for parameter \"uiprop\": \xC3\xBF"}}}}},
            {"query", {{"userinfo", {{"id", 0}, {"name", "127.0.0.1"}, {"anon", ""}}}}}}));
  EXPECT_THAT(uiprop.body, HasSubstr("\\u00ff"));
  // assertuser=%FF is "Ÿ" after ucfirst; the error comes before the warnings.
  Reply assertuser = userinfo({{"assertuser", "\xFF"}});
  EXPECT_EQ(assertuser.api_error(), "assertnameduserfailed");
  EXPECT_EQ(assertuser.json,
            Json({{"error",
                   {{"code", "assertnameduserfailed"},
                    {"info", "You are no longer logged in as \"\xC5\xB8\", so the action could not be completed."},
                    {"*", docref()}}},
                  {"warnings", {{"main", {{"*", bad_utf8("assertuser")}}}}}}));
  Reply action = client.get({{"action", "\xFF"}, {"format", "json"}});
  EXPECT_EQ(action.json, Json({{"error",
                                {{"code", "badvalue"},
                                 {"info", "Unrecognized value for parameter \"action\": \xC3\xBF."},
                                 {"*", docref()}}},
                               {"warnings", {{"main", {{"*", bad_utf8("action")}}}}}}));
}

TEST_F(ApiMainTest, InvalidUtf8InAParameterNameIsReplacementCharacter) {
  // raw/encoding.txt ("unknown parameter name %FF=1").
  Reply reply = userinfo({{"\xFF", "1"}});
  EXPECT_EQ(reply.json["warnings"], Json({{"main", {{"*", "Unrecognized parameter: \xEF\xBF\xBD."}}}}));
  EXPECT_THAT(reply.body, HasSubstr("Unrecognized parameter: \\ufffd."));
}

// --- request bodies ---

TEST_F(ApiMainTest, PostWithoutContentTypeIgnoresTheBodyWithADeprecationWarning) {
  // raw/params.txt: PHP parses no body without a Content-Type; ApiMain::setupExternalResponse warns.
  RawReply reply = raw_exchange(wiki.port(),
                                "POST /api.php?action=query&format=json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                "Content-Length: 13\r\nConnection: close\r\n\r\nmeta=userinfo");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(Json::parse(reply.body, nullptr, false),
            Json({{"batchcomplete", ""},
                  {"warnings",
                   {{"main",
                     {{"*",
                       "A POST request was made without a \"Content-Type\" header. This does not work "
                       "reliably.\nSubscribe to the mediawiki-api-announce mailing list at "
                       "<https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists."
                       "wikimedia.org/> for notice of API deprecations and breaking changes."}}}}}}));
  RawReply plaintext =
      raw_exchange(wiki.port(),
                   "POST /api.php?action=query&format=json&formatversion=2&errorformat=plaintext HTTP/1.1\r\n"
                   "Host: 127.0.0.1\r\nContent-Length: 13\r\nConnection: close\r\n\r\nmeta=userinfo");
  EXPECT_EQ(Json::parse(plaintext.body, nullptr, false)["warnings"],
            Json({{{"code", "deprecation"},
                   {"text", "A POST request was made without a \"Content-Type\" header. This does not work reliably."},
                   {"data", {{"feature", "post-without-content-type"}}},
                   {"module", "main"}},
                  {{"code", "deprecation-help"},
                   {"text",
                    "Subscribe to the mediawiki-api-announce mailing list at <https://lists.wikimedia.org/postorius/"
                    "lists/mediawiki-api-announce.lists.wikimedia.org/> for notice of API deprecations and breaking "
                    "changes."},
                   {"module", "main"}}}));
}

TEST_F(ApiMainTest, PostWithoutContentTypeAndNoQueryStringIsTheHelpPageWithItsWarningsInAComment) {
  // raw/params.txt ("POST with no Content-Type header"): the help page starts with the warnings
  // as an HTML comment (ApiHelp prints them through ApiFormatBase's help-page hook).
  RawReply reply =
      raw_exchange(wiki.port(),
                   "POST /api.php HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 38\r\nConnection: close\r\n\r\n"
                   "action=query&meta=userinfo&format=json");
  EXPECT_EQ(reply.status, 200);
  EXPECT_THAT(reply.head, HasSubstr("filename=api-help.html"));
  EXPECT_THAT(reply.body,
              StartsWith("<!-- API warnings and errors:\n{\n    \"warnings\": {\n        \"main\": {\n"
                         "            \"warnings\": \"A POST request was made without a \\\"Content-Type\\\" "
                         "header. This does not work reliably.\\nSubscribe to the mediawiki-api-announce "
                         "mailing list at \\u003Chttps://lists.wikimedia.org/postorius/lists/"
                         "mediawiki-api-announce.lists.wikimedia.org/\\u003E for notice of API deprecations "
                         "and breaking changes.\"\n        }\n    }\n}\n-->\n<!DOCTYPE html>\n"));
}

TEST_F(ApiMainTest, AnUnparsedBodyTypeIsIgnoredWithoutWarning) {
  // raw/params.txt: text/plain is not form data (no warning); a JSON body sees no parameters at all.
  Reply text = client.send("POST", {{"action", "query"}, {"format", "json"}}, "meta=userinfo", "text/plain");
  EXPECT_EQ(text.json, Json({{"batchcomplete", ""}}));
  Reply json = client.send("POST", {}, R"({"action":"query","meta":"userinfo","format":"json"})", "application/json");
  EXPECT_EQ(json.status, 200);
  EXPECT_THAT(json.header("Content-Disposition"), HasSubstr("api-help.html"));
}

std::string multipart(const Params& fields, const std::string& boundary) {
  std::string body;
  for (const auto& [name, value] : fields) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }
  return body + "--" + boundary + "--\r\n";
}

TEST_F(ApiMainTest, MultipartFormDataIsAFormBodyTooEvenForLogin) {
  // raw/params.txt ("POST multipart/form-data", "action=login as multipart/form-data").
  const std::string boundary = "------------------------da96b6323b2030d1";
  const std::string type = "multipart/form-data; boundary=" + boundary;
  Reply query = client.send("POST", {},
                            multipart({{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}}, boundary), type);
  EXPECT_EQ(query.json, anon_userinfo(false));
  EXPECT_FALSE(query.json.contains("warnings"));
  const std::string token = client.login_token();
  Reply login = client.send("POST", {},
                            multipart({{"action", "login"},
                                       {"lgname", kRoboBot},
                                       {"lgpassword", kRoboBotPass},
                                       {"lgtoken", token},
                                       {"format", "json"}},
                                      boundary),
                            type);
  EXPECT_EQ(login.json, Json({{"login", {{"result", "Success"}, {"lguserid", 4}, {"lgusername", "Robo"}}}}));
  EXPECT_TRUE(login.sets_cookie("_BPsession"));
}

TEST_F(ApiMainTest, TheSameRequestByGetAndByPostAnswersAlike) {
  // Transcript main-userinfo-get-and-post.
  const Params params = {
      {"action", "query"}, {"meta", "userinfo"}, {"uiprop", "groups"}, {"format", "json"}, {"formatversion", "2"}};
  const Json expected = {
      {"batchcomplete", true},
      {"query", {{"userinfo", {{"id", 0}, {"name", "127.0.0.1"}, {"anon", true}, {"groups", {"*"}}}}}}};
  EXPECT_EQ(client.get(params).json, expected);
  EXPECT_EQ(client.post(params).json, expected);
}

}  // namespace
}  // namespace mockwiki::testing
