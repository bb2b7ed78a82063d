// ParamValidator as the Action API uses it (ApiParamValidator, core:includes/libs/ParamValidator/):
// reads one module's parameters, marking each used, and raises MediaWiki's error for a bad one
// (missingparam, badvalue, badinteger, toomanyvalues) or warns (unrecognizedvalues).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/context.h"

namespace mockwiki::api {

class ParamReader {
 public:
  ParamReader(ApiContext& ctx, std::string module_path, std::string prefix)
      : ctx_(ctx), module_path_(std::move(module_path)), prefix_(std::move(prefix)) {}

  ApiContext& context() { return ctx_; }
  std::string encode(std::string_view name) const { return prefix_ + std::string(name); }

  // A free-form string; `required` raises missingparam when absent.
  std::optional<std::string> string(std::string_view name, bool required = false);
  // PresenceBooleanDef: true when present, whatever the value.
  bool flag(std::string_view name);
  std::optional<std::int64_t> integer(std::string_view name);
  // One value of a fixed set (badvalue otherwise).
  std::optional<std::string> choice(std::string_view name, std::initializer_list<std::string_view> allowed,
                                    std::optional<std::string_view> fallback = std::nullopt);
  std::optional<std::string> choice(std::string_view name, const std::vector<std::string_view>& allowed,
                                    std::optional<std::string_view> fallback = std::nullopt);
  // A required choice: missingparam when absent.
  std::string required_choice(std::string_view name, const std::vector<std::string_view>& allowed);
  // Several values of a fixed set; unknown ones are dropped with an unrecognizedvalues
  // warning; "*" means all when `allow_all`.
  std::vector<std::string> choices(std::string_view name, const std::vector<std::string_view>& allowed,
                                   const std::vector<std::string>& fallback = {}, bool allow_all = false);
  // Several free-form values.
  std::vector<std::string> strings(std::string_view name);
  // The same, or nothing when the parameter is absent.
  std::optional<std::vector<std::string>> strings_if_present(std::string_view name);

  // A ParamValidator failure for a parameter.
  [[noreturn]] void fail(std::string key, std::string code, std::vector<MessageParam> params, Json data = Json()) const;

 private:
  std::vector<std::string> explode(const std::string& encoded_name, const std::string& value);
  // ApiMain::getVal through ApiParamValidatorCallbacks::getValue: warns (apiwarn-badutf8) when
  // cleaning up changed the value.
  const std::string* get(const std::string& encoded_name);

  ApiContext& ctx_;
  std::string module_path_;
  std::string prefix_;
};

}  // namespace mockwiki::api
