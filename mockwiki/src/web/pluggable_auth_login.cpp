// Special:PluggableAuthLogin (PluggableAuth REL1_39: includes/PluggableAuthLogin.php) with the
// OpenIDConnect plugin (OpenIDConnect REL1_39 includes/OpenIDConnect.php::authenticate, and
// jumbojett/openid-connect-php 1.0.2's OpenIDConnectClient::authenticate).
//
// The first visit (from clientlogin's redirecttarget) sends the browser to the identity
// provider's authorization page with a new state and nonce. The provider sends it back here
// with a code (or an error); this page redeems the code, finds the account the identity is
// linked to (or the name a new account would get), leaves the outcome in the session for the
// continue step, and redirects to loginreturnurl unchanged.
//
// One difference from OpenIDConnect 8.2.1, on purpose: when the provider reports an error,
// OpenIDConnect clears the whole session, so the client's continue step then fails on its
// login token. The mock keeps the session and the continue step answers FAIL with the error
// text, as PluggableAuth does for any plugin that reports an error.
#include <optional>

#include "auth/auth_manager.h"
#include "auth/providers/pluggable_auth.h"
#include "auth/user_name.h"
#include "util/random.h"
#include "util/text.h"
#include "web/pages.h"

namespace mockwiki::web {
namespace {

using api::Json;
using api::Message;
using namespace auth::pluggable_auth;

constexpr const char* kStateKey = "openid_connect_state";  // $_SESSION, which is the wiki's session
constexpr const char* kNonceKey = "openid_connect_nonce";

// http_build_query's encoding (RFC 1738: a space is '+').
std::string form_encode(std::string_view text) {
  std::string encoded = util::percent_encode(text);
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded.compare(i, 3, "%20") == 0) {
      out += '+';
      i += 2;
    } else {
      out += encoded[i];
    }
  }
  return out;
}

const IdentitySpec* find_identity(const SsoProviderSpec& provider, const std::string& sub) {
  for (const auto& identity : provider.identities) {
    if (identity.sub == sub) return &identity;
  }
  return nullptr;
}

// OpenIDConnect::getAvailableUsername: the preferred name if it is a valid title, else "User";
// a number appended (1, 2, ...) while the name is taken.
std::string available_username(Wiki& wiki, const std::string& preferred) {
  std::string base = "User";
  if (!preferred.empty()) {
    if (auto canonical = auth::canonical_user_name(preferred)) base = *canonical;
  }
  if (!wiki.accounts().by_name(base)) return base;
  for (int count = 1;; ++count) {
    std::string name = base + std::to_string(count);
    if (!wiki.accounts().by_name(name)) return name;
  }
}

struct Outcome {
  std::optional<std::string> redirect;  // to the identity provider: nothing else happens yet
  std::optional<std::string> error;     // the plugin's error text
};

