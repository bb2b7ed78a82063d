// action=createaccount on the default accounts (no ConfirmEdit, so no captcha): the token and
// parameter errors, PASS (the session stays as it was; only ChronologyProtector's cookies are
// set), every FAIL a stock wiki gives (existing or invalid name, missing or mismatched password,
// the password policy, email and real name), the creation by a logged-in user, and the message
// formats, as MediaWiki 1.39.17 answers (core:includes/api/ApiAMCreateAccount.php,
// core:includes/auth/AuthManager.php beginAccountCreation()/continueAccountCreation(),
// core:includes/password/PasswordPolicyChecks.php).
//
// Sources: tests/reference/raw/flows/FINDINGS.md §2 and the exchanges of
// tests/reference/raw/flows/createaccount.txt, named by case id (2a, 3f2, ...) in each test;
// ../shared/reference/NOTES.md. Captcha on createaccount is in
// tests/mockwiki/auth/providers/captcha_test.cpp.
//
// Marked "observed" below: what this file's author saw on the same real MediaWiki 1.39.17
// (setup 2 of FINDINGS.md, stock LocalSettings), not yet in tests/reference: the policy failures
// beyond FINDINGS.md (default-login pair, length, several at once), the names Foo:bar, Foo>bar,
// Foo=bar, User:..., the real name without an email, the logged-in creator's requests unmerged,
// `reason` from an anonymous creator, errorformat on a FAIL, and the raw API errors.
#include <regex>

#include "support/mock_wiki_test.h"
#include "support/raw_http.h"

namespace mockwiki::testing {
namespace {

using namespace accounts;
using ::testing::MatchesRegex;

// A fixed moment for cookie expiry dates: Fri, 15 Jan 2027 08:00:00 GMT.
constexpr std::int64_t kNow = 1800000000;
constexpr const char* kReturnUrl = "http://example.org/";
// A password no policy check refuses, for any of the names below (2a).
constexpr const char* kPassword = "Zq7!newpass-1";

constexpr const char* kUserExists = "Username entered already in use.\nPlease choose a different name.";
constexpr const char* kInvalidUser = "You have not specified a valid username.";
constexpr const char* kNoPrimary = "The supplied credentials could not be used for account creation.";
constexpr const char* kBadRetype = "The passwords you entered do not match.";
constexpr const char* kSubstring = "Your password must not appear within your username.";
constexpr const char* kCommon =
    "The password entered is in a list of very commonly used passwords. Please choose a more unique password.";
constexpr const char* kInvalidEmail =
    "The email address cannot be accepted as it appears to have an invalid format.\nPlease enter a well-formatted "
    "address or empty that field.";
constexpr const char* kNotInProgress =
    "Account creation is not in progress or session data has been lost. Please start again from the beginning.";

// {"createaccount":{"status":"FAIL",...}} in fv2 (canpreservestate) or fv1 (none).
Json fail(const Json& message, const char* code, bool fv2 = true) {
  Json out = {{"status", "FAIL"}, {"message", message}, {"messagecode", code}};
  if (fv2) out["canpreservestate"] = false;
  return {{"createaccount", out}};
}
Json raw(const char* key, Json params = Json::array()) { return {{"key", key}, {"params", std::move(params)}}; }
Json pass(const char* name) { return {{"createaccount", {{"status", "PASS"}, {"username", name}}}}; }

class CreateAccountTest : public MockWikiTest {
 protected:
  void freeze_clock() {
    wiki.clock().freeze();
    wiki.clock().set(kNow);
  }

  static std::string create_token(ApiClient& c) {
    Reply reply = c.get({{"action", "query"}, {"meta", "tokens"}, {"type", "createaccount"}, {"format", "json"}});
    const Json token = reply.json["query"]["tokens"]["createaccounttoken"];
    EXPECT_TRUE(token.is_string()) << reply.body;
    return token.is_string() ? token.get<std::string>() : std::string();
  }

  // POSTs action=createaccount with a fresh createaccount token, `fields`, createreturnurl,
  // format=json and `extra` (fv2 unless `extra` says formatversion).
  Reply create(ApiClient& c, const Params& fields, const Params& extra = {}) {
    Params body = {{"action", "createaccount"}, {"createtoken", create_token(c)}};
    body.insert(body.end(), fields.begin(), fields.end());
    body.emplace_back("createreturnurl", kReturnUrl);
    body.emplace_back("format", "json");
    bool fv = false;
    for (const auto& [key, value] : extra) fv = fv || key == "formatversion";
    if (!fv) body.emplace_back("formatversion", "2");
    body.insert(body.end(), extra.begin(), extra.end());
    return c.post(body);
  }
  Reply create(const Params& fields, const Params& extra = {}) { return create(client, fields, extra); }

  // The fields of a creation that passes, for `name`.
  static Params account(const std::string& name, const std::string& password = kPassword) {
    return {{"username", name}, {"password", password}, {"retype", password}};
  }

  Json userinfo(ApiClient& c, const Params& extra = {}) {
    Params params = {{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}, {"formatversion", "2"}};
    params.insert(params.end(), extra.begin(), extra.end());
    return c.get(params).json;
  }
  Json authmanagerinfo_create(ApiClient& c, bool merged) {
    Params params = {{"action", "query"},
                     {"meta", "authmanagerinfo"},
                     {"amirequestsfor", "create"},
                     {"format", "json"},
                     {"formatversion", "2"}};
    if (merged) params.emplace_back("amimergerequestfields", "1");
    return c.get(params).json;
  }

