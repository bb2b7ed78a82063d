// The pages WebPages serves, one per file.
#pragma once

#include <string_view>

#include "web/page_context.h"

namespace mockwiki::web {

// The fake OpenID Connect provider: <server>/oidc/<provider number>/authorize.
inline constexpr std::string_view kOpenIdProviderPath = "/oidc/";

http::Response scripted_redirect_page(PageContext& ctx);     // scripted_redirect.cpp
http::Response pluggable_auth_login_page(PageContext& ctx);  // pluggable_auth_login.cpp
http::Response openid_provider_page(PageContext& ctx);       // openid_provider.cpp

}  // namespace mockwiki::web
