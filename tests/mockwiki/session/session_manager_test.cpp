// Sessions over HTTP: their 3600 s life and its renewal, the "remember me" restore from the
// UserID and Token cookies, the consistency rules between the cookies, and bot-password sessions,
// as MediaWiki 1.39's SessionManager, SessionBackend, CookieSessionProvider and
// BotPasswordSessionProvider give them (core:includes/session/; ../shared/reference/NOTES.md §7;
// tests/reference/FINDINGS.md item 5; exact Set-Cookie lines in tests/reference/raw/cookies.txt).
//
// Time moves only through the mock's clock, which every test freezes first.
#include <chrono>
#include <cstdint>
#include <ctime>

#include "support/mock_wiki_test.h"

namespace mockwiki::testing {
namespace {

using namespace accounts;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::MatchesRegex;

const Json kAliceUser = {{"id", 3}, {"name", "Alice"}};
const Json kRoboUser = {{"id", 4}, {"name", "Robo"}};

constexpr std::int64_t kThirtyDays = 2592000;             // $wgCookieExpiration
constexpr std::int64_t kOneHundredEightyDays = 15552000;  // $wgExtendedLoginCookieExpiration

// The date PHP's setcookie() writes in "expires=".
std::string http_date(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buffer;
}

class SessionManagerTest : public MockWikiTest {
 protected:
  SessionManagerTest() { wiki.clock().freeze(); }

  void advance(int seconds) { wiki.clock().advance(std::chrono::seconds(seconds)); }

  // meta=userinfo: who the session is.
  Reply whoami(ApiClient& c) { return c.get({{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}}); }
  Reply whoami() { return whoami(client); }
  static Json user_of(const Reply& reply) { return reply.json["query"]["userinfo"]; }

  Reply bot_login(ApiClient& c) {
    Reply reply = c.login(kRoboBot, kRoboBotPass);
    EXPECT_EQ(reply.json["login"]["result"], "Success") << reply.body;
    return reply;
  }
  Reply main_login(ApiClient& c) {
    Reply reply = c.login(kAlice, kAlicePass);
    EXPECT_EQ(reply.json["login"]["result"], "Success") << reply.body;
    return reply;
  }
  Reply client_login(ApiClient& c, const Params& extra = {}) {
    Reply reply = c.client_login(kAlice, kAlicePass, extra);
    EXPECT_EQ(reply.json["clientlogin"]["status"], "PASS") << reply.body;
    return reply;
  }
  Reply login_post(ApiClient& c, const std::string& token) {
    return c.post({{"action", "login"},
                   {"lgname", kRoboBot},
                   {"lgpassword", kRoboBotPass},
                   {"lgtoken", token},
                   {"format", "json"}});
  }

