#include "api/message.h"

#include <array>
#include <cctype>
#include <utility>

#include "api/messages.h"
#include "util/text.h"

namespace mockwiki::api {
namespace {

// ApiMessageTrait::$messageMap: codes of non-API message keys.
constexpr std::pair<std::string_view, std::string_view> kCodeMap[] = {
    {"actionthrottledtext", "ratelimited"},
    {"autoblockedtext", "autoblocked"},
    {"badaccess-group0", "permissiondenied"},
    {"badaccess-groups", "permissiondenied"},
    {"badipaddress", "invalidip"},
    {"blankpage", "emptypage"},
    {"blockedtext", "blocked"},
    {"blockedtext-composite", "blocked"},
    {"blockedtext-partial", "blocked"},
    {"cannotdelete", "cantdelete"},
    {"cannotundelete", "cantundelete"},
    {"cantmove-titleprotected", "protectedtitle"},
    {"cantrollback", "onlyauthor"},
    {"confirmedittext", "confirmemail"},
    {"content-not-allowed-here", "contentnotallowedhere"},
    {"deleteprotected", "cantedit"},
    {"delete-toobig", "bigdelete"},
    {"edit-conflict", "editconflict"},
    {"imagenocrossnamespace", "nonfilenamespace"},
    {"imagetypemismatch", "filetypemismatch"},
    {"importbadinterwiki", "badinterwiki"},
    {"importcantopen", "cantopenfile"},
    {"import-noarticle", "badinterwiki"},
    {"importnofile", "nofile"},
    {"importuploaderrorpartial", "partialupload"},
    {"importuploaderrorsize", "filetoobig"},
    {"importuploaderrortemp", "notempdir"},
    {"ipb_already_blocked", "alreadyblocked"},
    {"ipb_blocked_as_range", "blockedasrange"},
    {"ipb_cant_unblock", "cantunblock"},
    {"ipb_expiry_invalid", "invalidexpiry"},
    {"ip_range_invalid", "invalidrange"},
    {"mailnologin", "cantsend"},
    {"markedaspatrollederror-noautopatrol", "noautopatrol"},
    {"movenologintext", "cantmove-anon"},
    {"movenotallowed", "cantmove"},
    {"movenotallowedfile", "cantmovefile"},
    {"namespaceprotected", "protectednamespace"},
    {"nocreate-loggedin", "cantcreate"},
    {"nocreatetext", "cantcreate-anon"},
    {"noname", "invaliduser"},
    {"nosuchusershort", "nosuchuser"},
    {"notanarticle", "missingtitle"},
    {"nouserspecified", "invaliduser"},
    {"ns-specialprotected", "unsupportednamespace"},
    {"protect-cantedit", "cantedit"},
    {"protectedinterface", "protectednamespace-interface"},
    {"protectedpagetext", "protectedpage"},
    {"range_block_disabled", "rangedisabled"},
    {"rcpatroldisabled", "patroldisabled"},
    {"readonlytext", "readonly"},
    {"sessionfailure", "badtoken"},
    {"systemblockedtext", "blocked"},
    {"titleprotected", "protectedtitle"},
    {"undo-failure", "undofailure"},
    {"userrights-nodatabase", "nosuchdatabase"},
    {"userrights-no-interwiki", "nointerwikiuserrights"},
};

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += items[i];
  }
  return out;
}

// Language::listToText: "a", "a and b", "a, b and c".
std::string list_to_text(const std::vector<std::string>& items) {
  if (items.empty()) return {};
  if (items.size() == 1) return items[0];
  std::vector<std::string> head(items.begin(), items.end() - 1);
  return join(head, ", ") + " and " + items.back();
}

std::string param_text(const MessageParam& p, bool html) {
  auto escape = [html](std::string s) { return html ? util::html_escape(s) : s; };
  switch (p.kind) {
    case MessageParam::Kind::Plain:
      // Inserted before parsing, as wikitext: the parser (render_links) escapes what it must.
      if (p.value.is_null()) return {};
      return p.value.is_string() ? p.value.get<std::string>() : p.value.dump();
    case MessageParam::Kind::Plaintext:
      return escape(p.value.get<std::string>());
    case MessageParam::Kind::Number:
      return util::format_number(p.value.get<std::int64_t>());
    case MessageParam::Kind::Duration:
      return format_duration(p.value.get<std::int64_t>());
    case MessageParam::Kind::List: {
      std::vector<std::string> items;
      for (const auto& item : p.items) items.push_back(param_text(item, html));
      if (p.list_type == "text") return list_to_text(items);
      if (p.list_type == "semicolon") return join(items, "; ");
      if (p.list_type == "pipe") return join(items, " | ");
      return join(items, ", ");
    }
  }
  return {};
}

