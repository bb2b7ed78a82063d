// CheckBlocksSecondaryAuthenticationProvider (core:includes/auth/), for locked accounts: a
// stock wiki lets blocked users log in ($wgBlockDisablesLogin is false), so the mock uses this
// provider's refusal for the control plane's "locked" accounts, the nearest stock MediaWiki has
// to CentralAuth's global lock.
#pragma once

#include "auth/providers/provider.h"

namespace mockwiki::auth {

class CheckBlocksSecondaryAuthenticationProvider : public SecondaryAuthenticationProvider {
 public:
  std::string_view id() const override { return "MediaWiki\\Auth\\CheckBlocksSecondaryAuthenticationProvider"; }
  AuthenticationResponse begin_authentication(AuthManager& manager, const Account& user,
                                              const std::vector<AuthRequest>& requests) const override;
};

}  // namespace mockwiki::auth
