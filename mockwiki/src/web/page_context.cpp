#include "web/page_context.h"

#include "auth/user_name.h"
#include "util/random.h"
#include "util/text.h"

namespace mockwiki::web {

PageContext::PageContext(Wiki& wiki_, const http::Request& request_)
    : wiki(wiki_),
      request(request_),
      now(wiki_.now()),
      ip(auth::sanitize_ip(request_.remote_addr)),
      params(http::RequestParams::from(request_)),
      cookies_in_(http::RequestCookies::parse(request_.header("Cookie").value_or(""))),
      cookies_out_(cookies_in_, now),
      session_(wiki_.session_manager().load(cookies_in_, cookies_out_, now)) {}

http::Response PageContext::finish(http::Response response) {
  wiki.session_manager().save(*session_, true, cookies_out_, now);
  http::Headers headers;
  for (const auto& line : cookies_out_.lines()) headers.emplace_back("Set-Cookie", line);
  for (auto& h : response.headers) headers.push_back(std::move(h));
  response.headers = std::move(headers);
  return response;
}

http::Response redirect_to(const std::string& location) {
  // The headers index.php sends with a redirect (OutputPage::output for a private page).
  http::Response response;
  response.status = 302;
  response.content_type = "text/html; charset=UTF-8";
  response.add_header("X-Content-Type-Options", "nosniff");
  response.add_header("Vary", "Accept-Encoding, Cookie");
  response.add_header("Expires", "Thu, 01 Jan 1970 00:00:00 GMT");
  response.add_header("Cache-Control", "private, must-revalidate, max-age=0");
  response.add_header("Location", location);
  response.add_header("X-Request-Id", util::request_id());
  return response;
}

http::Response html_page(int status, const std::string& title, const std::string& body_html) {
  http::Response response;
  response.status = status;
  response.content_type = "text/html; charset=UTF-8";
  response.body = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" +
                  util::html_escape(title) + "</title></head>\n<body>\n<h1>" + util::html_escape(title) + "</h1>\n" +
                  body_html + "\n</body></html>\n";
  return response;
}

}  // namespace mockwiki::web
