// action=createaccount (core:includes/api/ApiAMCreateAccount.php): AuthManager's account
// creation, one step per request, with the same helper as clientlogin. With
// createpreservestate, the state a clientlogin FAIL or RESTART preserved joins the new
// account (a third-party identity gets linked to it).
#include "api/modules/auth_manager_helper.h"
#include "api/modules/registry.h"
#include "auth/auth_manager.h"

namespace mockwiki::api::modules {
namespace {

class CreateAccount : public AuthManagerModule {
 public:
  CreateAccount() : AuthManagerModule("createaccount", "create", "createaccount") {}

  std::optional<std::string_view> needs_token() const override { return "createaccount"; }

  void execute(ApiContext& ctx) override {
    check_continue_or_return_url();
    AuthManagerHelper helper = make_helper(ctx);
    auth::AuthManager manager(ctx.wiki, ctx.session(), ctx.ip, ctx.now);
    if (!manager.can_create_accounts()) {
      // As for clientlogin, the message key does not exist and shows as ⧼...⧽.
      ctx.result.set("createaccount",
                     helper.format_response(auth::AuthenticationResponse::fail(Message("userlogin-cannot-create"))));
      return;
    }
    auth::AuthenticationResponse response;
    if (continue_) {
      auto requests = helper.load_requests(manager, auth::AuthAction::CreateContinue, requests_);
      response = manager.continue_account_creation(std::move(requests));
    } else {
      auto requests = helper.load_requests(manager, auth::AuthAction::Create, requests_);
      if (preserve_state_) {
        if (const auto& preserved = ctx.session().auth_data().preserved_create_request) requests.push_back(*preserved);
      }
      response = manager.begin_account_creation(ctx.user().get(), std::move(requests), *return_url_);
    }
    if (manager.created_account()) ctx.wrote_to_database = true;
    ctx.result.set("createaccount", helper.format_response(response));
  }
};

}  // namespace

std::unique_ptr<ApiModule> make_createaccount() { return std::make_unique<CreateAccount>(); }

}  // namespace mockwiki::api::modules
