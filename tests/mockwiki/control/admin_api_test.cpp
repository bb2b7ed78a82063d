// The admin HTTP API under /__mockwiki/ (mockwiki/src/control/admin_api.cpp, kEndpoints; the
// routing in mockwiki/src/server.cpp), end to end with cpp-httplib's client: every endpoint and
// its JSON, what each does to the wiki as api.php then shows it, the errors (400 naming the bad
// key, 401, 404, 405), the admin token, and when the API is offered at all (Options::admin_api,
// loopback binds).
#include <httplib.h>

#include "mockwiki/control.h"
#include "mockwiki/version.h"
#include "support/mock_wiki_test.h"
#include "support/raw_http.h"

// FaultSpecs are written as control.h shows them, with designated initializers; GCC 12 warns of
// the members left out under -Wextra even though they have default member initializers.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace mockwiki::testing {
namespace {

using namespace accounts;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::StartsWith;

constexpr std::int64_t kNow = 1800000000;  // Fri, 15 Jan 2027 08:00:00 GMT
constexpr const char* kNewBotPass = "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6";

struct AdminReply {
  int status = 0;
  std::string body;
  Json json;  // null unless the body is JSON
  httplib::Headers headers;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// {"error": {"code", "info"}}
Json admin_error(const std::string& code, const std::string& info) {
  return {{"error", {{"code", code}, {"info", info}}}};
}

// GET /__mockwiki/accounts of the default fixture.
const Json kDefaultAccounts = Json::parse(R"({"accounts": [
  {"id": 1, "name": "Admin", "groups": ["sysop", "bureaucrat", "interface-admin"], "botpasswords": [],
   "twofactor": false, "blocked": false, "locked": false},
  {"id": 3, "name": "Alice", "groups": [], "botpasswords": ["alicebot"], "twofactor": false, "blocked": false,
   "locked": false},
  {"id": 4, "name": "Robo", "groups": ["bot"], "botpasswords": ["mybot"], "twofactor": false, "blocked": false,
   "locked": false},
  {"id": 5, "name": "Throttled", "groups": [], "botpasswords": [], "twofactor": false, "blocked": false,
   "locked": false}]})");

// Sends a request to the mock's host (any path) with cpp-httplib's client.
AdminReply send(const std::string& server_url, const std::string& method, const std::string& path,
                const std::string& body = "", const httplib::Headers& headers = {}) {
  httplib::Client http(server_url);
  http.set_read_timeout(10);
  httplib::Request req;
  req.method = method;
  req.path = path;
  req.headers = headers;
  if (!body.empty()) {
    req.body = body;
    req.headers.emplace("Content-Type", "application/json");
  }
  AdminReply reply;
  auto result = http.send(req);
  if (!result) {
    ADD_FAILURE() << method << " " << path << ": " << httplib::to_string(result.error());
    return reply;
  }
  reply.status = result->status;
  reply.body = result->body;
  reply.headers = result->headers;
  reply.json = Json::parse(reply.body, nullptr, false);
  if (reply.json.is_discarded()) reply.json = Json();
  return reply;
}

class AdminApiTest : public MockWikiTest {
 protected:
  AdminApiTest() : AdminApiTest(MockWiki::Options{}) {}
  explicit AdminApiTest(MockWiki::Options options) : MockWikiTest(std::move(options)) {
    wiki.clock().freeze();
    wiki.clock().set(kNow);
  }

  AdminReply admin(const std::string& method, const std::string& path, const std::string& body = "",
                   const httplib::Headers& headers = {}) {
    return send(wiki.server_url(), method, "/__mockwiki" + path, body, headers);
  }
  AdminReply admin(const std::string& method, const std::string& path, const Json& body) {
    return admin(method, path, body.dump());
  }

  std::string user_of(ApiClient& c) {
    const Json name = c.get(kUserinfo).json["query"]["userinfo"]["name"];
    return name.is_string() ? name.get<std::string>() : "";
  }
};

// ---- the index, reset and the clock -----------------------------------------------------------------

TEST_F(AdminApiTest, TheIndexListsTheEndpoints) {
  const AdminReply reply = admin("GET", "/");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(reply.header("Cache-Control"), "no-store");
  EXPECT_EQ(
      reply.json,
      Json({{"mockwiki", MOCKWIKI_VERSION},
            {"api", wiki.api_url()},
            {"endpoints",
             {"GET /__mockwiki/", "POST /__mockwiki/reset",
              "GET|POST /__mockwiki/clock  {\"advance\": SECONDS} | {\"set\": UNIX_TIME} | {\"freeze\": true} | "
              "{\"resume\": true}",
              "GET|POST /__mockwiki/accounts  (POST: an account in the fixture format)",
              "GET|PATCH|POST|DELETE /__mockwiki/accounts/NAME  (PATCH/POST: {\"password\", \"groups\", "
              "\"botpasswords\", \"oath\", \"blocked\", \"blockreason\", \"locked\"})",
              "GET|DELETE /__mockwiki/sessions  (DELETE: expire all)",
              "POST /__mockwiki/sessions/expire  {\"session\": ID} | {\"user\": NAME} | {\"all\": true}",
              "DELETE /__mockwiki/sessions/ID",
              "GET|POST|DELETE /__mockwiki/faults  (POST: {\"match\": {...}, \"fault\": NAME, \"times\": N, ...})",
              "GET|DELETE /__mockwiki/journal  (GET ?since=SEQ: only later entries)"}}}));
  // Without the slash, too.
  EXPECT_EQ(send(wiki.server_url(), "GET", "/__mockwiki").json, reply.json);
}

