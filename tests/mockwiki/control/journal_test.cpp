// The journal of requests (JournalEntry in mockwiki/control.h; mockwiki/src/control/journal.cpp
// and MockWiki::Impl::serve_api in mockwiki/src/server.cpp): every api.php request in arrival
// order with its method, path, action, parameters (secrets redacted), session, user, status,
// login result, error code and injected fault; clear_journal(); Options::on_request; and the
// GoogleMock matchers a client's test would write against it.
#include <httplib.h>

#include <mutex>

#include "mockwiki/control.h"
#include "support/mock_wiki_test.h"

// FaultSpecs are written as control.h shows them, with designated initializers; GCC 12 warns of
// the members left out under -Wextra even though they have default member initializers.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace mockwiki::testing {
namespace {

using namespace accounts;
using ::testing::AllOf;
using ::testing::AnyOf;
using ::testing::Contains;
using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Key;
using ::testing::Not;
using ::testing::Pair;
using ::testing::Pointee;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAre;

constexpr std::int64_t kNow = 1800000000;  // Fri, 15 Jan 2027 08:00:00 GMT
constexpr const char* kRedacted = "[redacted]";

using ParamList = std::vector<std::pair<std::string, std::string>>;

class JournalTest : public MockWikiTest {
 protected:
  JournalTest() : JournalTest(MockWiki::Options{}) {}
  explicit JournalTest(MockWiki::Options options) : MockWikiTest(std::move(options)) {
    wiki.clock().freeze();
    wiki.clock().set(kNow);
  }

  Reply userinfo(ApiClient& c) { return c.get(kUserinfo); }
  Reply userinfo() { return userinfo(client); }

