// Bad input never crashes the mock and never touches another client's session. Where MediaWiki
// (PHP's request parsing, WebRequest, ApiMain) gives a definite answer the test expects it; the
// observed answers come from MediaWiki 1.39.17 (tests/reference/raw/*.txt, or the refwiki core
// profile where noted). After every bad request a bystander, logged in with clientlogin in its
// own cookie session, must still be logged in and see no cookie change.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

#include "support/mock_wiki_test.h"
#include "support/raw_http.h"

namespace mockwiki::testing {
namespace {

using namespace accounts;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

const std::string kBadDataWarning =
    "The value passed for \"uiprop\" contains invalid or non-normalized data. Textual data should be valid, "
    "NFC-normalized Unicode without C0 control characters other than HT (\\t), LF (\\n), and CR (\\r).";

std::string form_post(const std::string& body, const std::string& target = "/api.php") {
  return http_request("POST", target, "Content-Type: application/x-www-form-urlencoded\r\n", body);
}

class RobustnessTest : public MockWikiTest {
 protected:
  void SetUp() override {
    wiki.clock().freeze();
    Reply login = bystander.client_login(kAlice, kAlicePass);
    ASSERT_EQ(login.json["clientlogin"]["status"], "PASS") << login.body;
  }
  void TearDown() override { ExpectBystanderUntouched(); }

  // The mock still answers, and the bystander's session is as it was.
  void ExpectBystanderUntouched() {
    Reply read = bystander.get(kUserinfo);
    EXPECT_EQ(read.json["query"]["userinfo"], Json({{"id", 3}, {"name", "Alice"}})) << read.body;
    EXPECT_THAT(read.set_cookies, IsEmpty());
  }

  RawReply raw(const std::string& bytes, bool half_close = false) {
    return raw_exchange(wiki.port(), bytes, half_close);
  }
  Reply post_body(const std::string& body, const Params& query = {}) {
    return client.send("POST", query, body, "application/x-www-form-urlencoded");
  }
  static Json user_of(const Reply& reply) { return reply.json["query"]["userinfo"]; }

