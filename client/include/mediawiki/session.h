// mediawiki/session.h: one client of one wiki's api.php: its cookies, its tokens and its
// login. Requests use format=json&formatversion=2; once logged in, each carries assert=user,
// so a session that dies on the wiki is noticed, and the client logs in again (once) and
// retries. maxlag (after Retry-After), ratelimited, readonly, HTTP 5xx and lost connections
// are retried a few times with backoff, then thrown as typed errors.
//
//   mediawiki::Session wiki("https://example.org/w/api.php");
//   wiki.login("Alice@mybot", bot_password);            // throws LoginError unless Success
//   auto me = wiki.get({{"action", "query"}, {"meta", "userinfo"}});
//   wiki.post_with_token({{"action", "logout"}});       // the csrf token, fetched and cached
//
// Thread-safe: threads may share a Session (each request gets its own connection from a small
// pool); when several of them find the session dead at once, one logs in again and the others
// wait for it and retry. cookies() is for use while no request runs.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mediawiki/cookie_jar.h"
#include "mediawiki/errors.h"

namespace mediawiki {

using Json = nlohmann::json;
// Request parameters, in order.
using Params = std::vector<std::pair<std::string, std::string>>;

class Session {
 public:
  struct Options {
    std::string user_agent = "mediawiki-cpp/0.1 (https://github.com/mockwiki; the mockwiki client library)";
    std::chrono::milliseconds timeout{30000};  // connect, read and write, each
    // Sent with every request but logins when set (5 is the customary value for bots).
    std::optional<int> maxlag;
    // Retries of a request after maxlag, ratelimited, readonly, an HTTP 5xx or a lost
    // connection. The wait is Retry-After for maxlag, else retry_delay doubled each time.
    int max_retries = 3;
    std::chrono::milliseconds retry_delay{1000};
    // assert=bot instead of assert=user once logged in (for accounts in the bot group).
    bool assert_bot = false;
    // How to wait (default: sleep); a test passes one that records the waits.
    std::function<void(std::chrono::milliseconds)> wait;
  };

  explicit Session(std::string api_url);
  Session(std::string api_url, Options options);
  ~Session();
  Session(Session&&) noexcept;
  Session& operator=(Session&&) noexcept;

  // An API request; its JSON answer. An error answer throws ApiError; no answer or an HTTP
  // error throws TransportError; an answer that is not JSON throws ProtocolError.
  Json get(const Params& params);
  Json post(const Params& params);

  // A token ("csrf", "login", "createaccount", ...), fetched once and kept until the login
  // changes.
  std::string token(const std::string& type = "csrf");
  void forget_tokens();
  // A POST that needs a token (sent as `token`, or as `name` if given): on badtoken, the token
  // is fetched again and the request retried once.
  Json post_with_token(Params params, const std::string& type = "csrf", const std::string& name = "token");

  // action=login with a bot password ("User@appid") or, deprecated, a main password. Anything
  // but Success throws LoginError(result, reason). Tokens are dropped; asserts start. Logged
  // in already, the old session is dropped first (its cookies go).
  void login(const std::string& user, const std::string& password);
  // action=logout: cookies and tokens go; asserts stop.
  void logout();

  // A page outside api.php, as a browser gets it with this session's cookies (no redirects
  // followed): for the pages a REDIRECT login sends the user to. Throws TransportError.
  struct Page {
    int status = 0;
    std::string location;  // the Location header, if any
    std::string body;
  };
  Page visit(const std::string& url);
  // Marks the session logged in as `user` after a login made outside login() (clientlogin):
  // tokens are dropped and asserts start. `relogin`, if given, logs in the same way again
  // when the session dies.
  void set_logged_in(const std::string& user, std::function<void(Session&)> relogin = {});

  // Back to anonymous on this side, without asking the wiki: cookies, tokens and asserts go
  // (what a new login starts with).
  void forget_login();

  // Who the session is logged in as (as login() last said); nothing when anonymous.
  std::optional<std::string> user() const;
  const std::string& api_url() const { return api_url_; }
  CookieJar& cookies() { return cookies_; }

 private:
  struct Transport;
  struct Shared;  // locks and the connection pool
  Json request(const std::string& method, Params params);
  Json send(const std::string& method, const Params& params, std::uint64_t generation, std::optional<int>& retry_after);
  void pause(std::chrono::milliseconds delay);
  void relogin_once(std::uint64_t seen_generation);

  std::string api_url_;
  std::string origin_;  // scheme://host:port
  std::string path_;    // /w/api.php
  Options options_;
  std::unique_ptr<Shared> shared_;
  // Under Shared::state:
  CookieJar cookies_;
  std::map<std::string, std::string> tokens_;
  std::optional<std::string> user_;
  std::string assert_;                     // "user" or "bot" once logged in
  std::function<void(Session&)> relogin_;  // logs in again the same way when the session dies
  std::uint64_t login_generation_ = 0;     // counts logins, so that a dead session is relogged once
};

}  // namespace mediawiki