TEST_F(AdminApiTest, ResetWorksWithNoBodyAtAll) {
  wiki.add_account({.name = "Newbie", .password = "NewbiePassw0rd!23"});
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  // A POST without Content-Length or body.
  const RawReply raw = raw_exchange(wiki.port(),
                                    "POST /__mockwiki/reset HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    "Connection: close\r\n\r\n");
  EXPECT_EQ(raw.status, 200);
  EXPECT_EQ(raw.json, Json({{"reset", true}, {"now", kNow}}));
  EXPECT_EQ(admin("GET", "/accounts").json, kDefaultAccounts);
  EXPECT_THAT(wiki.sessions(), IsEmpty());
  EXPECT_THAT(wiki.journal(), IsEmpty());
  // With "Content-Length: 0", as cpp-httplib sends an empty POST.
  wiki.add_account({.name = "Newbie", .password = "NewbiePassw0rd!23"});
  const AdminReply reply = admin("POST", "/reset");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.json, Json({{"reset", true}, {"now", kNow}}));
  EXPECT_THAT(wiki.accounts(), SizeIs(4));
}

TEST_F(AdminApiTest, TheClockIsReadFrozenSetAdvancedAndResumed) {
  ASSERT_EQ(client.login(kAliceBot, kAliceBotPass).json["login"]["result"], "Success");
  EXPECT_EQ(admin("GET", "/clock").json, Json({{"now", kNow}, {"iso", "2027-01-15T08:00:00Z"}, {"frozen", true}}));
  EXPECT_EQ(admin("POST", "/clock", Json{{"advance", 3600}}).json,
            Json({{"now", kNow + 3600}, {"iso", "2027-01-15T09:00:00Z"}, {"frozen", true}}));
  EXPECT_EQ(admin("POST", "/clock", Json{{"advance", 1}}).json["now"], kNow + 3601);
  EXPECT_EQ(user_of(client), "127.0.0.1");  // the session expired with the hour
  EXPECT_EQ(admin("POST", "/clock", Json{{"set", 1900000000}}).json,
            Json({{"now", 1900000000}, {"iso", "2030-03-17T17:46:40Z"}, {"frozen", true}}));
  EXPECT_EQ(wiki.clock().now(), 1900000000);
  EXPECT_EQ(admin("POST", "/clock", Json{{"resume", true}}).json["frozen"], false);
  EXPECT_FALSE(wiki.clock().frozen());
  const AdminReply frozen = admin("POST", "/clock", Json{{"freeze", true}, {"set", kNow}});
  EXPECT_EQ(frozen.json, Json({{"now", kNow}, {"iso", "2027-01-15T08:00:00Z"}, {"frozen", true}}));
  EXPECT_TRUE(wiki.clock().frozen());
}

TEST_F(AdminApiTest, BadClockRequestsAre400NamingTheProblem) {
  EXPECT_EQ(admin("POST", "/clock", Json{{"advance", -5}}).json,
            admin_error("badrequest", "\"advance\" must not be negative (use \"set\" to go back)"));
  EXPECT_EQ(admin("POST", "/clock", Json{{"advance", 5}, {"set", kNow}}).json,
            admin_error("badrequest", "give \"advance\" or \"set\", not both"));
  const AdminReply wrong_type = admin("POST", "/clock", Json{{"advance", "5"}});
  EXPECT_EQ(wrong_type.status, 400);
  EXPECT_EQ(wrong_type.json, admin_error("badrequest", "\"advance\" must be a number"));
  const AdminReply unknown = admin("POST", "/clock", Json{{"speed", 2}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.json,
            admin_error("badrequest", "unknown key \"speed\" (expected one of: advance, set, freeze, resume)"));
  EXPECT_EQ(wiki.clock().now(), kNow);
}

// ---- accounts --------------------------------------------------------------------------------------

TEST_F(AdminApiTest, AccountsAreListedInIdOrderAndAddedInTheFixtureFormat) {
  const AdminReply list = admin("GET", "/accounts");
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.json, kDefaultAccounts);

  const AdminReply reply =
      admin("POST", "/accounts", Json::parse(R"({"name": "new_user", "password": "NewUserPassw0rd!23",
      "groups": ["bot"], "botpasswords": [{"appid": "newbot", "password": "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6",
      "grants": ["basic"]}]})"));
  EXPECT_EQ(reply.status, 201);
  EXPECT_EQ(reply.json, Json::parse(R"({"account": {"id": 6, "name": "New user", "groups": ["bot"],
      "botpasswords": ["newbot"], "twofactor": false, "blocked": false, "locked": false}})"));
  EXPECT_EQ(client.login("New user@newbot", kNewBotPass).json["login"]["result"], "Success");
  EXPECT_EQ(admin("GET", "/accounts").json["accounts"].back(), reply.json["account"]);
}

