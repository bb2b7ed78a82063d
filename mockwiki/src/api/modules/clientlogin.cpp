// action=clientlogin (core:includes/api/ApiClientLogin.php): AuthManager's login, one step per
// request. Authentication problems are never API errors: they are status FAIL in the result.
#include "api/modules/auth_manager_helper.h"
#include "api/modules/registry.h"
#include "auth/auth_manager.h"

namespace mockwiki::api::modules {
namespace {

class ClientLogin : public AuthManagerModule {
 public:
  ClientLogin() : AuthManagerModule("clientlogin", "login", "clientlogin") {}

  std::optional<std::string_view> needs_token() const override { return "login"; }

  void execute(ApiContext& ctx) override {
    check_continue_or_return_url();
    AuthManagerHelper helper = make_helper(ctx);
    auth::AuthManager manager(ctx.wiki, ctx.session(), ctx.ip, ctx.now);
    if (!manager.can_authenticate_now()) {
      // The message key userlogin-cannot-login does not exist, so MediaWiki shows it as ⧼...⧽.
      ctx.result.set("clientlogin",
                     helper.format_response(auth::AuthenticationResponse::fail(Message("userlogin-cannot-login"))));
      return;
    }
    auth::AuthenticationResponse response;
    if (continue_) {
      auto requests = helper.load_requests(manager, auth::AuthAction::LoginContinue, requests_);
      response = manager.continue_authentication(std::move(requests));
    } else {
      auto requests = helper.load_requests(manager, auth::AuthAction::Login, requests_);
      if (preserve_state_) {
        // The CreateFromLoginAuthenticationRequest a FAIL or RESTART left, if any.
        if (const auto& preserved = ctx.session().auth_data().preserved_create_request) requests.push_back(*preserved);
      }
      response = manager.begin_authentication(std::move(requests), *return_url_);
    }
    // The preserved-state request makes a RESTART treated as UI work, but would only confuse a client.
    std::erase_if(response.needed_requests,
                  [](const auth::AuthRequest& r) { return r.id == auth::kCreateFromLoginRequestId; });
    if (response.status == auth::AuthenticationResponse::Status::Pass) ctx.user_changed();
    if (manager.created_account()) ctx.wrote_to_database = true;
    ctx.result.set("clientlogin", helper.format_response(response));
  }
};

}  // namespace

std::unique_ptr<ApiModule> make_clientlogin() { return std::make_unique<ClientLogin>(); }

}  // namespace mockwiki::api::modules