// Splits "a|b|[[x|y]]" at the pipes that are not inside [[ ]] or {{ }}.
std::vector<std::string> split_forms(std::string_view text) {
  std::vector<std::string> forms;
  std::string current;
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::string_view two = text.substr(i, 2);
    if (two == "[[" || two == "{{") {
      depth++;
      current += two;
      ++i;
    } else if ((two == "]]" || two == "}}") && depth > 0) {
      depth--;
      current += two;
      ++i;
    } else if (text[i] == '|' && depth == 0) {
      forms.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(text[i]);
    }
  }
  forms.push_back(std::move(current));
  return forms;
}

// {{PLURAL:n|one|other}} in English, with explicit "N=" forms.
std::string plural(std::string_view number_text, const std::vector<std::string>& forms) {
  std::string digits;
  for (char c : number_text) {
    if (c != ',') digits.push_back(c);
  }
  double n = 0;
  try {
    n = std::stod(digits.empty() ? "0" : digits);
  } catch (...) {
    n = 0;
  }
  std::vector<std::string> plain;
  for (const auto& form : forms) {
    // Language::handleExplicitPluralForms: "N=..." matches the number as written.
    const std::size_t eq = form.find('=');
    if (eq != std::string::npos && eq > 0 && form.find_first_not_of("0123456789") == eq) {
      if (form.substr(0, eq) == digits) return form.substr(eq + 1);
      continue;
    }
    plain.push_back(form);
  }
  n = n < 0 ? -n : n;  // CLDR's operand n is the absolute value
  if (plain.empty()) return {};
  if (n == 1) return plain[0];
  return plain.size() > 1 ? plain[1] : plain.back();
}

// Expands {{PLURAL:...}} and {{GENDER:...}} (unknown gender: the neutral, else first, form).
std::string expand_templates(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text.substr(i, 2) != "{{") {
      out.push_back(text[i++]);
      continue;
    }
    int depth = 0;
    std::size_t end = i;
    for (; end + 1 < text.size(); ++end) {
      if (text.substr(end, 2) == "{{")
        depth++, end++;
      else if (text.substr(end, 2) == "}}" && --depth == 0)
        break;
    }
    if (end + 1 >= text.size()) {
      out.append(text.substr(i));
      break;
    }
    const std::string inner = expand_templates(text.substr(i + 2, end - i - 2));
    const std::size_t colon = inner.find(':');
    const std::string name = util::lower_ascii(inner.substr(0, colon));
    if (colon != std::string::npos && (name == "plural" || name == "gender")) {
      auto forms = split_forms(std::string_view(inner).substr(colon + 1));
      const std::string subject = forms.front();
      forms.erase(forms.begin());
      if (name == "plural") {
        out += plural(subject, forms);
      } else if (!forms.empty()) {
        out += forms.size() >= 3 ? forms[2] : forms[0];
      }
    } else {
      out += "{{" + inner + "}}";
    }
    i = end + 2;
  }
  return out;
}

// Article path of the mock's parsed links ($wgArticlePath = "/index.php/$1").
std::string link_target(std::string_view title) {
  std::string key;
  for (char c : title) key.push_back(c == ' ' ? '_' : c);
  return "/index.php/" + key;
}

bool starts_entity(std::string_view text) {
  // "&name;", "&#123;" or "&#x1F;" right at the start
  std::size_t i = 1;
  if (i < text.size() && text[i] == '#') {
    ++i;
    if (i < text.size() && (text[i] == 'x' || text[i] == 'X')) ++i;
  }
  const std::size_t start = i;
  while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
  return i > start && i < text.size() && text[i] == ';';
}

