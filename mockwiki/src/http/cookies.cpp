#include "http/cookies.h"

#include <algorithm>

#include "util/text.h"

namespace mockwiki::http {

RequestCookies RequestCookies::parse(std::string_view header) {
  RequestCookies out;
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t end = header.find(';', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view pair = header.substr(start, end - start);
    while (!pair.empty() && (pair.front() == ' ' || pair.front() == '\t')) pair.remove_prefix(1);
    const std::size_t eq = pair.find('=');
    if (!pair.empty() && eq != 0) {
      // PHP keeps cookie names as sent (but for '.' and ' ') and decodes values without
      // turning '+' into a space.
      std::string name(pair.substr(0, eq));
      for (char& c : name) {
        if (c == ' ' || c == '.') c = '_';
      }
      std::string value = eq == std::string_view::npos ? std::string() : util::url_decode(pair.substr(eq + 1), false);
      if (!out.sent(name)) out.cookies_.emplace_back(std::move(name), std::move(value));
    }
    start = end + 1;
  }
  return out;
}

std::optional<std::string> RequestCookies::get(std::string_view name) const {
  for (const auto& [key, value] : cookies_) {
    if (key == name) {
      if (value == "deleted") return std::nullopt;
      return value;
    }
  }
  return std::nullopt;
}

bool RequestCookies::sent(std::string_view name) const {
  return std::any_of(cookies_.begin(), cookies_.end(), [&](const auto& c) { return c.first == name; });
}

ResponseCookies::State* ResponseCookies::state(const std::string& name) {
  for (auto& s : states_) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

void ResponseCookies::set(const std::string& name, const std::string& value, std::int64_t expires) {
  State* s = state(name);
  if (s && !s->deleted && s->value == value && s->expires == expires) return;  // already set
  std::string line = name + "=" + util::percent_encode(value);                 // setcookie() uses rawurlencode
  if (expires != 0) {
    line += "; expires=" + util::http_date(expires) +
            "; Max-Age=" + std::to_string(std::max<std::int64_t>(0, expires - now_));
  }
  line += "; path=/; HttpOnly";
  lines_.push_back(std::move(line));
  if (!s) {
    states_.push_back({name, false, value, expires});
  } else {
    *s = {name, false, value, expires};
  }
}

void ResponseCookies::clear(const std::string& name) {
  State* s = state(name);
  const bool known = s ? !s->deleted : request_.sent(name);
  if (!known) return;  // nothing to delete, or already deleted
  lines_.push_back(name + "=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; path=/; HttpOnly");
  if (!s) {
    states_.push_back({name, true, {}, 0});
  } else {
    s->deleted = true;
  }
}

}  // namespace mockwiki::http
