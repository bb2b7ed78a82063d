// mediawiki::Session against the in-process mock: requests and their defaults, errors as typed
// exceptions, the token cache and its badtoken retry, action=login and logout, cookies kept
// across runs. The mock's journal shows what the client sent.
#include "mediawiki/session.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <thread>

#include "mockwiki/server.h"
#include "support/api_client.h"

#pragma GCC diagnostic ignored "-Wmissing-field-initializers"  // designated initializers below

namespace mediawiki {
namespace {

using namespace mockwiki::testing::accounts;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::Each;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::Pointee;
using ::testing::ResultOf;
using ::testing::StrEq;

const Params kWhoAmI = {{"action", "query"}, {"meta", "userinfo"}};

class SessionTest : public ::testing::Test {
 protected:
  std::string whoami(Session& session) { return session.get(kWhoAmI)["query"]["userinfo"]["name"]; }
  // The journal's entries for one action.
  std::vector<mockwiki::JournalEntry> requests(const std::string& action) {
    std::vector<mockwiki::JournalEntry> out;
    for (auto& e : wiki.journal()) {
      if (e.action == action) out.push_back(e);
    }
    return out;
  }
  static auto param(const std::string& name) {
    return [name](const mockwiki::JournalEntry& e) { return e.param(name) ? *e.param(name) : std::string("(none)"); };
  }

  // A session that does not retry, to see each failure as it comes.
  Session no_retries() {
    Session::Options options;
    options.max_retries = 0;
    return Session(wiki.api_url(), options);
  }

  mockwiki::MockWiki wiki;
  Session session{wiki.api_url()};
};

TEST_F(SessionTest, RequestsAreJsonFormatVersionTwoWithAUserAgent) {
  const Json reply = session.get(kWhoAmI);
  EXPECT_EQ(reply,
            Json::parse(R"({"batchcomplete":true,"query":{"userinfo":{"id":0,"name":"127.0.0.1","anon":true}}})"));
  EXPECT_THAT(wiki.journal(),
              Contains(AllOf(ResultOf(param("format"), "json"), ResultOf(param("formatversion"), "2"))));
}

TEST_F(SessionTest, AnApiErrorIsAnApiErrorWithItsCodeAndData) {
  try {
    session.get({{"action", "nosuchaction"}});
    FAIL() << "no exception";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code(), "badvalue");
    EXPECT_EQ(e.info(), "Unrecognized value for parameter \"action\": nosuchaction.");
  }
}

TEST_F(SessionTest, OtherErrorFormatsAreUnderstoodToo) {
  try {
    session.get({{"action", "nosuchaction"}, {"errorformat", "plaintext"}});
    FAIL() << "no exception";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code(), "badvalue");
    EXPECT_THAT(e.info(), HasSubstr("nosuchaction"));
  }
}

TEST_F(SessionTest, ABotPasswordLoginSucceedsAndLaterRequestsAssertUser) {
  session.login(kAliceBot, kAliceBotPass);
  EXPECT_EQ(session.user(), "Alice");
  EXPECT_EQ(whoami(session), "Alice");
  EXPECT_THAT(requests("query"), Contains(ResultOf(param("assert"), "user")));
  // The login itself carries no assert.
  EXPECT_THAT(requests("login"), Each(ResultOf(param("assert"), "(none)")));
}

TEST_F(SessionTest, AWrongPasswordIsALoginErrorWithResultAndReason) {
  try {
    session.login(kAliceBot, "wrongwrongwrongwrongwrongwrongwr");
    FAIL() << "no exception";
  } catch (const LoginError& e) {
    EXPECT_EQ(e.result(), "Failed");
    EXPECT_EQ(e.reason(), "Incorrect username or password entered. Please try again.");  // bc: lines joined
  }
  EXPECT_EQ(session.user(), std::nullopt);
}

TEST_F(SessionTest, TokensAreFetchedOnceAndKept) {
  const std::string first = session.token();
  EXPECT_EQ(session.token(), first);
  EXPECT_EQ(requests("query").size(), 1u);
  EXPECT_EQ(first, "+\\");  // anonymous: the csrf token is "+\"
}

TEST_F(SessionTest, LoginDropsTheTokensOfTheAnonymousSession) {
  EXPECT_EQ(session.token(), "+\\");
  session.login(kAliceBot, kAliceBotPass);
  EXPECT_NE(session.token(), "+\\");
}

TEST_F(SessionTest, OnBadtokenTheTokenIsFetchedAgainAndTheRequestRetriedOnce) {
  session.login(kAliceBot, kAliceBotPass);
  session.token();
  wiki.add_fault({.match = {.action = "logout"}, .fault = "badtoken", .times = 1});
  session.logout();
  // One logout refused, then one that worked: exactly one retry.
  const auto logouts = requests("logout");
  ASSERT_EQ(logouts.size(), 2u);
  EXPECT_EQ(logouts[0].error, "badtoken");
  EXPECT_EQ(logouts[1].error, "");
  EXPECT_EQ(session.user(), std::nullopt);
}

