// PluggableAuth 7.x's primary provider (PluggableAuth REL1_39: includes/
// PrimaryAuthenticationProvider.php, BeginAuthenticationRequest.php,
// ContinueAuthenticationRequest.php) with the OpenIDConnect plugin: a button per configured
// provider (pluggableauthlogin0, 1, ...); pressing it answers REDIRECT to
// Special:PluggableAuthLogin, which sends the browser through the identity provider and back
// to loginreturnurl (web/pluggable_auth_login.cpp); the continue step then passes as the
// user that page found, or fails with its error.
//
// Real PluggableAuth never answers RESTART. A provider configured with "unlinked": "restart"
// (mock-only) answers a PASS without a user for an identity linked to no account, which
// AuthManager turns into RESTART; createaccount with createpreservestate then links the
// identity to the new account.
#pragma once

#include "auth/providers/provider.h"
#include "mockwiki/fixture.h"

namespace mockwiki::auth {

// Session data Special:PluggableAuthLogin and the provider share (PluggableAuthLogin's
// constants; OpenIDConnect's subject and issuer keys).
namespace pluggable_auth {
inline constexpr const char* kReturnToUrl = "PluggableAuthLoginReturnToUrl";               // session
inline constexpr const char* kPluginName = "PluggableAuthLoginAuthenticationPluginIndex";  // session
inline constexpr const char* kUsername = "PluggableAuthLoginUsername";                     // authData
inline constexpr const char* kRealname = "PluggableAuthLoginRealname";
inline constexpr const char* kEmail = "PluggableAuthLoginEmail";
inline constexpr const char* kError = "PluggableAuthLoginError";
inline constexpr const char* kSubject = "OpenIDConnectSubject";
inline constexpr const char* kIssuer = "OpenIDConnectIssuer";
// Mock-only: an identity linked to no account, for a provider that answers RESTART.
inline constexpr const char* kUnlinkedIdentity = "MockWikiUnlinkedIdentity";
inline constexpr std::string_view kLoginPagePath = "/index.php/Special:PluggableAuthLogin";
inline constexpr std::string_view kButtonPrefix = "pluggableauthlogin";
}  // namespace pluggable_auth

class PluggableAuthPrimaryAuthenticationProvider : public PrimaryAuthenticationProvider {
 public:
  explicit PluggableAuthPrimaryAuthenticationProvider(PluggableAuthSpec spec) : spec_(std::move(spec)) {}

  std::string_view id() const override { return "MediaWiki\\Extension\\PluggableAuth\\PrimaryAuthenticationProvider"; }
  CreationType account_creation_type() const override { return CreationType::Link; }
  std::vector<AuthRequest> requests_for(AuthManager& manager, AuthAction action,
                                        const std::optional<std::string>& username) const override;
  AuthenticationResponse begin_authentication(AuthManager& manager,
                                              const std::vector<AuthRequest>& requests) const override;
  AuthenticationResponse continue_authentication(AuthManager& manager,
                                                 const std::vector<AuthRequest>& requests) const override;
  bool test_user_exists(AuthManager& manager, const std::string& username) const override;
  void account_created(AuthManager& manager, const Account& account,
                       const std::vector<AuthRequest>& requests) const override;
  void auto_created_account(AuthManager& manager, const Account& account) const override;

 private:
  PluggableAuthSpec spec_;
};

}  // namespace mockwiki::auth
