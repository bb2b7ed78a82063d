// mediawiki/cookie_jar.h: the cookies a wiki sets, kept as a browser keeps them: by name and
// path, until their expiry (Max-Age, else Expires; none: for this run), deleted when the wiki
// sends them expired. Saved to and loaded from a file, so a bot can keep its login across runs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mediawiki {

struct Cookie {
  std::string name;
  std::string value;
  std::string path = "/";
  std::int64_t expires = 0;  // Unix time; 0: a session cookie, kept until the program ends
};

class CookieJar {
 public:
  // Takes one Set-Cookie header value, received at `now`.
  void store(const std::string& set_cookie, std::int64_t now);
  // The Cookie header for a request path at `now` (empty when none applies).
  std::string header_for(const std::string& path, std::int64_t now) const;

  std::optional<std::string> value(const std::string& name) const;
  const std::vector<Cookie>& cookies() const { return cookies_; }
  void remove(const std::string& name);
  void clear() { cookies_.clear(); }

  // One cookie a line: name, value, path, expiry, tab-separated. Session cookies are saved
  // too (a bot run is one "browser session"). Throws mediawiki::Error when the file cannot
  // be written, or read, or is not a cookie file.
  void save(const std::string& file) const;
  static CookieJar load(const std::string& file);

 private:
  std::vector<Cookie> cookies_;
};

}  // namespace mediawiki
