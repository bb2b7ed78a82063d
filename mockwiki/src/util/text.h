// Small text helpers shared by the HTTP layer and the message renderer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mockwiki::util {

// application/x-www-form-urlencoded decoding, as PHP's urldecode ('+' is a space; a malformed
// escape is kept as it is); rawurldecode with plus_is_space false.
std::string url_decode(std::string_view text, bool plus_is_space = true);
// RFC 3986 percent-encoding of everything but unreserved characters (PHP's rawurlencode, as
// setcookie() writes cookie values).
std::string percent_encode(std::string_view text);
std::string html_escape(std::string_view text);
// Decodes the HTML character references MediaWiki's messages and escapes produce
// (&lt; &gt; &amp; &quot; &#39; &#NN; &#xNN;).
std::string decode_html_entities(std::string_view text);
// wfEscapeWikiText: makes a value inert inside wikitext by turning markup characters into
// numeric character references.
std::string escape_wikitext(std::string_view text);
// Number formatting of English messages: 4096 -> "4,096".
std::string format_number(std::int64_t n);
// RFC 1123 date as PHP's setcookie writes it: "Sun, 23 May 2027 23:09:01 GMT".
std::string http_date(std::int64_t unix_seconds);
// Language::userTimeAndDate for English and the default preferences: "08:00, 15 January 2027".
std::string user_time_and_date(std::int64_t unix_seconds);
// The reason phrase of an HTTP status ("Service Unavailable"); "Error" for one it does not know.
std::string_view http_reason(int status);
// ISO 8601 as MediaWiki's TS_ISO_8601: "2026-11-24T23:14:08Z".
std::string iso8601(std::int64_t unix_seconds);
bool equals_ignore_case(std::string_view a, std::string_view b);
std::string lower_ascii(std::string_view text);

}  // namespace mockwiki::util
