#include "web/web_pages.h"

#include <algorithm>
#include <string>

#include "auth/providers/pluggable_auth.h"
#include "auth/providers/scripted_flow.h"
#include "web/pages.h"

namespace mockwiki::web {

bool WebPages::serves(std::string_view path) { return path.starts_with("/index.php") || path.starts_with("/oidc/"); }

http::Response WebPages::handle(const http::Request& request) {
  PageContext ctx(wiki_, request);
  // index.php?title=X is the same page as index.php/X.
  std::string page = request.path;
  if (page == "/index.php" || page == "/index.php/") {
    if (const std::string* title = ctx.params.value("title")) {
      page = "/index.php/" + *title;
      std::replace(page.begin(), page.end(), ' ', '_');
    }
  }
  if (page == auth::kScriptedRedirectPath) return scripted_redirect_page(ctx);
  if (page == auth::pluggable_auth::kLoginPagePath) return pluggable_auth_login_page(ctx);
  if (request.path.starts_with(kOpenIdProviderPath)) return openid_provider_page(ctx);
  return html_page(404, "Not found",
                   "<p>mockwiki serves api.php and the pages its login flows redirect to; this is not one of "
                   "them.</p>");
}

}  // namespace mockwiki::web
