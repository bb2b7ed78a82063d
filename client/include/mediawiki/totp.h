// mediawiki/totp.h: time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second
// windows), as OATHAuth and authenticator apps compute them from a Base32 secret.
#pragma once

#include <cstdint>
#include <string>

namespace mediawiki {

// The code for `unix_time`. Throws mediawiki::Error for a secret that is not Base32.
std::string totp_code(const std::string& base32_secret, std::int64_t unix_time);

}  // namespace mediawiki
