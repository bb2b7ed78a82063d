// OATHAuth's two-factor step (OATHAuth REL1_39: src/Auth/SecondaryAuthenticationProvider.php,
// TOTPSecondaryAuthenticationProvider.php, src/Key/TOTPKey.php), for accounts with a TOTP
// secret: after the password, UI asking for OATHToken; a wrong or missing code is the same UI
// with oathauth-login-failed, never FAIL; 10 wrong codes per user in 60 s throttle every code,
// right or wrong; a code is accepted within ±4 windows, once, and only for a window later than
// the last one the user spent.
#pragma once

#include "auth/providers/provider.h"

namespace mockwiki::auth {

inline constexpr std::string_view kTotpRequestId = "MediaWiki\\Extension\\OATHAuth\\Auth\\TOTPAuthenticationRequest";

class OathSecondaryAuthenticationProvider : public SecondaryAuthenticationProvider {
 public:
  std::string_view id() const override {
    return "MediaWiki\\Extension\\OATHAuth\\Auth\\SecondaryAuthenticationProvider";
  }
  AuthenticationResponse begin_authentication(AuthManager& manager, const Account& user,
                                              const std::vector<AuthRequest>& requests) const override;
  AuthenticationResponse continue_authentication(AuthManager& manager, const Account& user,
                                                 const std::vector<AuthRequest>& requests) const override;
};

// TOTPKey::verify: whether `token` is the user's code for an unspent window near `now`;
// spends the window, or counts a failure against the badoath rate limit.
bool verify_totp(AuthManager& manager, const Account& user, const std::string& token);

}  // namespace mockwiki::auth
