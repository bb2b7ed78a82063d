// AuthenticationRequest and AuthenticationResponse (core:includes/auth/): what a login step
// asks for and what it answers.
#pragma once

#include <map>
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

  std::optional<std::string> value(std::string_view field) const;
  bool checked(std::string_view field) const;

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
  std::optional<std::string> username;       // PASS
  Message message;                           // FAIL, UI, RESTART
  std::vector<AuthRequest> needed_requests;  // UI, REDIRECT, RESTART
  std::string redirect_target;               // REDIRECT
  bool can_preserve_state = false;           // FAIL, RESTART: a createRequest was kept

  static AuthenticationResponse pass(std::optional<std::string> username);
  static AuthenticationResponse fail(Message message);
  static AuthenticationResponse abstain();
  static std::string_view status_name(Status status);
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
inline constexpr std::string_view kPasswordRequestId = "MediaWiki\\Auth\\PasswordAuthenticationRequest";
inline constexpr std::string_view kRememberMeRequestId = "MediaWiki\\Auth\\RememberMeAuthenticationRequest";

}  // namespace mockwiki::auth
