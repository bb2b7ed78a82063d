#include "auth/authentication_request.h"

#include "auth/auth_manager.h"

namespace mockwiki::auth {

using api::MessageParam;

std::optional<std::string> AuthRequest::value(std::string_view field) const {
  auto it = values.find(field);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

bool AuthRequest::checked(std::string_view field) const { return value(field).value_or("") == "1"; }

bool AuthRequest::has_field(std::string_view name) const {
  for (const auto& field : fields) {
    if (field.name == name) return true;
  }
  return false;
}

bool AuthRequest::load_from_submission(const std::map<std::string, std::string, std::less<>>& data) {
  if (loads_without_fields) return true;
  bool any = false;
  for (const auto& field : fields) {
    if (field.type == "null") continue;
    any = true;
    if (field.type == "checkbox" || field.type == "button") {
      const bool set = data.contains(field.name) || data.contains(field.name + "_x");
      // (std::string: GCC 12 warns falsely, -Wrestrict, on assigning a literal here.)
      values[field.name] = std::string(set ? "1" : "");
      if (!set && !field.optional) return false;
      continue;
    }
    auto it = data.find(field.name);
    if (it == data.end()) return false;
    if (it->second.empty() && !field.optional) return false;
    values[field.name] = it->second;
    if (field.name == "username") username = it->second;
  }
  return any;
}

std::vector<AuthRequest> load_requests_from_submission(std::vector<AuthRequest> requests,
                                                       const std::map<std::string, std::string, std::less<>>& data) {
  std::vector<AuthRequest> loaded;
  for (auto& request : requests) {
    if (request.load_from_submission(data)) loaded.push_back(std::move(request));
  }
  return loaded;
}

const AuthRequest* find_request(const std::vector<AuthRequest>& requests, std::string_view id) {
  for (const auto& request : requests) {
    if (request.id == id) return &request;
  }
  return nullptr;
}

AuthenticationResponse AuthenticationResponse::pass(std::optional<std::string> username) {
  AuthenticationResponse r;
  r.status = Status::Pass;
  r.username = std::move(username);
  return r;
}

AuthenticationResponse AuthenticationResponse::fail(Message message) {
  AuthenticationResponse r;
  r.status = Status::Fail;
  r.message = std::move(message);
  return r;
}

AuthenticationResponse AuthenticationResponse::ui(std::vector<AuthRequest> needed, Message message) {
  AuthenticationResponse r;
  r.status = Status::Ui;
  r.needed_requests = std::move(needed);
  r.message = std::move(message);
  return r;
}

AuthenticationResponse AuthenticationResponse::redirect(std::vector<AuthRequest> needed, std::string target,
                                                        std::optional<Json> api_data) {
  AuthenticationResponse r;
  r.status = Status::Redirect;
  r.needed_requests = std::move(needed);
  r.redirect_target = std::move(target);
  r.redirect_api_data = std::move(api_data);
  return r;
}

AuthenticationResponse AuthenticationResponse::restart(Message message) {
  AuthenticationResponse r;
  r.status = Status::Restart;
  r.message = std::move(message);
  return r;
}

AuthenticationResponse AuthenticationResponse::abstain() { return {}; }

std::string_view AuthenticationResponse::status_name(Status status) {
  switch (status) {
    case Status::Pass:
      return "PASS";
    case Status::Fail:
      return "FAIL";
    case Status::Ui:
      return "UI";
    case Status::Redirect:
      return "REDIRECT";
    case Status::Restart:
      return "RESTART";
    case Status::Abstain:
      return "ABSTAIN";
  }
  return "";
}

namespace {

// describeCredentials() of requests that do not describe themselves: their class, twice.
void describe_by_class(AuthRequest& r) {
  r.provider = Message("$1", {MessageParam::plain(r.id)});
  r.account = Message("$1", {MessageParam::plain(r.id)});
}

Json username_param(const std::string& username) { return username.empty() ? Json(nullptr) : Json(username); }

}  // namespace

AuthRequest password_request(AuthAction action, const std::string& username) {
  AuthRequest r;
  r.id = std::string(kPasswordRequestId);
  r.required = AuthRequest::Required::PrimaryRequired;
  r.provider = Message("authmanager-provider-password");
  r.account = Message("$1", {MessageParam::plain(username_param(username))});
  if (action == AuthAction::Remove) return r;
  const bool new_password = action == AuthAction::Change;
  if (action != AuthAction::Change) {
    r.fields.push_back({"username", "string", std::nullopt, Message("userlogin-yourname"),
                        Message("authmanager-username-help"), false, false});
  }
  r.fields.push_back({"password", "password", std::nullopt,
                      Message(new_password ? "newpassword" : "userlogin-yourpassword"),
                      Message("authmanager-password-help"), false, true});
  if (action != AuthAction::Login) {
    r.fields.push_back({"retype", "password", std::nullopt, Message(new_password ? "retypenew" : "yourpasswordagain"),
                        Message("authmanager-retype-help"), false, true});
  }
  return r;
}

AuthRequest remember_me_request(bool can_remember) {
  AuthRequest r;
  r.id = std::string(kRememberMeRequestId);
  r.required = AuthRequest::Required::Optional;
  describe_by_class(r);
  if (can_remember) {
    // The label's parameter is the extended cookie lifetime in days.
    r.fields.push_back({"rememberMe", "checkbox", std::nullopt,
                        Message("userlogin-remembermypassword", {MessageParam::number(180)}),
                        Message("authmanager-userlogin-remembermypassword-help"), true, false});
  }
  return r;
}

AuthRequest button_request(std::string class_name, std::string name, Message label, Message help, bool required) {
  AuthRequest r;
  r.id = class_name + ":" + name;
  r.required = required ? AuthRequest::Required::Required : AuthRequest::Required::Optional;
  // AuthenticationRequest::describeCredentials: the class, and the unique id as the account.
  r.provider = Message("$1", {MessageParam::plain(class_name)});
  r.account = Message("$1", {MessageParam::plain(r.id)});
  r.fields.push_back({std::move(name), "button", std::nullopt, std::move(label), std::move(help), false, false});
  return r;
}

AuthRequest create_from_login_request(std::shared_ptr<const AuthRequest> create_request) {
  AuthRequest r;
  r.id = std::string(kCreateFromLoginRequestId);
  r.required = AuthRequest::Required::Optional;
  describe_by_class(r);
  r.loads_without_fields = true;
  if (create_request) r.username = create_request->username;
  r.create_request = std::move(create_request);
  return r;
}

bool has_state_for_action(const AuthRequest& create_from_login, AuthAction action) {
  return action == AuthAction::Create && create_from_login.create_request != nullptr;
}

bool has_primary_state_for_action(const AuthRequest& create_from_login, AuthAction action) {
  return action == AuthAction::Create && create_from_login.create_request != nullptr;
}

AuthRequest username_request() {
  AuthRequest r;
  r.id = std::string(kUsernameRequestId);
  describe_by_class(r);
  r.fields.push_back({"username", "string", std::nullopt, Message("userlogin-yourname"),
                      Message("authmanager-username-help"), false, false});
  return r;
}

AuthRequest user_data_request() {
  AuthRequest r;
  r.id = std::string(kUserDataRequestId);
  describe_by_class(r);
  r.fields.push_back({"email", "string", std::nullopt, Message("authmanager-email-label"),
                      Message("authmanager-email-help"), true, false});
  r.fields.push_back({"realname", "string", std::nullopt, Message("authmanager-realname-label"),
                      Message("authmanager-realname-help"), true, false});
  return r;
}

AuthRequest creation_reason_request() {
  AuthRequest r;
  r.id = "MediaWiki\\Auth\\CreationReasonAuthenticationRequest";
  r.required = AuthRequest::Required::Optional;
  describe_by_class(r);
  r.fields.push_back(
      {"reason", "string", std::nullopt, Message("createacct-reason"), Message("createacct-reason-help"), false, false});
  return r;
}

AuthRequest temporary_password_request(const std::string& username) {
  AuthRequest r;
  r.id = "MediaWiki\\Auth\\TemporaryPasswordAuthenticationRequest";
  r.required = AuthRequest::Required::PrimaryRequired;
  r.provider = Message("authmanager-provider-temporarypassword");
  r.account = Message("$1", {MessageParam::plain(username_param(username))});
  r.fields.push_back({"mailpassword", "checkbox", std::nullopt, Message("createaccountmail"),
                      Message("createaccountmail-help"), false, false});
  return r;
}

}  // namespace mockwiki::auth
