// The web pages a login flow sends a browser to, outside api.php: the page a scripted
// REDIRECT step points at (Special:MockWikiRedirect), PluggableAuth's Special:PluggableAuthLogin
// and the fake OpenID Connect provider behind it. Each loads the request's session as
// api.php does, so the client must send its cookies.
#pragma once

#include <string_view>

#include "http/http.h"
#include "wiki.h"

namespace mockwiki::web {

class WebPages {
 public:
  explicit WebPages(Wiki& wiki) : wiki_(wiki) {}

  // Whether a path belongs to these pages (everything under /index.php and /oidc/).
  static bool serves(std::string_view path);
  http::Response handle(const http::Request& request);

 private:
  Wiki& wiki_;
};

}  // namespace mockwiki::web
