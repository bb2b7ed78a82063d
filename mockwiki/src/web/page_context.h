// What a request to one of the mock's web pages (outside api.php) works with: its parameters,
// its session (loaded as api.php loads it) and the cookies going out.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "http/cookies.h"
#include "http/http.h"
#include "http/request_params.h"
#include "session/session.h"
#include "wiki.h"

namespace mockwiki::web {

class PageContext {
 public:
  PageContext(Wiki& wiki, const http::Request& request);

  Wiki& wiki;
  const http::Request& request;
  const std::int64_t now;
  const std::string ip;
  http::RequestParams params;

  session::Session& session() { return *session_; }
  // Saves the session and puts its cookies on the response.
  http::Response finish(http::Response response);

 private:
  http::RequestCookies cookies_in_;
  http::ResponseCookies cookies_out_;
  std::unique_ptr<session::Session> session_;
};

// A 302 to `location`, as OutputPage::redirect sends it.
http::Response redirect_to(const std::string& location);
// A small HTML page.
http::Response html_page(int status, const std::string& title, const std::string& body_html);

}  // namespace mockwiki::web
