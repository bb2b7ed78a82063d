// User names as MediaWiki canonicalizes and validates them (core:includes/user/UserNameUtils.php,
// core:includes/title/MediaWikiTitleCodec.php).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mockwiki::auth {

// UserNameUtils::getCanonical($name, RIGOR_USABLE): underscores become spaces, runs of them
// collapse, the ends are trimmed, a "User:" prefix is dropped and the first letter is upper
// cased. Empty if MediaWiki would reject the name (illegal title characters, an IP address,
// '/', '#', over 255 bytes, a reserved name such as "MediaWiki default").
//
// Upper casing covers Latin, Greek and Cyrillic letters; MediaWiki's mb_strtoupper covers all
// of Unicode.
std::optional<std::string> canonical_user_name(std::string_view name);

// The same with RIGOR_NONE, for assertuser: only the first letter and underscores change.
std::string loosely_canonical_user_name(std::string_view name);

// UserNameUtils::isCreatable, for a canonical name: at most 235 bytes and none of
// $wgInvalidUsernameCharacters ("@:>"), so that such names stay free for interwiki and
// bot-password use.
bool is_creatable_user_name(std::string_view canonical_name);

// IPUtils::isIPAddress: a dotted IPv4 address or an IPv6 address.
bool is_ip_address(std::string_view text);

// IPUtils::sanitizeIP: how MediaWiki names an anonymous user after its address (IPv6 is
// expanded and upper cased; an IPv4-mapped IPv6 address is its IPv4 address).
std::string sanitize_ip(std::string_view ip);

// Upper cases the first character of a UTF-8 string (Language::ucfirst).
std::string upper_case_first(std::string_view text);

}  // namespace mockwiki::auth
