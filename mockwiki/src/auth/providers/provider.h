// Authentication providers, after MediaWiki's (core:includes/auth/*AuthenticationProvider.php):
// AuthManager asks the pre-authentication providers whether a login may be tried at all, the
// primary providers in order until one recognises the credentials (and names the user), then
// the secondary providers one by one (two-factor, ...). Each step can answer PASS, FAIL, UI,
// REDIRECT or ABSTAIN; UI and REDIRECT leave the login in progress for a continue step.
//
// Providers are configured once per wiki and are stateless: what a login must remember
// between steps goes in the session through the AuthManager they are handed.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts.h"
#include "auth/authentication_request.h"

namespace mockwiki::auth {

class AuthManager;
enum class AuthAction;

class AuthenticationProvider {
 public:
  virtual ~AuthenticationProvider() = default;
  // getUniqueId(): MediaWiki uses the provider's class name.
  virtual std::string_view id() const = 0;
  // getAuthenticationRequests: what this provider needs for an action. `username` is the
  // current user's name (none when anonymous).
  virtual std::vector<AuthRequest> requests_for(AuthManager& manager, AuthAction action,
                                                const std::optional<std::string>& username) const;
  // postAuthentication: how a login attempt ended (PASS, FAIL or RESTART), for the user it was
  // for if that is known and a valid name.
  virtual void post_authentication(AuthManager& manager, const std::optional<std::string>& user,
                                   const AuthenticationResponse& response) const;
};

class PreAuthenticationProvider : public AuthenticationProvider {
 public:
  // testForAuthentication: a message refuses the login before any credentials are checked.
  virtual std::optional<Message> test_for_authentication(AuthManager& manager,
                                                         const std::vector<AuthRequest>& requests) const;
  // testForAccountCreation.
  virtual std::optional<Message> test_for_account_creation(AuthManager& manager, const std::string& username,
                                                           const std::vector<AuthRequest>& requests) const;
};

class PrimaryAuthenticationProvider : public AuthenticationProvider {
 public:
  // accountCreationType(): whether the provider creates accounts (local passwords), links
  // third-party identities to them (TYPE_LINK: PluggableAuth) or neither.
  enum class CreationType { Create, Link, None };
  virtual CreationType account_creation_type() const { return CreationType::None; }

  virtual AuthenticationResponse begin_authentication(AuthManager& manager,
                                                      const std::vector<AuthRequest>& requests) const = 0;
  // Only called after this provider answered UI or REDIRECT.
  virtual AuthenticationResponse continue_authentication(AuthManager& manager,
                                                         const std::vector<AuthRequest>& requests) const;

  // testUserExists.
  virtual bool test_user_exists(AuthManager& manager, const std::string& username) const;
  // testForAccountCreation: e.g. the password's validity.
  virtual std::optional<Message> test_for_account_creation(AuthManager& manager, const std::string& username,
                                                           const std::vector<AuthRequest>& requests) const;
  // beginPrimaryAccountCreation: PASS once the account may be created with these requests.
  virtual AuthenticationResponse begin_account_creation(AuthManager& manager, const std::string& username,
                                                        const std::vector<AuthRequest>& requests) const;
  // finishAccountCreation / autoCreatedAccount: the account now exists (store credentials, links).
  virtual void account_created(AuthManager& manager, const Account& account,
                               const std::vector<AuthRequest>& requests) const;
  virtual void auto_created_account(AuthManager& manager, const Account& account) const;
};

class SecondaryAuthenticationProvider : public AuthenticationProvider {
 public:
  virtual AuthenticationResponse begin_authentication(AuthManager& manager, const Account& user,
                                                      const std::vector<AuthRequest>& requests) const = 0;
  // Only called after this provider answered UI or REDIRECT.
  virtual AuthenticationResponse continue_authentication(AuthManager& manager, const Account& user,
                                                         const std::vector<AuthRequest>& requests) const;
};

// The wiki's providers in MediaWiki's order ($wgAuthManagerAutoConfig, sorted).
struct AuthProviders {
  std::vector<std::unique_ptr<PreAuthenticationProvider>> pre;
  std::vector<std::unique_ptr<PrimaryAuthenticationProvider>> primary;
  std::vector<std::unique_ptr<SecondaryAuthenticationProvider>> secondary;

  const PrimaryAuthenticationProvider* primary_by_id(std::string_view id) const;
  const SecondaryAuthenticationProvider* secondary_by_id(std::string_view id) const;
};

}  // namespace mockwiki::auth
