#include "auth/common_passwords.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdint>
#include <string>

// The filter's bits, compiled in from data/common-passwords.bin (MOCKWIKI_COMMON_PASSWORDS_BIN).
__asm__(
    ".section .rodata\n"
    ".balign 16\n"
    ".global mockwiki_common_passwords_begin\n"
    "mockwiki_common_passwords_begin:\n"
    ".incbin \"" MOCKWIKI_COMMON_PASSWORDS_BIN
    "\"\n"
    ".global mockwiki_common_passwords_end\n"
    "mockwiki_common_passwords_end:\n"
    ".previous\n");
extern "C" const unsigned char mockwiki_common_passwords_begin[];
extern "C" const unsigned char mockwiki_common_passwords_end[];

namespace mockwiki::auth {
namespace {

constexpr std::uint64_t kBits = 2875518;  // the filter's "max" and bit-array length
constexpr int kHashes = 20;

}  // namespace

bool is_common_password(std::string_view password) {
  const std::size_t bytes = static_cast<std::size_t>(mockwiki_common_passwords_end - mockwiki_common_passwords_begin);
  if (bytes * 8 < kBits) return false;  // no data compiled in
  for (int i = 0; i < kHashes; ++i) {
    // pleonasm/bloom-filter HasherList::hash: HMAC(sha1, value, key = the hash's number); the
    // first 8 bytes as a big-endian number with the top bit cleared, modulo the bit count.
    const std::string key = std::to_string(i);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(password.data()),
         password.size(), digest, &length);
    std::uint64_t number = digest[0] & 0x7F;
    for (int b = 1; b < 8; ++b) number = (number << 8) | digest[b];
    const std::uint64_t bit = number % kBits;
    if (!(mockwiki_common_passwords_begin[bit / 8] & (1u << (bit % 8)))) return false;
  }
  return true;
}

}  // namespace mockwiki::auth
