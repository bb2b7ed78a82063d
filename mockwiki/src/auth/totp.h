// TOTP codes as OATHAuth REL1_39 computes and checks them (src/Key/TOTPKey.php): RFC 6238
// over HOTP (RFC 4226) with HMAC-SHA1, 6 digits and 30-second windows, the secret in Base32.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mockwiki::auth {

inline constexpr std::int64_t kTotpPeriod = 30;
inline constexpr int kTotpWindowRadius = 4;  // $wgOATHAuthWindowRadius: ±4 windows (±120 s)

// RFC 4648 Base32 (case-insensitive, padding and spaces ignored); nothing if not Base32.
std::optional<std::vector<unsigned char>> base32_decode(std::string_view text);

// The window a Unix time falls in (floor(time / 30)).
std::int64_t totp_window(std::int64_t unix_time);

// The 6-digit HOTP code for a counter (the HMAC through OpenSSL).
std::string hotp_code(const std::vector<unsigned char>& key, std::int64_t counter);

// The TOTP code for a Base32 secret at a Unix time; empty if the secret is not Base32.
std::string totp_code(std::string_view base32_secret, std::int64_t unix_time);

}  // namespace mockwiki::auth
