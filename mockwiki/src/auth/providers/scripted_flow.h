// The mock's own primary provider for scripted flows (mockwiki/flow.h): an account with a
// flow logs in through its steps instead of passing at once when its password is right.
// Each step answers as a real provider would (UI, REDIRECT, PASS, FAIL, or a PASS without a
// user, which AuthManager turns into RESTART), so a client sees exactly the shapes
// AuthManager gives; the requests, texts and the redirect page are the mock's.
#pragma once

#include "auth/providers/provider.h"

namespace mockwiki::auth {

// Where the default redirect step sends the client; it records the visit in the session and
// redirects to loginreturnurl.
inline constexpr std::string_view kScriptedRedirectPath = "/index.php/Special:MockWikiRedirect";
inline constexpr std::string_view kScriptedFlowDataKey = "MockWikiScriptedFlow";

class ScriptedFlowPrimaryAuthenticationProvider : public PrimaryAuthenticationProvider {
 public:
  std::string_view id() const override { return "MockWiki\\ScriptedFlowPrimaryAuthenticationProvider"; }
  AuthenticationResponse begin_authentication(AuthManager& manager,
                                              const std::vector<AuthRequest>& requests) const override;
  AuthenticationResponse continue_authentication(AuthManager& manager,
                                                 const std::vector<AuthRequest>& requests) const override;
};

}  // namespace mockwiki::auth
