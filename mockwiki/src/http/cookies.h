// Cookies in and out, as PHP and MediaWiki's WebResponse handle them.
//
// In: the Cookie header parsed as PHP fills $_COOKIE (values raw-url-decoded, the first of two
// cookies with one name wins). Out: WebResponse::setCookie's rules: a cookie is deleted only if
// the client sent it or this response set it, an identical cookie is not set twice, and each
// line reads as PHP's setcookie() writes it:
//   name=value; path=/; HttpOnly
//   name=value; expires=Sun, 23 May 2027 23:09:01 GMT; Max-Age=15552000; path=/; HttpOnly
//   name=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; path=/; HttpOnly
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mockwiki::http {

class RequestCookies {
 public:
  static RequestCookies parse(std::string_view header);
  // The cookie's value; MediaWiki treats the value "deleted" as no cookie (CookieSessionProvider::getCookie).
  std::optional<std::string> get(std::string_view name) const;
  bool sent(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> cookies_;
};

class ResponseCookies {
 public:
  ResponseCookies(const RequestCookies& request, std::int64_t now) : request_(request), now_(now) {}

  // expires: 0 for a browser-session cookie, else a Unix time.
  void set(const std::string& name, const std::string& value, std::int64_t expires);
  void clear(const std::string& name);
  const std::vector<std::string>& lines() const { return lines_; }

 private:
  struct State {
    std::string name;
    bool deleted = false;
    std::string value;
    std::int64_t expires = 0;
  };
  State* state(const std::string& name);

  const RequestCookies& request_;
  std::int64_t now_;
  std::vector<State> states_;
  std::vector<std::string> lines_;
};

}  // namespace mockwiki::http