TEST_F(AdminApiTest, ABadAccountIs400NamingTheBadKey) {
  const AdminReply unknown =
      admin("POST", "/accounts", Json{{"name", "Newbie"}, {"password", "NewbiePassw0rd!23"}, {"colour", "red"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.json["error"]["code"], "badrequest");
  EXPECT_THAT(unknown.json["error"]["info"].get<std::string>(), HasSubstr("colour"));
  const AdminReply no_password = admin("POST", "/accounts", Json{{"name", "Newbie"}});
  EXPECT_EQ(no_password.status, 400);
  EXPECT_THAT(no_password.json["error"]["info"].get<std::string>(), HasSubstr("password"));
  const AdminReply bad_group =
      admin("POST", "/accounts", Json{{"name", "Newbie"}, {"password", "NewbiePassw0rd!23"}, {"groups", {"wizard"}}});
  EXPECT_EQ(bad_group.status, 400);
  EXPECT_THAT(bad_group.json["error"]["info"].get<std::string>(), HasSubstr("groups[0]"));
  const AdminReply taken = admin("POST", "/accounts", Json{{"name", "alice"}, {"password", "AlicePassw0rd!23"}});
  EXPECT_EQ(taken.json, admin_error("badrequest", "the account \"Alice\" exists already"));
  const AdminReply not_json = admin("POST", "/accounts", std::string("{\"name\":"));
  EXPECT_EQ(not_json.status, 400);
  EXPECT_EQ(not_json.json["error"]["code"], "badrequest");
  EXPECT_EQ(admin("GET", "/accounts").json, kDefaultAccounts);
}

TEST_F(AdminApiTest, OneAccountIsFoundByAnyFormOfItsName) {
  const Json alice = {{"account", kDefaultAccounts["accounts"][1]}};
  EXPECT_EQ(admin("GET", "/accounts/Alice").json, alice);
  EXPECT_EQ(admin("GET", "/accounts/alice").json, alice);
  wiki.add_account({.name = "New user", .password = "NewUserPassw0rd!23"});
  EXPECT_EQ(admin("GET", "/accounts/New%20user").json["account"]["name"], "New user");
  EXPECT_EQ(admin("GET", "/accounts/New_user").json["account"]["name"], "New user");
  const AdminReply missing = admin("GET", "/accounts/Nobody");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.json, admin_error("notfound", "no account \"Nobody\""));
}

TEST_F(AdminApiTest, PatchChangesAnAccountAndApiPhpShowsIt) {
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  const AdminReply reply = admin("PATCH", "/accounts/Alice",
                                 Json::parse(R"({"groups": ["bot"], "blocked": true, "blockreason": "Spamming links",
                "botpasswords": [{"appid": "otherbot", "password": "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6", "grants": ["basic"]}],
                "oath": {"secret": "JBSWY3DPEHPK3PXP"}})"));
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.json, Json::parse(R"({"account": {"id": 3, "name": "Alice", "groups": ["bot"],
      "botpasswords": ["otherbot"], "twofactor": true, "blocked": true, "blockreason": "Spamming links",
      "locked": false}})"));
  const Json info =
      client.get({{"action", "query"}, {"meta", "userinfo"}, {"uiprop", "groups|blockinfo"}, {"format", "json"}})
          .json["query"]["userinfo"];
  EXPECT_EQ(info["groups"], Json({"bot", "*", "user", "autoconfirmed"}));
  EXPECT_EQ(info["blockreason"], "Spamming links");
  EXPECT_EQ(info["blockedby"], "MediaWiki default");

  // POST does the same; null turns two-factor off.
  const AdminReply off = admin("POST", "/accounts/alice", Json::parse(R"({"oath": null, "blocked": false})"));
  EXPECT_EQ(off.json["account"]["twofactor"], false);
  EXPECT_EQ(off.json["account"]["blocked"], false);
  EXPECT_FALSE(off.json["account"].contains("blockreason"));
}

