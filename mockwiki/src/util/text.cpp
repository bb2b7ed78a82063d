#include "util/text.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <utility>

#include "util/utf8.h"

namespace mockwiki::util {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// wfEscapeWikiText's table, applied as PHP's strtr: the longest match at each position wins.
constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kWikitextEscapes = {{
    {"\n----", "\n&#45;---"}, {"\r----", "\r&#45;---"}, {"://", "&#58;//"},  {"\n#", "\n&#35;"},  {"\r#", "\r&#35;"},
    {"\n*", "\n&#42;"},       {"\r*", "\r&#42;"},       {"\n:", "\n&#58;"},  {"\r:", "\r&#58;"},  {"\n ", "\n&#32;"},
    {"\r ", "\r&#32;"},       {"\n\n", "\n&#10;"},      {"\r\n", "&#13;\n"}, {"\n\r", "\n&#13;"}, {"\r\r", "\r&#13;"},
    {"\n\t", "\n&#9;"},       {"\r\t", "\r&#9;"},       {"__", "_&#95;"},    {"\"", "&#34;"},     {"&", "&#38;"},
    {"'", "&#39;"},           {"<", "&#60;"},           {"=", "&#61;"},      {">", "&#62;"},      {"[", "&#91;"},
    {"]", "&#93;"},           {"{", "&#123;"},          {"|", "&#124;"},     {"}", "&#125;"},     {";", "&#59;"},
}};

// $wgUrlProtocols entries that end in ':' rather than '://'.
constexpr std::array<std::string_view, 12> kColonProtocols = {"bitcoin", "geo",  "magnet", "mailto", "matrix", "news",
                                                              "sip",     "sips", "sms",    "tel",    "urn",    "xmpp"};

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

std::string url_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string decode_html_entities(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kNamed = {
      {{"lt", "<"}, {"gt", ">"}, {"amp", "&"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"}}};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out.push_back(text[i]);
      continue;
    }
    const std::size_t semi = text.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      continue;
    }
    const std::string_view name = text.substr(i + 1, semi - i - 1);
    bool done = false;
    if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      std::uint32_t cp = 0;
      bool ok = name.size() > (hex ? 2u : 1u);
      for (std::size_t k = hex ? 2 : 1; ok && k < name.size(); ++k) {
        const int v =
            hex ? hex_value(name[k]) : (std::isdigit(static_cast<unsigned char>(name[k])) ? name[k] - '0' : -1);
        if (v < 0 || cp > 0x10FFFF)
          ok = false;
        else
          cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
      }
      if (ok && cp > 0 && cp <= 0x10FFFF) {
        out += encode_utf8(cp);
        done = true;
      }
    } else {
      for (const auto& [entity, value] : kNamed) {
        if (name == entity) {
          out += value;
          done = true;
          break;
        }
      }
    }
    if (done) {
      i = semi;
    } else {
      out.push_back('&');
    }
  }
  return out;
}

std::string escape_wikitext(std::string_view text) {
  std::string input;  // (built in steps: GCC 12 warns falsely, -Wrestrict, on "\n" + std::string)
  input.reserve(text.size() + 1);
  input.push_back('\n');
  input.append(text);
  std::string out;
  out.reserve(input.size() + 16);
  for (std::size_t i = 0; i < input.size();) {
    bool replaced = false;
    for (const auto& [from, to] : kWikitextEscapes) {  // longest patterns come first
      if (std::string_view(input).substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out.push_back(input[i++]);
  }
  out.erase(0, 1);
  // Protocols without "//": "mailto:x" -> "mailto&#58;x".
  for (std::string_view protocol : kColonProtocols) {
    for (std::size_t pos = 0; (pos = lower_ascii(out).find(std::string(protocol) + ":", pos)) != std::string::npos;) {
      if (pos > 0 && is_word_char(out[pos - 1])) {
        pos += protocol.size();
        continue;
      }
      out.replace(pos + protocol.size(), 1, "&#58;");
      pos += protocol.size() + 5;
    }
  }
  return out;
}

std::string format_number(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return n < 0 ? "\xE2\x88\x92" + out : out;  // Language::formatNum writes U+2212 MINUS SIGN
}

std::string http_date(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buffer;
}

std::string iso8601(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view http_reason(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "Error";
  }
}

std::string user_time_and_date(std::int64_t unix_seconds) {
  static constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d, %d %s %d", tm.tm_hour, tm.tm_min, tm.tm_mday, kMonths[tm.tm_mon],
                tm.tm_year + 1900);
  return buffer;
}

}  // namespace mockwiki::util