// OpenIDConnect::authenticate with the identity provider built in.
Outcome authenticate(PageContext& ctx, auth::AuthManager& manager, std::size_t index) {
  const SsoProviderSpec& provider = ctx.wiki.fixture().pluggableauth.providers[index];
  const std::string issuer = manager.full_url(std::string(kOpenIdProviderPath) + std::to_string(index));
  if (const std::string* error = ctx.params.value("error")) {
    std::string text = "Error: " + *error;
    if (const std::string* description = ctx.params.value("error_description")) text += " Description: " + *description;
    return {std::nullopt, text};
  }
  if (const std::string* code = ctx.params.value("code")) {
    auto grant = ctx.wiki.openid_connect().redeem_code(*code, ctx.now);
    // The token endpoint's {"error": "invalid_grant", "error_description": ...}.
    if (!grant || grant->provider != index) return {std::nullopt, "The authorization code is invalid or has expired."};
    const Json* state = manager.session_value(kStateKey);
    const std::string* returned_state = ctx.params.value("state");
    if (!state || !returned_state || *state != *returned_state) return {std::nullopt, "Unable to determine state"};
    manager.remove_session_value(kStateKey);
    const Json* nonce = manager.session_value(kNonceKey);
    const IdentitySpec* identity = find_identity(provider, grant->sub);
    if (!nonce || *nonce != grant->nonce || !identity) return {std::nullopt, "Unable to verify JWT claims"};
    manager.remove_session_value(kNonceKey);

    manager.set_authentication_data(kSubject, identity->sub);
    manager.set_authentication_data(kIssuer, issuer);
    manager.set_authentication_data("MockWikiOpenIDConnectProvider", index);
    // Found by subject and issuer, else a new account's name (OpenIDConnect's defaults: no
    // migration by email or user name).
    std::optional<std::string> username;
    auto linked = ctx.wiki.openid_connect().linked_account(index, identity->sub);
    if (linked && ctx.wiki.accounts().by_name(*linked)) {
      username = *linked;
    } else if (provider.unlinked == SsoProviderSpec::Unlinked::Restart) {
      manager.set_authentication_data(
          kUnlinkedIdentity,
          Json{{"provider", index}, {"sub", identity->sub}, {"preferred_username", identity->preferred_username}});
      return {};
    } else {
      username = available_username(ctx.wiki, identity->preferred_username);
    }
    manager.set_authentication_data(kUsername, *username);
    manager.set_authentication_data(kRealname, identity->name);
    manager.set_authentication_data(kEmail, identity->email);
    return {};
  }
  // OpenIDConnectClient::requestAuthorization.
  const std::string nonce = util::random_hex(32);
  const std::string state = util::random_hex(32);
  manager.set_session_value(kNonceKey, nonce);
  manager.set_session_value(kStateKey, state);
  std::string url =
      issuer + "/authorize?response_type=code&redirect_uri=" + form_encode(manager.full_url(kLoginPagePath)) +
      "&client_id=mockwiki&nonce=" + nonce + "&state=" + state + "&scope=" + form_encode("openid profile email openid");
  // Mock-only: an identity chosen up front (redirecttarget?identity=SUB) is passed on as a
  // login hint, which the fake provider takes without showing its page.
  if (const std::string* hint = ctx.params.value("identity")) url += "&login_hint=" + form_encode(*hint);
  return {url, std::nullopt};
}

}  // namespace

http::Response pluggable_auth_login_page(PageContext& ctx) {
  auth::AuthManager manager(ctx.wiki, ctx.session(), ctx.ip, ctx.now);
  const auto& providers = ctx.wiki.fixture().pluggableauth.providers;
  std::optional<std::size_t> index;
  if (const Json* name = manager.session_value(kPluginName); name && name->is_string()) {
    const std::string& value = name->get_ref<const std::string&>();
    if (value.starts_with(kButtonPrefix)) {
      const std::string number = value.substr(kButtonPrefix.size());
      if (!number.empty() && number.find_first_not_of("0123456789") == std::string::npos && number.size() < 6 &&
          std::stoul(number) < providers.size()) {
        index = std::stoul(number);
      }
    }
  }
  std::optional<std::string> error;
  if (!index) {
    error = Message("pluggableauth-authentication-plugin-failure").text();
  } else {
    Outcome outcome = authenticate(ctx, manager, *index);
    if (outcome.redirect) return ctx.finish(redirect_to(*outcome.redirect));
    error = outcome.error;
  }
  if (error) manager.set_authentication_data(kError, *error);
  std::string return_to;
  if (const Json* url = manager.session_value(kReturnToUrl); url && url->is_string())
    return_to = url->get<std::string>();
  if (return_to.empty()) {
    // The session was lost (or never had a login): back to the login page with an error.
    return_to = manager.full_url("/index.php?title=Special:UserLogin&error=pluggableauth-fatal-error");
  }
  return ctx.finish(redirect_to(return_to));
}

}  // namespace mockwiki::web
