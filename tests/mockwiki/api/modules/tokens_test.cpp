// action=query&meta=tokens: the token types, their order and format, the unknown-type warning
// in every error format, and the sessions behind the tokens, as MediaWiki 1.39 gives them
// (ApiQueryTokens.php, session/Token.php, user/LoggedOutEditToken.php; ../shared/reference/NOTES.md
// §2; transcripts in tests/reference/mw-1.39/tokens-*.json; tests/reference/FINDINGS.md).
#include "support/mock_wiki_test.h"

#include <cstdio>
#include <set>

namespace mockwiki::testing {
namespace {

using namespace accounts;
using ::testing::MatchesRegex;

// A fixed moment: 2027-01-15T08:00:00Z, "6b49d200" in a token.
constexpr std::int64_t kNow = 1800000000;
// A real token: 32 hex of HMAC, the time in hex, then "+\" (Token::toStringAtTimestamp).
constexpr const char* kRealToken = "[0-9a-f]{40}\\+\\\\";

const char* const kAllTypes[] = {"createaccount", "csrf", "login", "patrol", "rollback", "userrights", "watch"};

std::string hex(std::int64_t value) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%llx", static_cast<unsigned long long>(value));
  return buffer;
}

std::vector<std::string> keys(const Json& object) {
  std::vector<std::string> out;
  for (const auto& [key, value] : object.items()) out.push_back(key);
  return out;
}

class TokensTest : public MockWikiTest {
 protected:
  Reply tokens(Params extra = {}) {
    Params params = {{"action", "query"}, {"meta", "tokens"}, {"format", "json"}};
    params.insert(params.end(), extra.begin(), extra.end());
    return client.get(params);
  }

