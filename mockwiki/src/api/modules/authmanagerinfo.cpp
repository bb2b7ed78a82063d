// meta=authmanagerinfo (core:includes/api/ApiQueryAuthManagerInfo.php): whether the session
// can log in, and the fields a login (or another authentication action) needs.
#include "api/modules/auth_manager_helper.h"
#include "api/modules/registry.h"

namespace mockwiki::api::modules {
namespace {

class AuthManagerInfo : public ApiModule {
 public:
  AuthManagerInfo() : ApiModule("authmanagerinfo", "ami", "query+authmanagerinfo") {}

  void read_params(ParamReader& p) override {
    security_operation_ = p.string("securitysensitiveoperation");
    requests_for_ = p.choice("requestsfor", {"login", "login-continue", "create", "create-continue", "link",
                                             "link-continue", "change", "remove", "unlink"});
    merge_fields_ = p.flag("mergerequestfields");
    message_format_ =
        *parse_message_format(*p.choice("messageformat", {"html", "wikitext", "raw", "none"}, "wikitext"));
  }
  bool is_read_mode() const override { return false; }

  void execute(ApiContext& ctx) override {
    auth::AuthManager manager(ctx.wiki, ctx.session(), ctx.ip, ctx.now);
    Json info = Json::object();
    info["canauthenticatenow"] = manager.can_authenticate_now();
    info["cancreateaccounts"] = manager.can_create_accounts();
    info["canlinkaccounts"] = manager.can_link_accounts();
    if (security_operation_) {
      info["securitysensitiveoperationstatus"] = manager.security_sensitive_operation_status(*security_operation_);
    }
    if (requests_for_) {
      const auth::AuthAction action = *auth::parse_auth_action(*requests_for_);
      // What a FAIL or RESTART left to preserve (CreateFromLoginAuthenticationRequest).
      const auto& preserved = ctx.session().auth_data().preserved_create_request;
      info["haspreservedstate"] = preserved && auth::has_state_for_action(*preserved, action);
      info["hasprimarypreservedstate"] = preserved && auth::has_primary_state_for_action(*preserved, action);
      info["preservedusername"] = preserved ? preserved->username.value_or("") : "";
      AuthManagerHelper helper(ctx, *this, message_format_, merge_fields_);
      helper.format_requests(manager.requests_for(action), info);
    }
    ctx.result.object("query")["authmanagerinfo"] = std::move(info);
  }

 private:
  std::optional<std::string> security_operation_;
  std::optional<std::string> requests_for_;
  bool merge_fields_ = false;
  MessageFormat message_format_ = MessageFormat::Wikitext;
};

}  // namespace

std::unique_ptr<ApiModule> make_authmanagerinfo() { return std::make_unique<AuthManagerInfo>(); }

}  // namespace mockwiki::api::modules
