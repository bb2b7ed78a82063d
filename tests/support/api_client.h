// A small api.php client for the tests: GET and POST with a cookie jar, the reply's JSON,
// headers and Set-Cookie lines, and shortcuts for the usual token and login steps.
#pragma once

#include <httplib.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mockwiki::testing {

using Json = nlohmann::ordered_json;
using Params = std::vector<std::pair<std::string, std::string>>;

struct Reply {
  int status = 0;
  std::string body;
  Json json;  // null when the body is not JSON
  httplib::Headers headers;
  std::vector<std::string> set_cookies;  // whole Set-Cookie lines

  std::string header(const std::string& name) const;
  bool has_header(const std::string& name) const;
  // The MediaWiki-API-Error header, if any.
  std::optional<std::string> api_error() const;
  // The Set-Cookie line of the cookie whose name ends with `suffix` ("_session", "UserID").
  std::optional<std::string> cookie_line(std::string_view suffix) const;
  bool sets_cookie(std::string_view suffix) const;
  bool deletes_cookie(std::string_view suffix) const;
};

class ApiClient {
 public:
  explicit ApiClient(const std::string& api_url);

  Reply get(const Params& params);
  Reply post(const Params& body, const Params& query = {});
  // GET of any URL on the mock's host (a page a login flow redirects to), with the cookie
  // jar; redirects are not followed (see the reply's Location header).
  Reply browse(const std::string& url);
  // Any method; the body is sent as is with the given content type (none if empty).
  Reply send(const std::string& method, const Params& query, const std::string& body, const std::string& content_type,
             const httplib::Headers& headers = {});

  // The cookie jar (name -> value), updated from every reply as a browser would.
  std::map<std::string, std::string>& cookies() { return jar_; }
  std::optional<std::string> cookie(std::string_view suffix) const;
  void drop_cookies(std::string_view suffix);
  void clear_cookies() { jar_.clear(); }

  // meta=tokens shortcuts.
  std::string login_token();
  std::string csrf_token();
  // A login token fetched, then action=login (fails the test if the token cannot be had).
  Reply login(const std::string& name, const std::string& password, const Params& extra = {});
  // A login token fetched, then action=clientlogin with username and password.
  Reply client_login(const std::string& name, const std::string& password, const Params& extra = {});

  static std::string encode(const Params& params);

 private:
  Reply finish(httplib::Result result);

  httplib::Client http_;
  std::string path_;
  std::map<std::string, std::string> jar_;
};

// The default fixture's accounts (mockwiki/fixtures/default.json).
namespace accounts {
inline constexpr const char* kAlice = "Alice";
inline constexpr const char* kAlicePass = "AlicePassw0rd!23";
inline constexpr const char* kAliceBot = "Alice@alicebot";
inline constexpr const char* kAliceBotPass = "b2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i2";
inline constexpr const char* kRobo = "Robo";
inline constexpr const char* kRoboPass = "RoboPassw0rd!23";
inline constexpr const char* kRoboBot = "Robo@mybot";
inline constexpr const char* kRoboBotPass = "k8f3m2q9w1t7v5n4p6r0s2u8a3c5e7g9";
inline constexpr const char* kAdmin = "Admin";
inline constexpr const char* kAdminPass = "AdminPassw0rd!23";
inline constexpr const char* kThrottled = "Throttled";
inline constexpr const char* kThrottledPass = "ThrottledPassw0rd!23";
}  // namespace accounts

// meta=userinfo in format=json, and what it says of an anonymous user on loopback (fv1).
inline const Params kUserinfo = {{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}};
inline const Json kAnonymous = {{"id", 0}, {"name", "127.0.0.1"}, {"anon", ""}};

// The docref MediaWiki puts in every API error, for this api.php URL.
std::string docref(const std::string& api_url);

}  // namespace mockwiki::testing
