#include "session/token.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdio>

namespace mockwiki::session {

std::string Token::at(std::int64_t timestamp) const {
  if (logged_out_) return std::string(kTokenSuffix);
  const std::string data = std::to_string(timestamp) + salt_;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_md5(), secret_.data(), static_cast<int>(secret_.size()), reinterpret_cast<const unsigned char*>(data.data()),
       data.size(), digest, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2 + 12);
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xF]);
  }
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
