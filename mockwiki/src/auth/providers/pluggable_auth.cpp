#include "auth/providers/pluggable_auth.h"

#include "auth/auth_manager.h"
#include "auth/user_name.h"
#include "internal_error.h"

namespace mockwiki::auth {
namespace {

using namespace pluggable_auth;

constexpr std::string_view kBeginClass = "MediaWiki\\Extension\\PluggableAuth\\BeginAuthenticationRequest";
constexpr std::string_view kContinueId = "MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest";
constexpr std::string_view kLinkRequestId = "MockWiki\\OpenIDConnectLinkAuthenticationRequest";

// ContinueAuthenticationRequest: no fields, and it always loads.
AuthRequest continue_request() {
  AuthRequest r;
  r.id = std::string(kContinueId);
  r.required = AuthRequest::Required::Required;
  r.provider = Message("$1", {api::MessageParam::plain(r.id)});
  r.account = Message("$1", {api::MessageParam::plain(r.id)});
  r.loads_without_fields = true;
  return r;
}

// The link between an identity and an account (OpenIDConnect::saveExtraAttributes).
void link_identity(AuthManager& manager, const Json& identity, const Account& account) {
  if (!identity.is_object() || !identity.contains("provider") || !identity.contains("sub")) return;
  manager.wiki().openid_connect().link(identity["provider"].get<std::size_t>(), identity["sub"].get<std::string>(),
                                       account.name);
}

}  // namespace

std::vector<AuthRequest> PluggableAuthPrimaryAuthenticationProvider::requests_for(
    AuthManager&, AuthAction action, const std::optional<std::string>&) const {
  if (action != AuthAction::Login) return {};
  std::vector<AuthRequest> requests;
  for (std::size_t i = 0; i < spec_.providers.size(); ++i) {
    // The label is the configuration key as a RawMessage (no buttonLabelMessage).
    requests.push_back(button_request(std::string(kBeginClass), std::string(kButtonPrefix) + std::to_string(i),
                                      Message::raw_text(spec_.providers[i].label),
                                      Message("pluggableauth-loginbutton-help"), true));
  }
  return requests;
}

AuthenticationResponse PluggableAuthPrimaryAuthenticationProvider::begin_authentication(
    AuthManager& manager, const std::vector<AuthRequest>& requests) const {
  const AuthRequest* pressed = nullptr;
  for (const auto& request : requests) {
    if (request.id.starts_with(std::string(kBeginClass) + ":")) {
      pressed = &request;
      break;
    }
  }
  if (!pressed) return AuthenticationResponse::abstain();
  const std::string name = pressed->id.substr(kBeginClass.size() + 1);
  manager.set_session_value(kReturnToUrl, pressed->data.value("returnToUrl", ""));
  manager.set_session_value(kPluginName, name);
  manager.set_authentication_data("PluggableAuthLoginExtraLoginFields", Json::array());
  return AuthenticationResponse::redirect({continue_request()}, manager.full_url(kLoginPagePath));
}

AuthenticationResponse PluggableAuthPrimaryAuthenticationProvider::continue_authentication(
    AuthManager& manager, const std::vector<AuthRequest>& requests) const {
  if (!find_request(requests, kContinueId)) {
    return AuthenticationResponse::fail(Message("pluggableauth-authentication-workflow-failure"));
  }
  if (const Json* error = manager.authentication_data(kError)) {
    const std::string text = error->is_string() ? error->get<std::string>() : error->dump();
    manager.remove_authentication_data(std::string_view(kError));
    return AuthenticationResponse::fail(Message::raw_text(text));
  }
  // ContinueAuthenticationRequest::loadFromSubmission takes the name the special page left.
  std::optional<std::string> username;
  if (const Json* stored = manager.authentication_data(kUsername); stored && stored->is_string()) {
    username = stored->get<std::string>();
  }
  manager.remove_authentication_data(std::string_view(kUsername));
  if (const Json* unlinked = manager.authentication_data(kUnlinkedIdentity)) {
    // Mock-only: valid credentials, no local user.
    AuthRequest link;
    link.id = std::string(kLinkRequestId);
    link.data = *unlinked;
    if (unlinked->contains("preferred_username")) link.username = (*unlinked)["preferred_username"].get<std::string>();
    AuthenticationResponse response = AuthenticationResponse::pass(std::nullopt);
    response.create_request = std::make_shared<const AuthRequest>(std::move(link));
    manager.remove_authentication_data(std::string_view(kUnlinkedIdentity));
    return response;
  }
  if (!username) {
    // Nobody visited Special:PluggableAuthLogin: PluggableAuth 7.x hands the null name on to
    // UserFactory::newFromName, a PHP TypeError (observed on 1.39, NOTES.md §10.1).
    const std::string provider_file =
        "/usr/share/mediawiki/extensions/PluggableAuth/includes/PrimaryAuthenticationProvider.php";
    throw InternalError(
        "TypeError",
        "MediaWiki\\User\\UserFactory::newFromName(): Argument #1 ($name) must be of type string, null given, called "
        "in " +
            provider_file + " on line 161",
        "TypeError at /usr/share/mediawiki/includes/user/UserFactory.php(84)\n"
        "from /usr/share/mediawiki/includes/user/UserFactory.php(84)\n"
        "#0 " +
            provider_file +
            "(161): MediaWiki\\User\\UserFactory->newFromName()\n"
            "#1 /usr/share/mediawiki/includes/auth/AuthManager.php(615): "
            "MediaWiki\\Extension\\PluggableAuth\\PrimaryAuthenticationProvider->continuePrimaryAuthentication()\n"
            "#2 /usr/share/mediawiki/includes/api/ApiClientLogin.php(94): "
            "MediaWiki\\Auth\\AuthManager->continueAuthentication()\n"
            "#3 /usr/share/mediawiki/includes/api/ApiMain.php(1903): ApiClientLogin->execute()\n"
            "#4 /usr/share/mediawiki/includes/api/ApiMain.php(878): ApiMain->executeAction()\n"
            "#5 /usr/share/mediawiki/includes/api/ApiMain.php(849): ApiMain->executeActionWithErrorHandling()\n"
            "#6 /usr/share/mediawiki/api.php(90): ApiMain->execute()\n"
            "#7 /usr/share/mediawiki/api.php(45): wfApiMain()\n"
            "#8 {main}");
  }
  return AuthenticationResponse::pass(*username);
}

bool PluggableAuthPrimaryAuthenticationProvider::test_user_exists(AuthManager& manager,
                                                                  const std::string& username) const {
  auto canonical = canonical_user_name(username);
  return canonical && manager.wiki().accounts().by_name(*canonical) != nullptr;
}

void PluggableAuthPrimaryAuthenticationProvider::account_created(AuthManager& manager, const Account& account,
                                                                 const std::vector<AuthRequest>& requests) const {
  // createpreservestate after a RESTART: the preserved identity joins the new account.
  if (const AuthRequest* link = find_request(requests, kLinkRequestId)) link_identity(manager, link->data, account);
}

void PluggableAuthPrimaryAuthenticationProvider::auto_created_account(AuthManager& manager,
                                                                      const Account& account) const {
  // OpenIDConnect::saveExtraAttributes: the subject the special page authenticated.
  const Json* subject = manager.authentication_data(kSubject);
  const Json* provider = manager.authentication_data("MockWikiOpenIDConnectProvider");
  if (subject && provider) link_identity(manager, Json{{"provider", *provider}, {"sub", *subject}}, account);
  // PluggableAuth's autoCreatedAccount: the real name and email the plugin gave, the email as
  // confirmed (recorded: FINDINGS.md c2c).
  const Json* realname = manager.authentication_data(kRealname);
  const Json* email = manager.authentication_data(kEmail);
  const auto text = [](const Json* value) { return value && value->is_string() ? value->get<std::string>() : ""; };
  const std::string new_realname = text(realname);
  const std::string new_email = text(email);
  if (new_realname.empty() && new_email.empty()) return;
  const std::int64_t now = manager.now();
  manager.wiki().accounts().modify(account.id, [&](Account& changed) {
    if (!new_realname.empty()) changed.realname = new_realname;
    if (!new_email.empty()) {
      changed.email = new_email;
      changed.email_authenticated = now;
    }
  });
}

}  // namespace mockwiki::auth
