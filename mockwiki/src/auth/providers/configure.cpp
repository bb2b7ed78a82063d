#include "auth/providers/configure.h"

#include "auth/providers/local_password.h"
#include "auth/providers/oath.h"
#include "auth/providers/pluggable_auth.h"
#include "auth/providers/scripted_flow.h"
#include "auth/providers/throttle.h"

namespace mockwiki::auth {

std::unique_ptr<AuthProviders> configure_auth_providers(const Fixture& fixture) {
  auto providers = std::make_unique<AuthProviders>();
  // preauth: the throttle (sort 0).
  providers->pre.push_back(std::make_unique<ThrottlePreAuthenticationProvider>());
  // primaryauth: the mock's scripted flows first (they take over from a right password), then
  // the local password (sort 100). TemporaryPasswordPrimaryAuthenticationProvider (sort 0) is
  // left out: the mock sends no password-reset mails.
  providers->primary.push_back(std::make_unique<ScriptedFlowPrimaryAuthenticationProvider>());
  // PluggableAuth's provider has sort 0; without $wgPluggableAuth_EnableLocalLogin it removes
  // the password providers.
  const bool sso = fixture.has_extension("PluggableAuth");
  if (sso) {
    providers->primary.push_back(std::make_unique<PluggableAuthPrimaryAuthenticationProvider>(fixture.pluggableauth));
  }
  if (!sso || fixture.pluggableauth.enable_local_login) {
    providers->primary.push_back(std::make_unique<LocalPasswordPrimaryAuthenticationProvider>());
  }
  // secondaryauth: CheckBlocks (0) and ResetPassword (100) have nothing to do for the mock's
  // accounts; OATHAuth's provider has sort 50.
  if (fixture.has_extension("OATHAuth")) {
    providers->secondary.push_back(std::make_unique<OathSecondaryAuthenticationProvider>());
  }
  return providers;
}

}  // namespace mockwiki::auth
