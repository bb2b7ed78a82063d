// mediawiki/client_login.h: action=clientlogin, AuthManager's login, to its end. The wiki
// answers each step with PASS, FAIL, UI (fill in these fields), REDIRECT (send the user there)
// or RESTART (an identity with no account here); handlers answer UI and REDIRECT.
//
//   mediawiki::ClientLoginHandlers handlers;
//   handlers.ui = mediawiki::totp_handler(secret);                  // answers OATHAuth's step
//   auto result = mediawiki::client_login(wiki, "Alice", password, handlers);
//   // PASS: logged in; FAIL: LoginError with the messagecode; RESTART: result.restarted
#pragma once

#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "mediawiki/session.h"

namespace mediawiki {

// One field of a request the wiki wants filled.
struct AuthField {
  std::string type;  // string, password, checkbox, hidden, select, button, null
  std::string label;
  std::string help;
  bool optional = false;
  bool sensitive = false;
  std::optional<std::string> value;  // hidden and null fields carry one
};

// One request of a UI, REDIRECT or RESTART answer.
struct AuthRequest {
  std::string id;  // e.g. "MediaWiki\\Extension\\OATHAuth\\Auth\\TOTPAuthenticationRequest"
  std::string required;
  std::string provider;
  std::string account;
  std::map<std::string, AuthField> fields;
};

// One clientlogin answer.
struct LoginStep {
  std::string status;  // PASS, FAIL, UI, REDIRECT, RESTART
  std::vector<AuthRequest> requests;
  std::string message;
  std::string message_code;
  std::string redirect_target;
  Json redirect_data;
  bool can_preserve_state = false;
  std::string username;  // PASS

  static LoginStep from_json(const Json& clientlogin);
  // Whether a request with this field is asked for.
  bool asks_for(const std::string& field) const;
};

struct ClientLoginHandlers {
  // UI: the values of the fields asked for (hidden fields are sent back by themselves). Nothing
  // gives up: LoginError("UI", message, messagecode).
  std::function<std::optional<Params>(const LoginStep&)> ui;
  // REDIRECT: send the user to step.redirect_target; the parameters that came back at the
  // return URL. Nothing gives up.
  std::function<std::optional<Params>(const LoginStep&)> redirect;
};

struct ClientLoginOptions {
  std::string return_url = "http://localhost/mediawiki-cpp-return";
  bool remember = false;        // rememberMe: longer cookies, a Token cookie
  bool preserve_state = false;  // loginpreservestate, after a RESTART or FAIL that allows it
  int max_steps = 10;           // continues before giving up
};

struct ClientLoginResult {
  bool restarted = false;  // RESTART: no local account for the identity (see step)
  LoginStep step;          // the last answer: PASS (step.username) or RESTART
};

// Runs the login. PASS logs the session in (asserts start, tokens are dropped); FAIL throws
// LoginError("FAIL", message, messagecode); RESTART is returned, not thrown.
ClientLoginResult client_login(Session& session, const std::string& user, const std::string& password,
                               const ClientLoginHandlers& handlers = {}, const ClientLoginOptions& options = {});

// The same from other first-step fields than a user name and password: a single-sign-on
// button ({"pluggableauthlogin0", "1"}), or a password with a captcha answer.
ClientLoginResult client_login(Session& session, const Params& fields, const ClientLoginHandlers& handlers = {},
                               const ClientLoginOptions& options = {});

// A UI handler that answers OATHAuth's two-factor step (the OATHToken field) with the code for
// `secret` at the time `now()` gives (default: the system clock). If the code is refused (its
// window was spent by a login moments before), it tries the next windows, up to 4 ahead, as
// OATHAuth accepts them; then it gives up. One handler serves one login.
std::function<std::optional<Params>(const LoginStep&)> totp_handler(std::string base32_secret,
                                                                    std::function<std::int64_t()> now = {});
// A UI handler that asks a person: each field's label on `out`, the answer from `in`.
std::function<std::optional<Params>(const LoginStep&)> prompt_handler(std::istream& in, std::ostream& out);
// A REDIRECT handler that follows the target with the session's cookies, as a browser does,
// through redirects on the wiki's own host, until one leads to the return URL; its query
// parameters are what came back. `extra` parameters are added to the first URL (the mock's
// identity provider takes ?identity=SUB).
std::function<std::optional<Params>(const LoginStep&)> follow_redirect_handler(Session& session,
                                                                               const ClientLoginOptions& options,
                                                                               Params extra = {});

}  // namespace mediawiki
