// HMAC-MD5 in lower-case hex (PHP's hash_hmac('md5', $data, $key)), with OpenSSL: MediaWiki's
// tokens and ChronologyProtector's client ids are made with it.
#pragma once

#include <string>
#include <string_view>

namespace mockwiki::util {

std::string hmac_md5_hex(std::string_view key, std::string_view data);

}  // namespace mockwiki::util