TEST_F(SessionTest, ASecondBadtokenIsAnError) {
  session.login(kAliceBot, kAliceBotPass);
  wiki.add_fault({.match = {.action = "logout"}, .fault = "badtoken", .times = 2});
  EXPECT_THROW(session.logout(), ApiError);
  EXPECT_EQ(requests("logout").size(), 2u);
}

TEST_F(SessionTest, LogoutEndsTheLoginAndItsCookies) {
  session.login(kAliceBot, kAliceBotPass);
  session.logout();
  EXPECT_TRUE(session.cookies().cookies().empty());
  EXPECT_EQ(whoami(session), "127.0.0.1");
  EXPECT_THAT(requests("query").back().params,
              Not(Contains(Field(&std::pair<std::string, std::string>::first, "assert"))));
}

TEST_F(SessionTest, ACookieJarSavedAfterLoginKeepsTheLoginInTheNextRun) {
  session.login(kAliceBot, kAliceBotPass);
  const std::string file = ::testing::TempDir() + "session_test_jar.txt";
  session.cookies().save(file);
  Session next_run(wiki.api_url());
  next_run.cookies() = CookieJar::load(file);
  std::remove(file.c_str());
  EXPECT_EQ(whoami(next_run), "Alice");
}

TEST_F(SessionTest, AnHtmlErrorPageIsATransportErrorWithItsStatus) {
  Session fragile = no_retries();
  wiki.add_fault({.fault = "http_503"});
  try {
    fragile.get(kWhoAmI);
    FAIL() << "no exception";
  } catch (const TransportError& e) {
    EXPECT_EQ(e.status(), 503);
  }
}

TEST_F(SessionTest, AClosedConnectionIsATransportErrorWithoutStatus) {
  Session fragile = no_retries();
  wiki.add_fault({.fault = "reset"});
  try {
    fragile.get(kWhoAmI);
    FAIL() << "no exception";
  } catch (const TransportError& e) {
    EXPECT_EQ(e.status(), 0);
  }
}

TEST_F(SessionTest, ATruncatedAnswerIsAnErrorNotACrash) {
  Session fragile = no_retries();
  wiki.add_fault({.fault = "truncated"});
  EXPECT_THROW(fragile.get(kWhoAmI), Error);
  // And the session goes on.
  EXPECT_EQ(whoami(fragile), "127.0.0.1");
}

TEST_F(SessionTest, AServerThatIsNotThereIsATransportError) {
  const std::string url = wiki.api_url();
  wiki.stop();
  std::vector<std::chrono::milliseconds> waits;
  Session gone(url, {.timeout = std::chrono::milliseconds(2000),
                     .wait = [&](std::chrono::milliseconds delay) { waits.push_back(delay); }});
  EXPECT_THROW(gone.get(kWhoAmI), TransportError);
  // Retried with backoff, then given up.
  EXPECT_EQ(waits,
            (std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(1000), std::chrono::milliseconds(2000),
                                                    std::chrono::milliseconds(4000)}));
}

TEST_F(SessionTest, AUrlWithoutSchemeIsRefused) { EXPECT_THROW(Session("example.org/w/api.php"), Error); }

// ---- Surviving failures ---------------------------------------------------------------------

// A session whose waits are recorded instead of slept.
class RetryTest : public SessionTest {
 protected:
  RetryTest() {
    Session::Options options;
    options.maxlag = 5;
    options.wait = [this](std::chrono::milliseconds delay) { waits.push_back(delay); };
    session = Session(wiki.api_url(), options);
  }
  std::vector<std::chrono::milliseconds> waits;
};

using std::chrono::milliseconds;

TEST_F(RetryTest, ASessionThatDiesIsLoggedInAgainOnceAndTheRequestRepeated) {
  session.login(kAliceBot, kAliceBotPass);
  wiki.expire_all_sessions();
  EXPECT_EQ(whoami(session), "Alice");
  EXPECT_EQ(requests("login").size(), 2u);
  EXPECT_THAT(waits, ::testing::IsEmpty());
}

TEST_F(RetryTest, ASessionThatDiesAgainAtOnceIsAnError) {
  session.login(kAliceBot, kAliceBotPass);
  wiki.add_fault({.match = {.module = "userinfo"}, .fault = "assertuserfailed", .times = 2});
  try {
    session.get(kWhoAmI);
    FAIL() << "no exception";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code(), "assertuserfailed");
  }
}

