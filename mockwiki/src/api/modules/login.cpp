// action=login (core:includes/api/ApiLogin.php): bot passwords, and main-account passwords
// through AuthManager with a deprecation warning. Results: Success, NeedToken, WrongToken,
// Failed (with a reason), Aborted.
#include <map>

#include "api/modules/registry.h"
#include "auth/auth_manager.h"
#include "auth/bot_password.h"

namespace mockwiki::api::modules {
namespace {

class Login : public ApiModule {
 public:
  Login() : ApiModule("login", "lg", "login") {}

  void read_params(ParamReader& p) override {
    name_ = p.string("name");
    password_ = p.string("password");
    domain_ = p.string("domain");
    token_ = p.string("token");  // not required, for backward compatibility
  }
  bool must_be_posted() const override { return true; }
  bool is_read_mode() const override { return false; }
  bool is_write_mode() const override { return true; }  // T283394

  void execute(ApiContext& ctx) override {
    Json result = Json::object();
    if (ctx.lacks_same_origin_security) {
      result["result"] = "Aborted";
      result["reason"] = ctx.formatter.format_reason(Message("api-login-fail-sameorigin"));
      ctx.result.set("login", std::move(result));
      return;
    }
    require_posted(ctx, {"password", "token"});

    session::Session& session = ctx.session();
    session.persist(ctx.now);
    if (!session.can_set_user()) {
      result["result"] = "Aborted";
      result["reason"] = ctx.formatter.format_reason(
          Message("api-login-fail-badsessionprovider",
                  {MessageParam::plain(Message("sessionprovider-generic",
                                               {MessageParam::plain("MediaWiki\\Session\\BotPasswordSessionProvider")})
                                           .text())}));
      ctx.result.set("login", std::move(result));
      return;
    }

    enum class Outcome { None, Success, NeedToken, WrongToken, Failed, Aborted };
    Outcome outcome = Outcome::None;
    Message reason;
    AccountPtr user;
    const session::Token token = session.token("", "login");
    if (!token_ || token_->empty() || *token_ == "0") {  // PHP's !$params['token']
      outcome = Outcome::NeedToken;
    } else if (token.was_new()) {
      outcome = Outcome::Failed;
      reason = Message("authpage-cannot-login-continue").with_code("sessionlost");
    } else if (!token.matches(*token_, ctx.now)) {
      outcome = Outcome::WrongToken;
    }

    if (outcome == Outcome::None && ctx.wiki.config().enable_bot_passwords) {
      if (auto data = auth::canonicalize_login_data(name_.value_or(""), password_.value_or(""))) {
        auto login = auth::bot_password_login(ctx.wiki, *data, ctx.ip, ctx.now);
        if (login.session) {
          outcome = Outcome::Success;
          user = login.account;
          ctx.adopt_session(std::move(login.session));
        } else if (login.failure &&
                   (login.failure->key() == "login-throttled" || login.failure->key() == "botpasswords-needs-reset" ||
                    login.failure->key() == "botpasswords-locked")) {
          outcome = Outcome::Failed;
          reason = *login.failure;
        }
        // Any other failure: try the pair as a main-account login.
      }
    }

    if (outcome == Outcome::None) {
      auth::AuthManager manager(ctx.wiki, session, ctx.ip, ctx.now);
      std::map<std::string, std::string, std::less<>> data;
      if (name_) data["username"] = *name_;
      if (password_) data["password"] = *password_;
      if (domain_) data["domain"] = *domain_;
      data["rememberMe"] = std::string("1");  // action=login always remembers the user
      auto requests = auth::load_requests_from_submission(manager.requests_for(auth::AuthAction::Login), data);
      auto response = manager.begin_authentication(std::move(requests), "null:");
      switch (response.status) {
        case auth::AuthenticationResponse::Status::Pass:
          ctx.add_deprecation(path(),
                              Message(ctx.wiki.config().enable_bot_passwords ? "apiwarn-deprecation-login-botpw"
                                                                             : "apiwarn-deprecation-login-nobotpw"),
                              "main-account-login");
          outcome = Outcome::Success;
          ctx.user_changed();
          user = ctx.wiki.accounts().by_id(session.user_id());
          break;
        case auth::AuthenticationResponse::Status::Fail:
          outcome = Outcome::Failed;
          reason = response.message;
          break;
        default:
          outcome = Outcome::Aborted;
      }
    }

    switch (outcome) {
      case Outcome::Success:
        result["result"] = "Success";
        result["lguserid"] = user ? user->id : 0;
        result["lgusername"] = user ? user->name : std::string();
        break;
      case Outcome::NeedToken:
        result["result"] = "NeedToken";
        result["token"] = token.at(ctx.now);
        ctx.add_deprecation(path(), Message("apiwarn-deprecation-login-token"), "action=login&!lgtoken");
        break;
      case Outcome::WrongToken:
        result["result"] = "WrongToken";
        break;
      case Outcome::Failed:
        result["result"] = "Failed";
        result["reason"] = ctx.formatter.format_reason(reason);
        break;
      case Outcome::Aborted:
      case Outcome::None:
        result["result"] = "Aborted";
        result["reason"] = ctx.formatter.format_reason(Message(
            ctx.wiki.config().enable_bot_passwords ? "api-login-fail-aborted" : "api-login-fail-aborted-nobotpw"));
        break;
    }
    ctx.result.set("login", std::move(result));
  }

 private:
  std::optional<std::string> name_, password_, domain_, token_;
};

}  // namespace

std::unique_ptr<ApiModule> make_login() { return std::make_unique<Login>(); }

}  // namespace mockwiki::api::modules