  // The journal's last entry.
  JournalEntry last() {
    const auto journal = wiki.journal();
    if (journal.empty()) {
      ADD_FAILURE() << "the journal is empty";
      return {};
    }
    return journal.back();
  }
  // The id of the one live session with this user and bot app id.
  std::string session_id(const std::string& user, const std::string& bot_app_id = "") {
    std::string found;
    int count = 0;
    for (const auto& s : wiki.sessions()) {
      if (s.user == user && s.bot_app_id == bot_app_id) {
        found = s.id;
        ++count;
      }
    }
    EXPECT_EQ(count, 1) << "sessions of \"" << user << "\" (bot \"" << bot_app_id << "\")";
    return found;
  }
};

// ---- what an entry holds --------------------------------------------------------------------------

TEST_F(JournalTest, EntriesComeInArrivalOrderWithSeqTimeMethodPathActionAndParams) {
  userinfo();
  wiki.clock().advance(std::chrono::seconds(30));
  client.post({{"action", "logout"}, {"token", "+\\"}, {"format", "json"}});
  client.get({{"action", "nosuchaction"}, {"format", "json"}});
  client.get({{"format", "json"}, {"meta", "tokens"}, {"action", "query"}});

  const auto journal = wiki.journal();
  ASSERT_THAT(journal, SizeIs(4));
  for (std::size_t i = 0; i < journal.size(); ++i) EXPECT_EQ(journal[i].seq, static_cast<std::int64_t>(i + 1));
  EXPECT_EQ(journal[0].time, kNow);
  EXPECT_EQ(journal[1].time, kNow + 30);
  EXPECT_EQ(journal[0].method, "GET");
  EXPECT_EQ(journal[1].method, "POST");
  EXPECT_THAT(journal, Each(Field(&JournalEntry::path, "/api.php")));
  EXPECT_EQ(journal[0].action, "query");
  EXPECT_EQ(journal[1].action, "logout");
  EXPECT_EQ(journal[2].action, "nosuchaction");
  EXPECT_EQ(journal[0].params, ParamList({{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}}));
  EXPECT_EQ(journal[1].params, ParamList({{"action", "logout"}, {"token", kRedacted}, {"format", "json"}}));
  // In the order the client sent them.
  EXPECT_EQ(journal[3].params, ParamList({{"format", "json"}, {"meta", "tokens"}, {"action", "query"}}));
  EXPECT_THAT(journal[0].param("meta"), Pointee(std::string("userinfo")));
  EXPECT_EQ(journal[0].param("uiprop"), nullptr);
}

TEST_F(JournalTest, ARequestWithoutActionHasNoAction) {
  client.get({{"format", "json"}});  // the help page
  EXPECT_EQ(last().action, "");
  EXPECT_EQ(last().params, ParamList({{"format", "json"}}));
}

TEST_F(JournalTest, QueryStringAndBodyParametersAreBothKept) {
  client.post({{"meta", "userinfo"}, {"format", "json"}}, {{"action", "query"}, {"uiprop", "groups"}});
  EXPECT_THAT(last().params, UnorderedElementsAre(Pair("action", "query"), Pair("uiprop", "groups"),
                                                  Pair("meta", "userinfo"), Pair("format", "json")));
  EXPECT_EQ(last().action, "query");
}

TEST_F(JournalTest, PasswordsTokensAndSecretsAreRedactedNamesAreNot) {
  client.login(kAlice, kAlicePass);  // lgpassword, lgtoken
  ApiClient c2 = another_client();
  c2.client_login(kRobo, kRoboPass);  // password, logintoken
  ApiClient c3 = another_client();
  const std::string create_token =
      c3.get({{"action", "query"}, {"meta", "tokens"}, {"type", "createaccount"}, {"format", "json"}})
          .json["query"]["tokens"]["createaccounttoken"];
  c3.post({{"action", "createaccount"},
           {"username", "Newbie"},
           {"password", "NewbiePassw0rd!23"},
           {"retype", "NewbiePassw0rd!23"},
           {"createtoken", create_token},
           {"createreturnurl", "http://example.org/"},
           {"format", "json"}});
  // A second factor and a captcha answer, even where they mean nothing, and a secret in the URL.
  c2.post({{"action", "clientlogin"},
           {"logincontinue", "1"},
           {"OATHToken", "123456"},
           {"captchaWord", "ponies"},
           {"captchaId", "42"},
           {"logintoken", c2.login_token()},
           {"format", "json"}});
  c2.get({{"action", "clientlogin"}, {"username", kRobo}, {"password", kRoboPass}, {"format", "json"}});

  const auto journal = wiki.journal();
  ASSERT_THAT(journal, SizeIs(9));
  EXPECT_EQ(journal[1].params, ParamList({{"action", "login"},
                                          {"lgname", kAlice},
                                          {"lgpassword", kRedacted},
                                          {"lgtoken", kRedacted},
                                          {"format", "json"}}));
  EXPECT_EQ(journal[3].params, ParamList({{"action", "clientlogin"},
                                          {"username", kRobo},
                                          {"password", kRedacted},
                                          {"logintoken", kRedacted},
                                          {"loginreturnurl", "http://example.org/"},
                                          {"format", "json"}}));
  EXPECT_EQ(journal[5].params, ParamList({{"action", "createaccount"},
                                          {"username", "Newbie"},
                                          {"password", kRedacted},
                                          {"retype", kRedacted},
                                          {"createtoken", kRedacted},
                                          {"createreturnurl", "http://example.org/"},
                                          {"format", "json"}}));
  EXPECT_EQ(journal[7].params, ParamList({{"action", "clientlogin"},
                                          {"logincontinue", "1"},
                                          {"OATHToken", kRedacted},
                                          {"captchaWord", kRedacted},
                                          {"captchaId", "42"},
                                          {"logintoken", kRedacted},
                                          {"format", "json"}}));
  EXPECT_THAT(journal[8].param("password"), Pointee(std::string(kRedacted)));
  // No secret anywhere, also not in the JSON form.
  for (const auto& e : journal) {
    const std::string line = e.to_json();
    for (const char* secret : {kAlicePass, kRoboPass, "NewbiePassw0rd!23", "123456", "ponies"}) {
      EXPECT_THAT(line, Not(HasSubstr(secret))) << line;
    }
  }
}

TEST_F(JournalTest, SessionIsTheIdOfTheAnswersSessionAsSessionsListsIt) {
  userinfo();  // anonymous, no session kept
  EXPECT_EQ(last().session, "");
  client.login_token();  // a session for the token
  EXPECT_EQ(last().session, session_id(""));
  EXPECT_EQ(last().session, *client.cookie("_session"));

  client.login(kAlice, kAlicePass);
  EXPECT_EQ(last().session, session_id(kAlice));
  userinfo();
  EXPECT_EQ(last().session, session_id(kAlice));

  ApiClient bot = another_client();
  ASSERT_EQ(bot.login(kRoboBot, kRoboBotPass).json["login"]["result"], "Success");
  userinfo(bot);
  EXPECT_EQ(last().session, session_id(kRobo, "mybot"));
  EXPECT_EQ(last().session, *bot.cookie("_BPsession"));
}

TEST_F(JournalTest, UserIsTheUserTheRequestRanAs) {
  userinfo();
  EXPECT_EQ(last().user, "");
  ASSERT_EQ(client.login(kAliceBot, kAliceBotPass).json["login"]["result"], "Success");
  userinfo();
  EXPECT_EQ(last().user, kAlice);
  // The user by the request's end: a login's user, and no one after a logout.
  ApiClient main = another_client();
  ASSERT_EQ(main.login(kRobo, kRoboPass).json["login"]["result"], "Success");
  EXPECT_EQ(last().user, kRobo);
  main.post({{"action", "logout"}, {"token", main.csrf_token()}, {"format", "json"}});
  EXPECT_EQ(last().action, "logout");
  EXPECT_EQ(last().user, "");
}

TEST_F(JournalTest, ResultIsLoginsResultOrClientloginsAndCreateaccountsStatus) {
  client.post({{"action", "login"}, {"lgname", kAlice}, {"lgpassword", "x"}, {"format", "json"}});
  EXPECT_EQ(last().result, "NeedToken");
  client.login(kAlice, "wrong");
  EXPECT_EQ(last().result, "Failed");
  client.login(kAlice, kAlicePass);
  EXPECT_EQ(last().result, "Success");
  EXPECT_EQ(last().user, kAlice);

  ApiClient c2 = another_client();
  c2.client_login(kRobo, "wrong");
  EXPECT_EQ(last().result, "FAIL");
  c2.client_login(kRobo, kRoboPass);
  EXPECT_EQ(last().result, "PASS");

  ApiClient c3 = another_client();
  const std::string token =
      c3.get({{"action", "query"}, {"meta", "tokens"}, {"type", "createaccount"}, {"format", "json"}})
          .json["query"]["tokens"]["createaccounttoken"];
  EXPECT_EQ(last().result, "");  // no login here
  c3.post({{"action", "createaccount"},
           {"username", "Newbie"},
           {"password", "NewbiePassw0rd!23"},
           {"retype", "NewbiePassw0rd!23"},
           {"createtoken", token},
           {"createreturnurl", "http://example.org/"},
           {"format", "json"}});
  EXPECT_EQ(last().result, "PASS");
  EXPECT_EQ(last().action, "createaccount");
}

TEST_F(JournalTest, StatusAndErrorAreTheAnswersStatusAndApiErrorCode) {
  userinfo();
  EXPECT_EQ(last().status, 200);
  EXPECT_EQ(last().error, "");
  client.get({{"action", "login"}, {"format", "json"}});
  EXPECT_EQ(last().status, 200);
  EXPECT_EQ(last().error, "mustbeposted");
  client.get({{"action", "nosuchaction"}, {"format", "json"}});
  EXPECT_EQ(last().error, "badvalue");
  client.send("PUT", kUserinfo, "", "");
  EXPECT_EQ(last().method, "PUT");
  EXPECT_EQ(last().status, 405);
  EXPECT_EQ(last().error, "invalidmethod");
  // A login that fails is no API error.
  client.login(kAlice, "wrong");
  EXPECT_EQ(last().error, "");
}

TEST_F(JournalTest, FaultIsTheInjectedFaultThatAnswered) {
  wiki.add_fault({.match = {.module = "userinfo"}, .fault = "ratelimited"});
  wiki.add_fault({.match = {.module = "userinfo"}, .fault = "http_503"});
  // The proxy's 503 comes before the API runs, so it answers first though added second.
  userinfo();
  EXPECT_EQ(last().fault, "http_503");
  EXPECT_EQ(last().error, "");
  EXPECT_EQ(last().status, 503);
  userinfo();
  EXPECT_EQ(last().fault, "ratelimited");
  EXPECT_EQ(last().error, "ratelimited");
  EXPECT_EQ(last().status, 200);
  userinfo();
  EXPECT_EQ(last().fault, "");
}

TEST_F(JournalTest, OnlyApiPhpRequestsAreJournaled) {
  httplib::Client http(wiki.server_url());
  ASSERT_TRUE(http.Get("/__mockwiki/"));
  ASSERT_TRUE(http.Get("/index.php/Main_Page"));
  ASSERT_TRUE(http.Get("/nothing/here"));
  EXPECT_THAT(wiki.journal(), IsEmpty());
}

// ---- clearing, reset, the JSON form, on_request -------------------------------------------------

TEST_F(JournalTest, ClearJournalEmptiesItAndNumberingGoesOn) {
  userinfo();
  userinfo();
  wiki.clear_journal();
  EXPECT_THAT(wiki.journal(), IsEmpty());
  userinfo();
  const auto journal = wiki.journal();
  ASSERT_THAT(journal, SizeIs(1));
  // Numbers are never given twice, so GET /__mockwiki/journal?since=N stays right.
  EXPECT_EQ(journal[0].seq, 3);
}

TEST_F(JournalTest, ToJsonIsOneLineWithNullForWhatIsEmpty) {
  userinfo();
  const std::string line = last().to_json();
  EXPECT_EQ(line.find('\n'), std::string::npos);
  Json entry = Json::parse(line);
  ASSERT_TRUE(entry["latency_ms"].is_number()) << line;
  EXPECT_GE(entry["latency_ms"].get<double>(), 0.0);
  entry.erase("latency_ms");
  EXPECT_EQ(entry, Json::parse(R"({"seq": 1, "time": 1800000000, "method": "GET", "path": "/api.php",
      "action": "query", "params": {"action": "query", "meta": "userinfo", "format": "json"}, "session": null,
      "user": null, "status": 200, "result": null, "error": null, "fault": null})"));

  wiki.add_fault({.fault = "readonly"});
  ASSERT_EQ(client.login(kAlice, kAlicePass).api_error(), "readonly");
  entry = Json::parse(last().to_json());
  entry.erase("latency_ms");
  EXPECT_EQ(entry, Json::parse(R"({"seq": 3, "time": 1800000000, "method": "POST", "path": "/api.php",
      "action": "login", "params": {"action": "login", "lgname": "Alice", "lgpassword": "[redacted]",
      "lgtoken": "[redacted]", "format": "json"}, "session": ")" +
                               *client.cookie("_session") + R"(", "user": null, "status": 200, "result": null,
      "error": "readonly", "fault": "readonly"})"));
}

// What Options::on_request saw (shared with the mock's serving threads).
struct Observed {
  std::mutex mutex;
  std::vector<JournalEntry> entries;
};

class JournalObserverTest : public JournalTest {
 protected:
  JournalObserverTest() : JournalObserverTest(std::make_shared<Observed>()) {}
  explicit JournalObserverTest(std::shared_ptr<Observed> observed)
      : JournalTest(options(observed)), observed_(std::move(observed)) {}
  static MockWiki::Options options(std::shared_ptr<Observed> observed) {
    MockWiki::Options o;
    o.on_request = [observed](const JournalEntry& e) {
      std::lock_guard lock(observed->mutex);
      observed->entries.push_back(e);
    };
    return o;
  }
  std::vector<JournalEntry> seen() {
    std::lock_guard lock(observed_->mutex);
    return observed_->entries;
  }

