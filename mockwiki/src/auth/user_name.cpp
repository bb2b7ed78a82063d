#include "auth/user_name.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <vector>

#include "util/text.h"
#include "util/utf8.h"

namespace mockwiki::auth {
namespace {

constexpr std::size_t kMaxNameBytes = 255;  // $wgMaxNameChars

// $wgReservedUsernames, the "msg:" entries by their English texts.
constexpr std::array<std::string_view, 15> kReservedNames = {"MediaWiki default",
                                                             "Conversion script",
                                                             "Maintenance script",
                                                             "Template namespace initialisation script",
                                                             "ScriptImporter",
                                                             "Delete page script",
                                                             "Move page script",
                                                             "Command line script",
                                                             "Unknown user",
                                                             "Redirect fixer",
                                                             "System messenger",
                                                             "Proxy blocker",
                                                             "DNSBL",
                                                             "MediaWiki spam cleanup",
                                                             "MediaWiki automatic change"};

// Namespace names (lower case, underscores) a title prefix may name; only "user" keeps a
// name a user name.
constexpr std::array<std::string_view, 19> kNamespaceNames = {
    "media",         "special",   "talk",      "user",       "user_talk",    "project",        "project_talk",
    "file",          "file_talk", "image",     "image_talk", "mediawiki",    "mediawiki_talk", "template",
    "template_talk", "help",      "help_talk", "category",   "category_talk"};

// What MediaWikiTitleCodec turns into '_' (spaces of every kind) and what it removes (bidi marks).
bool is_title_space(std::uint32_t c) {
  return c == ' ' || c == '_' || c == 0xA0 || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}
bool is_bidi_mark(std::uint32_t c) { return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E); }

// The namespace a "Prefix:rest" title starts with, if the prefix names one (lower case, '_').
std::optional<std::string> namespace_prefix(std::string_view key) {
  const std::size_t colon = key.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string prefix = util::lower_ascii(key.substr(0, colon));
  while (!prefix.empty() && prefix.back() == '_') prefix.pop_back();
  if (std::find(kNamespaceNames.begin(), kNamespaceNames.end(), prefix) == kNamespaceNames.end()) return std::nullopt;
  return prefix;
}

// UserNameUtils::isIP: a dotted quad of 1-3 digits each (the last may be "xxx"), or IPv6.
bool looks_like_ip(std::string_view s) {
  int parts = 0;
  std::size_t i = 0;
  while (true) {
    std::size_t j = s.find('.', i);
    const std::string_view part = s.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i);
    const bool last = j == std::string_view::npos;
    const bool digits = !part.empty() && part.size() <= 3 && std::all_of(part.begin(), part.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c));
    });
    if (!digits && !(last && parts == 3 && part == "xxx")) return false;
    ++parts;
    if (last) break;
    i = j + 1;
  }
  return parts == 4;
}

std::uint32_t upper_case(std::uint32_t c) {
  if (c >= 'a' && c <= 'z') return c - 0x20;
  if (c < 0x80) return c;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;  // Latin-1
  if (c == 0xFF) return 0x178;
  if (c == 0x131) return 'I';
  if (c == 0x17F) return 'S';
  if (c >= 0x100 && c <= 0x17F && c != 0x138 && c != 0x149) {  // Latin Extended-A pairs
    const bool odd_is_lower = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_is_lower ? (c % 2 == 0) : (c % 2 == 1)) return c - 1;
    return c;
  }
  if (c == 0x1C6 || c == 0x1C5) return 0x1C4;     // dž
  if (c == 0x3C2) return 0x3A3;                   // final sigma
  if (c >= 0x3B1 && c <= 0x3C9) return c - 0x20;  // Greek
  if (c >= 0x430 && c <= 0x44F) return c - 0x20;  // Cyrillic
  if (c >= 0x450 && c <= 0x45F) return c - 0x50;
  return c;
}

// Characters MediaWiki's $wgLegalTitleChars allows, for one byte (bytes >= 0x80 are allowed).
bool is_legal_title_byte(unsigned char c) {
  if (c >= 0x80) return true;
  if (std::isalnum(c)) return true;
  static constexpr std::string_view kPunctuation = " %!\"$&'()*,-./:;=?@\\^_`~+";
  return kPunctuation.find(static_cast<char>(c)) != std::string_view::npos;
}

// Code points UserNameUtils::isValid refuses although titles allow them.
bool is_troublemaker(std::uint32_t c) {
  return (c >= 0x80 && c <= 0x9F) || c == 0xA0 || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
         c == 0x3000 || (c >= 0xE000 && c <= 0xF8FF);
}

bool is_ipv4(std::string_view s) {
  int parts = 0;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t j = s.find('.', i);
    if (j == std::string_view::npos) j = s.size();
    std::string_view part = s.substr(i, j - i);
    if (part.empty() || part.size() > 3) return false;
    int value = 0;
    for (char c : part) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
      value = value * 10 + (c - '0');
    }
    if (value > 255) return false;
    ++parts;
    i = j + 1;
    if (j == s.size()) break;
  }
  return parts == 4;
}

bool is_ipv6(std::string_view s) {
  if (s.find(':') == std::string_view::npos || s.size() < 2) return false;
  int groups = 0;
  bool compressed = false;
  std::size_t i = 0;
  if (s.substr(0, 2) == "::") {
    compressed = true;
    i = 2;
    if (i == s.size()) return true;
  }
  while (i < s.size()) {
    std::size_t j = s.find(':', i);
    if (j == std::string_view::npos) j = s.size();
    std::string_view group = s.substr(i, j - i);
    if (group.empty()) return false;
    if (j == s.size() && group.find('.') != std::string_view::npos) {
      if (!is_ipv4(group)) return false;
      groups += 2;
      break;
    }
    if (group.size() > 4) return false;
    for (char c : group) {
      if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    }
    ++groups;
    if (j == s.size()) break;
    if (j + 1 < s.size() && s[j + 1] == ':') {
      if (compressed) return false;
      compressed = true;
      i = j + 2;
      if (i == s.size()) break;
    } else {
      i = j + 1;
      if (i == s.size()) return false;
    }
  }
  return compressed ? groups < 8 : groups == 8;
}

