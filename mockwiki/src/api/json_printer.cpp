#include "api/json_printer.h"

#include <algorithm>
#include <cstdio>

#include "api/result.h"
#include "util/utf8.h"

namespace mockwiki::api {
namespace {

bool is_metadata(const std::string& key) { return !key.empty() && key[0] == '_'; }

Json transform(const Json& node, int format_version) {
  if (node.is_array()) {
    Json out = Json::array();
    for (const auto& item : node) {
      if (format_version == 1 && item.is_boolean()) {
        if (item.get<bool>()) out.push_back("");
        continue;
      }
      out.push_back(transform(item, format_version));
    }
    return out;
  }
  if (!node.is_object()) return node;

  std::string content_key;
  std::vector<std::string> bc_bools;
  if (auto it = node.find(kContentKey); it != node.end() && it->is_string()) content_key = it->get<std::string>();
  if (auto it = node.find(kBcBoolsKey); it != node.end() && it->is_array()) {
    for (const auto& k : *it) bc_bools.push_back(k.get<std::string>());
  }

  Json out = Json::object();
  for (const auto& [key, value] : node.items()) {
    if (is_metadata(key)) continue;
    if (format_version == 1) {
      if (key == content_key) continue;  // moved to "*" below
      if (value.is_boolean() && std::find(bc_bools.begin(), bc_bools.end(), key) == bc_bools.end()) {
        if (value.get<bool>()) out[key] = "";
        continue;
      }
    }
    out[key] = transform(value, format_version);
  }
  if (format_version == 1 && !content_key.empty()) {
    if (auto it = node.find(content_key); it != node.end()) out["*"] = transform(*it, format_version);
  }
  if (format_version == 1) {
    if (auto it = node.find(kTypeKey); it != node.end() && *it == "BCassoc") {
      Json list = Json::array();
      for (auto& [key, value] : out.items()) list.push_back(std::move(value));
      return list;
    }
  }
  return out;
}

void append_escaped(std::string& out, const std::string& text, bool escape_unicode, bool escape_xml_meta) {
  static constexpr char kHex[] = "0123456789abcdef";
  auto unicode_escape = [&](std::uint32_t unit) {
    out += "\\u";
    out.push_back(kHex[(unit >> 12) & 0xF]);
    out.push_back(kHex[(unit >> 8) & 0xF]);
    out.push_back(kHex[(unit >> 4) & 0xF]);
    out.push_back(kHex[unit & 0xF]);
  };
  out.push_back('"');
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '<': out += escape_xml_meta ? "\\u003C" : "<"; break;
        case '>': out += escape_xml_meta ? "\\u003E" : ">"; break;
        case '&': out += escape_xml_meta ? "\\u0026" : "&"; break;
        default:
          if (c < 0x20) unicode_escape(c);
          else out.push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    std::size_t length = 0;
    const std::uint32_t cp = util::decode_utf8(std::string_view(text).substr(i), &length);
    const bool invalid = cp == 0xFFFD && text.compare(i, length, "\xEF\xBF\xBD") != 0;
    if (invalid) {
      out += escape_unicode ? "\\ufffd" : "\xEF\xBF\xBD";  // never emit invalid UTF-8
    } else if (escape_unicode || cp == 0x2028 || cp == 0x2029) {
      if (cp >= 0x10000) {
        const std::uint32_t v = cp - 0x10000;
        unicode_escape(0xD800 + (v >> 10));
        unicode_escape(0xDC00 + (v & 0x3FF));
      } else {
        unicode_escape(cp);
      }
    } else {
      out.append(text, i, length);
    }
    i += length;
  }
  out.push_back('"');
}

void write(std::string& out, const Json& node, const JsonStyle& style, int depth) {
  const auto newline = [&](int level) {
    if (!style.pretty) return;
    out.push_back('\n');
    out.append(static_cast<std::size_t>(level) * 4, ' ');
  };
  switch (node.type()) {
    case Json::value_t::object: {
      if (node.empty()) {
        out += "{}";
        return;
      }
      out.push_back('{');
      bool first = true;
      for (const auto& [key, value] : node.items()) {
        if (!first) out.push_back(',');
        first = false;
        newline(depth + 1);
        append_escaped(out, key, style.escape_unicode, style.escape_xml_meta);
        out += style.pretty ? ": " : ":";
        write(out, value, style, depth + 1);
      }
      newline(depth);
      out.push_back('}');
      return;
    }
    case Json::value_t::array: {
      if (node.empty()) {
        out += "[]";
        return;
      }
      out.push_back('[');
      bool first = true;
      for (const auto& value : node) {
        if (!first) out.push_back(',');
        first = false;
        newline(depth + 1);
        write(out, value, style, depth + 1);
      }
      newline(depth);
      out.push_back(']');
      return;
    }
    case Json::value_t::string:
      append_escaped(out, node.get_ref<const std::string&>(), style.escape_unicode, style.escape_xml_meta);
      return;
    default:
      out += node.dump();
  }
}

}  // namespace

Json client_view(const Json& root, int format_version) { return transform(root, format_version); }

std::string print_json(const Json& root, const JsonStyle& style) {
  std::string out;
  out.reserve(512);
  write(out, transform(root, style.format_version), style, 0);
  return out;
}

}  // namespace mockwiki::api