  // Set-Cookie lines as PHP writes them (raw/cookies.txt).
  std::string name(const std::string& suffix) const { return wiki.wiki_id() + suffix; }
  std::string session_line(const std::string& suffix, const std::string& value) const {
    return name(suffix) + "=" + value + "; path=/; HttpOnly";
  }
  std::string lasting_line(const std::string& suffix, const std::string& value, std::int64_t max_age) {
    const std::int64_t now = wiki.clock().now();
    return name(suffix) + "=" + value + "; expires=" + http_date(now + max_age) +
           "; Max-Age=" + std::to_string(max_age) + "; path=/; HttpOnly";
  }
  std::string deletion_line(const std::string& suffix) const {
    return name(suffix) + "=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; path=/; HttpOnly";
  }
  // The four lines of a remembered main-account session (raw/cookies.txt §3, §10, §11).
  std::vector<std::string> remembered_lines(const std::string& session_id, const std::string& token) {
    return {session_line("_session", session_id), lasting_line("UserID", "3", kOneHundredEightyDays),
            lasting_line("UserName", "Alice", kOneHundredEightyDays),
            lasting_line("Token", token, kOneHundredEightyDays)};
  }
};

// --- Expiry: $wgObjectCacheSessionExpiry = 3600, counted from the session's last save. ---

TEST_F(SessionManagerTest, ALoginTokenSessionStillHoldsItsTokenAfter3599Seconds) {
  const std::string token = client.login_token();
  advance(3599);
  EXPECT_EQ(login_post(client, token).json["login"]["result"], "Success");
}

TEST_F(SessionManagerTest, AfterExpiryALoginTokenIsFailedSessionLostAndANewSessionIdIsSet) {
  const std::string token = client.login_token();
  const std::string old_id = *client.cookie("_session");
  advance(3601);
  // The store has forgotten the session: the well-formed but unknown id is replaced
  // (SessionManager::getSessionFromInfo resets an id that is not safe), the new session has no
  // login-token secret, and ApiLogin answers "session lost" whatever the token (NOTES §7, §14.3).
  Reply reply = login_post(client, token);
  EXPECT_EQ(reply.json["login"],
            Json({{"result", "Failed"}, {"reason", "Unable to continue login. Your session most likely timed out."}}));
  const std::string new_id = client.cookie("_session").value_or("");
  EXPECT_NE(new_id, old_id);
  EXPECT_THAT(reply.set_cookies, ElementsAre(session_line("_session", new_id)));
}

TEST_F(SessionManagerTest, AfterExpiryClientLoginIsBadTokenAndANewSessionIdIsSet) {
  const std::string token = client.login_token();
  const std::string old_id = *client.cookie("_session");
  advance(3601);
  // ApiMain checks the token before the module runs, so there is no "timed out" message.
  Reply reply = client.post({{"action", "clientlogin"},
                             {"username", kAlice},
                             {"password", kAlicePass},
                             {"logintoken", token},
                             {"loginreturnurl", "http://example.org/"},
                             {"format", "json"}});
  EXPECT_EQ(reply.api_error(), "badtoken");
  EXPECT_EQ(reply.json["error"]["code"], "badtoken");
  EXPECT_EQ(reply.json["error"]["info"], "Invalid CSRF token.");
  const std::string new_id = client.cookie("_session").value_or("");
  EXPECT_NE(new_id, old_id);
  EXPECT_THAT(reply.set_cookies, ElementsAre(session_line("_session", new_id)));
}

// --- Renewal: SessionBackend::renew (called for every request by Setup.php) marks the session
// dirty once less than half of its lifetime is left: time() + 3600/2 > expires. ---

TEST_F(SessionManagerTest, AReadOnlySessionIsNotRenewedWhileHalfItsLifetimeIsLeft) {
  client_login(client);
  advance(1800);  // exactly half left: not renewed
  Reply read = whoami();
  EXPECT_EQ(user_of(read), kAliceUser);
  EXPECT_THAT(read.set_cookies, IsEmpty());
  advance(1801);  // 3601 s after the login saved it
  // A clientlogin without rememberMe has no Token cookie to rebuild the session from.
  EXPECT_EQ(user_of(whoami()), kAnonymous);
}

TEST_F(SessionManagerTest, AReadOnlySessionIsRenewedOnceLessThanHalfItsLifetimeIsLeft) {
  client_login(client);
  const std::string id = *client.cookie("_session");
  advance(1801);
  Reply read = whoami();
  EXPECT_EQ(user_of(read), kAliceUser);
  // The renewal persists the session again: CookieSessionProvider::persistSession sends the
  // session cookie and the 30-day UserID/UserName; the Token cookie was never sent, so its
  // clearCookie writes nothing (WebResponse::setCookie).
  EXPECT_THAT(read.set_cookies, ElementsAre(session_line("_session", id), lasting_line("UserID", "3", kThirtyDays),
                                            lasting_line("UserName", "Alice", kThirtyDays)));
  advance(3599);  // 5400 s after the login, long after its first expiry
  EXPECT_EQ(user_of(whoami()), kAliceUser);
  EXPECT_EQ(client.cookie("_session"), id);
}

TEST_F(SessionManagerTest, AnAnonymousSessionIsRenewedWithItsSessionCookieOnly) {
  const std::string token = client.login_token();
  const std::string id = *client.cookie("_session");
  advance(1801);
  Reply again = client.get({{"action", "query"}, {"meta", "tokens"}, {"type", "login"}, {"format", "json"}});
  EXPECT_TRUE(again.json["query"]["tokens"]["logintoken"].is_string()) << again.body;
  EXPECT_THAT(again.set_cookies, ElementsAre(session_line("_session", id)));
  advance(3599);
  EXPECT_EQ(login_post(client, token).json["login"]["result"], "Success");
}

TEST_F(SessionManagerTest, ChangingSessionDataSavesTheSessionWithoutSendingCookies) {
  client_login(client);
  advance(1000);
  // Logging in reset the token secrets; the first csrf token creates one, which writes the
  // session (SessionBackend::save with dataDirty: a new expiry, but no persistSession call).
  Reply tokens = client.get({{"action", "query"}, {"meta", "tokens"}, {"format", "json"}});
  EXPECT_THAT(tokens.json["query"]["tokens"]["csrftoken"].get<std::string>(), MatchesRegex("[0-9a-f]{40}\\+\\\\"));
  EXPECT_THAT(tokens.set_cookies, IsEmpty());
  advance(3000);  // 4000 s after the login, 3000 s after the write
  EXPECT_EQ(user_of(whoami()), kAliceUser);
}

// --- "Remember me": CookieSessionProvider::provideSessionInfo makes a verified, persisted
// session from UserID + Token; SessionManager::loadSessionInfoFromStore accepts a verified user
// with no stored data; the unsafe id is reset (getSessionFromInfo). ---

TEST_F(SessionManagerTest, AfterExpiryAnActionLoginSessionIsRestoredIntoANewSessionIdWithAllFourCookies) {
  main_login(client);
  const std::string old_id = *client.cookie("_session");
  const std::string token = *client.cookie("Token");
  advance(3601);
  Reply read = whoami();
  EXPECT_EQ(user_of(read), kAliceUser);
  const std::string new_id = client.cookie("_session").value_or("");
  EXPECT_NE(new_id, old_id);
  EXPECT_THAT(new_id, MatchesRegex("[0-9a-v]{32}"));
  EXPECT_EQ(read.set_cookies, remembered_lines(new_id, token));  // raw/cookies.txt §11
  // The rebuilt session is stored: the next request changes nothing.
  Reply next = whoami();
  EXPECT_EQ(user_of(next), kAliceUser);
  EXPECT_THAT(next.set_cookies, IsEmpty());
}

TEST_F(SessionManagerTest, AfterExpiryAClientLoginWithRememberMeIsRestoredTheSameWay) {
  client_login(client, {{"rememberMe", "1"}});
  const std::string token = *client.cookie("Token");
  advance(7200);
  Reply read = whoami();
  EXPECT_EQ(user_of(read), kAliceUser);
  EXPECT_EQ(read.set_cookies, remembered_lines(client.cookie("_session").value_or(""), token));
}

TEST_F(SessionManagerTest, AfterExpiryAClientLoginWithoutRememberMeIsAnonymousAndOnlySentCookiesAreDeleted) {
  client_login(client);
  advance(3601);
  // _session + UserID without Token: an unverified user and no stored data to vouch for it
  // ("probably just a session timeout"), so the session fails and unpersistSession clears
  // _session, UserID and Token; only the two that were sent get deletion lines (raw/cookies.txt 5b).
  Reply read = whoami();
  EXPECT_EQ(user_of(read), kAnonymous);
  EXPECT_THAT(read.set_cookies, ElementsAre(deletion_line("_session"), deletion_line("UserID")));
  // UserName alone is nothing (raw/cookies.txt §5).
  EXPECT_EQ(client.cookies().size(), 1u);
  Reply next = whoami();
  EXPECT_EQ(user_of(next), kAnonymous);
  EXPECT_THAT(next.set_cookies, IsEmpty());
}

// --- Consistency between the cookies (FINDINGS.md item 5). ---

TEST_F(SessionManagerTest, ASessionCookieWithoutUserIdAfterLoginIsRejectedAndDeleted) {
  client_login(client);
  client.drop_cookies("UserID");
  // No UserID cookie: provideSessionInfo insists on an anonymous session, the stored session has
  // a user, loadSessionInfoFromStore fails (raw/cookies.txt §8).
  Reply read = whoami();
  EXPECT_EQ(user_of(read), kAnonymous);
  EXPECT_THAT(read.set_cookies, ElementsAre(deletion_line("_session")));
}

TEST_F(SessionManagerTest, AUserIdCookieWithoutSessionOrTokenIsAnonymousAndOnlyUserIdIsDeleted) {
  client_login(client);
  client.drop_cookies("_session");
  // provideSessionInfo returns nothing; the empty session that replaces it is unpersisted, which
  // clears the cookies that were sent (raw/cookies.txt §7).
  Reply read = whoami();
  EXPECT_EQ(user_of(read), kAnonymous);
  EXPECT_THAT(read.set_cookies, ElementsAre(deletion_line("UserID")));
}

TEST_F(SessionManagerTest, AUserIdOfANonexistentUserIsAnonymousAndOnlyUserIdIsDeleted) {
  client.cookies() = {{name("UserID"), "999"}, {name("UserName"), "Nobody"}};
  // UserInfo::newFromId throws for an id nobody has: no session info at all.
  Reply read = whoami();
  EXPECT_EQ(user_of(read), kAnonymous);
  EXPECT_THAT(read.set_cookies, ElementsAre(deletion_line("UserID")));
}

TEST_F(SessionManagerTest, AUserIdOfANonexistentUserAlsoDeletesTheSessionCookieSentWithIt) {
  client.login_token();
  client.cookies()[name("UserID")] = "999";
  Reply read = whoami();
  EXPECT_EQ(user_of(read), kAnonymous);
  EXPECT_THAT(read.set_cookies, ElementsAre(deletion_line("_session"), deletion_line("UserID")));
}

TEST_F(SessionManagerTest, AUserNameCookieThatDoesNotMatchTheUserIdGivesNoSession) {
  main_login(client);
  const auto cookies = client.cookies();
  client.cookies()[name("UserName")] = "Robo";
  // provideSessionInfo: "mismatched UserID and UserName cookies" returns no session info.
  Reply read = whoami();
  EXPECT_EQ(user_of(read), kAnonymous);
  EXPECT_THAT(read.set_cookies,
              ElementsAre(deletion_line("_session"), deletion_line("UserID"), deletion_line("Token")));
  // Nothing was deleted from the store: the right cookies still name Alice's session.
  client.cookies() = cookies;
  Reply again = whoami();
  EXPECT_EQ(user_of(again), kAliceUser);
  EXPECT_THAT(again.set_cookies, IsEmpty());
}

TEST_F(SessionManagerTest, AWrongTokenCookieGivesNoSession) {
  main_login(client);
  client.cookies()[name("Token")] = "0123456789abcdef0123456789abcdef";
  // provideSessionInfo: "invalid Token cookie" (hash_equals) returns no session info.
  Reply read = whoami();
  EXPECT_EQ(user_of(read), kAnonymous);
  EXPECT_THAT(read.set_cookies,
              ElementsAre(deletion_line("_session"), deletion_line("UserID"), deletion_line("Token")));
}

TEST_F(SessionManagerTest, TheUserIdCookieIsReadAsPhpCastsItToAnInteger) {
  ApiClient alice = another_client();
  main_login(alice);
  const std::string token = *alice.cookie("Token");
  // UserInfo::newFromId( $id ) reads (int)$id: "3x" is user 3. Observed on MediaWiki 1.39.17
  // (refwiki core profile): Cookie "UserID=3x; UserName=Alice; Token=..." is Alice, with all four
  // cookies set again.
  client.cookies() = {{name("UserID"), "3x"}, {name("UserName"), "Alice"}, {name("Token"), token}};
  Reply read = whoami();
  EXPECT_EQ(user_of(read), kAliceUser);
  EXPECT_EQ(read.set_cookies, remembered_lines(client.cookie("_session").value_or(""), token));
}

TEST_F(SessionManagerTest, AnUnknownWellFormedSessionIdIsReplacedByANewOne) {
  // SessionManager::validateSessionId: /^[a-zA-Z0-9_-]{32,}$/.
  for (const std::string sent : {"0123456789abcdefghijklmnopqrstuv", "ABCDEFGHIJ0123456789abcdefghijklmnopqrstuv",
                                 "0123456789-_abcdefghijklmnopqrstuv"}) {
    client.cookies() = {{name("_session"), sent}};
    Reply read = whoami();
    EXPECT_EQ(user_of(read), kAnonymous) << sent;
    const std::string id = client.cookie("_session").value_or("");
    EXPECT_NE(id, sent);
    EXPECT_THAT(id, MatchesRegex("[0-9a-v]{32}"));
    EXPECT_THAT(read.set_cookies, ElementsAre(session_line("_session", id))) << sent;
  }
}

TEST_F(SessionManagerTest, AMalformedSessionIdIsDeleted) {
  for (const std::string sent : {"0123456789abcdefghijklmnopqrstu", "0123456789abcdefghijklmnopqrstu!", "x",
                                 "0123456789abcdefghijklmnopqrstu v"}) {
    client.cookies() = {{name("_session"), sent}};
    Reply read = whoami();
    EXPECT_EQ(user_of(read), kAnonymous) << sent;
    EXPECT_THAT(read.set_cookies, ElementsAre(deletion_line("_session"))) << sent;
  }
}

TEST_F(SessionManagerTest, DeletedAsACookieValueIsTreatedAsNoCookie) {
  // CookieSessionProvider::getCookie: "deleted" is what PHP writes when it deletes a cookie; a
  // client that kept it has not really got the cookie.
  main_login(client);
  const auto cookies = client.cookies();
  const std::string token = *client.cookie("Token");

  client.cookies()[name("UserName")] = "deleted";  // not a mismatched name
  Reply no_name = whoami();
  EXPECT_EQ(user_of(no_name), kAliceUser);
  EXPECT_THAT(no_name.set_cookies, IsEmpty());

  client.cookies() = cookies;
  client.cookies()[name("Token")] = "deleted";  // not a wrong token: the stored session vouches
  Reply no_token = whoami();
  EXPECT_EQ(user_of(no_token), kAliceUser);
  EXPECT_THAT(no_token.set_cookies, IsEmpty());

  client.cookies() = cookies;
  client.cookies()[name("UserID")] = "deleted";  // no UserID: the session must be anonymous
  Reply no_user_id = whoami();
  EXPECT_EQ(user_of(no_user_id), kAnonymous);
  EXPECT_THAT(no_user_id.set_cookies,
              ElementsAre(deletion_line("_session"), deletion_line("UserID"), deletion_line("Token")));

  client.cookies() = cookies;
  client.cookies()[name("_session")] = "deleted";  // no session id: rebuilt from UserID + Token
  Reply no_session = whoami();
  EXPECT_EQ(user_of(no_session), kAliceUser);
  const std::string new_id = client.cookie("_session").value_or("");
  EXPECT_NE(new_id, "deleted");
  EXPECT_EQ(no_session.set_cookies, remembered_lines(new_id, token));
}

// --- Bot-password sessions: BotPasswordSessionProvider (priority 40, above the cookie
// provider's 30), its session id only in <prefix>_BPsession. ---

TEST_F(SessionManagerTest, ABotPasswordSessionIsRenewedWithItsOwnCookieAndLivesOn) {
  bot_login(client);
  const std::string bp_id = *client.cookie("_BPsession");
  advance(3599);
  Reply read = whoami();
  EXPECT_EQ(user_of(read), kRoboUser);
  // ImmutableSessionProviderWithCookie::persistSession sets only the _BPsession cookie.
  EXPECT_THAT(read.set_cookies, ElementsAre(session_line("_BPsession", bp_id)));
  advance(3599);
  EXPECT_EQ(user_of(whoami()), kRoboUser);
}

TEST_F(SessionManagerTest, AnExpiredBotPasswordSessionIsAnonymousAndItsCookieIsDeleted) {
  bot_login(client);
  const std::string old_id = *client.cookie("_session");
  advance(3601);
  // With no stored data a bot-password session has no user, and its provider cannot make one
  // (canChangeUser is false): it fails and _BPsession is cleared. The cookie session of the
  // login-token fetch has expired too: its unknown id is replaced.
  Reply read = whoami();
  EXPECT_EQ(user_of(read), kAnonymous);
  const std::string new_id = client.cookie("_session").value_or("");
  EXPECT_NE(new_id, old_id);
  EXPECT_THAT(read.set_cookies, ElementsAre(deletion_line("_BPsession"), session_line("_session", new_id)));
  EXPECT_FALSE(client.cookie("_BPsession"));
}

TEST_F(SessionManagerTest, DroppingTheBPsessionCookieMakesTheClientAnonymousWithoutCookieChanges) {
  bot_login(client);
  client.drop_cookies("_BPsession");
  Reply read = whoami();
  EXPECT_EQ(user_of(read), kAnonymous);
  EXPECT_THAT(read.set_cookies, IsEmpty());  // FINDINGS.md item 5 (session-botpassword-drop-*)
}

TEST_F(SessionManagerTest, TheSessionCookieDoesNotMatterToABotPasswordSession) {
  bot_login(client);
  const std::string bp_id = *client.cookie("_BPsession");
  // Once the higher-priority session loads, the lower ones are neither loaded nor unpersisted
  // (SessionManager::getSessionInfoForRequest).
  for (const std::string session : {"", "x", "0123456789abcdefghijklmnopqrstuv"}) {
    client.cookies() = {{name("_BPsession"), bp_id}};
    if (!session.empty()) client.cookies()[name("_session")] = session;
    Reply read = whoami();
    EXPECT_EQ(user_of(read), kRoboUser) << session;
    EXPECT_THAT(read.set_cookies, IsEmpty()) << session;
  }
}

TEST_F(SessionManagerTest, ABotPasswordSessionTakesPriorityOverALoggedInCookieSession) {
  main_login(client);
  ApiClient bot = another_client();
  bot_login(bot);
  client.cookies()[name("_BPsession")] = *bot.cookie("_BPsession");
  Reply read = whoami();
  EXPECT_EQ(user_of(read), kRoboUser);
  EXPECT_THAT(read.set_cookies, IsEmpty());
  client.drop_cookies("_BPsession");
  EXPECT_EQ(user_of(whoami()), kAliceUser);
}

TEST_F(SessionManagerTest, AnUnknownBPsessionIsDeletedAndTheCookieSessionIsUsed) {
  main_login(client);
  client.cookies()[name("_BPsession")] = "0123456789abcdefghijklmnopqrstuv";
  Reply read = whoami();
  EXPECT_EQ(user_of(read), kAliceUser);
  EXPECT_THAT(read.set_cookies, ElementsAre(deletion_line("_BPsession")));
}

TEST_F(SessionManagerTest, AMalformedBPsessionCookieIsLeftAlone) {
  // BotPasswordSessionProvider::provideSessionInfo returns nothing for an id that fails
  // validateSessionId, so nothing unpersists it; the cookie provider's unpersistSession clears
  // only _session, UserID and Token. Observed on MediaWiki 1.39.17 (refwiki core profile):
  // "Cookie: refwiki_BPsession=%FF" and "refwiki_BPsession=" are answered with no Set-Cookie.
  for (const std::string sent : {"%FF", "", "short"}) {
    client.cookies() = {{name("_BPsession"), sent}};
    Reply read = whoami();
    EXPECT_EQ(user_of(read), kAnonymous);
    EXPECT_THAT(read.set_cookies, IsEmpty()) << "_BPsession=" << sent;
  }
}

// --- Isolation and new ids. ---

TEST_F(SessionManagerTest, TwoClientsNeverShareASession) {
  ApiClient other = another_client();
  const std::string token = client.login_token();
  const std::string other_token = other.login_token();
  EXPECT_NE(client.cookie("_session"), other.cookie("_session"));
  EXPECT_NE(token, other_token);
  client_login(client);
  EXPECT_EQ(user_of(whoami(client)), kAliceUser);
  EXPECT_EQ(user_of(whoami(other)), kAnonymous);
  // The other session's login token is still its own and still good.
  EXPECT_EQ(login_post(other, other_token).json["login"]["result"], "Success");
  EXPECT_EQ(user_of(whoami(other)), kRoboUser);
  EXPECT_EQ(user_of(whoami(client)), kAliceUser);
  // A token of one session is not one of the other's.
  client.login_token();
  EXPECT_EQ(login_post(client, other_token).json["login"]["result"], "WrongToken");
}

TEST_F(SessionManagerTest, LoggingInGivesANewSessionIdAndForgetsTheOldOne) {
  for (bool use_clientlogin : {false, true}) {
    ApiClient c = another_client();
    c.login_token();
    const std::string before = *c.cookie("_session");
    if (use_clientlogin) {
      client_login(c);
    } else {
      main_login(c);
    }
    const std::string after = c.cookie("_session").value_or("");
    EXPECT_NE(after, before);
    EXPECT_THAT(after, MatchesRegex("[0-9a-v]{32}"));
    // SessionBackend::resetId deletes the old id's data: it is now an unknown id.
    ApiClient stale = another_client();
    stale.cookies() = {{name("_session"), before}};
    Reply read = whoami(stale);
    EXPECT_EQ(user_of(read), kAnonymous);
    const std::string fresh = stale.cookie("_session").value_or("");
    EXPECT_NE(fresh, before);
    EXPECT_NE(fresh, after);
    EXPECT_THAT(fresh, MatchesRegex("[0-9a-v]{32}"));
  }
}

}  // namespace
}  // namespace mockwiki::testing
