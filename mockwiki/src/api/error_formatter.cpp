#include "api/error_formatter.h"

namespace mockwiki::api {

std::optional<ErrorFormat> parse_error_format(std::string_view value) {
  if (value == "plaintext") return ErrorFormat::Plaintext;
  if (value == "wikitext") return ErrorFormat::Wikitext;
  if (value == "html") return ErrorFormat::Html;
  if (value == "raw") return ErrorFormat::Raw;
  if (value == "none") return ErrorFormat::None;
  if (value == "bc") return ErrorFormat::Bc;
  return std::nullopt;
}

Json ErrorFormatter::format_message(const Message& message) const {
  Json value = Json::object();
  value["code"] = message.code();
  switch (format_) {
    case ErrorFormat::Plaintext:
      value["text"] = strip_markup(message.text());
      value[kContentKey] = "text";
      break;
    case ErrorFormat::Wikitext:
      value["text"] = message.text();
      value[kContentKey] = "text";
      break;
    case ErrorFormat::Html:
      value["html"] = message.html();
      value[kContentKey] = "html";
      break;
    case ErrorFormat::Raw: {
      Json raw = message.raw();
      value["key"] = raw["key"];
      value["params"] = raw["params"];
      break;
    }
    case ErrorFormat::None:
      break;
    case ErrorFormat::Bc:
      value["info"] = message.text();
      for (const auto& [k, v] : message.data().items()) value[k] = v;
      return value;
  }
  if (message.data().is_object() && !message.data().empty()) value["data"] = message.data();
  return value;
}

Json ErrorFormatter::format_reason(const Message& message) const {
  if (is_bc()) return strip_markup(message.text());
  return format_message(message);
}

void ErrorFormatter::add_warning(std::string_view module_path, const Message& message) {
  if (is_bc()) {
    const std::string text = strip_markup(message.text());
    std::string module = module_path.empty() ? "unknown" : std::string(module_path);
    if (auto plus = module.rfind('+'); plus != std::string::npos) module.erase(0, plus + 1);

    Json* warnings = result_.find("warnings");
    if (!warnings) warnings = &result_.set("warnings", Json::object(), ApiResult::Place::OnTop);
    if (auto it = warnings->find(module); it != warnings->end()) {
      std::string old = (*it)["warnings"].get<std::string>();
      // Skip a warning that is already one of the module's lines, as MediaWiki checks it: at
      // the first place the text occurs only.
      if (const std::size_t pos = old.find(text); pos != std::string::npos) {
        const bool starts_line = pos == 0 || old[pos - 1] == '\n';
        const std::size_t end = pos + text.size();
        if (starts_line && (end == old.size() || old[end] == '\n')) return;
      }
      old.append("\n").append(text);
      (*it)["warnings"] = std::move(old);
      return;
    }
    // A new module goes on top of the warnings (ApiResult::ADD_ON_TOP on the path).
    Json updated = Json::object();
    updated[module] = Json{{"warnings", text}, {kContentKey, "warnings"}};
    for (const auto& [k, v] : warnings->items()) updated[k] = v;
    *warnings = std::move(updated);
    return;
  }

  Json value = format_message(message);
  if (!module_path.empty()) value["module"] = module_path;
  Json* warnings = result_.find("warnings");
  if (!warnings) warnings = &result_.set("warnings", Json::array(), ApiResult::Place::OnTop);
  for (const auto& existing : *warnings) {
    if (existing == value) return;
  }
  warnings->push_back(std::move(value));
}

void ErrorFormatter::add_error(std::string_view module_path, const Message& message) {
  if (is_bc()) {
    if (const Json* existing = result_.find("error");
        existing && existing->is_object() && existing->contains("code") && existing->contains("info")) {
      return;  // bc reports one error
    }
    Json value = Json::object();
    value["code"] = message.code();
    value["info"] = strip_markup(message.text());
    for (const auto& [k, v] : message.data().items()) value[k] = v;
    result_.set("error", std::move(value), ApiResult::Place::OnTop);
    return;
  }
  Json value = format_message(message);
  if (!module_path.empty()) value["module"] = module_path;
  Json* errors = result_.find("errors");
  if (!errors) errors = &result_.set("errors", Json::array(), ApiResult::Place::OnTop);
  for (const auto& existing : *errors) {
    if (existing == value) return;
  }
  errors->push_back(std::move(value));
}

}  // namespace mockwiki::api
