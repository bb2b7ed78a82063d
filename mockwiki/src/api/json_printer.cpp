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
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        case '<':
          out += escape_xml_meta ? "\\u003C" : "<";
          break;
        case '>':
          out += escape_xml_meta ? "\\u003E" : ">";
          break;
        case '&':
          out += escape_xml_meta ? "\\u0026" : "&";
          break;
        default:
          if (c < 0x20)
            unicode_escape(c);
          else
            out.push_back(static_cast<char>(c));
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

// Writes a node with the formatversion transformation applied on the way, so the result is
// serialized in one pass without a transformed copy.
class Writer {
 public:
  Writer(std::string& out, const JsonStyle& style) : out_(out), style_(style) {}

  void value(const Json& node, int depth) {
    switch (node.type()) {
      case Json::value_t::object:
        object(node, depth);
        return;
      case Json::value_t::array:
        array(node, depth);
        return;
      case Json::value_t::string:
        append_escaped(out_, node.get_ref<const std::string&>(), style_.escape_unicode, style_.escape_xml_meta);
        return;
      default:
        out_ += node.dump();
    }
  }

 private:
  // Opens a container on its first member, so empty ones print as {} or [].
  struct Container {
    char open, close;
    bool any = false;
  };
  void begin_member(Container& c, int depth) {
    if (!c.any) {
      out_.push_back(c.open);
      c.any = true;
    } else {
      out_.push_back(',');
    }
    newline(depth + 1);
  }
  void end(Container& c, int depth) {
    if (!c.any) {
      out_.push_back(c.open);
    } else {
      newline(depth);
    }
    out_.push_back(c.close);
  }
  void newline(int level) {
    if (!style_.pretty) return;
    out_.push_back('\n');
    out_.append(static_cast<std::size_t>(level) * 4, ' ');
  }
  void key(const std::string& k) {
    append_escaped(out_, k, style_.escape_unicode, style_.escape_xml_meta);
    out_ += style_.pretty ? ": " : ":";
  }
  // In formatversion 1 a boolean is "" when true and left out when false.
  bool bc_bool_skipped(const Json& v) const { return style_.format_version == 1 && v.is_boolean() && !v.get<bool>(); }
  void member_value(const Json& v, bool keep_bool, int depth) {
    if (style_.format_version == 1 && v.is_boolean() && !keep_bool) {
      out_ += "\"\"";
    } else {
      value(v, depth);
    }
  }

  void array(const Json& node, int depth) {
    Container c{'[', ']'};
    for (const auto& item : node) {
      if (bc_bool_skipped(item)) continue;
      begin_member(c, depth);
      member_value(item, false, depth + 1);
    }
    end(c, depth);
  }

  void object(const Json& node, int depth) {
    const bool bc = style_.format_version == 1;
    const Json* content = nullptr;
    const Json* bc_bools = nullptr;
    bool as_list = false;
    if (auto it = node.find(kContentKey); it != node.end() && it->is_string()) {
      if (auto c = node.find(it->get<std::string>()); c != node.end()) content = &*c;
    }
    if (auto it = node.find(kBcBoolsKey); it != node.end()) bc_bools = &*it;
    if (bc) {
      if (auto it = node.find(kTypeKey); it != node.end() && *it == "BCassoc") as_list = true;
    }
    auto keeps_bool = [&](const std::string& k) {
      return bc_bools && std::find(bc_bools->begin(), bc_bools->end(), k) != bc_bools->end();
    };
    Container c{as_list ? '[' : '{', as_list ? ']' : '}'};
    for (const auto& [k, v] : node.items()) {
      if (is_metadata(k)) continue;
      if (bc && content == &v) continue;  // written last, as "*"
      const bool keep = keeps_bool(k);
      if (!keep && bc_bool_skipped(v)) continue;
      begin_member(c, depth);
      if (!as_list) key(k);
      member_value(v, keep, depth + 1);
    }
    if (bc && content) {
      begin_member(c, depth);
      if (!as_list) key("*");
      member_value(*content, false, depth + 1);
    }
    end(c, depth);
  }

  std::string& out_;
  const JsonStyle& style_;
};

}  // namespace

Json client_view(const Json& root, int format_version) { return transform(root, format_version); }

std::string print_json(const Json& root, const JsonStyle& style) {
  std::string out;
  out.reserve(1024);
  Writer(out, style).value(root, 0);
  return out;
}

}  // namespace mockwiki::api