// MediaWikiTitleCodec::splitTitleString for the User namespace: spaces and underscores to
// single underscores, trimmed; a namespace prefix is taken off. Empty if no title.
std::optional<std::string> user_title_key(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  for (std::size_t i = 0; i < name.size();) {
    std::size_t length = 0;
    const std::uint32_t c = util::decode_utf8(name.substr(i), &length);
    if (is_title_space(c)) {
      if (!key.empty() && key.back() != '_') key.push_back('_');
    } else if (!is_bidi_mark(c)) {
      key.append(name.substr(i, length));
    }
    i += length;
  }
  while (!key.empty() && key.back() == '_') key.pop_back();
  if (!key.empty() && key.front() == ':') return std::nullopt;

  if (auto prefix = namespace_prefix(key)) {
    if (*prefix != "user") return std::nullopt;
    key.erase(0, key.find(':') + 1);
    while (!key.empty() && key.front() == '_') key.erase(0, 1);
  }
  if (key.empty()) return std::nullopt;
  return key;
}

}  // namespace

std::string upper_case_first(std::string_view text) {
  if (text.empty()) return std::string(text);
  std::size_t length = 0;
  const std::uint32_t first = util::decode_utf8(text, &length);
  // mb_strtoupper: "ß" has no capital letter of its own and becomes "SS".
  std::string out = first == 0xDF ? std::string("SS") : util::encode_utf8(upper_case(first));
  out.append(text.substr(length));
  return out;
}

bool is_creatable_user_name(std::string_view canonical_name) {
  return canonical_name.size() <= 235 && canonical_name.find_first_of("@:>") == std::string_view::npos;
}

std::optional<std::string> canonical_user_name(std::string_view name) {
  if (name.find('#') != std::string_view::npos) return std::nullopt;
  auto key = user_title_key(upper_case_first(name));
  if (!key) return std::nullopt;
  for (unsigned char c : *key) {
    if (!is_legal_title_byte(c)) return std::nullopt;
  }
  // Titles may not hold %XX escapes, "~~~", or relative path segments.
  for (std::size_t i = 0; i + 2 < key->size(); ++i) {
    if ((*key)[i] == '%' && std::isxdigit(static_cast<unsigned char>((*key)[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>((*key)[i + 2]))) {
      return std::nullopt;
    }
  }
  if (key->find("~~~") != std::string::npos) return std::nullopt;
  if (*key == "." || *key == ".." || key->starts_with("./") || key->starts_with("../")) {
    return std::nullopt;
  }
  std::string canonical = upper_case_first(*key);
  std::replace(canonical.begin(), canonical.end(), '_', ' ');

  // UserNameUtils::isValid and isUsable. The name must also read as a title of the main
  // namespace, so "User:User:x" (still "User:x") is no user name.
  if (canonical.size() > kMaxNameBytes || canonical.find('/') != std::string::npos || looks_like_ip(canonical) ||
      is_ipv6(canonical) || !util::is_valid_utf8(canonical) || canonical.find("\xEF\xBF\xBD") != std::string::npos ||
      namespace_prefix(*key)) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < canonical.size();) {
    std::size_t length = 0;
    if (is_troublemaker(util::decode_utf8(std::string_view(canonical).substr(i), &length))) {
      return std::nullopt;
    }
    i += length;
  }
  if (std::find(kReservedNames.begin(), kReservedNames.end(), canonical) != kReservedNames.end()) {
    return std::nullopt;
  }
  return canonical;
}

std::string loosely_canonical_user_name(std::string_view name) {
  std::string out = upper_case_first(name);
  if (out.starts_with("User:")) out.erase(0, 5);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

bool is_ip_address(std::string_view text) { return is_ipv4(text) || is_ipv6(text); }

std::string sanitize_ip(std::string_view ip) {
  if (ip.starts_with("::ffff:") && is_ipv4(ip.substr(7))) return std::string(ip.substr(7));
  if (!is_ipv6(ip)) return std::string(ip);
  // Expand "::" and upper case, as IPUtils::sanitizeIP does (leading zeros dropped).
  std::vector<std::string> head, tail;
  std::string_view rest = ip;
  const std::size_t gap = rest.find("::");
  auto split = [](std::string_view part, std::vector<std::string>& out) {
    std::size_t i = 0;
    while (i < part.size()) {
      std::size_t j = part.find(':', i);
      if (j == std::string_view::npos) j = part.size();
      out.emplace_back(part.substr(i, j - i));
      i = j + 1;
    }
  };
  if (gap == std::string_view::npos) {
    split(rest, head);
  } else {
    split(rest.substr(0, gap), head);
    split(rest.substr(gap + 2), tail);
  }
  std::vector<std::string> groups = head;
  for (std::size_t i = head.size() + tail.size(); i < 8; ++i) groups.emplace_back("0");
  groups.insert(groups.end(), tail.begin(), tail.end());
  std::string out;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    std::string g = groups[i];
    while (g.size() > 1 && g.front() == '0') g.erase(0, 1);
    for (char& c : g) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (i) out.push_back(':');
    out += g;
  }
  return out;
}

}  // namespace mockwiki::auth
