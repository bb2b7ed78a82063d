// The base of the single-sign-on tests (label "flows"): a mock wiki with PluggableAuth and
// OpenIDConnect configured by the fixture a test gives, a client with a cookie jar, and the steps
// of a login as a client and its browser take them: the button press (REDIRECT), the hop through
// Special:PluggableAuthLogin and the fake identity provider back to loginreturnurl, and the
// continue step.
//
// Expected JSON is copied from the recordings of real MediaWiki
// (tests/reference/raw/flows/pluggableauth.txt, restart.txt); `recorded()` puts the mock's
// server where the recorded wiki's was.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "mockwiki/fixture.h"
#include "support/mock_wiki_test.h"
#include "util/text.h"

namespace mockwiki::testing {

inline MockWiki::Options with_fixture(const std::string& fixture_json) {
  MockWiki::Options options;
  options.fixture = Fixture::parse(fixture_json, "test fixture");
  return options;
}

// The query parameter `name` of a URL, decoded; nothing if it is not there.
inline std::optional<std::string> query_param(const std::string& url, const std::string& name) {
  const std::size_t question = url.find('?');
  if (question == std::string::npos) return std::nullopt;
  std::size_t start = question + 1;
  while (start <= url.size()) {
    std::size_t end = url.find('&', start);
    if (end == std::string::npos) end = url.size();
    const std::string pair = url.substr(start, end - start);
    const std::size_t equals = pair.find('=');
    if (util::url_decode(pair.substr(0, equals)) == name) {
      return equals == std::string::npos ? std::string() : util::url_decode(pair.substr(equals + 1));
    }
    start = end + 1;
  }
  return std::nullopt;
}

// The accounts of the reference wiki (mockwiki/fixtures/default.json), for fixtures of our own:
// user ids 1, 3, 4, 5 as on the recorded wikis.
inline constexpr const char* kReferenceAccounts = R"json(
  {"name": "Admin", "password": "AdminPassw0rd!23", "groups": ["sysop", "bureaucrat", "interface-admin"]},
  {"name": "Alice", "password": "AlicePassw0rd!23",
   "botpasswords": [{"appid": "alicebot", "password": "b2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i2", "grants": ["basic", "editpage"]}]},
  {"name": "Robo", "password": "RoboPassw0rd!23", "groups": ["bot"],
   "botpasswords": [{"appid": "mybot", "password": "k8f3m2q9w1t7v5n4p6r0s2u8a3c5e7g9",
                     "grants": ["basic", "editpage", "highvolume"]}]},
  {"name": "Throttled", "password": "ThrottledPassw0rd!23"})json";

inline const Params kFv2 = {{"formatversion", "2"}};

class SsoTest : public ::testing::Test {
 protected:
  explicit SsoTest(const std::string& fixture_json) : wiki(with_fixture(fixture_json)), client(wiki.api_url()) {}

  // The loginreturnurl of the recordings (a query string is kept as it is).
  static constexpr const char* kReturnUrl = "http://example.org/back?x=1";

  std::string server() const { return wiki.server_url(); }
  std::string login_page() const { return server() + "/index.php/Special:PluggableAuthLogin"; }
  std::string docref() const { return testing::docref(wiki.api_url()); }
  // Another client: its own cookie jar, so its own session.
  ApiClient another_client() { return ApiClient(wiki.api_url()); }

  // Recorded JSON with the mock's server in place of the recording wiki's.
  Json recorded(std::string text) const {
    for (const char* recorded_server : {"http://127.0.0.1:8098", "http://127.0.0.1:8097"}) {
      for (std::size_t at = text.find(recorded_server); at != std::string::npos;
           at = text.find(recorded_server, at + server().size())) {
        text.replace(at, std::string_view(recorded_server).size(), server());
      }
    }
    return Json::parse(text);
  }

  // action=clientlogin with the current login token (format=json, then `body`).
  Reply clientlogin(ApiClient& c, Params body) {
    std::string& token = tokens_[&c];
    if (token.empty()) token = c.login_token();
    body.insert(body.begin(), {{"action", "clientlogin"}, {"logintoken", token}, {"format", "json"}});
    return c.post(body);
  }
  // A new login token, then the button pressed with loginreturnurl (fv2 unless `extra` says).
  Reply begin(const Params& extra = kFv2, const std::string& button = "pluggableauthlogin0") {
    return begin_with(client, extra, button);
  }
  Reply begin_with(ApiClient& c, const Params& extra = kFv2, const std::string& button = "pluggableauthlogin0") {
    tokens_[&c] = c.login_token();
    Params body = {{button, "1"}, {"loginreturnurl", kReturnUrl}};
    body.insert(body.end(), extra.begin(), extra.end());
    return clientlogin(c, body);
  }
  // logincontinue=1 with the same login token (fv2 unless `extra` says).
  Reply finish(const Params& extra = kFv2) { return finish_with(client, extra); }
  Reply finish_with(ApiClient& c, const Params& extra = kFv2) {
    Params body = {{"logincontinue", "1"}};
    body.insert(body.end(), extra.begin(), extra.end());
    return clientlogin(c, body);
  }

  // What the browser does with redirecttarget: Special:PluggableAuthLogin sends it to the
  // identity provider, where it signs in as `sub`; the provider sends it back with a code, and
  // the special page sends it on to loginreturnurl. The last 302 is returned.
  Reply sign_in_as(const std::string& sub) { return sign_in_with(client, sub); }
  Reply sign_in_with(ApiClient& c, const std::string& sub) {
    Reply to_provider = c.browse(login_page());
    EXPECT_EQ(to_provider.status, 302) << to_provider.body;
    Reply back = c.browse(to_provider.header("Location") + "&identity=" + util::percent_encode(sub));
    EXPECT_EQ(back.status, 302) << back.body;
    EXPECT_TRUE(back.header("Location").starts_with(login_page() + "?code=")) << back.header("Location");
    return c.browse(back.header("Location"));
  }
  // Button, browser hop and continue: the whole login.
  Reply sso_login(const std::string& sub) {
    begin();
    sign_in_as(sub);
    return finish();
  }

  Json userinfo(ApiClient& c, const std::string& props = "") {
    Params params = {{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}, {"formatversion", "2"}};
    if (!props.empty()) params.emplace_back("uiprop", props);
    return c.get(params).json["query"]["userinfo"];
  }
  Json authmanagerinfo(const std::string& requests_for, const Params& extra = kFv2) {
    Params params = {{"action", "query"}, {"meta", "authmanagerinfo"}, {"format", "json"}};
    if (!requests_for.empty()) params.emplace_back("amirequestsfor", requests_for);
    params.insert(params.end(), extra.begin(), extra.end());
    return client.get(params).json;
  }

  MockWiki wiki;
  ApiClient client;
  std::map<const ApiClient*, std::string> tokens_;  // each client's login token
};

}  // namespace mockwiki::testing
