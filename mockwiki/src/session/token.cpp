#include "session/token.h"

#include <cstdio>

#include "util/hmac.h"

namespace mockwiki::session {

std::string Token::at(std::int64_t timestamp) const {
  if (logged_out_) return std::string(kTokenSuffix);
  std::string out = util::hmac_md5_hex(secret_, std::to_string(timestamp) + salt_);
  char hex_time[24];
  std::snprintf(hex_time, sizeof hex_time, "%llx", static_cast<unsigned long long>(timestamp));
  out += hex_time;
  out += kTokenSuffix;
  return out;
}

std::optional<std::int64_t> Token::timestamp_of(std::string_view token) {
  if (token.size() <= 32 + kTokenSuffix.size() || !token.ends_with(kTokenSuffix)) return std::nullopt;
  const std::string_view hex = token.substr(0, token.size() - kTokenSuffix.size());
  for (char c : hex) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  }
  const std::string_view time_hex = hex.substr(32);
  if (time_hex.size() > 15) return std::nullopt;  // beyond any time PHP's hexdec keeps exact
  std::int64_t value = 0;
  for (char c : time_hex) value = value * 16 + (c <= '9' ? c - '0' : c - 'a' + 10);
  return value;
}

bool Token::matches(std::string_view candidate, std::int64_t now, std::optional<std::int64_t> max_age) const {
  if (logged_out_) return candidate == kTokenSuffix;
  if (candidate.empty()) return false;
  const auto timestamp = timestamp_of(candidate);
  if (!timestamp) return false;
  if (max_age && *timestamp < now - *max_age) return false;
  const std::string expected = at(*timestamp);
  // hash_equals: constant time in the length of the expected value
  if (expected.size() != candidate.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) diff |= static_cast<unsigned char>(expected[i] ^ candidate[i]);
  return diff == 0;
}

}  // namespace mockwiki::session