// The wikitext-to-HTML step of Message::parse() for the markup the catalogue uses: internal
// links, and bare '&' escaped; the rest (HTML tags, entities, newlines) passes through as the
// parser leaves it.
std::string render_links(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '&' && !starts_entity(text.substr(i))) {
      out += "&amp;";
      ++i;
      continue;
    }
    if (text.substr(i, 2) == "[[") {
      const std::size_t close = text.find("]]", i + 2);
      if (close != std::string_view::npos) {
        const std::string_view inner = text.substr(i + 2, close - i - 2);
        const std::size_t pipe = inner.find('|');
        const std::string_view target = inner.substr(0, pipe);
        const std::string_view label = pipe == std::string_view::npos ? target : inner.substr(pipe + 1);
        out += "<a href=\"" + link_target(target) + "\" title=\"" + std::string(target) + "\">" + std::string(label) +
               "</a>";
        i = close + 2;
        continue;
      }
    }
    out.push_back(text[i++]);
  }
  return out;
}

}  // namespace

namespace {
MessageParam scalar(MessageParam::Kind kind, Json value) {
  MessageParam p;
  p.kind = kind;
  p.value = std::move(value);
  return p;
}
}  // namespace

MessageParam MessageParam::plain(std::string text) { return scalar(Kind::Plain, Json(std::move(text))); }
MessageParam MessageParam::plain(std::int64_t number) { return scalar(Kind::Plain, Json(number)); }
MessageParam MessageParam::plain(Json value) { return scalar(Kind::Plain, std::move(value)); }
MessageParam MessageParam::number(std::int64_t n) { return scalar(Kind::Number, Json(n)); }
MessageParam MessageParam::duration(std::int64_t s) { return scalar(Kind::Duration, Json(s)); }
MessageParam MessageParam::list(std::vector<std::string> items, std::string type) {
  std::vector<MessageParam> params;
  for (auto& item : items) params.push_back(plain(std::move(item)));
  return list(std::move(params), std::move(type));
}
MessageParam MessageParam::list(std::vector<MessageParam> items, std::string type, std::vector<std::int64_t> keys) {
  MessageParam p;
  p.kind = Kind::List;
  p.items = std::move(items);
  p.keys = std::move(keys);
  p.list_type = std::move(type);
  return p;
}
MessageParam MessageParam::plaintext(std::string text) { return scalar(Kind::Plaintext, Json(std::move(text))); }

Json MessageParam::raw() const {
  switch (kind) {
    case Kind::Plain:
      return value;
    case Kind::Number:
      return Json{{"num", value}};
    case Kind::Duration:
      return Json{{"duration", value}};
    case Kind::Plaintext:
      return Json{{"plaintext", value}};
    case Kind::List: {
      bool sequential = true;
      for (std::size_t i = 0; i < keys.size(); ++i) sequential = sequential && keys[i] == static_cast<std::int64_t>(i);
      Json list = sequential ? Json::array() : Json::object();
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (sequential)
          list.push_back(items[i].raw());
        else
          list[std::to_string(keys[i])] = items[i].raw();
      }
      return Json{{"list", std::move(list)}, {"type", list_type}};
    }
  }
  return value;
}

Message::Message(std::string key, std::vector<MessageParam> params)
    : key_(std::move(key)), params_(std::move(params)) {}

Message Message::raw_text(std::string text, std::vector<MessageParam> params) {
  Message message(std::move(text), std::move(params));
  message.raw_text_ = true;
  return message;
}

Message& Message::with_code(std::string code) {
  code_ = std::move(code);
  return *this;
}

Message& Message::with_data(Json data) {
  data_ = std::move(data);
  return *this;
}

std::string Message::code() const {
  std::string code = code_;
  if (code.empty()) {
    code = key_;
    for (const auto& [from, to] : kCodeMap) {
      if (key_ == from) code = to;
    }
    if (key_ == "apierror-missingparam" && !params_.empty()) {
      code = "no" + param_text(params_[0], false);
    } else if (key_.starts_with("apiwarn-")) {
      code = key_.substr(8);
    } else if (key_.starts_with("apierror-")) {
      code = key_.substr(9);
    }
  }
  for (char& c : code) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') c = '_';
  }
  return code;
}