TEST_F(AdminApiTest, PatchingThePasswordAndTheLock) {
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  EXPECT_EQ(admin("PATCH", "/accounts/Alice", Json{{"password", "AliceNewPassw0rd!23"}}).status, 200);
  ApiClient other = another_client();
  EXPECT_EQ(other.login(kAlice, "AliceNewPassw0rd!23").json["login"]["result"], "Success");

  EXPECT_EQ(admin("PATCH", "/accounts/Alice", Json{{"locked", true}}).json["account"]["locked"], true);
  EXPECT_EQ(user_of(client), "127.0.0.1");
  EXPECT_EQ(user_of(other), "127.0.0.1");
  EXPECT_EQ(other.login(kAlice, "AliceNewPassw0rd!23").json["login"]["reason"],
            "This user is blocked. Login not allowed.");
}

TEST_F(AdminApiTest, ABadChangeIs400NamingTheBadKeyAndChangesNothing) {
  const AdminReply unknown = admin("PATCH", "/accounts/Alice", Json{{"pasword", "x"}, {"groups", {"sysop"}}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.json, admin_error("badrequest",
                                      "unknown key \"pasword\" (expected one of: password, groups, botpasswords, "
                                      "oath, blocked, blockreason, locked)"));
  EXPECT_EQ(admin("PATCH", "/accounts/Alice", Json{{"blocked", "yes"}}).json,
            admin_error("badrequest", "\"blocked\" must be true or false"));
  EXPECT_EQ(admin("PATCH", "/accounts/Alice", Json{{"groups", "sysop"}}).json,
            admin_error("badrequest", "\"groups\" must be an array of strings"));
  const AdminReply group = admin("PATCH", "/accounts/Alice", Json{{"groups", {"wizard"}}});
  EXPECT_EQ(group.status, 400);
  EXPECT_THAT(group.json["error"]["info"].get<std::string>(), StartsWith("groups: unknown group \"wizard\""));
  EXPECT_EQ(admin("PATCH", "/accounts/Alice", Json{{"botpasswords", {{{"appid", "x"}, {"pass", "y"}}}}}).json,
            admin_error("badrequest", "botpasswords: unknown key \"pass\" (expected one of: appid, password, grants)"));
  const AdminReply short_password =
      admin("PATCH", "/accounts/Alice", Json{{"botpasswords", {{{"appid", "x"}, {"password", "short"}}}}});
  EXPECT_EQ(short_password.status, 400);
  EXPECT_THAT(short_password.json["error"]["info"].get<std::string>(), StartsWith("password: "));
  EXPECT_EQ(admin("PATCH", "/accounts/Alice", Json{{"oath", {{"secret", ""}}}}).json,
            admin_error("badrequest", "oath: \"secret\" must not be empty (null turns two-factor off)"));
  EXPECT_EQ(admin("PATCH", "/accounts/Alice", Json{{"oath", "JBSWY3DPEHPK3PXP"}}).json,
            admin_error("badrequest", "\"oath\" must be {\"secret\": BASE32} or null"));
  EXPECT_EQ(admin("PATCH", "/accounts/Alice", std::string("[1, 2]")).json,
            admin_error("badrequest", "the body must be a JSON object"));
  const AdminReply nobody = admin("PATCH", "/accounts/Nobody", Json{{"locked", true}});
  EXPECT_EQ(nobody.status, 404);
  EXPECT_EQ(nobody.json, admin_error("notfound", "no account \"Nobody\""));
  EXPECT_EQ(admin("GET", "/accounts").json, kDefaultAccounts);
}

TEST_F(AdminApiTest, DeletingAnAccountEndsItsSessions) {
  ASSERT_EQ(client.login(kAliceBot, kAliceBotPass).json["login"]["result"], "Success");
  const AdminReply reply = admin("DELETE", "/accounts/Alice");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.json, Json({{"removed", "Alice"}}));
  EXPECT_EQ(user_of(client), "127.0.0.1");
  EXPECT_EQ(admin("GET", "/accounts/Alice").status, 404);
  EXPECT_EQ(admin("DELETE", "/accounts/Alice").json, admin_error("notfound", "no account \"Alice\""));
}

// Once a bug, now fixed: DELETE /__mockwiki/accounts/alice answers {"removed": "alice"}, the name as typed,
// where every other answer about the account names it as MediaWiki does ("Alice").
TEST_F(AdminApiTest, DeleteAnswersWithTheCanonicalName) {
  EXPECT_EQ(admin("DELETE", "/accounts/alice").json, Json({{"removed", "Alice"}}));
}

// Once a bug, now fixed: an account name that is not UTF-8 makes the error's JSON fail to print, and the
// answer is cpp-httplib's 500 "mockwiki: internal error" instead of {"error": ...} with a 400 or
// a 404 (nlohmann::json's dump() throws on invalid UTF-8; AdminApi::handle does not catch it).
TEST_F(AdminApiTest, ANameThatIsNotUtf8IsAJsonErrorNotAnInternalError) {
  const AdminReply reply = admin("GET", "/accounts/%FF");
  EXPECT_TRUE(reply.status == 400 || reply.status == 404) << reply.status << " " << reply.body;
  EXPECT_TRUE(reply.json.contains("error")) << reply.body;
}