TEST_F(RetryTest, MaxlagIsWaitedOutForRetryAfterAndRetried) {
  wiki.add_fault({.match = {.module = "userinfo"}, .fault = "maxlag", .times = 2, .lag = 10});
  EXPECT_EQ(whoami(session), "127.0.0.1");
  // Retry-After is max(maxlag, 5) = 5 s (ApiMain::checkMaxLag).
  EXPECT_EQ(waits, (std::vector<milliseconds>{milliseconds(5000), milliseconds(5000)}));
  EXPECT_THAT(requests("query"), Each(ResultOf(param("maxlag"), "5")));
}

TEST_F(RetryTest, MaxlagThatLastsIsAnErrorAfterTheRetries) {
  wiki.add_fault({.match = {.module = "userinfo"}, .fault = "maxlag", .times = 0, .lag = 10});
  try {
    session.get(kWhoAmI);
    FAIL() << "no exception";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code(), "maxlag");
    EXPECT_EQ(e.details()["lag"], 10);
  }
  EXPECT_EQ(waits.size(), 3u);
  EXPECT_EQ(requests("query").size(), 4u);
}

TEST_F(RetryTest, RatelimitedAndReadonlyBackOffDoublingTheDelay) {
  session.login(kAliceBot, kAliceBotPass);
  wiki.add_fault({.match = {.module = "userinfo"}, .fault = "ratelimited", .times = 2});
  EXPECT_EQ(whoami(session), "Alice");
  EXPECT_EQ(waits, (std::vector<milliseconds>{milliseconds(1000), milliseconds(2000)}));
  waits.clear();
  // readonly shows on write modules only, action=login among them (ApiLogin::isWriteMode).
  wiki.add_fault({.match = {.action = "login"}, .fault = "readonly", .times = 1});
  session.login(kRoboBot, kRoboBotPass);
  EXPECT_EQ(waits, (std::vector<milliseconds>{milliseconds(1000)}));
  EXPECT_EQ(session.user(), "Robo");
}

TEST_F(RetryTest, AnHttp503IsRetriedThenSucceeds) {
  wiki.add_fault({.fault = "http_503", .times = 2});
  EXPECT_EQ(whoami(session), "127.0.0.1");
  EXPECT_EQ(waits.size(), 2u);
}

TEST_F(RetryTest, ALostConnectionIsRetried) {
  wiki.add_fault({.fault = "reset", .times = 1});
  EXPECT_EQ(whoami(session), "127.0.0.1");
  EXPECT_EQ(waits.size(), 1u);
}

TEST_F(RetryTest, AnHttp503ThatLastsIsATransportErrorAfterTheRetries) {
  wiki.add_fault({.fault = "http_503", .times = 0});
  EXPECT_THROW(session.get(kWhoAmI), TransportError);
  EXPECT_EQ(waits.size(), 3u);
}

TEST_F(RetryTest, OtherErrorsAreNotRetried) {
  EXPECT_THROW(session.get({{"action", "nosuchaction"}}), ApiError);
  EXPECT_THAT(waits, ::testing::IsEmpty());
}

TEST_F(RetryTest, LoginsCarryNoMaxlag) {
  session.login(kAliceBot, kAliceBotPass);
  EXPECT_THAT(requests("login"), Each(ResultOf(param("maxlag"), "(none)")));
}

TEST_F(RetryTest, ASessionThatExpiresOnTheClockIsLoggedInAgain) {
  session.login(kAliceBot, kAliceBotPass);
  wiki.clock().advance(std::chrono::seconds(3601));  // $wgObjectCacheSessionExpiry is 3600 s
  EXPECT_EQ(whoami(session), "Alice");
  EXPECT_EQ(requests("login").size(), 2u);
}

TEST_F(SessionTest, ABotCanAssertBot) {
  Session::Options options;
  options.assert_bot = true;
  Session bot(wiki.api_url(), options);
  bot.login(kRoboBot, kRoboBotPass);
  EXPECT_EQ(whoami(bot), "Robo");
  EXPECT_EQ(requests("query").back().param("assert") ? *requests("query").back().param("assert") : "", "bot");
}

TEST_F(SessionTest, ThreadsThatFindTheSessionDeadAtOnceShareOneNewLogin) {
  session.login(kAliceBot, kAliceBotPass);
  wiki.expire_all_sessions();
  std::vector<std::string> names(6);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < names.size(); ++i) {
    threads.emplace_back([&, i] { names[i] = whoami(session); });
  }
  for (auto& t : threads) t.join();
  EXPECT_THAT(names, Each(StrEq("Alice")));
  EXPECT_EQ(requests("login").size(), 2u);  // the first login, and one more
}

}  // namespace
}  // namespace mediawiki