std::string Message::render(bool html) const {
  const auto text = raw_text_ ? std::optional<std::string_view>(key_) : english_message(key_);
  if (!text) return "\xE2\xA7\xBC" + util::html_escape(key_) + "\xE2\xA7\xBD";  // ⧼key⧽, escaped in every format
  std::string out;
  for (std::size_t i = 0; i < text->size(); ++i) {
    const char c = (*text)[i];
    if (c == '$' && i + 1 < text->size() && std::isdigit(static_cast<unsigned char>((*text)[i + 1]))) {
      std::size_t j = i + 1;
      std::size_t index = 0;
      while (j < text->size() && std::isdigit(static_cast<unsigned char>((*text)[j]))) {
        index = index * 10 + static_cast<std::size_t>((*text)[j] - '0');
        ++j;
      }
      if (index >= 1 && index <= params_.size()) {
        out += param_text(params_[index - 1], html);
        i = j - 1;
        continue;
      }
    }
    out.push_back(c);
  }
  return expand_templates(out);
}

std::string Message::text() const { return render(false); }

namespace {

// The parser's bulleted list, for a text whose every line is "* item" (Status::getMessage
// joins several errors that way): <ul><li>item</li>\n<li>item</li></ul>.
std::string render_bullets(const std::string& text) {
  std::vector<std::string_view> lines;
  std::string_view rest = text;
  while (true) {
    const std::size_t end = rest.find('\n');
    lines.push_back(rest.substr(0, end));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  for (auto line : lines) {
    if (!line.starts_with("* ")) return text;
  }
  std::string out = "<ul>";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += (i ? "\n<li>" : "<li>") + std::string(lines[i].substr(2)) + "</li>";
  }
  return out + "</ul>";
}

}  // namespace

std::string Message::html() const {
  if (auto html = raw_text_ ? std::nullopt : english_message_html(key_)) return std::string(*html);
  return render_bullets(render_links(render(true)));
}

Json Message::raw() const {
  Json params = Json::array();
  for (const auto& p : params_) params.push_back(p.raw());
  return Json{{"key", key_}, {"params", std::move(params)}};
}

std::string strip_markup(std::string_view text) {
  // Semantic quoting tags become quotes, then every tag goes.
  std::string quoted;
  for (std::size_t i = 0; i < text.size();) {
    bool replaced = false;
    if (text[i] == '<') {
      for (std::string_view tag : {"var", "kbd", "samp", "code"}) {
        for (std::string_view open : {"<", "</"}) {
          const std::string whole = std::string(open) + std::string(tag) + ">";
          if (text.substr(i, whole.size()) == whole) {
            quoted.push_back('"');
            i += whole.size();
            replaced = true;
            break;
          }
        }
        if (replaced) break;
      }
    }
    if (!replaced) quoted.push_back(text[i++]);
  }
  std::string stripped;
  for (std::size_t i = 0; i < quoted.size(); ++i) {
    if (quoted[i] == '<' && i + 1 < quoted.size() &&
        (std::isalpha(static_cast<unsigned char>(quoted[i + 1])) || quoted[i + 1] == '/' || quoted[i + 1] == '!')) {
      const std::size_t close = quoted.find('>', i);
      if (close != std::string::npos) {
        i = close;
        continue;
      }
    }
    stripped.push_back(quoted[i]);
  }
  // Sanitizer::normalizeWhitespace: runs of spaces, tabs and newlines become one space; trimmed.
  const std::string decoded = util::decode_html_entities(stripped);
  std::string out;
  out.reserve(decoded.size());
  for (char c : decoded) {
    const bool blank = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (!blank)
      out.push_back(c);
    else if (!out.empty() && out.back() != ' ')
      out.push_back(' ');
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string format_duration(std::int64_t seconds) {
  static constexpr std::array<std::pair<std::string_view, std::int64_t>, 8> kIntervals = {{
      {"millennium", 31556952000LL},
      {"century", 3155695200LL},
      {"decade", 315569520LL},
      {"year", 31556952LL},
      {"day", 86400},
      {"hour", 3600},
      {"minute", 60},
      {"second", 1},
  }};
  static constexpr std::array<std::string_view, 8> kPlurals = {"millennia", "centuries", "decades", "years",
                                                               "days",      "hours",     "minutes", "seconds"};
  std::vector<std::string> segments;
  std::int64_t rest = seconds;
  for (std::size_t i = 0; i < kIntervals.size(); ++i) {
    const auto [name, length] = kIntervals[i];
    if (rest >= length) {
      const std::int64_t count = rest / length;
      rest -= count * length;
      segments.push_back(util::format_number(count) + " " + std::string(count == 1 ? name : kPlurals[i]));
    }
  }
  if (segments.empty()) return "0 seconds";
  return list_to_text(segments);
}

}  // namespace mockwiki::api
