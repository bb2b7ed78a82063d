#include "auth/auth_manager.h"

#include "auth/user_name.h"

namespace mockwiki::auth {
namespace {

constexpr std::string_view kThrottleType = "password";
constexpr std::int64_t kReauthenticateTime = 300;  // $wgReauthenticateTime['default']

}  // namespace

std::optional<AuthAction> parse_auth_action(std::string_view name) {
  if (name == "login") return AuthAction::Login;
  if (name == "login-continue") return AuthAction::LoginContinue;
  if (name == "create") return AuthAction::Create;
  if (name == "create-continue") return AuthAction::CreateContinue;
  if (name == "link") return AuthAction::Link;
  if (name == "link-continue") return AuthAction::LinkContinue;
  if (name == "change") return AuthAction::Change;
  if (name == "remove") return AuthAction::Remove;
  if (name == "unlink") return AuthAction::Unlink;
  return std::nullopt;
}

std::optional<std::string> username_from_requests(const std::vector<AuthRequest>& requests) {
  std::optional<std::string> name;
  for (const auto& request : requests) {
    if (auto value = request.value("username")) {
      if (name && *name != *value) return std::nullopt;
      name = *value;
    }
  }
  return name;
}

std::vector<AuthRequest> AuthManager::requests_for(AuthAction action) const {
  // AuthManager::getAuthenticationRequests fills in the current user's name.
  const std::string user = session_.is_anonymous() ? std::string() : session_.user_name();
  switch (action) {
    case AuthAction::Login:
      return {password_request(action, user), remember_me_request(session_.can_set_user())};
    case AuthAction::Create:
      return {password_request(action, user), username_request(), user_data_request()};
    case AuthAction::Change:  // $wgChangeCredentialsBlacklist drops the temporary password
      return {password_request(action, user)};
    case AuthAction::Remove:  // $wgRemoveCredentialsBlacklist drops the password
      return {temporary_password_request(user)};
    default:
      return {};
  }
}

std::optional<Message> AuthManager::test_password_throttle(const std::vector<AuthRequest>& requests) {
  // Every name the username could normalize to is throttled, or the IP alone without one.
  throttled_names_.clear();
  if (auto username = username_from_requests(requests)) {
    if (auto canonical = canonical_user_name(*username)) throttled_names_.emplace_back(*canonical);
  } else {
    throttled_names_.emplace_back(std::nullopt);
  }
  std::optional<ThrottleHit> worst;
  for (const auto& name : throttled_names_) {
    auto hit = wiki_.throttles().increase(kThrottleType, kPasswordAttemptThrottle,
                                          name ? std::optional<std::string_view>(*name) : std::nullopt, ip_, now_);
    if (hit && (!worst || worst->wait < hit->wait)) worst = hit;
  }
  if (worst) return Message("login-throttled", {api::MessageParam::duration(worst->wait)});
  return std::nullopt;
}

void AuthManager::clear_password_throttle() {
  for (const auto& name : throttled_names_) {
    wiki_.throttles().clear(kThrottleType, kPasswordAttemptThrottle,
                            name ? std::optional<std::string_view>(*name) : std::nullopt, ip_);
  }
}

AuthenticationResponse AuthManager::begin_password_authentication(const std::vector<AuthRequest>& requests) const {
  const AuthRequest* request = find_request(requests, kPasswordRequestId);
  if (!request) return AuthenticationResponse::abstain();
  auto username = request->value("username");
  auto password = request->value("password");
  if (!username || !password) return AuthenticationResponse::abstain();
  auto canonical = canonical_user_name(*username);
  if (!canonical) return AuthenticationResponse::abstain();
  // An unknown user and a wrong password look the same (T134100).
  const Message wrong(password->empty() ? "wrongpasswordempty" : "wrongpassword");
  AccountPtr account = wiki_.accounts().by_name(*canonical);
  if (!account || account->password != *password) return AuthenticationResponse::fail(wrong);
  return AuthenticationResponse::pass(*canonical);
}

void AuthManager::set_session_data_for_user(const Account& account, bool remember) {
  session_.reset_id();
  session_.reset_all_tokens();
  if (session_.can_set_user()) session_.set_user(&account);
  session_.set_remember_user(remember);
  auto& record = session_.mutable_record();
  record.last_auth_id = account.id;
  record.last_auth_timestamp = now_;
  session_.persist(now_);
}

AuthenticationResponse AuthManager::begin_authentication(std::vector<AuthRequest> requests,
                                                         const std::string& return_url) {
  (void)return_url;  // kept by providers that redirect
  if (auto throttled = test_password_throttle(requests)) return AuthenticationResponse::fail(*throttled);
  session_.persist(now_);
  return authenticate(std::move(requests));
}

AuthenticationResponse AuthManager::continue_authentication(std::vector<AuthRequest> requests) {
  (void)requests;
  // No provider of this wiki leaves a login half done (no UI or REDIRECT step is pending), so
  // there is never anything to continue.
  return AuthenticationResponse::fail(Message("authmanager-authn-not-in-progress"));
}

AuthenticationResponse AuthManager::authenticate(std::vector<AuthRequest> requests) {
  // Step 1: the primary providers, in order, until one does not abstain.
  AuthenticationResponse primary = begin_password_authentication(requests);
  if (primary.status == AuthenticationResponse::Status::Abstain) {
    return AuthenticationResponse::fail(Message("authmanager-authn-no-primary"));
  }
  if (primary.status != AuthenticationResponse::Status::Pass) return primary;

  // Step 2: the user (the password provider only passes existing accounts).
  AccountPtr account = wiki_.accounts().by_name(*primary.username);
  if (!account) return AuthenticationResponse::fail(Message("authmanager-authn-not-in-progress"));

  // Step 4: done. "Keep me logged in" comes from the RememberMe request of the first step.
  bool remember = false;
  if (const AuthRequest* r = find_request(requests, kRememberMeRequestId)) remember = r->checked("rememberMe");
  set_session_data_for_user(*account, remember);
  clear_password_throttle();  // ThrottlePreAuthenticationProvider::postAuthentication
  return AuthenticationResponse::pass(account->name);
}

std::string AuthManager::security_sensitive_operation_status(std::string_view operation) const {
  (void)operation;  // $wgReauthenticateTime has only a default
  if (session_.is_anonymous()) return can_authenticate_now() ? "reauth" : "fail";
  // A session that cannot reauthenticate: $wgAllowSecuritySensitiveOperationIfCannotReauthenticate.
  if (!session_.can_set_user()) return "ok";
  const auto& record = session_.record();
  if (record.last_auth_id != session_.user_id() || record.last_auth_timestamp == 0) return "reauth";
  return now_ - record.last_auth_timestamp > kReauthenticateTime ? "reauth" : "ok";
}

}  // namespace mockwiki::auth
