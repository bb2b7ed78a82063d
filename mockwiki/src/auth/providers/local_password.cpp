#include "auth/providers/local_password.h"

#include "auth/auth_manager.h"
#include "auth/common_passwords.h"
#include "auth/user_name.h"
#include "util/text.h"

namespace mockwiki::auth {

std::vector<AuthRequest> LocalPasswordPrimaryAuthenticationProvider::requests_for(
    AuthManager&, AuthAction action, const std::optional<std::string>& username) const {
  switch (action) {
    case AuthAction::Login:
      return {password_request(action, username.value_or(""))};
    case AuthAction::Create:
      // The new account's request describes no existing account.
      return {password_request(action)};
    default:
      return {};
  }
}

std::optional<PasswordLogin> password_login(const std::vector<AuthRequest>& requests) {
  const AuthRequest* request = find_request(requests, kPasswordRequestId);
  if (!request) return std::nullopt;
  auto username = request->value("username");
  auto password = request->value("password");
  if (!username || !password) return std::nullopt;
  auto canonical = canonical_user_name(*username);
  if (!canonical) return std::nullopt;
  return PasswordLogin{*canonical, *password};
}

bool is_local_password(const Account& account, const std::string& password) {
  return !account.password.empty() && account.password == password;
}

AuthenticationResponse LocalPasswordPrimaryAuthenticationProvider::begin_authentication(
    AuthManager& manager, const std::vector<AuthRequest>& requests) const {
  const auto login = password_login(requests);
  if (!login) return AuthenticationResponse::abstain();
  // An unknown user and a wrong password look the same (T134100).
  AccountPtr account = manager.wiki().accounts().by_name(login->name);
  if (!account || !is_local_password(*account, login->password)) {
    return AuthenticationResponse::fail(Message(login->password.empty() ? "wrongpasswordempty" : "wrongpassword"));
  }
  return AuthenticationResponse::pass(login->name);
}

bool LocalPasswordPrimaryAuthenticationProvider::test_user_exists(AuthManager& manager,
                                                                  const std::string& username) const {
  auto canonical = canonical_user_name(username);
  return canonical && manager.wiki().accounts().by_name(*canonical) != nullptr;
}

std::optional<Message> password_policy_failure(const std::string& username, const std::string& password) {
  // $wgPasswordPolicy for a new account (no groups): every check runs, in this order.
  std::vector<Message> errors;
  if (password.empty()) errors.emplace_back("passwordtooshort", std::vector{api::MessageParam::plain(std::int64_t{1})});
  if (util::lower_ascii(username).find(util::lower_ascii(password)) != std::string::npos) {
    errors.emplace_back("password-substring-username-match");  // stripos($username, $password)
  }
  const bool default_login = (username == "Useruser" && password == "Passpass") ||
                             (username == "Useruser1" && password == "Passpass1") ||
                             ((username == "Apitestsysop" || username == "Apitestuser") && password == "testpass") ||
                             password == "ExamplePassword";
  if (default_login) errors.emplace_back("password-login-forbidden");
  if (password.size() > 4096)
    errors.emplace_back("passwordtoolong", std::vector{api::MessageParam::plain(std::int64_t{4096})});
  if (is_common_password(password)) errors.emplace_back("passwordincommonlist");
  if (errors.empty()) return std::nullopt;
  if (errors.size() == 1) return errors.front();
  // Status::getMessage with several errors: a bulleted RawMessage of them.
  std::string wrapper;
  std::vector<api::MessageParam> params;
  for (std::size_t i = 0; i < errors.size(); ++i) {
    wrapper += (i ? "\n* $" : "* $") + std::to_string(i + 1);
    params.push_back(api::MessageParam::plain(errors[i].text()));
  }
  return Message::raw_text(wrapper, std::move(params));
}

std::optional<Message> LocalPasswordPrimaryAuthenticationProvider::test_for_account_creation(
    AuthManager&, const std::string& username, const std::vector<AuthRequest>& requests) const {
  const AuthRequest* request = find_request(requests, kPasswordRequestId);
  if (!request) return std::nullopt;
  auto password = request->value("password");
  if (!password) return std::nullopt;
  if (password != request->value("retype")) return Message("badretype");
  return password_policy_failure(username, *password);
}

AuthenticationResponse LocalPasswordPrimaryAuthenticationProvider::begin_account_creation(
    AuthManager&, const std::string& username, const std::vector<AuthRequest>& requests) const {
  const AuthRequest* request = find_request(requests, kPasswordRequestId);
  if (!request || !request->value("password")) return AuthenticationResponse::abstain();
  // Nothing to check before the account exists: claim it, keeping the password to set.
  AuthRequest create = *request;
  create.username = username;
  AuthenticationResponse pass = AuthenticationResponse::pass(username);
  pass.create_request = std::make_shared<const AuthRequest>(std::move(create));
  return pass;
}

void LocalPasswordPrimaryAuthenticationProvider::account_created(AuthManager& manager, const Account& account,
                                                                 const std::vector<AuthRequest>& requests) const {
  const AuthRequest* request = find_request(requests, kPasswordRequestId);
  if (!request) return;
  auto password = request->value("password");
  if (!password) return;
  manager.wiki().accounts().modify(account.id, [&](Account& a) { a.password = *password; });
}

}  // namespace mockwiki::auth
