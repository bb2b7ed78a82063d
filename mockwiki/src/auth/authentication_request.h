// AuthenticationRequest and AuthenticationResponse (core:includes/auth/): what a login step
// asks for and what it answers.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/message.h"

namespace mockwiki::auth {

using api::Json;
using api::Message;

struct AuthField {
  std::string name;
  std::string type;                  // string, password, checkbox, button, hidden, null, select
  std::optional<std::string> value;  // shown to the client (hidden and null fields)
  Message label;
  Message help;
  bool optional = false;
  bool sensitive = false;  // must be POSTed
};

struct AuthRequest {
  enum class Required { Optional, Required, PrimaryRequired };

  std::string id;  // getUniqueId(): the PHP class, ":name" for buttons
  Required required = Required::Required;
  Message provider;  // describeCredentials()
  Message account;
  Json metadata = Json::object();
  std::vector<AuthField> fields;

  // Values after loadFromSubmission: field name -> value ("1" / "" for checkboxes).
  std::map<std::string, std::string, std::less<>> values;
  // AuthenticationRequest::$username: the "username" field once loaded, else what
  // AuthManager::fillRequests put there (the user the request is about).
  std::optional<std::string> username;
  // Requests with no fields that load anyway (ContinueAuthenticationRequest,
  // CreateFromLoginAuthenticationRequest override loadFromSubmission to return true).
  bool loads_without_fields = false;
  // CreateFromLoginAuthenticationRequest::$createRequest: the request a provider wants an
  // account created from (preserved across a FAIL or RESTART).
  std::shared_ptr<const AuthRequest> create_request;
  // Provider data that travels with the request (e.g. which PluggableAuth plugin a button is).
  Json data = Json::object();

  std::optional<std::string> value(std::string_view field) const;
  bool checked(std::string_view field) const;
  bool has_field(std::string_view name) const;

  // AuthenticationRequest::loadFromSubmission: false if a required field is missing or empty.
  bool load_from_submission(const std::map<std::string, std::string, std::less<>>& data);
};

// AuthenticationRequest::loadRequestsFromSubmission: the requests whose fields were supplied.
std::vector<AuthRequest> load_requests_from_submission(std::vector<AuthRequest> requests,
                                                       const std::map<std::string, std::string, std::less<>>& data);
const AuthRequest* find_request(const std::vector<AuthRequest>& requests, std::string_view id);

struct AuthenticationResponse {
  enum class Status { Pass, Fail, Ui, Redirect, Restart, Abstain };

  Status status = Status::Abstain;
  std::optional<std::string> username;       // PASS (none: credentials valid but no local user)
  Message message;                           // FAIL, UI, RESTART
  std::vector<AuthRequest> needed_requests;  // UI, REDIRECT, RESTART
  std::string redirect_target;               // REDIRECT
  std::optional<Json> redirect_api_data;     // REDIRECT: redirectdata for API clients
  // FAIL, RESTART, or a primary PASS without a user: what an account could be created from
  // (a CreateFromLoginAuthenticationRequest once AuthManager has wrapped it).
  std::shared_ptr<const AuthRequest> create_request;

  static AuthenticationResponse pass(std::optional<std::string> username);
  static AuthenticationResponse fail(Message message);
  static AuthenticationResponse ui(std::vector<AuthRequest> needed, Message message);
  static AuthenticationResponse redirect(std::vector<AuthRequest> needed, std::string target,
                                         std::optional<Json> api_data = std::nullopt);
  static AuthenticationResponse restart(Message message);
  static AuthenticationResponse abstain();
  static std::string_view status_name(Status status);
  bool is(Status s) const { return status == s; }
};

enum class AuthAction;

// The requests of a stock MediaWiki, as each action asks for them. `username` fills the
// request's account (AuthManager::fillRequests) when someone is logged in.
AuthRequest password_request(AuthAction action, const std::string& username = {});
// RememberMeAuthenticationRequest: no field when the session provider cannot remember users.
AuthRequest remember_me_request(bool can_remember = true);
AuthRequest username_request();
AuthRequest user_data_request();
AuthRequest temporary_password_request(const std::string& username);
// CreationReasonAuthenticationRequest: why a logged-in user creates an account for someone.
AuthRequest creation_reason_request();
// ButtonAuthenticationRequest: one button field; its id is the class, ":" and the name.
AuthRequest button_request(std::string class_name, std::string name, Message label, Message help, bool required);
// CreateFromLoginAuthenticationRequest wrapping a provider's createRequest.
AuthRequest create_from_login_request(std::shared_ptr<const AuthRequest> create_request);
// CreateFromLoginAuthenticationRequest::hasStateForAction and hasPrimaryStateForAction (the
// mock never links on login, so its maybeLink is always empty).
bool has_state_for_action(const AuthRequest& create_from_login, AuthAction action);
bool has_primary_state_for_action(const AuthRequest& create_from_login, AuthAction action);
inline constexpr std::string_view kPasswordRequestId = "MediaWiki\\Auth\\PasswordAuthenticationRequest";
inline constexpr std::string_view kRememberMeRequestId = "MediaWiki\\Auth\\RememberMeAuthenticationRequest";
inline constexpr std::string_view kUsernameRequestId = "MediaWiki\\Auth\\UsernameAuthenticationRequest";
inline constexpr std::string_view kUserDataRequestId = "MediaWiki\\Auth\\UserDataAuthenticationRequest";
inline constexpr std::string_view kButtonRequestClass = "MediaWiki\\Auth\\ButtonAuthenticationRequest";
inline constexpr std::string_view kCreateFromLoginRequestId = "MediaWiki\\Auth\\CreateFromLoginAuthenticationRequest";

}  // namespace mockwiki::auth
