#include "http/request_params.h"

#include <algorithm>

#include "util/text.h"
#include "util/utf8.h"

namespace mockwiki::http {
namespace {

constexpr std::size_t kMaxInputVars = 1000;  // PHP's max_input_vars

// PHP counts every variable it reads, repeated names too: the query-string parser stops
// before the 1001st, the POST parser after it (php_variables.c checks after adding).
enum class Source { QueryString, Body };
std::size_t variable_limit(Source source) { return source == Source::QueryString ? kMaxInputVars : kMaxInputVars + 1; }

struct Variable {
  std::string name;
  std::string value;
  bool is_array = false;
};

// php_register_variable_ex's treatment of a name. Empty if PHP would drop the variable.
std::optional<Variable> php_variable(std::string_view raw_name, std::string value) {
  std::string name(raw_name.substr(0, raw_name.find('\0')));
  name.erase(0, name.find_first_not_of(' '));
  bool is_array = false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == ' ' || name[i] == '.') {
      name[i] = '_';
    } else if (name[i] == '[') {
      if (name.find(']', i) != std::string::npos) {
        is_array = true;
        name.resize(i);
        break;
      }
      name[i] = '_';  // an unclosed bracket becomes part of the name
    }
  }
  if (name.empty()) return std::nullopt;
  return Variable{util::repair_utf8(name), std::move(value), is_array};
}

// Adds variables PHP-style: a repeated name takes the new value in its old place.
void add(std::vector<Variable>& vars, Variable var) {
  auto it = std::find_if(vars.begin(), vars.end(), [&](const Variable& v) { return v.name == var.name; });
  if (it != vars.end()) {
    it->value = std::move(var.value);
    it->is_array = var.is_array;
  } else {
    vars.push_back(std::move(var));
  }
}

std::vector<Variable> parse_urlencoded(std::string_view text, Source source) {
  std::vector<Variable> vars;
  std::size_t count = 0;
  std::size_t start = 0;
  while (start <= text.size() && count < variable_limit(source)) {
    std::size_t end = text.find('&', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view pair = text.substr(start, end - start);
    if (!pair.empty()) {
      const std::size_t eq = pair.find('=');
      const std::string name = util::url_decode(pair.substr(0, eq));
      std::string value = eq == std::string_view::npos ? std::string() : util::url_decode(pair.substr(eq + 1));
      ++count;
      if (auto var = php_variable(name, std::move(value))) add(vars, std::move(*var));
    }
    start = end + 1;
  }
  return vars;
}

std::string media_type(std::string_view content_type) {
  std::string type = util::lower_ascii(content_type.substr(0, content_type.find(';')));
  type.erase(0, type.find_first_not_of(" \t"));
  type.erase(type.find_last_not_of(" \t") + 1);
  return type;
}

}  // namespace

std::optional<std::string_view> Request::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (util::equals_ignore_case(key, name)) return value;
  }
  return std::nullopt;
}

RequestParams RequestParams::from(const Request& request) {
  std::vector<Variable> query = parse_urlencoded(request.query_string, Source::QueryString);
  std::vector<Variable> body;
  if (request.method == "POST") {
    const std::string type = media_type(request.header("Content-Type").value_or(""));
    if (type == "application/x-www-form-urlencoded") {
      body = parse_urlencoded(request.body, Source::Body);
    } else if (type == "multipart/form-data") {
      std::size_t count = 0;
      for (const auto& [name, value] : request.form_fields) {
        if (count++ >= variable_limit(Source::Body)) break;
        if (auto var = php_variable(name, value)) add(body, std::move(*var));
      }
    }
  }

  RequestParams params;
  for (const auto& var : query) params.query_names_.push_back(var.name);
  auto take = [&](Variable& var) {
    // WebRequest::getGPCVal: a value whose name is in the query string and that is not UTF-8 is
    // read as Windows-1252; then UtfNormal cleans it up. Printable ASCII skips both.
    std::string value = var.value;
    const bool plain_ascii = std::all_of(value.begin(), value.end(), [](char c) { return c >= 0x20 && c <= 0x7E; });
    if (!plain_ascii) {
      const bool in_query =
          std::any_of(query.begin(), query.end(), [&](const Variable& q) { return q.name == var.name; });
      if (in_query && !util::is_valid_utf8(value)) value = util::windows_1252_to_utf8(value);
      value = util::clean_up_utf8(value);
    }
    Entry entry{var.name, std::move(value), std::move(var.value), var.is_array};
    params.order_.push_back(entry.name);
    params.entries_.push_back(std::move(entry));
  };
  for (auto& var : body) take(var);
  for (auto& var : query) {
    const bool in_body = std::any_of(body.begin(), body.end(), [&](const Variable& b) { return b.name == var.name; });
    if (!in_body) take(var);
  }
  return params;
}

const RequestParams::Entry* RequestParams::find(std::string_view name) const {
  for (const auto& entry : entries_) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

const std::string* RequestParams::value(std::string_view name) const {
  const Entry* entry = find(name);
  return entry && !entry->is_array ? &entry->value : nullptr;
}

const std::string* RequestParams::raw_value(std::string_view name) const {
  const Entry* entry = find(name);
  return entry && !entry->is_array ? &entry->raw : nullptr;
}

bool RequestParams::is_array(std::string_view name) const {
  const Entry* entry = find(name);
  return entry && entry->is_array;
}

bool RequestParams::in_query_string(std::string_view name) const {
  return std::find(query_names_.begin(), query_names_.end(), name) != query_names_.end();
}

std::vector<std::pair<std::string, std::string>> RequestParams::values() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& entry : entries_) {
    if (!entry.is_array) out.emplace_back(entry.name, entry.value);
  }
  return out;
}

}  // namespace mockwiki::http
