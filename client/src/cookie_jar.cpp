#include "mediawiki/cookie_jar.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <locale>
#include <sstream>

#include "mediawiki/errors.h"

namespace mediawiki {
namespace {

std::string trim(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return {};
  const auto end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// An HTTP date ("Sun, 14 Feb 2027 08:00:00 GMT") as a Unix time; 0 if it does not parse.
std::int64_t parse_http_date(const std::string& text) {
  std::tm tm{};
  std::istringstream in(text);
  in.imbue(std::locale::classic());
  in >> std::get_time(&tm, "%a, %d %b %Y %H:%M:%S");
  if (in.fail()) return 0;
  return static_cast<std::int64_t>(timegm(&tm));
}

// RFC 6265 path-match.
bool path_matches(const std::string& request_path, const std::string& cookie_path) {
  if (!request_path.starts_with(cookie_path)) return false;
  return request_path.size() == cookie_path.size() || cookie_path.ends_with('/') ||
         request_path[cookie_path.size()] == '/';
}

}  // namespace

void CookieJar::store(const std::string& set_cookie, std::int64_t now) {
  std::istringstream parts(set_cookie);
  std::string part;
  if (!std::getline(parts, part, ';')) return;
  const auto eq = part.find('=');
  if (eq == std::string::npos) return;
  Cookie cookie;
  cookie.name = trim(part.substr(0, eq));
  cookie.value = trim(part.substr(eq + 1));
  if (cookie.name.empty()) return;
  std::optional<std::int64_t> max_age;
  std::int64_t expires = 0;
  while (std::getline(parts, part, ';')) {
    const auto at = part.find('=');
    const std::string key = lower(trim(part.substr(0, at)));
    const std::string value = at == std::string::npos ? "" : trim(part.substr(at + 1));
    if (key == "path" && value.starts_with("/")) {
      cookie.path = value;
    } else if (key == "max-age") {
      try {
        max_age = std::stoll(value);
      } catch (const std::exception&) {
        // ignored, as browsers ignore a Max-Age that is not a number
      }
    } else if (key == "expires") {
      expires = parse_http_date(value);
    }
  }
  // Max-Age wins over Expires (RFC 6265 §5.3).
  if (max_age) {
    cookie.expires = *max_age <= 0 ? now - 1 : now + *max_age;
  } else if (expires != 0) {
    cookie.expires = expires;
  }
  std::erase_if(cookies_, [&](const Cookie& c) { return c.name == cookie.name && c.path == cookie.path; });
  // An expired cookie is a deletion (MediaWiki deletes with "deleted" and a past date).
  if (cookie.expires != 0 && cookie.expires <= now) return;
  cookies_.push_back(std::move(cookie));
}

std::string CookieJar::header_for(const std::string& path, std::int64_t now) const {
  std::string header;
  for (const auto& cookie : cookies_) {
    if (cookie.expires != 0 && cookie.expires <= now) continue;
    if (!path_matches(path, cookie.path)) continue;
    if (!header.empty()) header += "; ";
    header += cookie.name + "=" + cookie.value;
  }
  return header;
}

std::optional<std::string> CookieJar::value(const std::string& name) const {
  for (const auto& cookie : cookies_) {
    if (cookie.name == name) return cookie.value;
  }
  return std::nullopt;
}

void CookieJar::remove(const std::string& name) {
  std::erase_if(cookies_, [&](const Cookie& c) { return c.name == name; });
}

void CookieJar::save(const std::string& file) const {
  std::ofstream out(file, std::ios::trunc);
  if (!out) throw Error("cannot write the cookie file " + file);
  out << "# mediawiki cookie jar: name, value, path, expiry (Unix time, 0: session)\n";
  for (const auto& c : cookies_) out << c.name << '\t' << c.value << '\t' << c.path << '\t' << c.expires << '\n';
  if (!out) throw Error("cannot write the cookie file " + file);
}

CookieJar CookieJar::load(const std::string& file) {
  std::ifstream in(file);
  if (!in) throw Error("cannot read the cookie file " + file);
  CookieJar jar;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line.starts_with("#")) continue;
    std::istringstream fields(line);
    Cookie cookie;
    std::string expires;
    if (!std::getline(fields, cookie.name, '\t') || !std::getline(fields, cookie.value, '\t') ||
        !std::getline(fields, cookie.path, '\t') || !std::getline(fields, expires)) {
      throw Error(file + ":" + std::to_string(number) + ": not a cookie line (name, value, path, expiry)");
    }
    try {
      cookie.expires = std::stoll(expires);
    } catch (const std::exception&) {
      throw Error(file + ":" + std::to_string(number) + ": the expiry is not a number");
    }
    jar.cookies_.push_back(std::move(cookie));
  }
  return jar;
}

}  // namespace mediawiki
