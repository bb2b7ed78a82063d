#include "mediawiki/totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cctype>
#include <cstdio>
#include <vector>

#include "mediawiki/errors.h"

namespace mediawiki {
namespace {

std::vector<unsigned char> base32_decode(const std::string& text) {
  std::vector<unsigned char> out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=' || c == ' ') continue;
    const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    int value;
    if (upper >= 'A' && upper <= 'Z') {
      value = upper - 'A';
    } else if (upper >= '2' && upper <= '7') {
      value = upper - '2' + 26;
    } else {
      throw Error("the two-factor secret is not Base32 (A-Z, 2-7)");
    }
    buffer = (buffer << 5) | static_cast<unsigned>(value);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<unsigned char>((buffer >> bits) & 0xFF));
    }
  }
  if (out.empty()) throw Error("the two-factor secret is empty");
  return out;
}

}  // namespace

std::string totp_code(const std::string& base32_secret, std::int64_t unix_time) {
  const std::vector<unsigned char> key = base32_decode(base32_secret);
  std::uint64_t counter = static_cast<std::uint64_t>(unix_time / 30);
  unsigned char message[8];
  for (int i = 7; i >= 0; --i) {
    message[i] = static_cast<unsigned char>(counter & 0xFF);
    counter >>= 8;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), message, sizeof message, digest, &length);
  // RFC 4226 dynamic truncation.
  const int offset = digest[length - 1] & 0x0F;
  const std::uint32_t binary =
      ((digest[offset] & 0x7Fu) << 24) | (digest[offset + 1] << 16) | (digest[offset + 2] << 8) | digest[offset + 3];
  char code[8];
  std::snprintf(code, sizeof code, "%06u", binary % 1000000u);
  return code;
}

}  // namespace mediawiki
