// ApiAuthManagerHelper (core:includes/api/ApiAuthManagerHelper.php): how clientlogin and
// authmanagerinfo read authentication requests from the client and describe them back.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "api/context.h"
#include "api/module.h"
#include "auth/auth_manager.h"

namespace mockwiki::api::modules {

enum class MessageFormat { Html, Wikitext, Raw, None };
std::optional<MessageFormat> parse_message_format(std::string_view value);

class AuthManagerHelper {
 public:
  AuthManagerHelper(ApiContext& ctx, const ApiModule& module, MessageFormat format, bool merge_fields)
      : ctx_(ctx), module_(module), format_(format), merge_fields_(merge_fields) {}

  // loadAuthenticationRequests: the action's requests (filtered by id if `wanted` is set),
  // loaded from the request's parameters; sensitive fields must have been POSTed.
  std::vector<auth::AuthRequest> load_requests(auth::AuthManager& manager, auth::AuthAction action,
                                               const std::optional<std::vector<std::string>>& wanted);
  // formatAuthenticationResponse (also keeps or drops the preserved createRequest).
  Json format_response(const auth::AuthenticationResponse& response);
  // formatRequests: {"requests": [...]} plus "fields" when merging; added to `out`.
  void format_requests(const std::vector<auth::AuthRequest>& requests, Json& out) const;

 private:
  // formatMessage: the message as the client asked (loginmessageformat / amimessageformat).
  void set_message(Json& out, const char* key, const Message& message) const;
  Json format_fields(const std::vector<auth::AuthField>& fields) const;

  ApiContext& ctx_;
  const ApiModule& module_;
  MessageFormat format_;
  bool merge_fields_;
};

// action=clientlogin and action=createaccount (ApiClientLogin, ApiAMCreateAccount): the same
// parameters (ApiAuthManagerHelper::getStandardParams) and the same checks before AuthManager
// runs.
class AuthManagerModule : public ApiModule {
 public:
  using ApiModule::ApiModule;
  void read_params(ParamReader& p) override;
  bool is_read_mode() const override { return false; }
  bool is_write_mode() const override { return true; }  // T283394

 protected:
  // requireAtLeastOneParameter(continue, returnurl), then returnurl must parse with a scheme.
  void check_continue_or_return_url() const;
  AuthManagerHelper make_helper(ApiContext& ctx) const {
    return AuthManagerHelper(ctx, *this, message_format_, merge_fields_);
  }

  std::optional<std::vector<std::string>> requests_;
  MessageFormat message_format_ = MessageFormat::Wikitext;
  bool merge_fields_ = false;
  bool preserve_state_ = false;
  std::optional<std::string> return_url_;
  bool continue_ = false;
};

// AuthenticationRequest::mergeFieldInfo.
std::vector<auth::AuthField> merge_field_info(const std::vector<auth::AuthRequest>& requests);

}  // namespace mockwiki::api::modules
