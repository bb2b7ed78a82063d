// Everything one api.php request works with: the wiki, the parameters, the session and user,
// the result being built and the cookies going out. ApiMain creates it; modules read and write
// it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "api/error_formatter.h"
#include "api/message.h"
#include "api/result.h"
#include "http/cookies.h"
#include "http/http.h"
#include "http/request_params.h"
#include "session/session.h"
#include "wiki.h"

namespace mockwiki::api {

// ApiUsageException: a message with its API code, raised by a module (its path) or by ApiMain.
class ApiError : public std::exception {
 public:
  ApiError(Message message, std::string module_path, int http_status = 0)
      : message_(std::move(message)), module_path_(std::move(module_path)), http_status_(http_status) {}
  // An uncaught exception (internal_api_error_*): no module, no docref.
  static ApiError internal(Message message, std::string trace = {}) {
    ApiError error(std::move(message), "");
    error.internal_ = true;
    error.trace_ = std::move(trace);
    return error;
  }
  // An exception's trace, as $wgShowExceptionDetails shows it.
  const std::string& trace() const { return trace_; }
  const Message& message() const { return message_; }
  const std::string& module_path() const { return module_path_; }
  int http_status() const { return http_status_; }
  bool is_internal() const { return internal_; }
  const char* what() const noexcept override { return "ApiUsageException"; }

 private:
  Message message_;
  std::string module_path_;
  int http_status_;
  bool internal_ = false;
  std::string trace_;
};

class ApiContext {
 public:
  ApiContext(Wiki& wiki, const http::Request& request);

  Wiki& wiki;
  const http::Request& http;
  const std::int64_t now;
  const std::string ip;          // the client address as MediaWiki names anonymous users
  const std::string request_id;  // X-Request-Id, and the id in internal error messages
  http::RequestParams params;
  http::RequestCookies cookies_in;
  http::ResponseCookies cookies_out;
  ApiResult result;
  ErrorFormatter formatter;
  http::Headers extra_headers;
  // ApiMain's cache mode is "public" (only meta=siteinfo, or no query module, ran): the answer
  // then varies on cookies and says so.
  bool cache_public = false;
  // The request wrote to the database (created an account): ChronologyProtector's cookies follow.
  bool wrote_to_database = false;
  // A module that answers with its own HTML page (action=help) puts it here.
  std::optional<std::string> html_page;
  // origin=*, callback= or Treat-as-Untrusted: no credentials, no tokens (ApiMain::lacksSameOriginSecurity).
  bool lacks_same_origin_security = false;

  // ApiMain::getVal: a parameter's value, marking it used; an array-syntax parameter is
  // reported with apiwarn-unsupportedarray and reads as absent.
  const std::string* param(std::string_view name);
  bool param_present(std::string_view name) { return param(name) != nullptr; }
  void mark_used(std::string_view name);
  // Names that were sent but never read (ApiMain::reportUnusedParams), with their position
  // among all parameters (array_diff keeps PHP's keys, and errorformat=raw shows them).
  std::vector<std::pair<std::int64_t, std::string>> unused_params(
      const std::vector<std::string_view>& printer_params) const;

  // The request's session (the one its cookies name, or a new one).
  session::Session& session() { return *session_; }
  void set_session(std::unique_ptr<session::Session> session) { session_ = std::move(session); }
  // Another session this request created (a bot-password login); it is saved too.
  session::Session& adopt_session(std::unique_ptr<session::Session> session);
  // Saves every session: store and cookies (SessionManager::shutdown).
  void save_sessions();

  // The user: the session's account, or nobody when anonymous or credentials are suppressed.
  AccountPtr user();
  bool is_registered() { return user() != nullptr; }
  std::string user_name();  // the IP address for an anonymous user
  std::vector<std::string> user_groups();
  // PermissionManager::getUserPermissions, limited to the grants in a bot-password session.
  const std::vector<std::string>& user_rights();
  bool user_can(std::string_view right);
  // The session changed user: forget what was derived from the old one.
  void user_changed();

  void add_warning(std::string_view module_path, const Message& message) {
    formatter.add_warning(module_path, message);
  }
  // ApiBase::addDeprecation: the warning (code "deprecation", data {"feature"}) and the main
  // module's mailing-list hint (code "deprecation-help").
  void add_deprecation(std::string_view module_path, Message message, std::string feature);

 private:
  std::unique_ptr<session::Session> session_;
  std::vector<std::unique_ptr<session::Session>> other_sessions_;
  std::vector<bool> used_params_;  // by position in params.names()
  std::set<std::string, std::less<>> array_warned_;
  std::optional<AccountPtr> user_;
  std::optional<std::vector<std::string>> rights_;
};

}  // namespace mockwiki::api
