#include "auth/providers/configure.h"

#include "auth/providers/captcha.h"
#include "auth/providers/check_blocks.h"
#include "auth/providers/local_password.h"
#include "auth/providers/oath.h"
#include "auth/providers/pluggable_auth.h"
#include "auth/providers/scripted_flow.h"
#include "auth/providers/temporary_password.h"
#include "auth/providers/throttle.h"

namespace mockwiki::auth {

std::unique_ptr<AuthProviders> configure_auth_providers(const Fixture& fixture) {
  auto providers = std::make_unique<AuthProviders>();
  // preauth: the throttle (sort 0).
  providers->pre.push_back(std::make_unique<ThrottlePreAuthenticationProvider>());
  // ConfirmEdit's captcha (sort 10).
  if (fixture.has_extension("ConfirmEdit")) {
    providers->pre.push_back(std::make_unique<CaptchaPreAuthenticationProvider>());
  }
  // primaryauth, in sort order: the mock's scripted flows first (they take over from a right
  // password), then TemporaryPassword (0), PluggableAuth (0, after core's), LocalPassword (100).
  // Without $wgPluggableAuth_EnableLocalLogin, PluggableAuth removes both password providers.
  providers->primary.push_back(std::make_unique<ScriptedFlowPrimaryAuthenticationProvider>());
  const bool sso = fixture.has_extension("PluggableAuth");
  const bool passwords = !sso || fixture.pluggableauth.enable_local_login;
  if (passwords) providers->primary.push_back(std::make_unique<TemporaryPasswordPrimaryAuthenticationProvider>());
  if (sso) {
    providers->primary.push_back(std::make_unique<PluggableAuthPrimaryAuthenticationProvider>(fixture.pluggableauth));
  }
  if (passwords) providers->primary.push_back(std::make_unique<LocalPasswordPrimaryAuthenticationProvider>());
  // secondaryauth: CheckBlocks (0), for locked accounts; OATHAuth's provider has sort 50;
  // ResetPassword (100) has nothing to do for the mock's accounts.
  providers->secondary.push_back(std::make_unique<CheckBlocksSecondaryAuthenticationProvider>());
  if (fixture.has_extension("OATHAuth")) {
    providers->secondary.push_back(std::make_unique<OathSecondaryAuthenticationProvider>());
  }
  return providers;
}

}  // namespace mockwiki::auth