// ---- sessions --------------------------------------------------------------------------------------

TEST_F(AdminApiTest, SessionsListsTheLiveSessions) {
  ASSERT_EQ(client.client_login(kAlice, kAlicePass, {{"rememberMe", "1"}}).json["clientlogin"]["status"], "PASS");
  ApiClient bot = another_client();
  ASSERT_EQ(bot.login(kRoboBot, kRoboBotPass).json["login"]["result"], "Success");

  Json expected = Json::array();
  for (const auto& s : wiki.sessions()) {
    Json one = {{"id", s.id}, {"user", s.user.empty() ? Json(nullptr) : Json(s.user)}};
    if (!s.bot_app_id.empty()) one["botpassword"] = s.bot_app_id;
    one["remember"] = s.remember;
    one["expires"] = s.expires;
    expected.push_back(one);
  }
  const AdminReply reply = admin("GET", "/sessions");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.json, Json({{"now", kNow}, {"sessions", expected}}));
  // Alice's (remembered), Robo's bot session and the anonymous one action=login kept.
  EXPECT_THAT(
      reply.json["sessions"],
      ::testing::Contains(
          Json({{"id", *client.cookie("_session")}, {"user", "Alice"}, {"remember", true}, {"expires", kNow + 3600}})));
  EXPECT_THAT(reply.json["sessions"], ::testing::Contains(Json({{"id", *bot.cookie("_BPsession")},
                                                                {"user", "Robo"},
                                                                {"botpassword", "mybot"},
                                                                {"remember", false},
                                                                {"expires", kNow + 3600}})));
  EXPECT_THAT(
      reply.json["sessions"],
      ::testing::Contains(
          Json({{"id", *bot.cookie("_session")}, {"user", nullptr}, {"remember", false}, {"expires", kNow + 3600}})));
}

TEST_F(AdminApiTest, SessionsExpireBySessionByUserOrAll) {
  ASSERT_EQ(client.login(kAliceBot, kAliceBotPass).json["login"]["result"], "Success");
  const std::string id = *client.cookie("_BPsession");
  EXPECT_EQ(admin("POST", "/sessions/expire", Json{{"session", id}}).json, Json({{"expired", 1}}));
  EXPECT_EQ(user_of(client), "127.0.0.1");
  const AdminReply again = admin("POST", "/sessions/expire", Json{{"session", id}});
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(again.json, admin_error("notfound", "no live session \"" + id + "\""));

  ASSERT_EQ(client.login(kAliceBot, kAliceBotPass).json["login"]["result"], "Success");
  ApiClient robo = another_client();
  ASSERT_EQ(robo.client_login(kRobo, kRoboPass).json["clientlogin"]["status"], "PASS");
  EXPECT_EQ(admin("POST", "/sessions/expire", Json{{"user", "alice"}}).json, Json({{"expired", 1}}));
  EXPECT_EQ(user_of(client), "127.0.0.1");
  EXPECT_EQ(user_of(robo), kRobo);

  const int live = static_cast<int>(wiki.sessions().size());
  ASSERT_GE(live, 1);
  EXPECT_EQ(admin("POST", "/sessions/expire", Json{{"all", true}}).json, Json({{"expired", live}}));
  EXPECT_THAT(wiki.sessions(), IsEmpty());
  EXPECT_EQ(user_of(robo), "127.0.0.1");
}

