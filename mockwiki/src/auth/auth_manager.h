// AuthManager (core:includes/auth/AuthManager.php) for one request: the login flow that
// action=clientlogin drives step by step and action=login uses in one go.
//
// beginAuthentication runs the pre-authentication providers (the password-attempt throttle),
// then the primary providers in order until one does not abstain (the local password), and on
// PASS makes the session the user's: new session id, new token secrets, the "remember me"
// choice. A throttle hit or a wrong password is FAIL; nothing to authenticate is
// authmanager-authn-no-primary.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/authentication_request.h"
#include "session/session.h"
#include "wiki.h"

namespace mockwiki::auth {

enum class AuthAction { Login, LoginContinue, Create, CreateContinue, Link, LinkContinue, Change, Remove, Unlink };

// The names amirequestsfor accepts.
std::optional<AuthAction> parse_auth_action(std::string_view name);

class AuthManager {
 public:
  AuthManager(Wiki& wiki, session::Session& session, std::string ip, std::int64_t now)
      : wiki_(wiki), session_(session), ip_(std::move(ip)), now_(now) {}

  // Only a session that may change user can log in (not a bot-password session).
  bool can_authenticate_now() const { return session_.can_set_user(); }
  bool can_create_accounts() const { return true; }
  bool can_link_accounts() const { return false; }

  // getAuthenticationRequests: what a client must fill in for an action.
  std::vector<AuthRequest> requests_for(AuthAction action) const;

  AuthenticationResponse begin_authentication(std::vector<AuthRequest> requests, const std::string& return_url);
  AuthenticationResponse continue_authentication(std::vector<AuthRequest> requests);

  // securitySensitiveOperationStatus: "ok", "reauth" or "fail".
  std::string security_sensitive_operation_status(std::string_view operation) const;

 private:
  // AuthManager::continueAuthentication's steps after the providers were chosen.
  AuthenticationResponse authenticate(std::vector<AuthRequest> requests);
  // ThrottlePreAuthenticationProvider::testForAuthentication.
  std::optional<Message> test_password_throttle(const std::vector<AuthRequest>& requests);
  void clear_password_throttle();
  // LocalPasswordPrimaryAuthenticationProvider::beginPrimaryAuthentication.
  AuthenticationResponse begin_password_authentication(const std::vector<AuthRequest>& requests) const;
  // AuthManager::setSessionDataForUser.
  void set_session_data_for_user(const Account& account, bool remember);

  Wiki& wiki_;
  session::Session& session_;
  std::string ip_;
  std::int64_t now_;
  // The names the throttle counted this attempt under (nullopt: the IP alone).
  std::vector<std::optional<std::string>> throttled_names_;
};

// AuthenticationRequest::getUsernameFromRequests: the one username the requests carry.
std::optional<std::string> username_from_requests(const std::vector<AuthRequest>& requests);

}  // namespace mockwiki::auth
