#include "api/param_reader.h"

#include <algorithm>
#include <cctype>

namespace mockwiki::api {
namespace {

constexpr std::size_t kMultiValueLimit = 50;       // ParamValidator::LIMIT_BIG1 for normal users
constexpr std::size_t kMultiValueLimitHigh = 500;  // with apihighlimits

bool is_integer_text(const std::string& text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  if (i == text.size()) return false;
  for (; i < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

}  // namespace

const std::string* ParamReader::get(const std::string& encoded_name) {
  const std::string* value = ctx_.param(encoded_name);
  if (value) {
    const std::string* raw = ctx_.params.raw_value(encoded_name);
    if (raw && *raw != *value) {
      ctx_.add_warning(module_path_, Message("apiwarn-badutf8", {MessageParam::plain(encoded_name)}));
    }
  }
  return value;
}

void ParamReader::fail(std::string key, std::string code, std::vector<MessageParam> params, Json data) const {
  Message message(std::move(key), std::move(params));
  message.with_code(std::move(code));
  if (!data.is_null()) message.with_data(std::move(data));
  throw ApiError(std::move(message), module_path_);
}

std::optional<std::string> ParamReader::string(std::string_view name, bool required) {
  const std::string encoded = encode(name);
  const std::string* value = get(encoded);
  // StringDef::validate: an empty value of a required parameter is missing.
  if (!value || (required && value->empty())) {
    if (required) fail("paramvalidator-missingparam", "missingparam", {MessageParam::plaintext(encoded)});
    return std::nullopt;
  }
  return *value;
}

bool ParamReader::flag(std::string_view name) { return ctx_.param_present(encode(name)); }

std::optional<std::int64_t> ParamReader::integer(std::string_view name) {
  const std::string encoded = encode(name);
  const std::string* value = get(encoded);
  if (!value) return std::nullopt;
  if (!is_integer_text(*value)) {
    fail("paramvalidator-badinteger", "badinteger",
         {MessageParam::plaintext(encoded), MessageParam::plaintext(*value)});
  }
  try {
    return std::stoll(*value);
  } catch (const std::out_of_range&) {
    fail("paramvalidator-badinteger", "badinteger",
         {MessageParam::plaintext(encoded), MessageParam::plaintext(*value)});
  }
}

std::optional<std::string> ParamReader::choice(std::string_view name, std::initializer_list<std::string_view> allowed,
                                               std::optional<std::string_view> fallback) {
  return choice(name, std::vector<std::string_view>(allowed), fallback);
}

std::optional<std::string> ParamReader::choice(std::string_view name, const std::vector<std::string_view>& allowed,
                                               std::optional<std::string_view> fallback) {
  const std::string encoded = encode(name);
  const std::string* value = get(encoded);
  if (!value) {
    if (fallback) return std::string(*fallback);
    return std::nullopt;
  }
  if (std::find(allowed.begin(), allowed.end(), *value) == allowed.end()) {
    std::vector<MessageParam> values;
    for (auto v : allowed) values.push_back(MessageParam::plaintext(std::string(v)));
    fail("paramvalidator-badvalue-enumnotmulti", "badvalue",
         {MessageParam::plaintext(encoded), MessageParam::plaintext(*value),
          MessageParam::list(std::move(values), "text"),
          MessageParam::number(static_cast<std::int64_t>(allowed.size()))});
  }
  return *value;
}

std::string ParamReader::required_choice(std::string_view name, const std::vector<std::string_view>& allowed) {
  if (!ctx_.params.value(encode(name))) {
    ctx_.mark_used(encode(name));
    fail("paramvalidator-missingparam", "missingparam", {MessageParam::plaintext(encode(name))});
  }
  return *choice(name, allowed);
}

std::optional<std::vector<std::string>> ParamReader::strings_if_present(std::string_view name) {
  if (!ctx_.params.value(encode(name))) {
    ctx_.param(encode(name));  // marks it used, warns about array syntax
    return std::nullopt;
  }
  return strings(name);
}

std::vector<std::string> ParamReader::explode(const std::string& encoded_name, const std::string& value) {
  std::vector<std::string> values;
  if (value.empty()) return values;
  // A leading U+001F switches the separator from '|' to U+001F.
  const char separator = value[0] == '\x1f' ? '\x1f' : '|';
  std::size_t start = separator == '\x1f' ? 1 : 0;
  while (true) {
    const std::size_t end = value.find(separator, start);
    values.push_back(value.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  const std::size_t limit = ctx_.user_can("apihighlimits") ? kMultiValueLimitHigh : kMultiValueLimit;
  if (values.size() > limit) {
    fail("paramvalidator-toomanyvalues", "toomanyvalues",
         {MessageParam::plaintext(encoded_name), MessageParam::number(static_cast<std::int64_t>(limit))},
         Json{{"limit", limit}, {"lowlimit", kMultiValueLimit}, {"highlimit", kMultiValueLimitHigh}});
  }
  return values;
}

std::vector<std::string> ParamReader::choices(std::string_view name, const std::vector<std::string_view>& allowed,
                                              const std::vector<std::string>& fallback, bool allow_all) {
  const std::string encoded = encode(name);
  const std::string* value = get(encoded);
  if (!value) return fallback;
  if (allow_all && *value == "*") return {allowed.begin(), allowed.end()};
  std::vector<std::string> valid;
  std::vector<std::string> unknown;
  for (auto& v : explode(encoded, *value)) {
    auto& bucket = std::find(allowed.begin(), allowed.end(), v) != allowed.end() ? valid : unknown;
    if (std::find(bucket.begin(), bucket.end(), v) == bucket.end()) bucket.push_back(std::move(v));
  }
  if (!unknown.empty()) {
    std::vector<MessageParam> listed;
    for (const auto& v : unknown) listed.push_back(MessageParam::plaintext(v));
    Message warning("paramvalidator-unrecognizedvalues",
                    {MessageParam::plaintext(encoded), MessageParam::plaintext(*value),
                     MessageParam::list(std::move(listed), "comma"),
                     MessageParam::number(static_cast<std::int64_t>(unknown.size()))});
    warning.with_code("unrecognizedvalues").with_data(Json{{"values", unknown}});
    ctx_.add_warning(module_path_, warning);
  }
  return valid;
}

std::vector<std::string> ParamReader::strings(std::string_view name) {
  const std::string encoded = encode(name);
  const std::string* value = get(encoded);
  if (!value) return {};
  return explode(encoded, *value);
}

}  // namespace mockwiki::api
