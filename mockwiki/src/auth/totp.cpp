#include "auth/totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdio>

namespace mockwiki::auth {

std::optional<std::vector<unsigned char>> base32_decode(std::string_view text) {
  std::vector<unsigned char> out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    int value;
    if (c >= 'A' && c <= 'Z') {
      value = c - 'A';
    } else if (c >= 'a' && c <= 'z') {
      value = c - 'a';
    } else if (c >= '2' && c <= '7') {
      value = c - '2' + 26;
    } else if (c == '=' || c == ' ') {
      continue;
    } else {
      return std::nullopt;
    }
    buffer = (buffer << 5) | static_cast<std::uint32_t>(value);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<unsigned char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

std::int64_t totp_window(std::int64_t unix_time) {
  // floor division, so that times before 1970 land in the right window too
  return unix_time >= 0 ? unix_time / kTotpPeriod : -((-unix_time + kTotpPeriod - 1) / kTotpPeriod);
}

std::string hotp_code(const std::vector<unsigned char>& key, std::int64_t counter) {
  unsigned char message[8];
  auto value = static_cast<std::uint64_t>(counter);
  for (int i = 7; i >= 0; --i) {
    message[i] = static_cast<unsigned char>(value & 0xFF);
    value >>= 8;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), message, sizeof message, digest, &length);
  // RFC 4226 §5.3: dynamic truncation.
  const int offset = digest[length - 1] & 0x0F;
  const std::uint32_t binary = (static_cast<std::uint32_t>(digest[offset] & 0x7F) << 24) |
                               (static_cast<std::uint32_t>(digest[offset + 1]) << 16) |
                               (static_cast<std::uint32_t>(digest[offset + 2]) << 8) |
                               static_cast<std::uint32_t>(digest[offset + 3]);
  char code[8];
  std::snprintf(code, sizeof code, "%06u", binary % 1000000);
  return code;
}

std::string totp_code(std::string_view base32_secret, std::int64_t unix_time) {
  auto key = base32_decode(base32_secret);
  if (!key) return {};
  return hotp_code(*key, totp_window(unix_time));
}

}  // namespace mockwiki::auth