  // The ChronologyProtector cookie lines of a PASS at kNow, whose cpPosIndex has write index
  // `index` (2a: "cpPosIndex=1%401795572409%23edec72f245b5ff7f575cdd16c7946844; expires=...").
  // The test client decodes header values, so "%40" and "%23" read '@' and '#' here; the
  // encoding on the wire is checked with raw HTTP below.
  static void expect_chronology_cookies(const Reply& reply, int index) {
    ASSERT_EQ(reply.set_cookies.size(), 3u) << reply.body;
    EXPECT_THAT(reply.set_cookies[0], MatchesRegex("cpPosIndex=" + std::to_string(index) + "@" + std::to_string(kNow) +
                                                   "#[0-9a-f]{32}; expires=Fri, 15 Jan 2027 08:00:10 GMT; "
                                                   "Max-Age=10; path=/; HttpOnly"));
    EXPECT_EQ(reply.set_cookies[1],
              "UseDC=master; expires=Fri, 15 Jan 2027 08:00:10 GMT; Max-Age=10; path=/; HttpOnly");
    EXPECT_EQ(reply.set_cookies[2],
              "UseCDNCache=false; expires=Fri, 15 Jan 2027 08:00:10 GMT; Max-Age=10; path=/; HttpOnly");
  }
  // The client id at the end of a cpPosIndex line.
  static std::string client_id(const Reply& reply) {
    const std::string line = reply.cookie_line("cpPosIndex").value_or("");
    const std::size_t hash = line.find('#');
    return hash == std::string::npos ? std::string() : line.substr(hash + 1, 32);
  }
  // A client logged in as Alice by clientlogin.
  void log_in_as_alice() { ASSERT_EQ(client.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "PASS"); }
};

// ---- The token and the parameters ----------------------------------------------------------

TEST_F(CreateAccountTest, TheCreateAccountTokenComesFromMetaTokensAndStartsASession) {
  Reply reply = client.get(
      {{"action", "query"}, {"meta", "tokens"}, {"type", "createaccount"}, {"format", "json"}, {"formatversion", "2"}});
  // 1d: "<32 hex HMAC><8 hex timestamp>+\", and a session cookie in a fresh jar.
  ASSERT_TRUE(reply.json["query"]["tokens"]["createaccounttoken"].is_string()) << reply.body;
  const std::string token = reply.json["query"]["tokens"]["createaccounttoken"];
  EXPECT_THAT(token, MatchesRegex("[0-9a-f]{40}\\+\\\\"));
  EXPECT_EQ(reply.json, Json({{"batchcomplete", true}, {"query", {{"tokens", {{"createaccounttoken", token}}}}}}));
  EXPECT_TRUE(reply.sets_cookie("_session"));
}

TEST_F(CreateAccountTest, MissingCreateTokenIsMissingParam) {
  create_token(client);
  const Params body = {{"action", "createaccount"}, {"username", "NewUserD"},        {"password", kPassword},
                       {"retype", kPassword},       {"createreturnurl", kReturnUrl}, {"format", "json"}};
  Params fv2 = body;
  fv2.emplace_back("formatversion", "2");
  // 2j (fv2), 2j2 (fv1: the docref is "*").
  Reply reply = client.post(fv2);
  EXPECT_EQ(reply.api_error(), "missingparam");
  EXPECT_EQ(reply.json, Json({{"error",
                               {{"code", "missingparam"},
                                {"info", "The \"createtoken\" parameter must be set."},
                                {"docref", docref()}}}}));
  EXPECT_EQ(
      client.post(body).json,
      Json({{"error",
             {{"code", "missingparam"}, {"info", "The \"createtoken\" parameter must be set."}, {"*", docref()}}}}));
}

TEST_F(CreateAccountTest, MissingCreateTokenByGetIsMissingParamNotMustBePosted) {
  Reply reply = client.get({{"action", "createaccount"},
                            {"username", "NewUserD"},
                            {"createreturnurl", kReturnUrl},
                            {"format", "json"},
                            {"formatversion", "2"}});
  // 2i2: parameter validation comes before the POST check.
  EXPECT_EQ(reply.api_error(), "missingparam");
  EXPECT_EQ(reply.json, Json({{"error",
                               {{"code", "missingparam"},
                                {"info", "The \"createtoken\" parameter must be set."},
                                {"docref", docref()}}}}));
}

TEST_F(CreateAccountTest, MissingAndBadTokensInRawErrorFormat) {
  create_token(client);
  const Params body = {{"action", "createaccount"}, {"username", "NewUserD"}, {"createreturnurl", kReturnUrl},
                       {"format", "json"},          {"formatversion", "2"},   {"errorformat", "raw"}};
  // Observed.
  const Json missing = {{"code", "missingparam"},
                        {"key", "paramvalidator-missingparam"},
                        {"params", Json::array({Json({{"plaintext", "createtoken"}})})},
                        {"module", "createaccount"}};
  EXPECT_EQ(client.post(body).json, Json({{"errors", Json::array({missing})}, {"docref", docref()}}));
  Params with_token = body;
  with_token.emplace_back("createtoken", "abc");
  Reply reply = client.post(with_token);
  const Json bad = {
      {"code", "badtoken"}, {"key", "apierror-badtoken"}, {"params", Json::array()}, {"module", "createaccount"}};
  EXPECT_EQ(reply.api_error(), "badtoken");
  EXPECT_EQ(reply.json, Json({{"errors", Json::array({bad})}, {"docref", docref()}}));
}

TEST_F(CreateAccountTest, AWrongCreateTokenIsBadTokenAndCreatesNothing) {
  create_token(client);
  Params body = {{"action", "createaccount"}, {"createtoken", "0123456789abcdef+\\"}};
  for (const auto& field : account("NewUserD")) body.push_back(field);
  body.insert(body.end(), {{"createreturnurl", kReturnUrl}, {"format", "json"}, {"formatversion", "2"}});
  // 2k
  Reply reply = client.post(body);
  EXPECT_EQ(reply.api_error(), "badtoken");
  EXPECT_EQ(reply.json,
            Json({{"error", {{"code", "badtoken"}, {"info", "Invalid CSRF token."}, {"docref", docref()}}}}));
  EXPECT_TRUE(reply.set_cookies.empty());
  EXPECT_EQ(create(account("NewUserD")).json, pass("NewUserD"));
}

TEST_F(CreateAccountTest, ALoginTokenOrACsrfTokenIsNotACreateToken) {
  for (const std::string& token : {client.login_token(), client.csrf_token()}) {
    Params body = {{"action", "createaccount"}, {"createtoken", token}};
    for (const auto& field : account("NewUserD")) body.push_back(field);
    body.insert(body.end(), {{"createreturnurl", kReturnUrl}, {"format", "json"}, {"formatversion", "2"}});
    // 2k2 (the login token); observed (the csrf token).
    Reply reply = client.post(body);
    EXPECT_EQ(reply.api_error(), "badtoken") << token;
    EXPECT_EQ(reply.json,
              Json({{"error", {{"code", "badtoken"}, {"info", "Invalid CSRF token."}, {"docref", docref()}}}}));
  }
}

TEST_F(CreateAccountTest, CreateTokenInAGetQueryIsMustPostParams) {
  const std::string token = create_token(client);
  Params query = {{"createtoken", token}};
  for (const auto& field : account("NewUserD")) query.push_back(field);
  query.insert(
      query.end(),
      {{"action", "createaccount"}, {"createreturnurl", kReturnUrl}, {"format", "json"}, {"formatversion", "2"}});
  // 2i
  Reply reply = client.get(query);
  EXPECT_EQ(reply.api_error(), "mustpostparams");
  EXPECT_EQ(
      reply.json,
      Json({{"error",
             {{"code", "mustpostparams"},
              {"info",
               "The following parameter was found in the query string, but must be in the POST body: createtoken."},
              {"docref", docref()}}}}));
}

TEST_F(CreateAccountTest, PasswordInTheQueryStringIsMustPostParams) {
  // 2h4: the password is a sensitive field (ApiAuthManagerHelper::loadAuthenticationRequests).
  Params body = {{"action", "createaccount"}, {"createtoken", create_token(client)}, {"retype", kPassword},
                 {"username", "NewUserD"},    {"createreturnurl", kReturnUrl},       {"format", "json"},
                 {"formatversion", "2"}};
  Reply reply = client.post(body, {{"password", kPassword}});
  EXPECT_EQ(reply.api_error(), "mustpostparams");
  EXPECT_EQ(
      reply.json,
      Json(
          {{"error",
            {{"code", "mustpostparams"},
             {"info", "The following parameter was found in the query string, but must be in the POST body: password."},
             {"docref", docref()}}}}));
  EXPECT_FALSE(reply.sets_cookie("cpPosIndex"));
}

TEST_F(CreateAccountTest, NeitherReturnUrlNorContinueIsMissingParam) {
  Params body = {{"action", "createaccount"}, {"createtoken", create_token(client)}};
  for (const auto& field : account("NewUserD")) body.push_back(field);
  body.insert(body.end(), {{"format", "json"}, {"formatversion", "2"}});
  // 2l: ApiAuthManagerHelper's requireAtLeastOneParameter.
  Reply reply = client.post(body);
  EXPECT_EQ(reply.api_error(), "missingparam");
  EXPECT_EQ(reply.json,
            Json({{"error",
                   {{"code", "missingparam"},
                    {"info", "At least one of the parameters \"createcontinue\" and \"createreturnurl\" is required."},
                    {"docref", docref()}}}}));
  // Observed: raw.
  body.emplace_back("errorformat", "raw");
  const Json error = {
      {"code", "missingparam"},
      {"key", "apierror-missingparam-at-least-one-of"},
      {"params", Json::array({Json({{"list", Json::array({"<var>createcontinue</var>", "<var>createreturnurl</var>"})},
                                    {"type", "text"}}),
                              2})},
      {"module", "createaccount"}};
  EXPECT_EQ(client.post(body).json, Json({{"errors", Json::array({error})}, {"docref", docref()}}));
}

TEST_F(CreateAccountTest, AReturnUrlThatIsNotAUrlIsBadUrl) {
  Params body = {{"action", "createaccount"}, {"createtoken", create_token(client)}};
  for (const auto& field : account("NewUserD")) body.push_back(field);
  body.insert(body.end(), {{"createreturnurl", "not a url"}, {"format", "json"}, {"formatversion", "2"}});
  // 2l2
  Reply reply = client.post(body);
  EXPECT_EQ(reply.api_error(), "badurl_createreturnurl");
  EXPECT_EQ(reply.json, Json({{"error",
                               {{"code", "badurl_createreturnurl"},
                                {"info", "Invalid value \"not a url\" for URL parameter \"createreturnurl\"."},
                                {"docref", docref()}}}}));
}

// ---- PASS ----------------------------------------------------------------------------------

TEST_F(CreateAccountTest, ANewAccountPassesWithoutLoggingIn) {
  create_token(client);
  const std::string session = client.cookie("_session").value_or("");
  Reply reply = create(account("NewUserA"));
  // 2a, 2a2: only ChronologyProtector's cookies; the session is the same and anonymous.
  EXPECT_EQ(reply.json, pass("NewUserA"));
  EXPECT_FALSE(reply.sets_cookie("_session"));
  EXPECT_FALSE(reply.sets_cookie("UserID"));
  EXPECT_FALSE(reply.sets_cookie("UserName"));
  EXPECT_EQ(client.cookie("_session").value_or(""), session);
  EXPECT_EQ(userinfo(client), Json({{"batchcomplete", true},
                                    {"query", {{"userinfo", {{"id", 0}, {"name", "127.0.0.1"}, {"anon", true}}}}}}));
}

TEST_F(CreateAccountTest, APassInFormatVersionOneIsTheSame) {
  // 2b
  Reply reply = create(account("NewUserB"), {{"formatversion", "1"}});
  EXPECT_EQ(reply.body, R"({"createaccount":{"status":"PASS","username":"NewUserB"}})");
}

TEST_F(CreateAccountTest, APassSetsTheChronologyProtectorCookiesForTenSeconds) {
  freeze_clock();
  Reply reply = create(account("NewUserA"));
  ASSERT_EQ(reply.json, pass("NewUserA"));
  // 2a: cpPosIndex=<write index>@<now>#<client id>, UseDC=master, UseCDNCache=false, 10 s
  // (ChronologyProtector::POSITION_COOKIE_TTL).
  expect_chronology_cookies(reply, 1);
}

TEST_F(CreateAccountTest, OnTheWireCpPosIndexHasItsAtAndHashPercentEncoded) {
  freeze_clock();
  const std::string token = create_token(client);
  Params body = {{"action", "createaccount"}, {"createtoken", token}};
  for (const auto& field : account("NewUserA")) body.push_back(field);
  body.insert(body.end(), {{"createreturnurl", kReturnUrl}, {"format", "json"}, {"formatversion", "2"}});
  const std::string api_path = wiki.api_url().substr(wiki.api_url().find('/', 8));
  RawReply raw =
      raw_exchange(wiki.port(), http_request("POST", api_path,
                                             "Cookie: mockwiki_session=" + client.cookie("_session").value_or("") +
                                                 "\r\nContent-Type: application/x-www-form-urlencoded\r\n",
                                             ApiClient::encode(body)));
  ASSERT_EQ(raw.json, pass("NewUserA")) << raw.head << raw.body;
  // 2a: setcookie() rawurlencodes the value: "1%40<now>%23<client id>".
  EXPECT_TRUE(std::regex_search(raw.head, std::regex("\r\nSet-Cookie: cpPosIndex=1%40" + std::to_string(kNow) +
                                                     "%23[0-9a-f]{32}; expires=Fri, 15 Jan 2027 08:00:10 GMT; "
                                                     "Max-Age=10; path=/; HttpOnly\r\n")))
      << raw.head;
}

TEST_F(CreateAccountTest, ASecondCreationFromTheSameClientHasWriteIndexTwo) {
  freeze_clock();
  Reply first = create(account("NewUserA"));
  ASSERT_EQ(first.json, pass("NewUserA"));
  // 2b: the write index counts the client's (IP and user agent's) writes, not the cookie jar's.
  ApiClient other = another_client();
  Reply second = create(other, account("NewUserB"));
  ASSERT_EQ(second.json, pass("NewUserB"));
  expect_chronology_cookies(second, 2);
  EXPECT_EQ(client_id(second), client_id(first));
  Reply third = create(account("NewUserC"));
  ASSERT_EQ(third.json, pass("NewUserC"));
  expect_chronology_cookies(third, 3);
}

TEST_F(CreateAccountTest, TheWriteIndexStartsAgainAMinuteAfterTheLastWrite) {
  freeze_clock();
  ASSERT_EQ(create(account("NewUserA")).json, pass("NewUserA"));
  // ChronologyProtector::POSITION_STORE_TTL is 60 s.
  wiki.clock().set(kNow + 61);
  Reply reply = create(account("NewUserB"));
  ASSERT_EQ(reply.json, pass("NewUserB"));
  EXPECT_THAT(*reply.cookie_line("cpPosIndex"), ::testing::StartsWith("cpPosIndex=1@" + std::to_string(kNow + 61)));
}

// DISABLED: the mock keeps the write index for 60 s from the client's *first* write
// (ObjectCache::incr_with_init); ChronologyProtector::persistSessionReplicationPositions
// (core:includes/libs/rdbms/ChronologyProtector.php) writes the positions back with
// $store->set(..., POSITION_STORE_TTL) on every write, so the 60 s start again at each one.
// Observed: creations at t, t+50 and t+71 s had write indexes 1, 2 and 3.
TEST_F(CreateAccountTest, TheWriteIndexLivesAMinuteFromTheLastWriteNotTheFirst) {
  freeze_clock();
  ASSERT_EQ(create(account("NewUserA")).json, pass("NewUserA"));
  wiki.clock().set(kNow + 50);
  Reply second = create(account("NewUserB"));
  ASSERT_EQ(second.json, pass("NewUserB"));
  EXPECT_THAT(*second.cookie_line("cpPosIndex"), ::testing::StartsWith("cpPosIndex=2@"));
  wiki.clock().set(kNow + 71);
  Reply third = create(account("NewUserC"));
  ASSERT_EQ(third.json, pass("NewUserC"));
  EXPECT_THAT(*third.cookie_line("cpPosIndex"), ::testing::StartsWith("cpPosIndex=3@"));
}

TEST_F(CreateAccountTest, AFailSetsNoCookies) {
  freeze_clock();
  // 2d, 2e, 2f, 2g: no Set-Cookie at all on a FAIL, and the write index is not used up.
  for (const Params& fields :
       {account(kAlice), Params{{"username", "NewUserC"}, {"password", kPassword}, {"retype", "x"}},
        account("Bad|Name"), Params{{"username", "NewUserD"}, {"password", kPassword}}}) {
    Reply reply = create(fields);
    EXPECT_EQ(reply.json["createaccount"]["status"], "FAIL") << reply.body;
    EXPECT_TRUE(reply.set_cookies.empty()) << reply.body;
  }
  expect_chronology_cookies(create(account("NewUserA")), 1);
}

TEST_F(CreateAccountTest, TheNewAccountCanLogIn) {
  ASSERT_EQ(create(account("NewUserA")).json, pass("NewUserA"));
  // 2c: from another jar, with the password given at creation.
  ApiClient other = another_client();
  Reply reply = other.client_login("NewUserA", kPassword, {{"formatversion", "2"}});
  EXPECT_EQ(reply.json, Json({{"clientlogin", {{"status", "PASS"}, {"username", "NewUserA"}}}}));
  EXPECT_EQ(userinfo(other),
            Json({{"batchcomplete", true}, {"query", {{"userinfo", {{"id", 6}, {"name", "NewUserA"}}}}}}));
  // A wrong password does not.
  EXPECT_EQ(another_client()
                .client_login("NewUserA", "Zq7!wrong-1", {{"formatversion", "2"}})
                .json["clientlogin"]["messagecode"],
            "wrongpassword");
}

TEST_F(CreateAccountTest, TheNameIsCanonicalized) {
  // 2f7: first letter upper case, '_' a space. Observed: spaces trimmed and squeezed, a
  // "User:" prefix dropped, '=' allowed.
  EXPECT_EQ(create(account("new_lower")).json, pass("New lower"));
  EXPECT_EQ(create(account(" Spaced  name ")).json, pass("Spaced name"));
  EXPECT_EQ(create(account("User:Userprefixed")).json, pass("Userprefixed"));
  EXPECT_EQ(create(account("Foo=bar")).json, pass("Foo=bar"));
  EXPECT_EQ(another_client().client_login("New lower", kPassword, {{"formatversion", "2"}}).json,
            Json({{"clientlogin", {{"status", "PASS"}, {"username", "New lower"}}}}));
}

TEST_F(CreateAccountTest, AnUnknownParameterIsWarnedAboutOnPass) {
  // 3g
  EXPECT_EQ(create(account("WithFoo"), {{"formatversion", "2"}, {"foo", "1"}}).json,
            Json({{"warnings", {{"main", {{"warnings", "Unrecognized parameter: foo."}}}}},
                  {"createaccount", {{"status", "PASS"}, {"username", "WithFoo"}}}}));
}

TEST_F(CreateAccountTest, OnlyThePasswordRequestStillPasses) {
  // 3i: the username comes from the password request.
  EXPECT_EQ(create(account("FilterUser"), {{"createrequests", "MediaWiki\\Auth\\PasswordAuthenticationRequest"}}).json,
            pass("FilterUser"));
}

TEST_F(CreateAccountTest, NeitherAPassNorAFailLeavesACreationInProgress) {
  auto continue_creation = [&] {
    return client
        .post({{"action", "createaccount"},
               {"createtoken", create_token(client)},
               {"createcontinue", "1"},
               {"format", "json"},
               {"formatversion", "2"}})
        .json;
  };
  // AuthManager::continueAccountCreation removes AuthManager::accountCreationState on PASS
  // and on FAIL (as after 2a and 2d; 2m's reply).
  ASSERT_EQ(create(account("NewUserA")).json, pass("NewUserA"));
  EXPECT_EQ(continue_creation(), fail(kNotInProgress, "authmanager-create-not-in-progress"));
  ASSERT_EQ(create(account(kAlice)).json, fail(kUserExists, "userexists"));
  EXPECT_EQ(continue_creation(), fail(kNotInProgress, "authmanager-create-not-in-progress"));
}

// ---- FAIL: the name ------------------------------------------------------------------------

TEST_F(CreateAccountTest, AnExistingNameIsUserExists) {
  // 2d (fv2), 2d2 (fv1), 2d3 (raw), 2d4 (lower case).
  EXPECT_EQ(create(account(kAlice)).json, fail(kUserExists, "userexists"));
  EXPECT_EQ(create(account(kAlice), {{"formatversion", "1"}}).json, fail(kUserExists, "userexists", false));
  EXPECT_EQ(create(account(kAlice), {{"createmessageformat", "raw"}}).json, fail(raw("userexists"), "userexists"));
  EXPECT_EQ(create(account("alice")).json, fail(kUserExists, "userexists"));
}

TEST_F(CreateAccountTest, ANameCreatedBeforeIsUserExists) {
  ASSERT_EQ(create(account("NewUserA")).json, pass("NewUserA"));
  // AuthManager::canCreateAccount, as for 2d.
  EXPECT_EQ(create(account("NewUserA")).json, fail(kUserExists, "userexists"));
  ApiClient other = another_client();
  EXPECT_EQ(create(other, account("newUserA")).json, fail(kUserExists, "userexists"));
}

TEST_F(CreateAccountTest, InvalidNamesAreInvalidUserWithTheRawKeyNoname) {
  // 2f-2f9; observed: Foo:bar and Foo>bar ($wgInvalidUsernameCharacters), Talk:Foo, a reserved name.
  for (const char* name : {"Bad|Name", "Foo#bar", "10.0.0.1", "Foo/bar", "Foo@bar", "", "Foo:bar", "Foo>bar",
                           "Talk:Foo", "MediaWiki default"}) {
    EXPECT_EQ(create(account(name)).json, fail(kInvalidUser, "invaliduser")) << name;
  }
  // 2f9: no username at all.
  EXPECT_EQ(create({{"password", kPassword}, {"retype", kPassword}}).json, fail(kInvalidUser, "invaliduser"));
  // 2f3: the message is "noname"; ApiMessage maps it to the code "invaliduser".
  EXPECT_EQ(create(account("Foo#bar"), {{"createmessageformat", "raw"}}).json, fail(raw("noname"), "invaliduser"));
}

// ---- FAIL: the password --------------------------------------------------------------------

TEST_F(CreateAccountTest, AMissingPasswordOrRetypeFindsNoPrimary) {
  // 2g (no retype), 2h (no password), 2h2 (neither), 2h3 (both empty): the password request
  // is not loaded, so no primary provider takes the creation.
  for (const Params& fields :
       {Params{{"username", "NewUserD"}, {"password", kPassword}},
        Params{{"username", "NewUserD"}, {"retype", kPassword}}, Params{{"username", "NewUserD"}},
        Params{{"username", "NewUserD"}, {"password", ""}, {"retype", ""}}}) {
    EXPECT_EQ(create(fields).json, fail(kNoPrimary, "authmanager-create-no-primary")) << fields.size();
  }
  EXPECT_EQ(create(account("NewUserD")).json, pass("NewUserD"));
}

TEST_F(CreateAccountTest, AMismatchedRetypeIsBadRetype) {
  const Params fields = {{"username", "NewUserC"}, {"password", kPassword}, {"retype", "Zq7!newpass-1x"}};
  // 2e, 2e2
  EXPECT_EQ(create(fields).json, fail(kBadRetype, "badretype"));
  EXPECT_EQ(create(fields, {{"createmessageformat", "raw"}}).json, fail(raw("badretype"), "badretype"));
}

TEST_F(CreateAccountTest, APasswordEqualToTheNameIsRefused) {
  // 3a, 3a2 (PasswordPolicyChecks::checkPasswordCannotBeSubstringInUsername).
  EXPECT_EQ(create(account("PwSame", "PwSame")).json, fail(kSubstring, "password-substring-username-match"));
  EXPECT_EQ(create(account("PwSame", "PwSame"), {{"createmessageformat", "raw"}}).json,
            fail(raw("password-substring-username-match"), "password-substring-username-match"));
}

TEST_F(CreateAccountTest, APasswordInsideTheNameIsRefusedWhateverItsCase) {
  // 3b; stripos() ignores case.
  EXPECT_EQ(create(account("PwSubstring", "Substring")).json, fail(kSubstring, "password-substring-username-match"));
  EXPECT_EQ(create(account("PwSubstring", "SUBSTRING")).json, fail(kSubstring, "password-substring-username-match"));
}

TEST_F(CreateAccountTest, AOneCharacterPasswordPasses) {
  // 3c: MinimalPasswordLength is 1 by default, so passwordtooshort never shows through the API
  // (an empty password is not loaded at all: 2h3).
  EXPECT_EQ(create(account("PwShort", "x")).json, pass("PwShort"));
  EXPECT_EQ(another_client().client_login("PwShort", "x", {{"formatversion", "2"}}).json["clientlogin"]["status"],
            "PASS");
}

TEST_F(CreateAccountTest, CommonPasswordsAreRefused) {
  // 3d, 3d2; observed: password123.
  EXPECT_EQ(create(account("PwCommon", "password")).json, fail(kCommon, "passwordincommonlist"));
  EXPECT_EQ(create(account("PwCommon", "123456"), {{"createmessageformat", "raw"}}).json,
            fail(raw("passwordincommonlist"), "passwordincommonlist"));
  EXPECT_EQ(create(account("PwCommon2", "password123")).json, fail(kCommon, "passwordincommonlist"));
}

TEST_F(CreateAccountTest, TheDefaultExamplePasswordIsForbidden) {
  // Observed; PasswordPolicyChecks::checkPasswordCannotMatchDefaults.
  EXPECT_EQ(create(account("PwDefault", "ExamplePassword")).json,
            fail("The use of this username and password has been forbidden.", "password-login-forbidden"));
  EXPECT_EQ(create(account("PwDefault", "ExamplePassword"), {{"createmessageformat", "raw"}}).json,
            fail(raw("password-login-forbidden"), "password-login-forbidden"));
}

TEST_F(CreateAccountTest, APasswordOfMoreThan4096CharactersIsTooLong) {
  const std::string longest = "Zq7!" + std::string(4092, 'a');
  // Observed; PasswordPolicyChecks::checkMaximalPasswordLength. The message itself is in the
  // disabled test below.
  EXPECT_EQ(create(account("PwLong", longest + "a")).json["createaccount"]["messagecode"], "passwordtoolong");
  EXPECT_EQ(create(account("PwLong", longest)).json, pass("PwLong"));
}

// DISABLED: the mock gives passwordtoolong a number parameter (Message::numParam: "4,096"
// characters, raw {"num":4096}); PasswordPolicyChecks::checkMaximalPasswordLength passes the
// policy value as a plain parameter: "4096" and raw [4096] (observed).
TEST_F(CreateAccountTest, ThePasswordTooLongMessageHasAPlainNumber) {
  const std::string too_long = "Zq7!" + std::string(4093, 'a');
  // Observed.
  EXPECT_EQ(create(account("PwLong", too_long)).json,
            fail("Passwords cannot be longer than 4096 characters.", "passwordtoolong"));
  EXPECT_EQ(create(account("PwLong", too_long), {{"createmessageformat", "raw"}}).json,
            fail(raw("passwordtoolong", Json::array({4096})), "passwordtoolong"));
  EXPECT_EQ(create(account("PwLong", too_long), {{"formatversion", "1"}, {"createmessageformat", "raw"}}).json,
            fail(raw("passwordtoolong", Json::array({4096})), "passwordtoolong", false));
}

TEST_F(CreateAccountTest, SeveralPolicyFailuresMakeABulletedList) {
  const Params fields = account("Password1", "password");
  // Observed: Status::getMessage wraps two errors in the RawMessage "* $1\n* $2"; its code is
  // that key with [^a-zA-Z0-9_-] replaced by '_' (ApiMessageTrait::getApiCode).
  EXPECT_EQ(create(fields).json, fail(std::string("* ") + kSubstring + "\n* " + kCommon, "___1____2"));
  EXPECT_EQ(create(fields, {{"createmessageformat", "raw"}}).json,
            fail(Json({{"key", "* $1\n* $2"}, {"params", Json::array({kSubstring, kCommon})}}), "___1____2"));
  EXPECT_EQ(create(fields, {{"formatversion", "1"}}).json,
            fail(std::string("* ") + kSubstring + "\n* " + kCommon, "___1____2", false));
}

// DISABLED: in html the mock gives the bulleted wikitext as it is; MediaWiki parses it
// (ApiAuthManagerHelper::formatMessage: parseAsBlock, then Parser::stripOuterParagraph) into a
// list (observed).
TEST_F(CreateAccountTest, SeveralPolicyFailuresInHtmlAreAList) {
  // Observed.
  EXPECT_EQ(create(account("Password1", "password"), {{"createmessageformat", "html"}}).json,
            fail(std::string("<ul><li>") + kSubstring + "</li>\n<li>" + kCommon + "</li></ul>", "___1____2"));
}

TEST_F(CreateAccountTest, ABadRetypeComesBeforeThePasswordPolicy) {
  // LocalPasswordPrimaryAuthenticationProvider::testForAccountCreation checks the policy only
  // when the retype matches.
  EXPECT_EQ(create({{"username", "PwSame"}, {"password", "PwSame"}, {"retype", "password"}}).json,
            fail(kBadRetype, "badretype"));
}

// ---- Email and real name -------------------------------------------------------------------

TEST_F(CreateAccountTest, EmailAndRealNameAreStoredWhenBothAreGiven) {
  Params fields = account("WithMail");
  fields.insert(fields.end(), {{"email", "mail@example.org"}, {"realname", "Real Name"}});
  // 3e, 3e2
  ASSERT_EQ(create(fields).json, pass("WithMail"));
  ApiClient user = another_client();
  ASSERT_EQ(user.client_login("WithMail", kPassword).json["clientlogin"]["status"], "PASS");
  EXPECT_EQ(
      userinfo(user, {{"uiprop", "email|realname"}}),
      Json::parse(
          R"({"batchcomplete":true,"query":{"userinfo":{"id":6,"name":"WithMail","realname":"Real Name","email":"mail@example.org"}}})"));
}

TEST_F(CreateAccountTest, AnEmailWithoutARealNameIsIgnored) {
  Params fields = account("MailOnly");
  fields.emplace_back("email", "only@example.org");
  // 3f, 3f1: UserDataAuthenticationRequest needs all its fields to load.
  Reply reply = create(fields);
  EXPECT_EQ(reply.json, pass("MailOnly"));
  ApiClient user = another_client();
  ASSERT_EQ(user.client_login("MailOnly", kPassword).json["clientlogin"]["status"], "PASS");
  EXPECT_EQ(userinfo(user, {{"uiprop", "email|realname"}}),
            Json::parse(
                R"({"batchcomplete":true,"query":{"userinfo":{"id":6,"name":"MailOnly","realname":"","email":""}}})"));
}

TEST_F(CreateAccountTest, ARealNameWithoutAnEmailIsIgnored) {
  Params fields = account("RealOnly");
  fields.emplace_back("realname", "Only Real");
  // Observed (as 3f, the other way round).
  ASSERT_EQ(create(fields).json, pass("RealOnly"));
  ApiClient user = another_client();
  ASSERT_EQ(user.client_login("RealOnly", kPassword).json["clientlogin"]["status"], "PASS");
  EXPECT_EQ(userinfo(user, {{"uiprop", "email|realname"}}),
            Json::parse(
                R"({"batchcomplete":true,"query":{"userinfo":{"id":6,"name":"RealOnly","realname":"","email":""}}})"));
}

TEST_F(CreateAccountTest, AnInvalidEmailWithARealNameIsInvalidEmailAddress) {
  Params fields = account("BadMail");
  fields.insert(fields.end(), {{"email", "not-an-email"}, {"realname", ""}});
  // 3f2, 3f3 (UserDataAuthenticationRequest::populateUser); observed with a non-empty real name.
  EXPECT_EQ(create(fields).json, fail(kInvalidEmail, "invalidemailaddress"));
  EXPECT_EQ(create(fields, {{"createmessageformat", "raw"}}).json,
            fail(raw("invalidemailaddress"), "invalidemailaddress"));
  fields.back().second = "Real Name";
  EXPECT_EQ(create(fields).json, fail(kInvalidEmail, "invalidemailaddress"));
  // Nothing was created.
  EXPECT_EQ(create(account("BadMail")).json, pass("BadMail"));
}

TEST_F(CreateAccountTest, AnInvalidEmailWithoutARealNameStillPasses) {
  Params fields = account("BadMailNoReal");
  fields.emplace_back("email", "not-an-email");
  // 3f4
  EXPECT_EQ(create(fields).json, pass("BadMailNoReal"));
}

// ---- Message and error formats -------------------------------------------------------------

TEST_F(CreateAccountTest, MessageFormatNoneDropsTheMessageAndHtmlIsTheWikitext) {
  // 3h2, 3h
  EXPECT_EQ(
      create(account(kAlice), {{"createmessageformat", "none"}}).json,
      Json({{"createaccount", {{"status", "FAIL"}, {"messagecode", "userexists"}, {"canpreservestate", false}}}}));
  EXPECT_EQ(create(account(kAlice), {{"createmessageformat", "html"}}).json, fail(kUserExists, "userexists"));
}

TEST_F(CreateAccountTest, TheErrorFormatDoesNotChangeAFail) {
  // Observed: errorformat=raw and none leave the FAIL as in wikitext; only warnings follow it.
  EXPECT_EQ(create(account(kAlice), {{"formatversion", "2"}, {"errorformat", "raw"}}).json,
            fail(kUserExists, "userexists"));
  EXPECT_EQ(create(account(kAlice), {{"formatversion", "2"}, {"errorformat", "none"}}).json,
            fail(kUserExists, "userexists"));
  Json expected = fail(kUserExists, "userexists");
  expected = Json(
      {{"warnings",
        Json::array(
            {Json({{"code", "unrecognizedparams"}, {"text", "Unrecognized parameter: foo."}, {"module", "main"}})})},
       {"createaccount", expected["createaccount"]}});
  EXPECT_EQ(create(account(kAlice), {{"formatversion", "2"}, {"errorformat", "plaintext"}, {"foo", "1"}}).json,
            expected);
}

// ---- createcontinue ------------------------------------------------------------------------

TEST_F(CreateAccountTest, CreateContinueWithNothingInProgressIsNotInProgress) {
  const std::string token = create_token(client);
  auto post = [&](Params extra) {
    Params body = {{"action", "createaccount"}, {"createtoken", token}, {"createcontinue", "1"}};
    body.insert(body.end(), extra.begin(), extra.end());
    body.insert(body.end(), {{"format", "json"}, {"formatversion", "2"}});
    return client.post(body).json;
  };
  // 2m, 2m3 (raw), 2m2 (the creation's fields are not asked for when continuing; the warning
  // lists them in request order, observed).
  EXPECT_EQ(post({}), fail(kNotInProgress, "authmanager-create-not-in-progress"));
  EXPECT_EQ(post({{"createmessageformat", "raw"}}),
            fail(raw("authmanager-create-not-in-progress"), "authmanager-create-not-in-progress"));
  Json expected = fail(kNotInProgress, "authmanager-create-not-in-progress");
  expected = Json({{"warnings", {{"main", {{"warnings", "Unrecognized parameters: username, password, retype."}}}}},
                   {"createaccount", expected["createaccount"]}});
  EXPECT_EQ(post(account("NewUserD")), expected);
}

// ---- A logged-in creator -------------------------------------------------------------------

// DISABLED: the mock marks the reason field "optional":true in the unmerged list;
// CreationReasonAuthenticationRequest::getFieldInfo does not say optional, so MediaWiki gives
// false there (observed), and only the merged list (below) makes it optional, as the request is.
TEST_F(CreateAccountTest, ALoggedInCreatorIsOfferedATemporaryPasswordAndAReason) {
  log_in_as_alice();
  // Observed (4b unmerged): TemporaryPasswordAuthenticationRequest first, then the stock create
  // requests, then CreationReasonAuthenticationRequest (AuthManager::getAuthenticationRequestsInternal).
  EXPECT_EQ(
      authmanagerinfo_create(client, false),
      Json::parse(
          R"json({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":false,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"MediaWiki\\Auth\\TemporaryPasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":"Temporary password","account":"","fields":{"mailpassword":{"type":"checkbox","label":"Use a temporary random password and send it to the specified email address","help":"Can be used to create account for another person without learning the password.","optional":false,"sensitive":false}}},{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":"Password-based authentication","account":"","fields":{"username":{"type":"string","label":"Username","help":"Username for authentication.","optional":false,"sensitive":false},"password":{"type":"password","label":"Password","help":"Password for authentication.","optional":false,"sensitive":true},"retype":{"type":"password","label":"Retype password:","help":"Password again to confirm.","optional":false,"sensitive":true}}},{"id":"MediaWiki\\Auth\\UsernameAuthenticationRequest","metadata":{},"required":"required","provider":"MediaWiki\\Auth\\UsernameAuthenticationRequest","account":"MediaWiki\\Auth\\UsernameAuthenticationRequest","fields":{"username":{"type":"string","label":"Username","help":"Username for authentication.","optional":false,"sensitive":false}}},{"id":"MediaWiki\\Auth\\UserDataAuthenticationRequest","metadata":{},"required":"required","provider":"MediaWiki\\Auth\\UserDataAuthenticationRequest","account":"MediaWiki\\Auth\\UserDataAuthenticationRequest","fields":{"email":{"type":"string","label":"Email","help":"Email address","optional":true,"sensitive":false},"realname":{"type":"string","label":"Real name","help":"Real name of the user","optional":true,"sensitive":false}}},{"id":"MediaWiki\\Auth\\CreationReasonAuthenticationRequest","metadata":{},"required":"optional","provider":"MediaWiki\\Auth\\CreationReasonAuthenticationRequest","account":"MediaWiki\\Auth\\CreationReasonAuthenticationRequest","fields":{"reason":{"type":"string","label":"Reason (publicly logged)","help":"Message shown in the account creation log","optional":false,"sensitive":false}}}]}}})json"));
}

TEST_F(CreateAccountTest, ALoggedInCreatorsRequestsMerged) {
  log_in_as_alice();
  // 4b: with two primary-required requests, mailpassword, password and retype become optional.
  EXPECT_EQ(
      authmanagerinfo_create(client, true),
      Json::parse(
          R"json({"batchcomplete":true,"query":{"authmanagerinfo":{"canauthenticatenow":true,"cancreateaccounts":true,"canlinkaccounts":false,"haspreservedstate":false,"hasprimarypreservedstate":false,"preservedusername":"","requests":[{"id":"MediaWiki\\Auth\\TemporaryPasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":"Temporary password","account":""},{"id":"MediaWiki\\Auth\\PasswordAuthenticationRequest","metadata":{},"required":"primary-required","provider":"Password-based authentication","account":""},{"id":"MediaWiki\\Auth\\UsernameAuthenticationRequest","metadata":{},"required":"required","provider":"MediaWiki\\Auth\\UsernameAuthenticationRequest","account":"MediaWiki\\Auth\\UsernameAuthenticationRequest"},{"id":"MediaWiki\\Auth\\UserDataAuthenticationRequest","metadata":{},"required":"required","provider":"MediaWiki\\Auth\\UserDataAuthenticationRequest","account":"MediaWiki\\Auth\\UserDataAuthenticationRequest"},{"id":"MediaWiki\\Auth\\CreationReasonAuthenticationRequest","metadata":{},"required":"optional","provider":"MediaWiki\\Auth\\CreationReasonAuthenticationRequest","account":"MediaWiki\\Auth\\CreationReasonAuthenticationRequest"}],"fields":{"mailpassword":{"type":"checkbox","label":"Use a temporary random password and send it to the specified email address","help":"Can be used to create account for another person without learning the password.","optional":true,"sensitive":false},"username":{"type":"string","label":"Username","help":"Username for authentication.","optional":false,"sensitive":false},"password":{"type":"password","label":"Password","help":"Password for authentication.","optional":true,"sensitive":true},"retype":{"type":"password","label":"Retype password:","help":"Password again to confirm.","optional":true,"sensitive":true},"email":{"type":"string","label":"Email","help":"Email address","optional":true,"sensitive":false},"realname":{"type":"string","label":"Real name","help":"Real name of the user","optional":true,"sensitive":false},"reason":{"type":"string","label":"Reason (publicly logged)","help":"Message shown in the account creation log","optional":true,"sensitive":false}}}}})json"));
}

TEST_F(CreateAccountTest, ALoggedInCreatorCreatesWithoutBeingLoggedOut) {
  freeze_clock();
  log_in_as_alice();
  const std::string session = client.cookie("_session").value_or("");
  Reply reply = create(account("ByAlice"));
  // 4c, 4d: the same ChronologyProtector cookies only; the session is still Alice's.
  EXPECT_EQ(reply.json, pass("ByAlice"));
  expect_chronology_cookies(reply, 1);
  EXPECT_EQ(client.cookie("_session").value_or(""), session);
  EXPECT_EQ(userinfo(client),
            Json({{"batchcomplete", true}, {"query", {{"userinfo", {{"id", 3}, {"name", "Alice"}}}}}}));
  EXPECT_EQ(another_client().client_login("ByAlice", kPassword, {{"formatversion", "2"}}).json,
            Json({{"clientlogin", {{"status", "PASS"}, {"username", "ByAlice"}}}}));
}

TEST_F(CreateAccountTest, AReasonIsAFieldForALoggedInCreatorOnly) {
  // Observed: an anonymous creator has no CreationReasonAuthenticationRequest.
  Params fields = account("AnonReason");
  fields.emplace_back("reason", "because");
  EXPECT_EQ(create(fields).json, Json({{"warnings", {{"main", {{"warnings", "Unrecognized parameter: reason."}}}}},
                                       {"createaccount", {{"status", "PASS"}, {"username", "AnonReason"}}}}));
  log_in_as_alice();
  fields = account("ByAlice2");
  fields.emplace_back("reason", "because");
  // 4e
  EXPECT_EQ(create(fields).json, pass("ByAlice2"));
}

}  // namespace
}  // namespace mockwiki::testing
