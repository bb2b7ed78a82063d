// UTF-8 checks and repairs. MediaWiki cleans every request value with UtfNormal\Validator::cleanUp,
// which replaces invalid sequences with U+FFFD; the mock does the same (without NFC).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mockwiki::util {

// Decodes the code point at the start of `text` and sets *length to its byte count. An invalid
// or truncated sequence decodes as U+FFFD with length 1.
std::uint32_t decode_utf8(std::string_view text, std::size_t* length);
std::string encode_utf8(std::uint32_t code_point);
bool is_valid_utf8(std::string_view text);
// Replaces each byte of an invalid sequence with U+FFFD.
std::string repair_utf8(std::string_view text);

}  // namespace mockwiki::util
