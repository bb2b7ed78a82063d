#include "auth/providers/check_blocks.h"

#include "auth/user_name.h"
#include "util/text.h"

namespace mockwiki::auth {

AuthenticationResponse CheckBlocksSecondaryAuthenticationProvider::begin_authentication(
    AuthManager&, const Account& user, const std::vector<AuthRequest>&) const {
  if (!user.locked) return AuthenticationResponse::abstain();
  return AuthenticationResponse::fail(Message("login-userblocked", {api::MessageParam::plain(user.name)}));
}

}  // namespace mockwiki::auth
