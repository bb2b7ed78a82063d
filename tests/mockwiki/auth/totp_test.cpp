// TOTP codes (mockwiki/src/auth/totp.h), checked independently of the mock's own arithmetic:
// Base32 against RFC 4648 §10's test vectors, HOTP against RFC 4226 Appendix D, TOTP against
// RFC 6238 Appendix B (SHA1; the RFC prints 8 digits, OATHAuth REL1_39 uses 6, i.e. the last
// 6 of each: toHOTP(6) in src/Key/TOTPKey.php) and against a code this file computes itself
// with OpenSSL's HMAC and RFC 4226 §5.3's dynamic truncation.
#include "auth/totp.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdio>
#include <string>
#include <vector>

namespace mockwiki::auth {
namespace {

std::vector<unsigned char> bytes(std::string_view text) { return {text.begin(), text.end()}; }

// RFC 6238 Appendix B's SHA1 seed, "12345678901234567890", in Base32. It is also the secret of
// Tofu2 in mockwiki/fixtures/oath.json.
constexpr const char* kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
// Tofu's secret (mockwiki/fixtures/oath.json), the one in OATHAuth's documentation examples.
constexpr const char* kTofuSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

// RFC 6238 §4 written out here, not with the mock's code: T = floor(t / 30) as 8 big-endian
// bytes, HMAC-SHA1, RFC 4226 §5.3's truncation, the last `digits` decimal digits.
std::string reference_totp(const std::vector<unsigned char>& key, std::int64_t unix_time, int digits = 6) {
  std::uint64_t counter = static_cast<std::uint64_t>(unix_time / 30);
  unsigned char message[8];
  for (int i = 7; i >= 0; --i, counter >>= 8) message[i] = static_cast<unsigned char>(counter & 0xFF);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_length = 0;
  HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), message, sizeof message, mac, &mac_length);
  EXPECT_EQ(mac_length, 20u);
  const int offset = mac[19] & 0x0F;
  const std::uint32_t binary = ((mac[offset] & 0x7Fu) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) |
                               static_cast<std::uint32_t>(mac[offset + 3]);
  std::uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  char out[16];
  std::snprintf(out, sizeof out, "%0*u", digits, binary % modulus);
  return out;
}

// ---- Base32 (RFC 4648) -------------------------------------------------------------------

TEST(Base32DecodeTest, DecodesTheRfc4648TestVectors) {
  // RFC 4648 §10.
  EXPECT_EQ(base32_decode(""), bytes(""));
  EXPECT_EQ(base32_decode("MY======"), bytes("f"));
  EXPECT_EQ(base32_decode("MZXQ===="), bytes("fo"));
  EXPECT_EQ(base32_decode("MZXW6==="), bytes("foo"));
  EXPECT_EQ(base32_decode("MZXW6YQ="), bytes("foob"));
  EXPECT_EQ(base32_decode("MZXW6YTB"), bytes("fooba"));
  EXPECT_EQ(base32_decode("MZXW6YTBOI======"), bytes("foobar"));
}

TEST(Base32DecodeTest, PaddingMayBeLeftOut) {
  // OATHAuth strips the padding of the secrets it makes (NOTES.md §9.4).
  EXPECT_EQ(base32_decode("MZXW6YTBOI"), bytes("foobar"));
  EXPECT_EQ(base32_decode("MY"), bytes("f"));
}

TEST(Base32DecodeTest, IsCaseInsensitiveAndIgnoresSpaces) {
  EXPECT_EQ(base32_decode("mzxw6ytboi"), bytes("foobar"));
  EXPECT_EQ(base32_decode("MZXW 6YTB OI"), bytes("foobar"));
}

TEST(Base32DecodeTest, TheFixtureSecretsDecodeToTheirKeys) {
  EXPECT_EQ(base32_decode(kRfcSecret), bytes("12345678901234567890"));
  const std::vector<unsigned char> tofu = {'H', 'e', 'l', 'l', 'o', '!', 0xDE, 0xAD, 0xBE, 0xEF};
  std::vector<unsigned char> twice = tofu;
  twice.insert(twice.end(), tofu.begin(), tofu.end());
  EXPECT_EQ(base32_decode(kTofuSecret), twice);
}

TEST(Base32DecodeTest, CharactersOutsideTheAlphabetAreNotBase32) {
  // Base32 has no 0, 1, 8 or 9.
  EXPECT_EQ(base32_decode("MZXW0YTB"), std::nullopt);
  EXPECT_EQ(base32_decode("MZXW1YTB"), std::nullopt);
  EXPECT_EQ(base32_decode("MZXW8YTB"), std::nullopt);
  EXPECT_EQ(base32_decode("MZXW6YT!"), std::nullopt);
  EXPECT_EQ(base32_decode("MZXW-6YTB"), std::nullopt);
}

