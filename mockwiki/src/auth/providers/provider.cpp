#include "auth/providers/provider.h"

#include "auth/auth_manager.h"
#include "internal_error.h"

namespace mockwiki::auth {

std::vector<AuthRequest> AuthenticationProvider::requests_for(AuthManager&, AuthAction,
                                                              const std::optional<std::string>&) const {
  return {};
}

void AuthenticationProvider::post_authentication(AuthManager&, const std::optional<std::string>&,
                                                 const AuthenticationResponse&) const {}

std::optional<Message> PreAuthenticationProvider::test_for_authentication(AuthManager&,
                                                                          const std::vector<AuthRequest>&) const {
  return std::nullopt;
}

std::optional<Message> PreAuthenticationProvider::test_for_account_creation(AuthManager&, const std::string&,
                                                                            const std::vector<AuthRequest>&) const {
  return std::nullopt;
}

AuthenticationResponse PrimaryAuthenticationProvider::continue_authentication(AuthManager&,
                                                                              const std::vector<AuthRequest>&) const {
  // AbstractPrimaryAuthenticationProvider::continuePrimaryAuthentication
  throw InternalError("BadMethodCallException",
                      std::string(id()) + "::continuePrimaryAuthentication is not implemented.");
}

bool PrimaryAuthenticationProvider::test_user_exists(AuthManager&, const std::string&) const { return false; }

std::optional<Message> PrimaryAuthenticationProvider::test_for_account_creation(AuthManager&, const std::string&,
                                                                                const std::vector<AuthRequest>&) const {
  return std::nullopt;
}

AuthenticationResponse PrimaryAuthenticationProvider::begin_account_creation(AuthManager&, const std::string&,
                                                                             const std::vector<AuthRequest>&) const {
  return AuthenticationResponse::abstain();
}

void PrimaryAuthenticationProvider::account_created(AuthManager&, const Account&,
                                                    const std::vector<AuthRequest>&) const {}

void PrimaryAuthenticationProvider::auto_created_account(AuthManager&, const Account&) const {}

AuthenticationResponse SecondaryAuthenticationProvider::continue_authentication(AuthManager&, const Account&,
                                                                                const std::vector<AuthRequest>&) const {
  throw InternalError("BadMethodCallException",
                      std::string(id()) + "::continueSecondaryAuthentication is not implemented.");
}

const PrimaryAuthenticationProvider* AuthProviders::primary_by_id(std::string_view id) const {
  for (const auto& p : primary) {
    if (p->id() == id) return p.get();
  }
  return nullptr;
}

const SecondaryAuthenticationProvider* AuthProviders::secondary_by_id(std::string_view id) const {
  for (const auto& p : secondary) {
    if (p->id() == id) return p.get();
  }
  return nullptr;
}

}  // namespace mockwiki::auth
