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

// User::checkPasswordValidity for a new account: what $wgPasswordPolicy's default checks
// object to (passwordtooshort, password-substring-username-match, password-login-forbidden,
// passwordtoolong, passwordincommonlist), or nothing.
std::optional<Message> password_policy_failure(const std::string& username, const std::string& password);

}  // namespace mockwiki::auth