  ApiClient bystander{wiki.api_url()};
};

TEST_F(RobustnessTest, ABodyOver8MiBIsDroppedAsPhpDropsIt) {
  // PHP's post_max_size is 8M: PHP ignores a bigger body, so MediaWiki sees no parameters and
  // answers with the help page, 200 (observed on MediaWiki 1.39.17, refwiki core profile).
  const std::string body = "action=query&meta=userinfo&format=json&uiprop=" + std::string(8 * 1024 * 1024, 'x');
  RawReply reply = raw(form_post(body));
  EXPECT_EQ(reply.status, 200) << reply.head;
  EXPECT_THAT(reply.head, HasSubstr("filename=api-help.html"));
  ExpectBystanderUntouched();
  EXPECT_EQ(user_of(client.get(kUserinfo)), kAnonymous);
}

TEST_F(RobustnessTest, AUrlencodedBodyBelow8MiBIsReadWhateverItsSize) {
  // PHP reads any form body up to post_max_size (8M). Observed on MediaWiki 1.39.17 (refwiki
  // core profile): bodies of 8,246, 100,046 and 3,000,046 bytes are all answered 200 with the
  // value in the warning.
  for (std::size_t size : {8200u, 100000u, 3000000u}) {
    const std::string value(size, 'x');
    Reply reply = post_body("action=query&meta=userinfo&format=json&uiprop=" + value);
    EXPECT_EQ(reply.status, 200) << size << " bytes: " << reply.body.substr(0, 100);
    if (reply.status != 200) continue;
    const Json warning = reply.json["warnings"]["userinfo"]["*"];
    EXPECT_TRUE(warning == "Unrecognized value for parameter \"uiprop\": " + value) << size;
    EXPECT_EQ(reply.json["query"]["userinfo"], kAnonymous) << size;
  }
}

TEST_F(RobustnessTest, MalformedUrlencodedBodiesAreReadAsPhpReadsThem) {
  // Observed on MediaWiki 1.39.17 (refwiki core profile), each after action=query&meta=userinfo&format=json:
  const Json anonymous_query = {{"userinfo", kAnonymous}};
  // a lone '%' is kept as it is
  Reply lone = post_body("action=query&meta=userinfo&format=json&%");
  EXPECT_EQ(lone.json["warnings"]["main"]["*"], "Unrecognized parameter: %.");
  EXPECT_EQ(lone.json["query"], anonymous_query);
  // an invalid escape is kept literally, in names and values
  Reply bad_escape = post_body("action=query&meta=userinfo&format=json&%zz=1&x=%zz");
  EXPECT_EQ(bad_escape.json["warnings"]["main"]["*"], "Unrecognized parameters: %zz, x.");
  // an empty name is dropped
  Reply empty_name = post_body("action=query&meta=userinfo&format=json&=x");
  EXPECT_EQ(empty_name.body, R"({"batchcomplete":"","query":{"userinfo":{"id":0,"name":"127.0.0.1","anon":""}}})");
  // empty pairs are skipped
  Reply ampersands = post_body("&&&action=query&&&meta=userinfo&format=json&&&");
  EXPECT_EQ(ampersands.body, R"({"batchcomplete":"","query":{"userinfo":{"id":0,"name":"127.0.0.1","anon":""}}})");
  // a name with '=' only, '&' alone, and a trailing '%' escape
  for (const std::string body : {"=", "&", "%", "=&=&=", "%2", "action=%", "action%3Dquery"}) {
    Reply reply = post_body(body, {{"format", "json"}});
    EXPECT_EQ(reply.status, 200) << body;
    EXPECT_FALSE(reply.body.empty()) << body;
  }
}

TEST_F(RobustnessTest, InvalidUtf8InNamesAndValuesGivesValidJson) {
  // In a POST body the value is not UTF-8: UtfNormal replaces each bad byte with U+FFFD, and the
  // parameter gets a warning (refwiki core profile).
  Reply value = post_body("action=query&meta=userinfo&format=json&uiprop=%FF%FE");
  ASSERT_FALSE(value.json.is_null()) << value.body;
  EXPECT_EQ(value.json["warnings"]["userinfo"]["*"],
            kBadDataWarning + "\nUnrecognized value for parameter \"uiprop\": \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_THAT(value.body, HasSubstr("\\ufffd\\ufffd"));
  // A name: "%C3%28" is reported as U+FFFD followed by "(".
  Reply name = post_body("action=query&meta=userinfo&format=json&%C3%28=1");
  EXPECT_EQ(name.json["warnings"]["main"]["*"], "Unrecognized parameter: \xEF\xBF\xBD(.");
  // In the query string a value that is not UTF-8 is read as Windows-1252 first
  // (WebRequest::getGPCVal): %FF is U+00FF (raw/encoding.txt).
  Reply query = client.get({{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}, {"uiprop", "\xFF"}});
  EXPECT_EQ(query.json["warnings"]["userinfo"]["*"],
            kBadDataWarning + "\nUnrecognized value for parameter \"uiprop\": \xC3\xBF");
  // A query-string name %FF is U+FFFD (raw/encoding.txt).
  Reply query_name = client.get({{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}, {"\xFF", "1"}});
  EXPECT_EQ(query_name.json["warnings"]["main"]["*"], "Unrecognized parameter: \xEF\xBF\xBD.");
  // Bad bytes in every parameter at once, with formatversion=2 (raw UTF-8 out): still JSON.
  Reply everything = client.get({{"action", "query\xC0"},
                                 {"format", "json"},
                                 {"formatversion", "2\xFE"},
                                 {"errorformat", "\xFF"},
                                 {"\xC3", "\xE2\x82"}});
  EXPECT_FALSE(everything.json.is_null()) << everything.body;
}

TEST_F(RobustnessTest, NulBytesEndNamesAndAreReplacedInValues) {
  // PHP cuts a name at NUL (php_register_variable_ex); UtfNormal turns a NUL in a value into
  // U+FFFD with the invalid-data warning (refwiki core profile).
  Reply name = post_body("action=query&meta=userinfo&format=json&a%00b=1");
  EXPECT_EQ(name.json["warnings"]["main"]["*"], "Unrecognized parameter: a.");
  Reply value = post_body("action=query&meta=userinfo&format=json&uiprop=groups%00rights");
  EXPECT_EQ(value.json["warnings"]["userinfo"]["*"],
            kBadDataWarning + "\nUnrecognized value for parameter \"uiprop\": groups\xEF\xBF\xBDrights");
  // The same with raw NUL bytes in the body rather than %00.
  std::string with_nul = "action=query&meta=userinfo&format=json&uiprop=groups";
  with_nul.push_back('\0');
  Reply raw_nul = post_body(with_nul + "rights");
  EXPECT_EQ(raw_nul.json["warnings"]["userinfo"]["*"], value.json["warnings"]["userinfo"]["*"]);
  // NUL in a cookie value and in a header: answered, anonymous.
  client.cookies()["mockwiki_session"] = "%00%00";
  Reply cookie = client.get(kUserinfo);
  EXPECT_EQ(user_of(cookie), kAnonymous);
  RawReply header = raw(http_request("GET", "/api.php?action=query&meta=userinfo&format=json",
                                     std::string("X-Nul: a") + '\0' + "b\r\n", ""));
  EXPECT_NE(header.status, 0);
}

TEST_F(RobustnessTest, AVeryLongQueryStringIsACleanHttpError) {
  RawReply reply = raw(http_request(
      "GET", "/api.php?action=query&meta=userinfo&format=json&uiprop=" + std::string(200000, 'x'), "", "", false));
  EXPECT_GE(reply.status, 400) << reply.head;
  EXPECT_LT(reply.status, 500) << reply.head;
}

TEST_F(RobustnessTest, OverAThousandParametersAreCutAtPhpsMaxInputVars) {
  // max_input_vars = 1000. PHP's body parser (add_post_vars) registers a variable before it
  // counts it, so a form body keeps 1001; the query-string parser keeps 1000. Observed on
  // MediaWiki 1.39.17 (refwiki core profile): 3 known + 1097 unknown parameters are reported as
  // p0 … p997 from a body and p0 … p996 from a query string.
  std::string body = "action=query&meta=userinfo&format=json";
  Params query = {{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}};
  for (int i = 0; i < 1097; ++i) {
    body += "&p" + std::to_string(i) + "=1";
    query.emplace_back("p" + std::to_string(i), "1");
  }
  // The names listed as unrecognized: how many, and the last.
  auto listed = [](const Reply& reply) {
    const Json warning = reply.json["warnings"]["main"]["*"];
    if (!warning.is_string()) return std::string("no warning: ") + reply.body.substr(0, 200);
    const std::string text = warning.get<std::string>();
    const std::size_t count = std::count(text.begin(), text.end(), ',') + 1;
    const std::size_t last = text.rfind(' ');
    return std::to_string(count) + " names, the last " + text.substr(last + 1);
  };
  Reply from_query = client.get(query);
  EXPECT_EQ(listed(from_query), "997 names, the last p996.");
  EXPECT_EQ(user_of(from_query), kAnonymous);
  Reply from_body = post_body(body);
  EXPECT_EQ(listed(from_body), "998 names, the last p997.");
  EXPECT_EQ(user_of(from_body), kAnonymous);
}

TEST_F(RobustnessTest, RepeatedParametersCountTowardsMaxInputVars) {
  // PHP counts every variable it reads, repeated or not: after uiprop=groups, 1100 copies of
  // x=1 use up max_input_vars and the last uiprop=rights is never read. Observed on MediaWiki
  // 1.39.17 (refwiki core profile), in the body and in the query string: "groups":["*"].
  std::string text = "action=query&meta=userinfo&format=json&formatversion=2&uiprop=groups&";
  for (int i = 0; i < 1100; ++i) text += "x=1&";
  text += "uiprop=rights";
  const std::string expected = R"({"warnings":{"main":{"warnings":"Unrecognized parameter: x."}},"batchcomplete":true,)"
                               R"("query":{"userinfo":{"id":0,"name":"127.0.0.1","anon":true,"groups":["*"]}}})";
  EXPECT_EQ(post_body(text).body, expected);
  RawReply query = raw(http_request("GET", "/api.php?" + text, "", "", false));
  if (query.status == 200) {
    EXPECT_EQ(query.body, expected);
  } else {
    // A request line this long (about 4,500 bytes) may be refused outright; that is fine too.
    EXPECT_GE(query.status, 400);
  }
}

TEST_F(RobustnessTest, DuplicateParametersTakeTheLastValueAndTheBodyWinsOverTheQueryString) {
  // raw/params.txt: PHP keeps the last of two; WebRequest prefers $_POST to $_GET.
  Reply twice = client.get({{"action", "query"},
                            {"meta", "userinfo"},
                            {"format", "json"},
                            {"formatversion", "2"},
                            {"uiprop", "groups"},
                            {"uiprop", "rights"}});
  EXPECT_FALSE(twice.json["query"]["userinfo"].contains("groups"));
  EXPECT_TRUE(twice.json["query"]["userinfo"].contains("rights"));
  Reply action = client.get({{"action", "frobnicate"}, {"action", "query"}, {"meta", "userinfo"}, {"format", "json"}});
  EXPECT_EQ(action.body, R"({"batchcomplete":"","query":{"userinfo":{"id":0,"name":"127.0.0.1","anon":""}}})");
  Reply body_wins = post_body("action=query&meta=userinfo&format=json", {{"action", "frobnicate"}});
  EXPECT_EQ(body_wins.body, R"({"batchcomplete":"","query":{"userinfo":{"id":0,"name":"127.0.0.1","anon":""}}})");
  // The same parameter a hundred times, and a login whose name is given twice.
  std::string many = "action=query&format=json";
  for (int i = 0; i < 100; ++i) many += "&meta=userinfo";
  EXPECT_EQ(user_of(post_body(many)), kAnonymous);
}

TEST_F(RobustnessTest, GarbageCookiesAreIgnoredOrDeletedLikeAnyBadSessionCookie) {
  // A _session value that is not a valid id is deleted; the rest is noise (refwiki core profile
  // with its own prefix: "Cookie: ;;;==;=;a;%%%; refwiki_session=%zz" deletes refwiki_session).
  Reply noise = client.send("GET", kUserinfo, "", "", {{"Cookie", ";;;==;=;a;%%%; mockwiki_session=%zz"}});
  EXPECT_EQ(user_of(noise), kAnonymous);
  EXPECT_EQ(noise.set_cookies,
            std::vector<std::string>{
                "mockwiki_session=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; path=/; HttpOnly"});
  // UserID values that are no user: only UserID is deleted (refwiki core profile).
  for (const std::string user_id : {"%FF", "", "-1", "0", "99999999999999999999999"}) {
    Reply reply = client.send("GET", kUserinfo, "", "", {{"Cookie", "mockwikiUserID=" + user_id}});
    EXPECT_EQ(user_of(reply), kAnonymous) << user_id;
    EXPECT_EQ(reply.set_cookies,
              std::vector<std::string>{
                  "mockwikiUserID=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; path=/; HttpOnly"})
        << user_id;
  }
  // Bytes that are no cookie syntax at all.
  for (const std::string& header :
       {std::string("\xFF\xFE\xFD"), std::string(";"), std::string("="), std::string("a=b=c=d"),
        std::string(" ; ; mockwikiUserName=%FF%00"), std::string("mockwiki_session") + std::string(5000, '\xC3')}) {
    Reply reply = client.send("GET", kUserinfo, "", "", {{"Cookie", header}});
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(user_of(reply), kAnonymous);
  }
}

TEST_F(RobustnessTest, AHugeCookieHeaderIsACleanHttpErrorAndABigOneIsRead) {
  Reply big = client.send("GET", kUserinfo, "", "", {{"Cookie", "x=" + std::string(6000, 'a')}});
  EXPECT_EQ(big.status, 200);
  EXPECT_EQ(user_of(big), kAnonymous);
  RawReply huge = raw(http_request("GET", "/api.php?action=query&meta=userinfo&format=json",
                                   "Cookie: x=" + std::string(200000, 'a') + "\r\n", ""));
  EXPECT_GE(huge.status, 400) << huge.head;
  EXPECT_LT(huge.status, 500) << huge.head;
  // Many cookies in one header.
  std::string many;
  for (int i = 0; i < 300; ++i) many += "c" + std::to_string(i) + "=v; ";
  Reply lots = client.send("GET", kUserinfo, "", "", {{"Cookie", many}});
  EXPECT_EQ(user_of(lots), kAnonymous);
}

TEST_F(RobustnessTest, TwoCookieHeadersAreReadAsOne) {
  // A client must send one Cookie header (RFC 6265 §5.4); HTTP/2 splits it and intermediaries
  // join the parts with "; " (RFC 9113 §8.2.3), which is what the mock does.
  ApiClient alice = another_client();
  ASSERT_EQ(alice.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "PASS");
  const std::string session = "mockwiki_session=" + *alice.cookie("_session");
  const std::string user_id = "mockwikiUserID=" + *alice.cookie("UserID");
  RawReply split = raw(http_request("GET", "/api.php?action=query&meta=userinfo&format=json",
                                    "Cookie: " + session + "\r\nCookie: " + user_id + "\r\n", ""));
  EXPECT_EQ(split.status, 200);
  EXPECT_EQ(split.json["query"]["userinfo"], Json({{"id", 3}, {"name", "Alice"}})) << split.body;
  // Two headers that disagree: the first value of a name wins, as in PHP's $_COOKIE.
  RawReply clash = raw(http_request("GET", "/api.php?action=query&meta=userinfo&format=json",
                                    "Cookie: " + session + "; " + user_id + "\r\nCookie: mockwikiUserID=4\r\n", ""));
  EXPECT_EQ(clash.status, 200);
  EXPECT_EQ(clash.json["query"]["userinfo"], Json({{"id", 3}, {"name", "Alice"}})) << clash.body;
}

TEST_F(RobustnessTest, MethodsOtherThanGetHeadPostAndOptionsAreInvalidMethod) {
  // ApiMain::setupExternalResponse: any other method is 405 invalidmethod (raw/methods.txt for
  // PUT and DELETE; refwiki core profile for TRACE).
  for (const std::string method : {"PUT", "DELETE", "PATCH", "TRACE"}) {
    RawReply reply = raw(http_request(method, "/api.php?action=query&meta=userinfo&format=json", "", ""));
    EXPECT_EQ(reply.status, 405) << method << ": " << reply.head;
    EXPECT_EQ(reply.json["error"]["code"], "invalidmethod") << method;
  }
  // A method the HTTP layer does not know refuses it itself: PHP's server with 501; cpp-httplib
  // with 400, for PROPFIND too (MediaWiki behind PHP's server answers PROPFIND with 405).
  for (const std::string method : {"FOO", "GETT", "get", "PROPFIND"}) {
    RawReply reply = raw(http_request(method, "/api.php?action=query&meta=userinfo&format=json", "", ""));
    EXPECT_GE(reply.status, 400) << method;
    EXPECT_LT(reply.status, 600) << method;
  }
}

TEST_F(RobustnessTest, AJsonBodyIsNotReadSoTheAnswerIsTheHelpPage) {
  // raw/params.txt: no parameters are seen, so action=help, as HTML even with ?format=json.
  Reply reply = client.send("POST", {{"format", "json"}}, R"({"action":"query","meta":"userinfo","format":"json"})",
                            "application/json");
  EXPECT_EQ(reply.status, 200);
  EXPECT_THAT(reply.header("Content-Type"), StartsWith("text/html"));
  EXPECT_EQ(reply.header("Content-Disposition"), "inline; filename=api-help.html");
  // Broken JSON and a JSON body claiming to be a form.
  Reply broken = client.send("POST", {{"format", "json"}}, R"({"action":)", "application/json");
  EXPECT_EQ(broken.status, 200);
  Reply lying = client.send("POST", {}, R"({"action":"query","meta":"userinfo","format":"json"})",
                            "application/x-www-form-urlencoded");
  EXPECT_EQ(lying.status, 200);
}

TEST_F(RobustnessTest, MultipartFieldsAreParametersAndUploadedFilesAreNot) {
  // PHP puts parts with a file name in $_FILES, not $_POST (raw/params.txt for multipart).
  httplib::Client http(wiki.server_url());
  httplib::MultipartFormDataItems with_file = {{"action", "query", "", ""},
                                               {"meta", "userinfo", "", ""},
                                               {"format", "json", "", ""},
                                               {"uiprop", "groups", "uiprop.txt", "text/plain"}};
  auto file_only = http.Post("/api.php", with_file);
  ASSERT_TRUE(file_only);
  EXPECT_EQ(file_only->body, R"({"batchcomplete":"","query":{"userinfo":{"id":0,"name":"127.0.0.1","anon":""}}})");
  with_file.push_back({"uiprop", "groups", "", ""});
  auto field_too = http.Post("/api.php", with_file);
  ASSERT_TRUE(field_too);
  EXPECT_EQ(field_too->body,
            R"({"batchcomplete":"","query":{"userinfo":{"id":0,"name":"127.0.0.1","anon":"","groups":["*"]}}})");
  // A big file, a binary file, and a multipart body with a broken boundary.
  httplib::MultipartFormDataItems big = {
      {"action", "query", "", ""},
      {"meta", "userinfo", "", ""},
      {"format", "json", "", ""},
      {"upload", std::string(1 << 20, '\0'), "zeros.bin", "application/octet-stream"}};
  auto big_reply = http.Post("/api.php", big);
  ASSERT_TRUE(big_reply);
  EXPECT_EQ(big_reply->status, 200);
  RawReply broken =
      raw(http_request("POST", "/api.php?format=json", "Content-Type: multipart/form-data; boundary=xyz\r\n",
                       "--xyz\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\nquery\r\n--x"));
  EXPECT_NE(broken.status, 0);
  RawReply no_boundary = raw(http_request("POST", "/api.php?format=json", "Content-Type: multipart/form-data\r\n",
                                          "action=query&meta=userinfo"));
  EXPECT_NE(no_boundary.status, 0);
}

TEST_F(RobustnessTest, APostWithoutContentLengthIsAnsweredFromTheQueryString) {
  // PHP reads no body without a length; the query string still counts (refwiki core profile).
  RawReply reply = raw(http_request("POST", "/api.php?action=query&meta=userinfo&format=json",
                                    "Content-Type: application/x-www-form-urlencoded\r\n", "", false));
  EXPECT_EQ(reply.status, 200) << reply.head;
  EXPECT_EQ(reply.body, R"({"batchcomplete":"","query":{"userinfo":{"id":0,"name":"127.0.0.1","anon":""}}})");
  RawReply login = raw(http_request("POST", "/api.php?action=login&format=json", "", "", false));
  EXPECT_EQ(login.status, 200) << login.head;
  EXPECT_FALSE(login.json.is_null()) << login.body;
}

TEST_F(RobustnessTest, RequestsThatAreNotHttpAreRefusedCleanly) {
  for (const std::string& bytes :
       {std::string("GARBAGE\r\n\r\n"), std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11),
        std::string("GET\r\n\r\n"), std::string("GET /api.php HTTP/1.1\r\nNo-Colon-Here\r\n\r\n"),
        std::string("POST /api.php HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\nConnection: close\r\n\r\n"),
        std::string("POST /api.php HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n"
                    "Connection: close\r\n\r\n"),
        std::string("POST /api.php HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    "zz\r\nabc\r\n0\r\n\r\n"),
        std::string("GET /api.php?action=query&meta=userinfo&format=json HTTP/1.1\r\n" + std::string(200, 'A') +
                    ": b\r\n\r\n"),
        std::string(1000, '\0')}) {
    raw(bytes, /*half_close=*/true);  // whatever the answer, if any (EOF right away: no read timeout)
    EXPECT_EQ(user_of(client.get(kUserinfo)), kAnonymous);
  }
}

TEST_F(RobustnessTest, AClientThatSendsHalfARequestAndLeavesDoesNotStopTheServer) {
  for (const std::string& bytes : {std::string("GET /api.php?action=query"), std::string("POST /api.php HTTP/1.1\r\n"),
                                   std::string("POST /api.php HTTP/1.1\r\nContent-Length: 100\r\n\r\nabc")}) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(wiki.port()));
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    ::close(fd);
    EXPECT_EQ(user_of(client.get(kUserinfo)), kAnonymous);
  }
}

}  // namespace
}  // namespace mockwiki::testing
