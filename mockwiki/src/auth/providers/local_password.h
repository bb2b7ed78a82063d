// LocalPasswordPrimaryAuthenticationProvider (core:includes/auth/): the wiki's own accounts
// and their passwords. It answers for a PasswordAuthenticationRequest and creates accounts
// with one.
#pragma once

#include "auth/providers/provider.h"

namespace mockwiki::auth {

class LocalPasswordPrimaryAuthenticationProvider : public PrimaryAuthenticationProvider {
 public:
  std::string_view id() const override { return "MediaWiki\\Auth\\LocalPasswordPrimaryAuthenticationProvider"; }
  CreationType account_creation_type() const override { return CreationType::Create; }
  std::vector<AuthRequest> requests_for(AuthManager& manager, AuthAction action,
                                        const std::optional<std::string>& username) const override;
  AuthenticationResponse begin_authentication(AuthManager& manager,
                                              const std::vector<AuthRequest>& requests) const override;
  bool test_user_exists(AuthManager& manager, const std::string& username) const override;
  std::optional<Message> test_for_account_creation(AuthManager& manager, const std::string& username,
                                                   const std::vector<AuthRequest>& requests) const override;
  AuthenticationResponse begin_account_creation(AuthManager& manager, const std::string& username,
                                                const std::vector<AuthRequest>& requests) const override;
  void account_created(AuthManager& manager, const Account& account,
                       const std::vector<AuthRequest>& requests) const override;
};

// What a login's PasswordAuthenticationRequest carries, once both fields are there and the name
// is a valid one (canonical here).
struct PasswordLogin {
  std::string name;
  std::string password;
};
std::optional<PasswordLogin> password_login(const std::vector<AuthRequest>& requests);

// Whether `password` is the account's local password (an account a single-sign-on provider
// made has none, so nothing matches it).
bool is_local_password(const Account& account, const std::string& password);

// User::checkPasswordValidity for a new account: what $wgPasswordPolicy's default checks
// object to (passwordtooshort, password-substring-username-match, password-login-forbidden,
// passwordtoolong, passwordincommonlist), or nothing.
std::optional<Message> password_policy_failure(const std::string& username, const std::string& password);

}  // namespace mockwiki::auth