// ---- Windows -----------------------------------------------------------------------------

TEST(TotpWindowTest, IsTheTimeDividedByThirtyRoundedDown) {
  EXPECT_EQ(totp_window(0), 0);
  EXPECT_EQ(totp_window(29), 0);
  EXPECT_EQ(totp_window(30), 1);
  EXPECT_EQ(totp_window(59), 1);
  EXPECT_EQ(totp_window(1111111109), 37037036);
  EXPECT_EQ(totp_window(1111111111), 37037037);
  EXPECT_EQ(totp_window(-1), -1);
  EXPECT_EQ(totp_window(-30), -1);
  EXPECT_EQ(totp_window(-31), -2);
}

TEST(TotpWindowTest, TheParametersAreOathAuthsDefaults) {
  // OATHAuth REL1_39: period 30 (TOTPKey), $wgOATHAuthWindowRadius = 4 (extension.json).
  EXPECT_EQ(kTotpPeriod, 30);
  EXPECT_EQ(kTotpWindowRadius, 4);
}

// ---- HOTP (RFC 4226) ---------------------------------------------------------------------

TEST(HotpCodeTest, MatchesRfc4226AppendixD) {
  const std::vector<unsigned char> key = bytes("12345678901234567890");
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (int counter = 0; counter < 10; ++counter) {
    EXPECT_EQ(hotp_code(key, counter), expected[counter]) << "counter " << counter;
  }
}

// ---- TOTP (RFC 6238) ---------------------------------------------------------------------

TEST(TotpCodeTest, MatchesTheLastSixDigitsOfRfc6238AppendixBForSha1) {
  // RFC 6238 Appendix B, mode SHA1: 94287082, 07081804, 14050471, 89005924, 69279037, 65353130.
  EXPECT_EQ(totp_code(kRfcSecret, 59), "287082");
  EXPECT_EQ(totp_code(kRfcSecret, 1111111109), "081804");
  EXPECT_EQ(totp_code(kRfcSecret, 1111111111), "050471");
  EXPECT_EQ(totp_code(kRfcSecret, 1234567890), "005924");
  EXPECT_EQ(totp_code(kRfcSecret, 2000000000), "279037");
  EXPECT_EQ(totp_code(kRfcSecret, 20000000000), "353130");
}

TEST(TotpCodeTest, TheReferenceImplementationInThisFileAgreesWithTheRfc) {
  // The check on the check: the 8-digit values printed in RFC 6238 Appendix B.
  const std::vector<unsigned char> key = bytes("12345678901234567890");
  EXPECT_EQ(reference_totp(key, 59, 8), "94287082");
  EXPECT_EQ(reference_totp(key, 1111111109, 8), "07081804");
  EXPECT_EQ(reference_totp(key, 20000000000, 8), "65353130");
}

TEST(TotpCodeTest, MatchesAnHmacComputedHereForTheFixtureSecrets) {
  const auto tofu = *base32_decode(kTofuSecret);
  const auto rfc = bytes("12345678901234567890");
  for (std::int64_t t : {0LL, 29LL, 30LL, 1700000000LL, 1800000000LL, 1800000015LL, 1800000029LL, 4102444800LL}) {
    EXPECT_EQ(totp_code(kTofuSecret, t), reference_totp(tofu, t)) << "t=" << t;
    EXPECT_EQ(totp_code(kRfcSecret, t), reference_totp(rfc, t)) << "t=" << t;
  }
}

TEST(TotpCodeTest, IsTheSameThroughoutAWindow) {
  EXPECT_EQ(totp_code(kTofuSecret, 1800000000), totp_code(kTofuSecret, 1800000029));
  EXPECT_NE(totp_code(kTofuSecret, 1800000029), totp_code(kTofuSecret, 1800000030));
}

TEST(TotpCodeTest, IsAlwaysSixDigits) {
  // 1234567890 gives 005924: the leading zeros are kept.
  for (std::int64_t t = 1800000000; t < 1800000000 + 30 * 200; t += 30) {
    const std::string code = totp_code(kTofuSecret, t);
    ASSERT_EQ(code.size(), 6u) << "t=" << t;
    EXPECT_EQ(code.find_first_not_of("0123456789"), std::string::npos) << code;
  }
}

TEST(TotpCodeTest, LowerCaseSecretGivesTheSameCode) {
  EXPECT_EQ(totp_code("gezdgnbvgy3tqojqgezdgnbvgy3tqojq", 59), "287082");
}

TEST(TotpCodeTest, ASecretThatIsNotBase32GivesNoCode) { EXPECT_EQ(totp_code("not base32!", 59), ""); }

}  // namespace
}  // namespace mockwiki::auth
