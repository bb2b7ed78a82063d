// action=logout (core:includes/api/ApiLogout.php): needs the csrf token (or the web UI's
// logoutToken); ends a bot-password session or logs the user out of a cookie session, deleting
// its cookies. The result is an empty object.
#include "api/modules/registry.h"

namespace mockwiki::api::modules {
namespace {

class Logout : public ApiModule {
 public:
  Logout() : ApiModule("logout", "", "logout") {}

  void read_params(ParamReader& p) override { read_token(p); }
  std::optional<std::string_view> needs_token() const override { return "csrf"; }
  std::optional<std::string_view> web_ui_token_salt() const override { return "logoutToken"; }
  bool is_read_mode() const override { return false; }

  void execute(ApiContext& ctx) override {
    session::Session& session = ctx.session();
    if (session.provider() == session::Provider::BotPassword) {
      session.unpersist();
      ctx.user_changed();
      return;
    }
    // User::doLogout
    session.unpersist();
    session.set_logged_out(ctx.now);
    session.set_user(nullptr);
    session.reset_all_tokens();
    ctx.user_changed();
  }
};

}  // namespace

std::unique_ptr<ApiModule> make_logout() { return std::make_unique<Logout>(); }

}  // namespace mockwiki::api::modules
