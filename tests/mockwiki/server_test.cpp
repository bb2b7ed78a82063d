// The in-process server's life cycle and options (mockwiki/server.h): ports, several wikis in
// one process, wiki ids, the site name, reset(), stop() and the destructor, a custom fixture, and
// many clients at once.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mockwiki/server.h"
#include "support/api_client.h"
#include "support/raw_http.h"

namespace mockwiki::testing {
namespace {

using namespace accounts;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

Json user_of(ApiClient& c) { return c.get(kUserinfo).json["query"]["userinfo"]; }

MockWiki::Options with_fixture(const std::string& json) {
  MockWiki::Options options;
  options.fixture = Fixture::parse(json, "test fixture");
  return options;
}

TEST(MockWikiServer, StartsOnAFreePortAndReportsItsApiUrl) {
  MockWiki wiki;
  EXPECT_GT(wiki.port(), 0);
  EXPECT_EQ(wiki.api_url(), "http://127.0.0.1:" + std::to_string(wiki.port()) + "/api.php");
  EXPECT_EQ(wiki.server_url(), "http://127.0.0.1:" + std::to_string(wiki.port()));
  EXPECT_EQ(wiki.wiki_id(), "mockwiki");
  ApiClient client(wiki.api_url());
  EXPECT_EQ(user_of(client), kAnonymous);
  // The docref names this URL.
  Reply error = client.get({{"action", "login"}, {"format", "json"}});
  EXPECT_EQ(error.json["error"]["*"], docref(wiki.api_url()));
}

TEST(MockWikiServer, SeveralInstancesHaveTheirOwnAccountsSessionsAndClocks) {
  MockWiki first;
  MockWiki second(with_fixture(R"({"accounts":[{"name":"Carol","password":"CarolPassw0rd!23"}]})"));
  EXPECT_NE(first.port(), second.port());
  ApiClient a(first.api_url());
  ApiClient b(second.api_url());
  // Accounts.
  EXPECT_EQ(a.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "PASS");
  EXPECT_EQ(b.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "FAIL");
  EXPECT_EQ(b.client_login("Carol", "CarolPassw0rd!23").json["clientlogin"]["status"], "PASS");
  ApiClient carol_on_first(first.api_url());
  EXPECT_EQ(carol_on_first.client_login("Carol", "CarolPassw0rd!23").json["clientlogin"]["status"], "FAIL");
  // Sessions: the first wiki's cookies mean nothing to the second.
  ApiClient stranger(second.api_url());
  stranger.cookies() = a.cookies();
  EXPECT_EQ(user_of(stranger), kAnonymous);
  // Clocks: an hour on the first expires its sessions only.
  first.clock().freeze();
  const std::int64_t second_now = second.clock().now();
  first.clock().advance(std::chrono::hours(2));
  EXPECT_LT(second.clock().now(), second_now + 3600);
  EXPECT_EQ(user_of(a), kAnonymous);
  EXPECT_EQ(user_of(b), Json({{"id", 1}, {"name", "Carol"}}));
}

TEST(MockWikiServer, AFixedPortThatIsTakenThrowsRuntimeError) {
  MockWiki first;
  MockWiki::Options options;
  options.port = first.port();
  EXPECT_THROW(MockWiki second(options), std::runtime_error);
  // The first one is not disturbed.
  ApiClient client(first.api_url());
  EXPECT_EQ(user_of(client), kAnonymous);
}

TEST(MockWikiServer, AFreeFixedPortIsUsed) {
  int port = 0;
  {
    MockWiki probe;  // a port that was free a moment ago
    port = probe.port();
  }
  MockWiki::Options options;
  options.port = port;
  MockWiki wiki(options);
  EXPECT_EQ(wiki.port(), port);
  EXPECT_EQ(wiki.api_url(), "http://127.0.0.1:" + std::to_string(port) + "/api.php");
}

TEST(MockWikiServer, AnInvalidWikiIdThrowsInvalidArgument) {
  for (const std::string id : {"", "my wiki", "wiki;id", "wiki=id", "wiki.id", "wiki/id", "w\xC3\xAFki", "a\nb"}) {
    MockWiki::Options options;
    options.wiki_id = id;
    EXPECT_THROW(MockWiki wiki(options), std::invalid_argument) << '"' << id << '"';
  }
  MockWiki::Options options;
  options.wiki_id = "en-Wiki_2";
  MockWiki wiki(options);
  EXPECT_EQ(wiki.wiki_id(), "en-Wiki_2");
}

TEST(MockWikiServer, AnAddressThatIsNotThisMachinesThrowsRuntimeError) {
  MockWiki::Options options;
  options.bind = "192.0.2.1";  // TEST-NET-1: never a local address
  EXPECT_THROW(MockWiki wiki(options), std::runtime_error);
}

TEST(MockWikiServer, TheWikiIdPrefixesEveryCookie) {
  MockWiki::Options options;
  options.wiki_id = "enwiki";
  MockWiki wiki(options);
  ApiClient client(wiki.api_url());
  Reply login = client.login(kAlice, kAlicePass);
  ASSERT_EQ(login.json["login"]["result"], "Success");
  EXPECT_THAT(*login.cookie_line("_session"), MatchesRegex("enwiki_session=[0-9a-v]{32}; path=/; HttpOnly"));
  EXPECT_THAT(*login.cookie_line("UserID"), StartsWith("enwikiUserID=3; "));
  EXPECT_THAT(*login.cookie_line("UserName"), StartsWith("enwikiUserName=Alice; "));
  EXPECT_THAT(*login.cookie_line("Token"), MatchesRegex("enwikiToken=[0-9a-f]{32}; .*"));
  ApiClient bot(wiki.api_url());
  Reply bot_login = bot.login(kRoboBot, kRoboBotPass);
  EXPECT_THAT(*bot_login.cookie_line("_BPsession"), MatchesRegex("enwiki_BPsession=[0-9a-v]{32}; path=/; HttpOnly"));
  // The same session under the default prefix is no session at all.
  ApiClient renamed(wiki.api_url());
  for (const auto& [name, value] : client.cookies()) renamed.cookies()["mockwiki" + name.substr(6)] = value;
  EXPECT_EQ(user_of(renamed), kAnonymous);
  EXPECT_EQ(user_of(client), Json({{"id", 3}, {"name", "Alice"}}));
}

TEST(MockWikiServer, TheSitenameOptionNamesTheSiteAndTheProjectNamespace) {
  MockWiki::Options options;
  options.sitename = "Test Site";
  MockWiki wiki(options);
  ApiClient client(wiki.api_url());
  Reply reply = client.get({{"action", "query"},
                            {"meta", "siteinfo"},
                            {"siprop", "general|namespaces"},
                            {"format", "json"},
                            {"formatversion", "2"}});
  EXPECT_EQ(reply.json["query"]["general"]["sitename"], "Test Site");
  EXPECT_EQ(reply.json["query"]["namespaces"]["4"]["name"], "Test Site");
  EXPECT_EQ(reply.json["query"]["namespaces"]["5"]["name"], "Test Site talk");
  MockWiki plain;
  ApiClient other(plain.api_url());
  EXPECT_EQ(
      other.get({{"action", "query"}, {"meta", "siteinfo"}, {"format", "json"}}).json["query"]["general"]["sitename"],
      "RefWiki");
}

TEST(MockWikiServer, ResetForgetsSessionsAndThrottlesButKeepsTheClock) {
  MockWiki wiki;
  wiki.clock().freeze();
  ApiClient alice(wiki.api_url());
  ASSERT_EQ(alice.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "PASS");
  ApiClient anonymous(wiki.api_url());
  const std::string token = anonymous.login_token();
  ApiClient throttled(wiki.api_url());
  for (int i = 0; i < 5; ++i) throttled.login(kThrottled, "wrong");
  ASSERT_EQ(throttled.login(kThrottled, kThrottledPass).json["login"]["reason"],
            "You have made too many recent login attempts. Please wait 5 minutes before trying again.");
  wiki.clock().advance(std::chrono::seconds(1000));
  const std::int64_t now = wiki.clock().now();

  wiki.reset();

  EXPECT_EQ(wiki.clock().now(), now);
  EXPECT_TRUE(wiki.clock().frozen());
  EXPECT_EQ(user_of(alice), kAnonymous);
  Reply stale = anonymous.post({{"action", "login"},
                                {"lgname", kRoboBot},
                                {"lgpassword", kRoboBotPass},
                                {"lgtoken", token},
                                {"format", "json"}});
  EXPECT_EQ(stale.json["login"]["reason"], "Unable to continue login. Your session most likely timed out.");
  EXPECT_EQ(throttled.login(kThrottled, kThrottledPass).json["login"]["result"], "Success");
  // The accounts are as the fixture has them.
  ApiClient again(wiki.api_url());
  EXPECT_EQ(again.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "PASS");
}

TEST(MockWikiServer, StopIsIdempotentAndTheServerNoLongerAnswers) {
  auto wiki = std::make_unique<MockWiki>();
  {
    ApiClient client(wiki->api_url());
    EXPECT_EQ(user_of(client), kAnonymous);
  }
  wiki->stop();
  wiki->stop();
  ApiClient late(wiki->api_url());
  EXPECT_THROW(late.get(kUserinfo), std::runtime_error);
  wiki->stop();
  wiki.reset();  // and the destructor after stop()
}

TEST(MockWikiServer, TheDestructorReturnsWithAnIdleKeepAliveClientConnected) {
  auto wiki = std::make_unique<MockWiki>();
  ApiClient client(wiki->api_url());  // keep-alive: the connection stays open after the reply
  EXPECT_EQ(user_of(client), kAnonymous);
  wiki.reset();  // returns: that is the assertion
  SUCCEED();
}

TEST(MockWikiServer, StoppingClosesAnIdleKeepAliveConnectionRatherThanWaitingForItsTimeout) {
  MockWiki::Options options;
  options.keep_alive_seconds = 3600;  // an idle connection may be kept for an hour
  auto wiki = std::make_unique<MockWiki>(options);
  const int fd = connect_to(wiki->port());
  ASSERT_GE(fd, 0);
  const std::string request = "GET /api.php?action=query&meta=userinfo&format=json HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_EQ(::send(fd, request.data(), request.size(), MSG_NOSIGNAL), static_cast<ssize_t>(request.size()));
  const std::string answer = read_one_answer(fd);
  ASSERT_THAT(answer, StartsWith("HTTP/1.1 200 OK\r\n"));
  // The connection is now idle. Stopping must close it: a server that waited for the idle
  // timeout instead would keep the destructor (and SIGTERM of the standalone program) waiting
  // for keep_alive_seconds. The receive timeout below only keeps a failing test from hanging.
  std::thread destroy([&] { wiki.reset(); });
  char byte;
  const ssize_t n = ::recv(fd, &byte, 1, 0);
  EXPECT_EQ(n, 0) << "the server did not close the idle connection when it stopped";
  ::close(fd);  // lets a server still waiting on it go
  destroy.join();
}

TEST(MockWikiServer, TheDestructorReturnsWithAClientInTheMiddleOfARequest) {
  auto wiki = std::make_unique<MockWiki>();
  // A connection that sent only part of its request and then waits.
  const int fd = connect_to(wiki->port());
  ASSERT_GE(fd, 0);
  const std::string partial = "POST /api.php HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\naction=";
  ASSERT_EQ(::send(fd, partial.data(), partial.size(), MSG_NOSIGNAL), static_cast<ssize_t>(partial.size()));
  ApiClient other(wiki->api_url());
  EXPECT_EQ(user_of(other), kAnonymous);  // the server is serving
  wiki.reset();                           // returns: that is the assertion
  ::close(fd);
  SUCCEED();
}

TEST(MockWikiServer, ACustomFixtureGivesTheAccounts) {
  MockWiki wiki(with_fixture(R"({
    "doc": "two people",
    "accounts": [
      {"name": "carol_smith", "password": "CarolPassw0rd!23", "groups": ["sysop"]},
      {"name": "Dave", "password": "DavePassw0rd!23",
       "botpasswords": [{"appid": "tool", "password": "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6", "grants": ["basic"]}]}
    ]})"));
  ApiClient carol(wiki.api_url());
  Reply pass = carol.client_login("Carol smith", "CarolPassw0rd!23");
  EXPECT_EQ(pass.json["clientlogin"], Json({{"status", "PASS"}, {"username", "Carol smith"}}));
  Reply groups = carol.get({{"action", "query"}, {"meta", "userinfo"}, {"uiprop", "groups"}, {"format", "json"}});
  EXPECT_EQ(groups.json["query"]["userinfo"]["name"], "Carol smith");
  EXPECT_EQ(groups.json["query"]["userinfo"]["groups"], Json({"sysop", "*", "user", "autoconfirmed"}));
  ApiClient dave(wiki.api_url());
  Reply bot = dave.login("Dave@tool", "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6");
  EXPECT_EQ(bot.json["login"]["result"], "Success");
  EXPECT_EQ(bot.json["login"]["lgusername"], "Dave");
  // The default accounts are not there.
  ApiClient alice(wiki.api_url());
  EXPECT_EQ(alice.login(kAlice, kAlicePass).json["login"]["result"], "Failed");
}

TEST(MockWikiServer, ManyConcurrentClientsAllGetTheirOwnCorrectAnswers) {
  // 16 threads, each its own account and cookie jar, 50 rounds of login, userinfo, csrf token and
  // logout, against the default thread pool (MockWiki::Options::threads).
  constexpr int kThreads = 16;
  constexpr int kRounds = 50;
  std::string accounts_json = R"({"accounts":[)";
  for (int i = 0; i < kThreads; ++i) {
    accounts_json += std::string(i ? "," : "") + R"({"name":"User)" + std::to_string(i) + R"(","password":"Passw0rd!)" +
                     std::to_string(i) + R"("})";
  }
  accounts_json += "]}";
  MockWiki wiki(with_fixture(accounts_json));  // threads: the default

  std::atomic<int> wrong{0};
  std::vector<std::string> failures(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const std::string name = "User" + std::to_string(t);
      const std::string password = "Passw0rd!" + std::to_string(t);
      std::map<std::string, std::string> jar;
      int expected_id = 0;
      try {
        for (int round = 0; round < kRounds; ++round) {
          // A new connection each round, with the thread's own cookies: connections come and go
          // while the others are busy.
          ApiClient client(wiki.api_url());
          client.cookies() = jar;
          Reply login = (round % 2) ? client.client_login(name, password) : client.login(name, password);
          const bool ok =
              (round % 2) ? login.json["clientlogin"]["status"] == "PASS" : login.json["login"]["result"] == "Success";
          if (!ok) throw std::runtime_error("login: " + login.body);
          Json me = client.get(kUserinfo).json["query"]["userinfo"];
          if (me["name"] != name) throw std::runtime_error("userinfo: " + me.dump());
          if (expected_id == 0) expected_id = me["id"].get<int>();
          if (me["id"] != expected_id) throw std::runtime_error("id changed: " + me.dump());
          const std::string csrf = client.csrf_token();
          if (csrf.size() != 42) throw std::runtime_error("csrf: " + csrf);
          Reply logout = client.post({{"action", "logout"}, {"token", csrf}, {"format", "json"}});
          if (logout.body != "{}") throw std::runtime_error("logout: " + logout.body);
          if (client.get(kUserinfo).json["query"]["userinfo"] != kAnonymous)
            throw std::runtime_error("still logged in");
          jar = client.cookies();
        }
      } catch (const std::exception& e) {
        ++wrong;
        failures[t] = name + ": " + e.what();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
  for (const auto& failure : failures) EXPECT_THAT(failure, IsEmpty());
}

}  // namespace
}  // namespace mockwiki::testing
