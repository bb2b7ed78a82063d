// UTF-8 checks and repairs. MediaWiki cleans every request value with UtfNormal\Validator::cleanUp,
// which replaces invalid sequences with U+FFFD; the mock does the same (without NFC).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mockwiki::util {

// Decodes the code point at the start of `text` and sets *length to its byte count. An invalid
// or truncated sequence decodes as U+FFFD, its length the maximal subpart that could have
// started a valid sequence (at least 1).
std::uint32_t decode_utf8(std::string_view text, std::size_t* length);
std::string encode_utf8(std::uint32_t code_point);
bool is_valid_utf8(std::string_view text);
// Replaces each invalid sequence (each maximal subpart of one) with U+FFFD.
std::string repair_utf8(std::string_view text);
// UtfNormal\Validator::cleanUp without NFC normalization: invalid sequences and C0 control
// characters other than tab, newline and carriage return become U+FFFD.
std::string clean_up_utf8(std::string_view text);
// Language::checkTitleEncoding for English: text that is not UTF-8 is read as Windows-1252
// (bytes Windows-1252 leaves undefined are dropped, as iconv //IGNORE does).
std::string windows_1252_to_utf8(std::string_view text);

}  // namespace mockwiki::util
