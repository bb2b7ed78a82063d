// ThrottlePreAuthenticationProvider (core:includes/auth/ThrottlePreAuthenticationProvider.php):
// $wgPasswordAttemptThrottle counts every login attempt per (user name, IP) before any
// credentials are checked, and a successful login clears its counters.
#pragma once

#include "auth/providers/provider.h"

namespace mockwiki::auth {

class ThrottlePreAuthenticationProvider : public PreAuthenticationProvider {
 public:
  std::string_view id() const override { return "MediaWiki\\Auth\\ThrottlePreAuthenticationProvider"; }
  std::optional<Message> test_for_authentication(AuthManager& manager,
                                                 const std::vector<AuthRequest>& requests) const override;
  void post_authentication(AuthManager& manager, const std::optional<std::string>& user,
                           const AuthenticationResponse& response) const override;
};

}  // namespace mockwiki::auth
