// The mock's one source of randomness: OpenSSL's CSPRNG, as MediaWiki uses MWCryptRand.
#pragma once

#include <cstdint>
#include <string>

namespace mockwiki::util {

// `chars` random lower-case hex digits (MWCryptRand::generateHex).
std::string random_hex(std::size_t chars);
// A uniform random integer in [low, high] (PHP's random_int).
std::int64_t random_int(std::int64_t low, std::int64_t high);
// 24 hex digits for X-Request-Id: unique enough to tell requests apart, not secret, so it
// comes from a fast per-thread generator seeded from OpenSSL.
std::string request_id();
// A session id as SessionManager::generateSessionId makes them: 160 random bits written as
// 32 base-32 digits [0-9a-v].
std::string random_session_id();

}  // namespace mockwiki::util
