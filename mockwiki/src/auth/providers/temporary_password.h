// TemporaryPasswordPrimaryAuthenticationProvider (core:includes/auth/), as far as the mock has
// it: it comes first among the primary providers, so its requests set the order clients see
// (the password request before any SSO button; "mailpassword" first when a logged-in user
// creates an account for someone else). The mock sends no mail, so no account has a
// temporary password and the provider always abstains.
#pragma once

#include "auth/providers/provider.h"

namespace mockwiki::auth {

class TemporaryPasswordPrimaryAuthenticationProvider : public PrimaryAuthenticationProvider {
 public:
  std::string_view id() const override { return "MediaWiki\\Auth\\TemporaryPasswordPrimaryAuthenticationProvider"; }
  CreationType account_creation_type() const override { return CreationType::Create; }
  std::vector<AuthRequest> requests_for(AuthManager& manager, AuthAction action,
                                        const std::optional<std::string>& username) const override;
  AuthenticationResponse begin_authentication(AuthManager& manager,
                                              const std::vector<AuthRequest>& requests) const override;
  bool test_user_exists(AuthManager& manager, const std::string& username) const override;
};

}  // namespace mockwiki::auth
