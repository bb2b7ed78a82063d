#include "auth/providers/temporary_password.h"

#include "auth/auth_manager.h"
#include "auth/user_name.h"

namespace mockwiki::auth {

std::vector<AuthRequest> TemporaryPasswordPrimaryAuthenticationProvider::requests_for(
    AuthManager&, AuthAction action, const std::optional<std::string>& username) const {
  switch (action) {
    case AuthAction::Login:
      return {password_request(action, username.value_or(""))};
    case AuthAction::Create:
      // Creating an account for someone else (with $wgEnableEmail, the default).
      if (username) return {temporary_password_request("")};
      return {};
    default:
      return {};
  }
}

AuthenticationResponse TemporaryPasswordPrimaryAuthenticationProvider::begin_authentication(
    AuthManager&, const std::vector<AuthRequest>&) const {
  return AuthenticationResponse::abstain();
}

bool TemporaryPasswordPrimaryAuthenticationProvider::test_user_exists(AuthManager& manager,
                                                                      const std::string& username) const {
  auto canonical = canonical_user_name(username);
  return canonical && manager.wiki().accounts().by_name(*canonical) != nullptr;
}

}  // namespace mockwiki::auth
