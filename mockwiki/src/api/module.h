// ApiBase: what ApiMain needs to know of a module before running it, and the helpers modules
// share. One module per file under src/api/modules/, each named after its action.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/context.h"
#include "api/param_reader.h"

namespace mockwiki::api {

class ApiModule {
 public:
  // `path` is the module path errors and warnings name: "login", "query+tokens".
  ApiModule(std::string name, std::string prefix, std::string path)
      : name_(std::move(name)), prefix_(std::move(prefix)), path_(std::move(path)) {}
  virtual ~ApiModule() = default;

  const std::string& name() const { return name_; }
  const std::string& prefix() const { return prefix_; }
  const std::string& path() const { return path_; }
  std::string encode(std::string_view param) const { return prefix_ + std::string(param); }

  // extractRequestParams: validates every parameter the module takes, in its order.
  virtual void read_params(ParamReader& params) = 0;
  virtual void execute(ApiContext& ctx) = 0;

  // ApiBase::needsToken: the token type ("csrf", "login") or nothing.
  virtual std::optional<std::string_view> needs_token() const { return std::nullopt; }
  // The token parameter's value, once read_params ran (ApiBase adds "token" as the last param).
  const std::string& token() const { return token_; }
  virtual bool must_be_posted() const { return needs_token().has_value(); }
  virtual bool is_write_mode() const { return false; }
  virtual bool is_read_mode() const { return true; }
  virtual bool should_check_maxlag() const { return true; }
  // A second salt a token may also match (ApiBase::getWebUITokenSalt).
  virtual std::optional<std::string_view> web_ui_token_salt() const { return std::nullopt; }

  // dieWithError from this module.
  [[noreturn]] void die(Message message, int http_status = 0) const;
  // ApiBase::requirePostedParameters: these (prefixed unless `no_prefix`) must not be in the
  // query string.
  void require_posted(ApiContext& ctx, const std::vector<std::string>& names, bool no_prefix = false) const;

 protected:
  // Reads the token parameter; modules that need a token call it last in read_params.
  void read_token(ParamReader& params);

 private:
  std::string name_;
  std::string prefix_;
  std::string path_;
  std::string token_;
};

}  // namespace mockwiki::api