  void freeze_clock() {
    wiki.clock().freeze();
    wiki.clock().set(kNow);
  }
};

// ---- Anonymous ---------------------------------------------------------------------------

TEST_F(TokensTest, DefaultTypeIsCsrfAndAnonymousCsrfIsPlusBackslash) {
  Reply fv1 = tokens();
  EXPECT_EQ(fv1.body, "{\"batchcomplete\":\"\",\"query\":{\"tokens\":{\"csrftoken\":\"+\\\\\"}}}");
  Reply fv2 = tokens({{"formatversion", "2"}});
  // NOTES.md §2.2; LoggedOutEditToken needs no session, so no cookie either.
  EXPECT_EQ(fv2.json, Json({{"batchcomplete", true}, {"query", {{"tokens", {{"csrftoken", "+\\"}}}}}}));
  EXPECT_TRUE(fv1.set_cookies.empty());
  EXPECT_TRUE(fv2.set_cookies.empty());
}

TEST_F(TokensTest, EveryTypeIsSortedWithRealLoginAndCreateAccountTokens) {
  Reply reply = tokens({{"type", "*"}, {"formatversion", "2"}});
  // tokens-all-types-anonymous-fv2: ksort'ed; only the session-keyed types are real.
  const Json& got = reply.json["query"]["tokens"];
  ASSERT_EQ(keys(got), (std::vector<std::string>{"createaccounttoken", "csrftoken", "logintoken", "patroltoken",
                                                 "rollbacktoken", "userrightstoken", "watchtoken"}))
      << reply.body;
  EXPECT_THAT(got["createaccounttoken"].get<std::string>(), MatchesRegex(kRealToken));
  EXPECT_THAT(got["logintoken"].get<std::string>(), MatchesRegex(kRealToken));
  EXPECT_NE(got["createaccounttoken"], got["logintoken"]);
  for (const char* type : {"csrftoken", "patroltoken", "rollbacktoken", "userrightstoken", "watchtoken"}) {
    EXPECT_EQ(got[type], "+\\") << type;
  }
  EXPECT_EQ(reply.json["batchcomplete"], true);
  EXPECT_TRUE(reply.sets_cookie("_session"));
}

TEST_F(TokensTest, EveryTypeInFormatVersionOne) {
  Reply reply = tokens({{"type", "*"}});
  // tokens-all-types-anonymous-fv1
  EXPECT_EQ(reply.json["batchcomplete"], "");
  EXPECT_EQ(reply.json["query"]["tokens"]["watchtoken"], "+\\");
  EXPECT_EQ(reply.json["query"]["tokens"].size(), 7u);
}

TEST_F(TokensTest, AnExplicitListKeepsTheRequestOrder) {
  Reply reply = tokens({{"type", "login|csrf"}, {"formatversion", "2"}});
  // tokens-login-csrf-order: only type=* is alphabetical.
  EXPECT_EQ(keys(reply.json["query"]["tokens"]), (std::vector<std::string>{"logintoken", "csrftoken"}));
  EXPECT_EQ(reply.json["query"]["tokens"]["csrftoken"], "+\\");
  Reply reversed = tokens({{"type", "watch|createaccount|patrol"}, {"formatversion", "2"}});
  EXPECT_EQ(keys(reversed.json["query"]["tokens"]),
            (std::vector<std::string>{"watchtoken", "createaccounttoken", "patroltoken"}));
}

TEST_F(TokensTest, EachCoreTypeAloneGivesItsOwnKey) {
  for (const char* type : kAllTypes) {
    Reply reply = tokens({{"type", type}, {"formatversion", "2"}});
    const Json& got = reply.json["query"]["tokens"];
    ASSERT_EQ(keys(got), std::vector<std::string>{std::string(type) + "token"}) << reply.body;
    EXPECT_EQ(reply.json.contains("warnings"), false) << type;
  }
}

TEST_F(TokensTest, SessionTokensSetTheSessionCookieOnlyOnce) {
  Reply first = tokens({{"type", "login"}});
  // raw/cookies.txt §1-2; session-login-token-twice.
  ASSERT_EQ(first.set_cookies.size(), 1u);
  EXPECT_THAT(first.set_cookies[0], MatchesRegex("mockwiki_session=[0-9a-v]{32}; path=/; HttpOnly"));
  const std::string session = *client.cookie("_session");
  Reply second = tokens({{"type", "login"}});
  EXPECT_TRUE(second.set_cookies.empty());
  EXPECT_EQ(*client.cookie("_session"), session);
  Reply create = tokens({{"type", "createaccount"}});
  EXPECT_TRUE(create.set_cookies.empty());
}

TEST_F(TokensTest, PostWorksLikeGet) {
  Reply reply = client.post(
      {{"action", "query"}, {"meta", "tokens"}, {"type", "login"}, {"format", "json"}, {"formatversion", "2"}});
  // tokens-post-login-type
  EXPECT_EQ(keys(reply.json), (std::vector<std::string>{"batchcomplete", "query"}));
  EXPECT_THAT(reply.json["query"]["tokens"]["logintoken"].get<std::string>(), MatchesRegex(kRealToken));
  EXPECT_TRUE(reply.sets_cookie("_session"));
}

// ---- Format and clock --------------------------------------------------------------------

TEST_F(TokensTest, LoginTokenIsAnHmacThenTheTimeInHexThenPlusBackslash) {
  freeze_clock();
  Reply reply = tokens({{"type", "login"}});
  const std::string token = reply.json["query"]["tokens"]["logintoken"];
  EXPECT_THAT(token, MatchesRegex("[0-9a-f]{32}6b49d200\\+\\\\"));
  // The same second gives the same text.
  EXPECT_EQ(tokens({{"type", "login"}}).json["query"]["tokens"]["logintoken"], token);
}

TEST_F(TokensTest, TokenTimestampsFollowTheMockClock) {
  freeze_clock();
  const std::string before = client.login_token();
  EXPECT_EQ(before.substr(32), hex(kNow) + "+\\");
  wiki.clock().advance(std::chrono::seconds(1800));
  const std::string after = client.login_token();
  EXPECT_EQ(after.substr(32), hex(kNow + 1800) + "+\\");
  // The secret is the session's: only the time part and so the HMAC differ.
  EXPECT_NE(after.substr(0, 32), before.substr(0, 32));
}

TEST_F(TokensTest, TheTimeIsHexWithoutPadding) {
  wiki.clock().freeze();
  wiki.clock().set(0x1234567);
  const std::string token = client.login_token();
  // dechex(): no leading zeros, so the token is shorter than 42 characters.
  EXPECT_THAT(token, MatchesRegex("[0-9a-f]{32}1234567\\+\\\\"));
}

// ---- Logged in ---------------------------------------------------------------------------

TEST_F(TokensTest, CsrfAfterLoginIsARealTokenStableWithinTheSession) {
  freeze_clock();
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  Reply reply = tokens({{"formatversion", "2"}});
  // tokens-csrf-after-main-login; session-csrf-stable.
  const std::string csrf = reply.json["query"]["tokens"]["csrftoken"];
  EXPECT_THAT(csrf, MatchesRegex("[0-9a-f]{32}6b49d200\\+\\\\"));
  EXPECT_TRUE(reply.set_cookies.empty());
  EXPECT_EQ(tokens({{"formatversion", "2"}}).json["query"]["tokens"]["csrftoken"], csrf);
  // The same session secret signs every non-session type, each with its own salt.
  Reply all = tokens({{"type", "csrf|watch|patrol|rollback|userrights"}, {"formatversion", "2"}});
  std::set<std::string> distinct;
  for (const auto& [key, value] : all.json["query"]["tokens"].items()) {
    EXPECT_THAT(value.get<std::string>(), MatchesRegex("[0-9a-f]{32}6b49d200\\+\\\\")) << key;
    distinct.insert(value.get<std::string>());
  }
  EXPECT_EQ(distinct.size(), 5u);
  EXPECT_EQ(all.json["query"]["tokens"]["csrftoken"], csrf);
}

TEST_F(TokensTest, EveryTokenIsRealAfterClientLogin) {
  ASSERT_EQ(client.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "PASS");
  Reply reply = tokens({{"type", "*"}, {"formatversion", "2"}});
  // tokens-all-types-after-clientlogin
  ASSERT_EQ(reply.json["query"]["tokens"].size(), 7u) << reply.body;
  for (const auto& [key, value] : reply.json["query"]["tokens"].items()) {
    EXPECT_THAT(value.get<std::string>(), MatchesRegex(kRealToken)) << key;
  }
}

TEST_F(TokensTest, EveryTokenIsRealInABotPasswordSessionAndNoCookieIsSet) {
  ASSERT_EQ(client.login(kAliceBot, kAliceBotPass).json["login"]["result"], "Success");
  Reply reply = tokens({{"type", "*"}, {"formatversion", "2"}});
  // tokens-all-types-botpassword-session; login-in-botpassword-session-aborted step 3.
  ASSERT_EQ(reply.json["query"]["tokens"].size(), 7u) << reply.body;
  for (const auto& [key, value] : reply.json["query"]["tokens"].items()) {
    EXPECT_THAT(value.get<std::string>(), MatchesRegex(kRealToken)) << key;
  }
  EXPECT_TRUE(reply.set_cookies.empty());
}

TEST_F(TokensTest, LoginDropsEveryTokenSecret) {
  freeze_clock();
  const std::string login_token = client.login_token();
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  // NOTES.md §2.1: a PASS gives a new session with no secrets, so the next login token differs.
  EXPECT_NE(client.login_token(), login_token);
}

TEST_F(TokensTest, AfterLogoutCsrfIsPlusBackslashAgain) {
  ASSERT_EQ(client.login(kAlice, kAlicePass).json["login"]["result"], "Success");
  const std::string csrf = client.csrf_token();
  ASSERT_NE(csrf, "+\\");
  ASSERT_EQ(client.post({{"action", "logout"}, {"token", csrf}, {"format", "json"}}).body, "{}");
  EXPECT_EQ(client.csrf_token(), "+\\");
}

// ---- Unknown, duplicate and empty types --------------------------------------------------

TEST_F(TokensTest, UnknownTypeIsAWarningAndAnEmptyTokenObject) {
  Reply reply = tokens({{"type", "foo"}});
  // NOTES.md §2.2: no trailing period in paramvalidator-unrecognizedvalues.
  EXPECT_EQ(reply.api_error(), std::nullopt);
  EXPECT_EQ(reply.body,
            "{\"batchcomplete\":\"\",\"warnings\":{\"tokens\":{\"*\":\"Unrecognized value for parameter \\\"type\\\": "
            "foo\"}},\"query\":{\"tokens\":{}}}");
}

TEST_F(TokensTest, SeveralUnknownTypesAreOneWarningInThePlural) {
  Reply reply = tokens({{"type", "csrf|foo|bar"}, {"formatversion", "2"}});
  // tokens-unknown-values-plural-fv2
  EXPECT_EQ(reply.json,
            Json({{"batchcomplete", true},
                  {"warnings", {{"tokens", {{"warnings", "Unrecognized values for parameter \"type\": foo, bar"}}}}},
                  {"query", {{"tokens", {{"csrftoken", "+\\"}}}}}}));
}

TEST_F(TokensTest, UnknownTypeWarningInPlaintext) {
  Reply reply = tokens({{"type", "foo"}, {"formatversion", "2"}, {"errorformat", "plaintext"}});
  // tokens-unknown-type-plaintext-fv2
  const Json warning = {{"code", "unrecognizedvalues"},
                        {"text", "Unrecognized value for parameter \"type\": foo"},
                        {"data", {{"values", {"foo"}}}},
                        {"module", "query+tokens"}};
  EXPECT_EQ(
      reply.json,
      Json({{"batchcomplete", true}, {"warnings", Json::array({warning})}, {"query", {{"tokens", Json::object()}}}}));
}

TEST_F(TokensTest, UnknownTypeWarningInWikitextFormatVersionOne) {
  Reply reply = tokens({{"type", "foo"}, {"errorformat", "wikitext"}});
  // tokens-unknown-type-wikitext-fv1: the text comes last, under "*".
  const Json warning = {{"code", "unrecognizedvalues"},
                        {"data", {{"values", {"foo"}}}},
                        {"module", "query+tokens"},
                        {"*", "Unrecognized value for parameter \"type\": foo"}};
  EXPECT_EQ(
      reply.json,
      Json({{"batchcomplete", ""}, {"warnings", Json::array({warning})}, {"query", {{"tokens", Json::object()}}}}));
}

TEST_F(TokensTest, UnknownTypeWarningInHtml) {
  Reply reply = tokens({{"type", "foo"}, {"formatversion", "2"}, {"errorformat", "html"}});
  // tokens-unknown-type-html-fv2
  const Json warning = {{"code", "unrecognizedvalues"},
                        {"html", "Unrecognized value for parameter \"type\": foo"},
                        {"data", {{"values", {"foo"}}}},
                        {"module", "query+tokens"}};
  EXPECT_EQ(reply.json["warnings"], Json::array({warning}));
}

TEST_F(TokensTest, UnknownTypeWarningInRawHasTheParamsShape) {
  Reply reply = tokens({{"type", "foo"}, {"formatversion", "2"}, {"errorformat", "raw"}});
  // tokens-unknown-type-raw-fv2
  const Json params = Json::array({Json({{"plaintext", "type"}}), Json({{"plaintext", "foo"}}),
                                   Json({{"list", Json::array({Json({{"plaintext", "foo"}})})}, {"type", "comma"}}),
                                   Json({{"num", 1}})});
  const Json warning = {{"code", "unrecognizedvalues"},
                        {"key", "paramvalidator-unrecognizedvalues"},
                        {"params", params},
                        {"data", {{"values", {"foo"}}}},
                        {"module", "query+tokens"}};
  EXPECT_EQ(
      reply.json,
      Json({{"batchcomplete", true}, {"warnings", Json::array({warning})}, {"query", {{"tokens", Json::object()}}}}));
}

TEST_F(TokensTest, SeveralUnknownTypesInRawListEachValue) {
  Reply reply = tokens({{"type", "csrf|foo|bar"}, {"formatversion", "2"}, {"errorformat", "raw"}});
  // $2 is the value as sent, $3 the unknown values as a list, $4 their count (checked on a
  // reference wiki).
  const Json params = Json::array(
      {Json({{"plaintext", "type"}}), Json({{"plaintext", "csrf|foo|bar"}}),
       Json({{"list", Json::array({Json({{"plaintext", "foo"}}), Json({{"plaintext", "bar"}})})}, {"type", "comma"}}),
       Json({{"num", 2}})});
  ASSERT_EQ(reply.json["warnings"].size(), 1u) << reply.body;
  EXPECT_EQ(reply.json["warnings"][0]["params"], params);
  EXPECT_EQ(reply.json["warnings"][0]["data"], Json({{"values", {"foo", "bar"}}}));
}

TEST_F(TokensTest, UnknownTypeWarningWithErrorFormatNone) {
  Reply reply = tokens({{"type", "foo"}, {"formatversion", "2"}, {"errorformat", "none"}});
  // tokens-unknown-type-none-fv2
  const Json warning = {{"code", "unrecognizedvalues"}, {"data", {{"values", {"foo"}}}}, {"module", "query+tokens"}};
  EXPECT_EQ(reply.json["warnings"], Json::array({warning}));
}

TEST_F(TokensTest, DuplicateTypesGiveOneTokenAndNoWarning) {
  Reply reply = tokens({{"type", "csrf|csrf"}, {"formatversion", "2"}});
  // tokens-duplicate-type
  EXPECT_EQ(reply.json, Json({{"batchcomplete", true}, {"query", {{"tokens", {{"csrftoken", "+\\"}}}}}}));
}

TEST_F(TokensTest, EmptyTypeGivesAnEmptyTokenObjectAndNoWarning) {
  Reply reply = tokens({{"type", ""}, {"formatversion", "2"}});
  // tokens-empty-type
  EXPECT_EQ(reply.json, Json({{"batchcomplete", true}, {"query", {{"tokens", Json::object()}}}}));
  EXPECT_TRUE(reply.set_cookies.empty());
}

// ---- No same-origin security; rawcontinue ------------------------------------------------

TEST_F(TokensTest, OriginStarGivesAWarningAndNoQueryMember) {
  Reply reply = tokens({{"type", "login"}, {"origin", "*"}});
  // tokens-origin-star-login: no tokens at all, and no session is started.
  EXPECT_EQ(reply.json,
            Json({{"batchcomplete", ""},
                  {"warnings",
                   {{"tokens", {{"*", "Tokens may not be obtained when the same-origin policy is not applied."}}}}}}));
  EXPECT_EQ(reply.header("MediaWiki-Login-Suppressed"), "true");
  EXPECT_TRUE(reply.set_cookies.empty());
}

TEST_F(TokensTest, OriginStarInFormatVersionTwo) {
  Reply reply = tokens({{"type", "login"}, {"origin", "*"}, {"formatversion", "2"}});
  // tokens-origin-star-login-fv2
  EXPECT_EQ(
      reply.json,
      Json({{"batchcomplete", true},
            {"warnings",
             {{"tokens", {{"warnings", "Tokens may not be obtained when the same-origin policy is not applied."}}}}}}));
}

TEST_F(TokensTest, OriginStarGivesNoTokensEvenWhenLoggedIn) {
  ASSERT_EQ(client.login(kRoboBot, kRoboBotPass).json["login"]["result"], "Success");
  Reply reply = tokens({{"origin", "*"}, {"formatversion", "2"}});
  EXPECT_FALSE(reply.json.contains("query")) << reply.body;
  EXPECT_EQ(reply.json["warnings"]["tokens"]["warnings"],
            "Tokens may not be obtained when the same-origin policy is not applied.");
}

TEST_F(TokensTest, RawContinueDropsBatchComplete) {
  Reply reply = client.get(
      {{"action", "query"}, {"rawcontinue", "1"}, {"meta", "tokens"}, {"format", "json"}, {"formatversion", "2"}});
  // main-query-rawcontinue-tokens
  EXPECT_EQ(reply.json, Json({{"query", {{"tokens", {{"csrftoken", "+\\"}}}}}}));
}

}  // namespace
}  // namespace mockwiki::testing
