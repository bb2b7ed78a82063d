// The providers a wiki runs, from its fixture's extensions: MediaWiki's defaults
// ($wgAuthManagerAutoConfig) plus what each extension's extension.json adds, in sort order.
#pragma once

#include <memory>

#include "auth/providers/provider.h"
#include "mockwiki/fixture.h"

namespace mockwiki::auth {

std::unique_ptr<AuthProviders> configure_auth_providers(const Fixture& fixture);

}  // namespace mockwiki::auth