TEST_F(AdminApiTest, BadExpireRequestsAre400) {
  const std::string one_of = "give one of \"session\", \"user\" or \"all\"";
  EXPECT_EQ(admin("POST", "/sessions/expire", Json::object()).json, admin_error("badrequest", one_of));
  EXPECT_EQ(admin("POST", "/sessions/expire", Json{{"session", "x"}, {"user", "Alice"}}).json,
            admin_error("badrequest", one_of));
  EXPECT_EQ(admin("POST", "/sessions/expire", Json{{"all", false}}).json,
            admin_error("badrequest", "\"all\" must be true"));
  const AdminReply unknown = admin("POST", "/sessions/expire", Json{{"id", "x"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.json, admin_error("badrequest", "unknown key \"id\" (expected one of: session, user, all)"));
  EXPECT_EQ(admin("POST", "/sessions/expire", Json{{"user", "A|B"}}).status, 400);
}

TEST_F(AdminApiTest, DeleteEndsOneSessionOrAll) {
  ASSERT_EQ(client.login(kAliceBot, kAliceBotPass).json["login"]["result"], "Success");
  const std::string id = *client.cookie("_BPsession");
  EXPECT_EQ(admin("DELETE", "/sessions/" + id).json, Json({{"expired", 1}}));
  EXPECT_EQ(user_of(client), "127.0.0.1");
  const AdminReply again = admin("DELETE", "/sessions/" + id);
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(again.json, admin_error("notfound", "no live session \"" + id + "\""));

  ASSERT_EQ(client.login(kAliceBot, kAliceBotPass).json["login"]["result"], "Success");
  const int live = static_cast<int>(wiki.sessions().size());
  EXPECT_EQ(admin("DELETE", "/sessions").json, Json({{"expired", live}}));
  EXPECT_THAT(wiki.sessions(), IsEmpty());
}

// ---- faults ----------------------------------------------------------------------------------------

TEST_F(AdminApiTest, FaultsArePostedListedAndCleared) {
  const AdminReply posted = admin("POST", "/faults", Json::parse(R"({"match": {"action": "query", "method": "get",
      "params": {"uiprop": "groups"}}, "fault": "maxlag", "times": 2, "lag": 20})"));
  EXPECT_EQ(posted.status, 201);
  const Json maxlag = Json::parse(R"({"match": {"action": "query", "method": "GET", "params": {"uiprop": "groups"}},
      "fault": "maxlag", "times": 2, "lag": 20})");
  EXPECT_EQ(posted.json, Json({{"fault", maxlag}}));
  // Each fault with its own settings only.
  EXPECT_EQ(admin("POST", "/faults", Json{{"fault", "readonly"}, {"reason", "Upgrading"}, {"times", 0}}).json,
            Json::parse(R"({"fault": {"match": {}, "fault": "readonly", "times": 0, "reason": "Upgrading"}})"));
  EXPECT_EQ(
      admin("POST", "/faults", Json{{"fault", "delay"}, {"match", {{"module", "tokens"}}}}).json,
      Json::parse(R"({"fault": {"match": {"module": "tokens"}, "fault": "delay", "times": 1, "delay_ms": 1000}})"));
  EXPECT_EQ(
      admin("POST", "/faults", Json{{"fault", "internal_api_error_DBQueryError"}, {"match", {{"account", "Alice"}}}})
          .json,
      Json::parse(R"({"fault": {"match": {"account": "Alice"}, "fault": "internal_api_error_DBQueryError",
                "times": 1, "message": "Injected by mockwiki"}})"));
  ASSERT_THAT(wiki.faults(), SizeIs(4));
  EXPECT_EQ(wiki.faults()[0].match.method, "GET");

  // It works on api.php, and the list shows what remains.
  Reply reply = client.get(
      {{"action", "query"}, {"meta", "userinfo"}, {"uiprop", "groups"}, {"maxlag", "5"}, {"format", "json"}});
  EXPECT_EQ(reply.api_error(), "maxlag");
  EXPECT_EQ(reply.header("X-Database-Lag"), "20");
  const AdminReply listed = admin("GET", "/faults");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.json["faults"].size(), 4u);
  Json remaining = maxlag;
  remaining["times"] = 1;
  EXPECT_EQ(listed.json["faults"][0], remaining);

  EXPECT_EQ(admin("DELETE", "/faults").json, Json({{"faults", Json::array()}}));
  EXPECT_EQ(admin("GET", "/faults").json, Json({{"faults", Json::array()}}));
  EXPECT_THAT(wiki.faults(), IsEmpty());
}

