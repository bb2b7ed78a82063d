#include "auth/providers/scripted_flow.h"

#include "auth/auth_manager.h"
#include "auth/providers/local_password.h"

namespace mockwiki::auth {
namespace {

using api::MessageParam;
using Kind = FlowStep::Kind;

constexpr std::string_view kReturnRequestId = "MockWiki\\ScriptedReturnAuthenticationRequest";

// A text from the flow as a message: a RawMessage, with the code the flow gives, if any.
Message flow_message(const std::string& text, const std::string& code) {
  Message message = Message::raw_text(text);
  if (!code.empty()) message.with_code(code);
  return message;
}

AuthRequest ui_request(const FlowStep& step, const std::string& username) {
  AuthRequest r;
  r.id = step.request_id;
  r.required = AuthRequest::Required::Required;
  r.provider = Message("$1", {MessageParam::plain(step.request_id)});
  r.account = Message("$1", {MessageParam::plain(username)});
  for (const auto& f : step.fields) {
    r.fields.push_back({f.name, f.type, f.value, Message("$1", {MessageParam::plain(f.label)}),
                        Message("$1", {MessageParam::plain(f.help)}), f.optional, f.sensitive});
  }
  return r;
}

// What the continue step after a redirect submits: the parameters the redirect page added to
// the return URL (none by default, like PluggableAuth's ContinueAuthenticationRequest).
AuthRequest return_request(const FlowStep& step) {
  AuthRequest r;
  r.id = std::string(kReturnRequestId);
  r.required = AuthRequest::Required::Required;
  r.provider = Message("$1", {MessageParam::plain(r.id)});
  r.account = Message("$1", {MessageParam::plain(r.id)});
  for (const auto& [name, value] : step.return_params) {
    r.fields.push_back({name, "string", std::nullopt, Message("$1", {MessageParam::plain(name)}),
                        Message("$1", {MessageParam::plain("Returned by the redirect.")}), false, false});
  }
  r.loads_without_fields = step.return_params.empty();
  return r;
}

// Runs step `index` of the account's flow, remembering where the login is.
AuthenticationResponse run_step(AuthManager& manager, const Account& account, std::size_t index) {
  const FlowStep& step = account.flow[index];
  manager.set_authentication_data(std::string(kScriptedFlowDataKey),
                                  Json{{"account", account.name}, {"step", index}, {"visited", false}});
  switch (step.kind) {
    case Kind::Ui:
      return AuthenticationResponse::ui(
          {ui_request(step, account.name)},
          flow_message(step.message.empty() ? "Please complete this step." : step.message, step.message_code));
    case Kind::Redirect: {
      const std::string target = step.target.empty() ? manager.full_url(kScriptedRedirectPath) : step.target;
      std::optional<Json> data;
      if (step.redirect_data) data = Json::parse(*step.redirect_data);
      return AuthenticationResponse::redirect({return_request(step)}, target, std::move(data));
    }
    case Kind::Pass:
      return AuthenticationResponse::pass(account.name);
    case Kind::Fail:
      return AuthenticationResponse::fail(
          flow_message(step.message.empty() ? "The login was refused." : step.message, step.message_code));
    case Kind::Restart: {
      // Valid credentials that belong to no local user: a PASS without a name.
      AuthenticationResponse response = AuthenticationResponse::pass(std::nullopt);
      if (step.can_preserve_state) {
        AuthRequest create;
        create.id = "MockWiki\\ScriptedCreateAuthenticationRequest";
        response.create_request = std::make_shared<const AuthRequest>(std::move(create));
      }
      return response;
    }
  }
  return AuthenticationResponse::abstain();
}

}  // namespace

AuthenticationResponse ScriptedFlowPrimaryAuthenticationProvider::begin_authentication(
    AuthManager& manager, const std::vector<AuthRequest>& requests) const {
  // The flow starts where the local password would pass.
  const auto login = password_login(requests);
  if (!login) return AuthenticationResponse::abstain();
  AccountPtr account = manager.wiki().accounts().by_name(login->name);
  if (!account || account->flow.empty() || !is_local_password(*account, login->password)) {
    return AuthenticationResponse::abstain();
  }
  return run_step(manager, *account, 0);
}

AuthenticationResponse ScriptedFlowPrimaryAuthenticationProvider::continue_authentication(
    AuthManager& manager, const std::vector<AuthRequest>& requests) const {
  const Json* data = manager.authentication_data(kScriptedFlowDataKey);
  AccountPtr account = data ? manager.wiki().accounts().by_name((*data)["account"].get<std::string>()) : nullptr;
  const std::size_t index = data ? (*data)["step"].get<std::size_t>() : 0;
  // The flow was changed or the account removed since the login began, so that no UI or
  // REDIRECT step waits where the login is. (A flow ends with pass, fail or restart, so a
  // waiting step always has a next one.)
  const bool waiting = account && index < account->flow.size() &&
                       (account->flow[index].kind == Kind::Ui || account->flow[index].kind == Kind::Redirect);
  if (!waiting) return AuthenticationResponse::fail(Message("authmanager-authn-not-in-progress"));
  const FlowStep& step = account->flow[index];
  if (step.kind == Kind::Ui) {
    const AuthRequest* request = find_request(requests, step.request_id);
    bool matches = request != nullptr;
    for (const auto& [name, value] : step.expect) {
      if (request && request->value(name) != value) matches = false;
    }
    if (!matches) {
      Message mismatch = Message::raw_text(step.mismatch_message);
      if (step.fail_on_mismatch) return AuthenticationResponse::fail(mismatch);
      return AuthenticationResponse::ui({ui_request(step, account->name)}, mismatch);
    }
  } else if (step.kind == Kind::Redirect) {
    // Only the mock's own page can tell whether the client went there.
    if (step.target.empty() && !(*data)["visited"].get<bool>()) {
      return AuthenticationResponse::fail(Message::raw_text("The redirect target was not visited before continuing."));
    }
    const AuthRequest* request = find_request(requests, kReturnRequestId);
    for (const auto& [name, value] : step.return_params) {
      if (!request || request->value(name) != value) {
        return AuthenticationResponse::fail(
            Message::raw_text("The parameters of the return URL were not sent back with the continue request."));
      }
    }
  }
  return run_step(manager, *account, index + 1);
}

}  // namespace mockwiki::auth
