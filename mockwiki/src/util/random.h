// The mock's one source of randomness: OpenSSL's CSPRNG, as MediaWiki uses MWCryptRand.
#pragma once

#include <string>

namespace mockwiki::util {

// `chars` random lower-case hex digits (MWCryptRand::generateHex).
std::string random_hex(std::size_t chars);
// A session id as SessionManager::generateSessionId makes them: 160 random bits written as
// 32 base-32 digits [0-9a-v].
std::string random_session_id();

}  // namespace mockwiki::util
