#include "util/utf8.h"

namespace mockwiki::util {

std::uint32_t decode_utf8(std::string_view text, std::size_t* length) {
  constexpr std::uint32_t kReplacement = 0xFFFD;
  *length = 1;
  if (text.empty()) return kReplacement;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return lead;
  std::size_t need;
  std::uint32_t cp;
  std::uint32_t min;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1, cp = lead & 0x1F, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2, cp = lead & 0x0F, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3, cp = lead & 0x07, min = 0x10000;
  } else {
    return kReplacement;
  }
  // The second byte's range depends on the lead byte (no overlongs, surrogates or > U+10FFFF).
  const unsigned char low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
  const unsigned char high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
  for (std::size_t i = 1; i <= need; ++i) {
    const bool ok = i < text.size() && (i == 1 ? byte(i) >= low && byte(i) <= high : (byte(i) & 0xC0) == 0x80);
    if (!ok) {
      *length = i;  // the maximal subpart: lead plus the continuation bytes that fitted
      return kReplacement;
    }
    cp = (cp << 6) | (byte(i) & 0x3F);
  }
  if (cp < min) return kReplacement;
  *length = need + 1;
  return cp;
}

std::string encode_utf8(std::uint32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return out;
}

namespace {

bool is_replacement(std::string_view text, std::size_t i, std::size_t length) {
  return !(length == 3 && text.substr(i, 3) == "\xEF\xBF\xBD");
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    if (decode_utf8(text.substr(i), &length) == 0xFFFD && is_replacement(text, i, length)) return false;
    i += length;
  }
  return true;
}

std::string repair_utf8(std::string_view text) {
  if (is_valid_utf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 0;
    const std::uint32_t cp = decode_utf8(text.substr(i), &length);
    if (cp == 0xFFFD && is_replacement(text, i, length)) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string clean_up_utf8(std::string_view text) {
  // UtfNormal\Validator::cleanUp: a lead byte claims as many continuation bytes as its bit
  // pattern says (up to six); a sequence that is short, overlong, a surrogate, beyond
  // U+10FFFF or the noncharacter U+FFFE/U+FFFF becomes one U+FFFD, as does a stray byte.
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
      const bool control = lead < 0x20 && lead != '\t' && lead != '\n' && lead != '\r';
      if (control)
        out += kReplacement;
      else
        out.push_back(static_cast<char>(lead));
      ++i;
      continue;
    }
    std::size_t length = lead >= 0xFC && lead <= 0xFD   ? 6
                         : lead >= 0xF8 && lead <= 0xFB ? 5
                         : lead >= 0xF0 && lead <= 0xF7 ? 4
                         : lead >= 0xE0 && lead <= 0xEF ? 3
                         : lead >= 0xC0 && lead <= 0xDF ? 2
                                                        : 1;
    std::size_t got = 1;
    while (got < length && i + got < text.size() && (byte(i + got) & 0xC0) == 0x80) ++got;
    std::size_t decoded_length = 0;
    const std::uint32_t cp = got == length && length <= 4 ? decode_utf8(text.substr(i, got), &decoded_length) : 0xFFFD;
    const bool valid = got == length && length > 1 && length <= 4 && decoded_length == got &&
                       !(cp == 0xFFFD && text.substr(i, got) != kReplacement) && cp != 0xFFFE && cp != 0xFFFF;
    if (valid)
      out.append(text.substr(i, got));
    else
      out += kReplacement;
    i += got;
  }
  return out;
}

std::string windows_1252_to_utf8(std::string_view text) {
  // 0x80-0x9F; 0 marks the five bytes Windows-1252 does not define.
  static constexpr std::uint16_t kHigh[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                              0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                              0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                              0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out;
  out.reserve(text.size() * 2);
  for (unsigned char c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0xA0) {
      if (kHigh[c - 0x80]) out += encode_utf8(kHigh[c - 0x80]);
    } else {
      out += encode_utf8(c);
    }
  }
  return out;
}

}  // namespace mockwiki::util
