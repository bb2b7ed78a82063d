// AuthManager (core:includes/auth/AuthManager.php) for one request: logins that
// action=clientlogin drives step by step and action=login runs in one go, and account
// creation for action=createaccount.
//
// beginAuthentication asks the pre-authentication providers (password throttle, captcha),
// then the primary providers in order until one does not abstain (local password, SSO
// buttons, scripted flows), then each secondary provider (two-factor). A UI or REDIRECT answer
// leaves the login in the session for continueAuthentication. A primary PASS without a user
// is RESTART. On PASS the session becomes the user's: new session id, new token secrets, the
// "remember me" choice.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/auth_session_data.h"
#include "auth/authentication_request.h"
#include "auth/providers/provider.h"
#include "session/session.h"
#include "wiki.h"

namespace mockwiki::auth {

enum class AuthAction { Login, LoginContinue, Create, CreateContinue, Link, LinkContinue, Change, Remove, Unlink };

// The names amirequestsfor accepts.
std::optional<AuthAction> parse_auth_action(std::string_view name);

class AuthManager {
 public:
  AuthManager(Wiki& wiki, session::Session& session, std::string ip, std::int64_t now);

  // Only a session that may change user can log in (not a bot-password session).
  bool can_authenticate_now() const { return session_.can_set_user(); }
  bool can_create_accounts() const;
  // Some primary provider links third-party identities to accounts (PluggableAuth).
  bool can_link_accounts() const;

  // getAuthenticationRequests: what a client must fill in for an action.
  std::vector<AuthRequest> requests_for(AuthAction action);

  AuthenticationResponse begin_authentication(std::vector<AuthRequest> requests, const std::string& return_url);
  AuthenticationResponse continue_authentication(std::vector<AuthRequest> requests);

  // beginAccountCreation / continueAccountCreation for `creator` (the requesting user).
  AuthenticationResponse begin_account_creation(const Account* creator, std::vector<AuthRequest> requests,
                                                const std::string& return_url);
  AuthenticationResponse continue_account_creation(std::vector<AuthRequest> requests);

  // securitySensitiveOperationStatus: "ok", "reauth" or "fail".
  std::string security_sensitive_operation_status(std::string_view operation) const;

  // For providers.
  Wiki& wiki() { return wiki_; }
  session::Session& session() { return session_; }
  const std::string& ip() const { return ip_; }
  std::int64_t now() const { return now_; }
  // This request created an account (the database was written).
  bool created_account() const { return created_account_; }
  // The wiki's full URL for a path such as "/index.php/Special:PluggableAuthLogin".
  std::string full_url(std::string_view path) const { return wiki_.config().server + std::string(path); }
  // get/set/removeAuthenticationSessionData (key omitted: all of it).
  const Json* authentication_data(std::string_view key) const;
  void set_authentication_data(const std::string& key, Json value);
  void remove_authentication_data(std::optional<std::string_view> key = std::nullopt);
  // Plain session data (WebRequest::getSessionData / setSessionData).
  const Json* session_value(std::string_view key) const;
  void set_session_value(const std::string& key, Json value);
  void remove_session_value(std::string_view key);
  // autoCreateUser: makes an account for a name a provider vouched for; the failure message
  // (authmanager-autocreate-noperm, ...) if it may not.
  std::optional<Message> auto_create_user(const std::string& name, const PrimaryAuthenticationProvider& source);

 private:
  // The rest of continueAuthentication once the state is loaded.
  AuthenticationResponse continue_login(AuthFlowState state, std::vector<AuthRequest> requests);
  // Ends a login attempt: postAuthentication on every provider, the state removed.
  AuthenticationResponse end_login(AuthenticationResponse response, const std::optional<std::string>& user);
  void save_login_state(AuthFlowState state);
  // A primary provider's FAIL: its createRequest wrapped for preservation.
  static void wrap_create_request(AuthenticationResponse& response);
  // getAuthenticationRequestsInternal over the given providers.
  std::vector<AuthRequest> requests_from(AuthAction action, bool pre, bool primary, bool secondary);
  // AuthManager::setSessionDataForUser.
  void set_session_data_for_user(const Account& account, bool remember);
  std::optional<std::string> valid_user_name(const std::optional<std::string>& name) const;

  Wiki& wiki_;
  session::Session& session_;
  std::string ip_;
  std::int64_t now_;
  bool created_account_ = false;
  const AuthProviders& providers_;
};

// Sanitizer::validateEmail.
bool is_valid_email(std::string_view address);

// AuthenticationRequest::getUsernameFromRequests: the one username the requests carry.
std::optional<std::string> username_from_requests(const std::vector<AuthRequest>& requests);

}  // namespace mockwiki::auth
