#include "util/random.h"

#include <openssl/rand.h>

#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

namespace mockwiki::util {
namespace {

std::vector<unsigned char> random_bytes(std::size_t n) {
  std::vector<unsigned char> bytes(n);
  if (RAND_bytes(bytes.data(), static_cast<int>(n)) != 1) {
    throw std::runtime_error("OpenSSL RAND_bytes failed");
  }
  return bytes;
}

}  // namespace

std::int64_t random_int(std::int64_t low, std::int64_t high) {
  const auto span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
  if (span == 0) return low;
  // Rejection sampling, so that every value is equally likely.
  const std::uint64_t limit = span == UINT64_MAX ? UINT64_MAX : UINT64_MAX - (UINT64_MAX % (span + 1)) - 1;
  for (;;) {
    std::uint64_t value = 0;
    for (unsigned char b : random_bytes(8)) value = (value << 8) | b;
    if (value <= limit) {
      return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) +
                                       (span == UINT64_MAX ? value : value % (span + 1)));
    }
  }
}

std::string random_hex(std::size_t chars) {
  static constexpr char kDigits[] = "0123456789abcdef";
  const auto bytes = random_bytes((chars + 1) / 2);
  std::string out;
  out.reserve(chars);
  for (unsigned char b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0xF]);
  }
  out.resize(chars);
  return out;
}

std::string request_id() {
  thread_local std::mt19937_64 generator = [] {
    std::uint64_t seed = 0;
    const auto bytes = random_bytes(sizeof seed);
    for (unsigned char b : bytes) seed = (seed << 8) | b;
    return std::mt19937_64(seed);
  }();
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(24, '0');
  std::uint64_t a = generator(), b = generator();
  for (int i = 0; i < 16; ++i, a >>= 4) out[i] = kDigits[a & 0xF];
  for (int i = 16; i < 24; ++i, b >>= 4) out[i] = kDigits[b & 0xF];
  return out;
}

std::string random_session_id() {
  static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuv";
  const auto bytes = random_bytes(20);  // 160 bits = 32 digits of 5 bits
  std::string out;
  out.reserve(32);
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char b : bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kDigits[(buffer >> (bits - 5)) & 0x1F]);
      bits -= 5;
    }
  }
  return out;
}

}  // namespace mockwiki::util