  std::shared_ptr<Observed> observed_;
};

TEST_F(JournalObserverTest, OnRequestIsCalledWithEachEntryBeforeTheAnswerArrives) {
  userinfo();
  client.login(kAlice, kAlicePass);
  const auto journal = wiki.journal();
  const auto observed = seen();
  ASSERT_THAT(observed, SizeIs(3));
  ASSERT_THAT(journal, SizeIs(3));
  for (std::size_t i = 0; i < journal.size(); ++i) EXPECT_EQ(observed[i].to_json(), journal[i].to_json()) << i;
}

// ---- the matchers a client's test writes --------------------------------------------------------

// A client's habit under test: on badtoken, fetch a new token and try once more.
Reply logout_retrying_once(ApiClient& c) {
  Reply reply = c.post({{"action", "logout"}, {"token", c.csrf_token()}, {"format", "json"}});
  if (reply.api_error() == "badtoken") {
    reply = c.post({{"action", "logout"}, {"token", c.csrf_token()}, {"format", "json"}});
  }
  return reply;
}

TEST_F(JournalTest, TheClientRetriedAfterBadtokenExactlyOnce) {
  ASSERT_EQ(client.login(kAliceBot, kAliceBotPass).json["login"]["result"], "Success");
  wiki.clear_journal();
  wiki.add_fault({.match = {.action = "logout"}, .fault = "badtoken"});
  EXPECT_EQ(logout_retrying_once(client).json, Json::object());

  const auto journal = wiki.journal();
  EXPECT_THAT(journal, Contains(Field(&JournalEntry::error, "badtoken")).Times(1));
  EXPECT_THAT(journal, Contains(Field(&JournalEntry::action, "logout")).Times(2));
  // Token, logout refused, a new token, logout done.
  EXPECT_THAT(journal, ElementsAre(AllOf(Field(&JournalEntry::action, "query"), Field(&JournalEntry::error, "")),
                                   AllOf(Field(&JournalEntry::action, "logout"),
                                         Field(&JournalEntry::fault, "badtoken"), Field(&JournalEntry::user, kAlice)),
                                   Field(&JournalEntry::action, "query"),
                                   AllOf(Field(&JournalEntry::action, "logout"), Field(&JournalEntry::error, ""),
                                         Field(&JournalEntry::fault, ""))));
  // And every logout was POSTed, its token redacted.
  EXPECT_THAT(journal, Each(AnyOf(Field(&JournalEntry::action, "query"),
                                  AllOf(Field(&JournalEntry::method, "POST"),
                                        Field(&JournalEntry::params, Contains(Pair("token", kRedacted)))))));
}

TEST_F(JournalTest, MatchersOverParamsAndResults) {
  client.client_login(kAlice, "wrong");
  client.client_login(kAlice, kAlicePass);
  const auto journal = wiki.journal();
  // Two clientlogins, the first failed; every password was redacted.
  EXPECT_THAT(
      journal,
      Contains(AllOf(Field(&JournalEntry::action, "clientlogin"), Field(&JournalEntry::result, "FAIL"))).Times(1));
  EXPECT_THAT(journal, Contains(Field(&JournalEntry::result, "PASS")).Times(1));
  EXPECT_THAT(journal, Each(Field(&JournalEntry::params, Not(Contains(Pair("password", Not(kRedacted)))))));
  EXPECT_THAT(journal, Contains(Field(&JournalEntry::params, Contains(Key("loginreturnurl")))).Times(2));
}

}  // namespace
}  // namespace mockwiki::testing