TEST_F(AdminApiTest, ABadFaultIs400NamingTheProblem) {
  const AdminReply unknown = admin("POST", "/faults", Json{{"fault", "bogus"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_THAT(unknown.json["error"]["info"].get<std::string>(), StartsWith("unknown fault \"bogus\" (known: maxlag, "));
  EXPECT_EQ(admin("POST", "/faults", Json{{"times", 2}}).json, admin_error("badrequest", "missing \"fault\""));
  EXPECT_EQ(admin("POST", "/faults", Json{{"fault", "maxlag"}, {"lag", "10"}}).json,
            admin_error("badrequest", "\"lag\" must be a number"));
  EXPECT_EQ(admin("POST", "/faults", Json{{"fault", "maxlag"}, {"count", 2}}).json,
            admin_error("badrequest",
                        "unknown key \"count\" (expected one of: match, fault, times, lag, reason, "
                        "delay_ms, message)"));
  EXPECT_EQ(admin("POST", "/faults", Json{{"fault", "ratelimited"}, {"match", {{"verb", "GET"}}}}).json,
            admin_error("badrequest",
                        "match: unknown key \"verb\" (expected one of: action, module, method, account, params)"));
  EXPECT_EQ(admin("POST", "/faults", Json{{"fault", "ratelimited"}, {"match", {{"params", {{"maxlag", 5}}}}}}).json,
            admin_error("badrequest", "match: params: \"maxlag\" must be a string"));
  EXPECT_EQ(admin("POST", "/faults", Json{{"fault", "ratelimited"}, {"match", {{"method", "fetch"}}}}).json,
            admin_error("badrequest", "unknown HTTP method \"FETCH\""));
  EXPECT_EQ(admin("POST", "/faults", Json{{"fault", "delay"}, {"delay_ms", 600001}}).json,
            admin_error("badrequest", "delay_ms must be from 0 to 600000"));
  EXPECT_THAT(wiki.faults(), IsEmpty());
}

// ---- the journal -----------------------------------------------------------------------------------

TEST_F(AdminApiTest, TheJournalListsEntriesSinceASeqAndIsCleared) {
  client.get(kUserinfo);
  wiki.add_fault({.fault = "ratelimited"});
  client.get({{"action", "query"}, {"meta", "tokens"}, {"format", "json"}});
  client.get(kUserinfo);

  AdminReply reply = admin("GET", "/journal");
  ASSERT_EQ(reply.status, 200);
  ASSERT_EQ(reply.json["journal"].size(), 3u) << reply.body;
  for (auto& entry : reply.json["journal"]) {
    EXPECT_TRUE(entry["latency_ms"].is_number());
    entry.erase("latency_ms");
  }
  EXPECT_EQ(reply.json["journal"][1], Json::parse(R"({"seq": 2, "time": 1800000000, "method": "GET",
      "path": "/api.php", "action": "query", "params": {"action": "query", "meta": "tokens", "format": "json"},
      "session": null, "user": null, "status": 200, "result": null, "error": "ratelimited",
      "fault": "ratelimited"})"));
  // Each entry as JournalEntry::to_json() writes it.
  const auto journal = wiki.journal();
  Json first = Json::parse(journal[0].to_json());
  first.erase("latency_ms");
  EXPECT_EQ(reply.json["journal"][0], first);

  const AdminReply since = admin("GET", "/journal?since=2");
  ASSERT_EQ(since.json["journal"].size(), 1u);
  EXPECT_EQ(since.json["journal"][0]["seq"], 3);
  EXPECT_EQ(admin("GET", "/journal?since=3").json, Json({{"journal", Json::array()}}));
  EXPECT_EQ(admin("GET", "/journal?since=abc").json, admin_error("badrequest", "\"since\" must be a number"));

  EXPECT_EQ(admin("DELETE", "/journal").json, Json({{"journal", Json::array()}}));
  EXPECT_EQ(admin("GET", "/journal").json, Json({{"journal", Json::array()}}));
  EXPECT_THAT(wiki.journal(), IsEmpty());
}

// ---- 404 and 405 -----------------------------------------------------------------------------------

TEST_F(AdminApiTest, AnUnknownEndpointIs404) {
  const AdminReply reply = admin("GET", "/bogus");
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(reply.json, admin_error("notfound", "no endpoint /__mockwiki/bogus (GET /__mockwiki/ lists them)"));
  EXPECT_EQ(admin("POST", "/sessions/expire/more", Json::object()).status, 405);  // DELETE /sessions/ID only
  EXPECT_EQ(admin("GET", "/resets").status, 404);
}

TEST_F(AdminApiTest, AWrongMethodIs405NamingTheAllowedOnes) {
  const AdminReply get_reset = admin("GET", "/reset");
  EXPECT_EQ(get_reset.status, 405);
  EXPECT_EQ(get_reset.json, admin_error("badmethod", "GET is not allowed here (allowed: POST)"));
  EXPECT_EQ(admin("DELETE", "/clock").json,
            admin_error("badmethod", "DELETE is not allowed here (allowed: GET, POST)"));
  EXPECT_EQ(admin("POST", "/").json, admin_error("badmethod", "POST is not allowed here (allowed: GET)"));
  EXPECT_EQ(admin("PATCH", "/sessions", Json::object()).json,
            admin_error("badmethod", "PATCH is not allowed here (allowed: GET, DELETE)"));
  EXPECT_EQ(admin("GET", "/sessions/expire").json, admin_error("badmethod", "GET is not allowed here (allowed: POST)"));
  EXPECT_EQ(admin("PATCH", "/journal").json,
            admin_error("badmethod", "PATCH is not allowed here (allowed: GET, DELETE)"));
  EXPECT_EQ(admin("DELETE", "/accounts").status, 405);
  // Nothing was reset.
  wiki.add_account({.name = "Newbie", .password = "NewbiePassw0rd!23"});
  EXPECT_EQ(admin("GET", "/reset").status, 405);
  EXPECT_THAT(wiki.accounts(), SizeIs(5));
}

// Once a bug, now fixed: a PUT with a body never reaches the admin API (no PUT route is registered; only a
// body-less PUT is taken by the pre-routing handler), so cpp-httplib answers 404 "Not Found:
// mockwiki answers at /api.php" where admin_api.h promises 405 for a wrong method.
TEST_F(AdminApiTest, APutWithABodyIs405AsWithout) {
  EXPECT_EQ(admin("PUT", "/accounts/Alice").status, 405);
  const AdminReply with_body = admin("PUT", "/accounts/Alice", Json{{"locked", true}});
  EXPECT_EQ(with_body.status, 405);
  EXPECT_EQ(with_body.json, admin_error("badmethod", "PUT is not allowed here (allowed: GET, PATCH, POST, DELETE)"));
}

// Once a bug, now fixed: RFC 9110 §15.5.6: a 405 answer must have an Allow header listing the methods; the
// mock names them only in the JSON's info.
TEST_F(AdminApiTest, A405HasAnAllowHeader) {
  EXPECT_EQ(admin("GET", "/reset").header("Allow"), "POST");
  EXPECT_EQ(admin("DELETE", "/clock").header("Allow"), "GET, POST");
}

// ---- the admin token -------------------------------------------------------------------------------

class AdminApiTokenTest : public AdminApiTest {
 protected:
  AdminApiTokenTest() : AdminApiTest(options()) {}
  static MockWiki::Options options() {
    MockWiki::Options o;
    o.admin_token = "s3cret-t0ken";
    return o;
  }
};

TEST_F(AdminApiTokenTest, EveryRequestNeedsTheBearerToken) {
  const Json unauthorized =
      admin_error("unauthorized", "this mock's admin API needs \"Authorization: Bearer <admin token>\"");
  const AdminReply none = admin("GET", "/accounts");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.json, unauthorized);
  EXPECT_EQ(admin("GET", "/accounts", "", {{"Authorization", "Bearer wrong"}}).status, 401);
  EXPECT_EQ(admin("GET", "/accounts", "", {{"Authorization", "s3cret-t0ken"}}).status, 401);
  EXPECT_EQ(admin("GET", "/accounts", "", {{"Authorization", "Basic s3cret-t0ken"}}).status, 401);
  // Even before an unknown endpoint or a wrong method is told apart.
  EXPECT_EQ(admin("GET", "/bogus").json, unauthorized);
  EXPECT_EQ(admin("GET", "/reset").status, 401);
  // A refused request does nothing.
  wiki.add_account({.name = "Newbie", .password = "NewbiePassw0rd!23"});
  EXPECT_EQ(admin("POST", "/reset").status, 401);
  EXPECT_THAT(wiki.accounts(), SizeIs(5));

  const AdminReply ok = admin("GET", "/accounts", "", {{"Authorization", "Bearer s3cret-t0ken"}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.json["accounts"].size(), 5u);
  EXPECT_EQ(admin("POST", "/reset", "", {{"Authorization", "Bearer s3cret-t0ken"}}).status, 200);
  EXPECT_THAT(wiki.accounts(), SizeIs(4));
  // api.php needs no token.
  EXPECT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
}

// ---- when the admin API is offered ------------------------------------------------------------------

TEST(AdminApiOfferTest, AdminApiFalseTurnsItOff) {
  MockWiki::Options options;
  options.admin_api = false;
  MockWiki wiki(std::move(options));
  wiki.add_account({.name = "Newbie", .password = "NewbiePassw0rd!23"});
  EXPECT_EQ(send(wiki.server_url(), "GET", "/__mockwiki/").status, 404);
  EXPECT_EQ(send(wiki.server_url(), "GET", "/__mockwiki/accounts").status, 404);
  EXPECT_EQ(send(wiki.server_url(), "POST", "/__mockwiki/reset").status, 404);
  EXPECT_EQ(send(wiki.server_url(), "POST", "/__mockwiki/faults", R"({"fault": "http_503"})").status, 404);
  EXPECT_THAT(wiki.accounts(), SizeIs(5));
  EXPECT_THAT(wiki.faults(), IsEmpty());
  // api.php is served as ever.
  EXPECT_EQ(ApiClient(wiki.api_url()).get(kUserinfo).json,
            Json({{"batchcomplete", ""}, {"query", {{"userinfo", kAnonymous}}}}));
}

TEST(AdminApiOfferTest, AWildcardBindWithoutATokenDoesNotOfferIt) {
  MockWiki::Options options;
  options.bind = "0.0.0.0";
  MockWiki wiki(std::move(options));
  EXPECT_EQ(send(wiki.server_url(), "GET", "/__mockwiki/").status, 404);
  EXPECT_EQ(send(wiki.server_url(), "POST", "/__mockwiki/reset").status, 404);
  EXPECT_EQ(ApiClient(wiki.api_url()).get(kUserinfo).status, 200);
}

TEST(AdminApiOfferTest, AWildcardBindWithATokenOffersItToTheTokensHolder) {
  MockWiki::Options options;
  options.bind = "0.0.0.0";
  options.admin_token = "s3cret-t0ken";
  MockWiki wiki(std::move(options));
  EXPECT_EQ(send(wiki.server_url(), "GET", "/__mockwiki/").status, 401);
  const AdminReply reply =
      send(wiki.server_url(), "GET", "/__mockwiki/", "", {{"Authorization", "Bearer s3cret-t0ken"}});
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.json["api"], wiki.api_url());
}

}  // namespace
}  // namespace mockwiki::testing
