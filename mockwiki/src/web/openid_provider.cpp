// The fake OpenID Connect provider behind Special:PluggableAuthLogin:
// <server>/oidc/<provider number>/authorize, its authorization endpoint. It shows a page to
// pick one of the provider's identities (from the fixture) or to refuse, and redirects back to
// redirect_uri with a single-use code (or error=access_denied), as a real provider would.
//
// Clients that do not read HTML choose up front: identity=SUB (or login_hint=SUB) picks an
// identity, deny=1 refuses. Special:PluggableAuthLogin passes identity=SUB from its own URL
// on as login_hint, so a client can follow redirecttarget?identity=SUB to the end.
#include <string>

#include "util/text.h"
#include "web/pages.h"

namespace mockwiki::web {
namespace {

std::string with_params(std::string url, const std::vector<std::pair<std::string, std::string>>& params) {
  char separator = url.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [name, value] : params) {
    url += separator + name + "=" + util::percent_encode(value);
    separator = '&';
  }
  return url;
}

std::string choice_form(const SsoProviderSpec& provider, PageContext& ctx) {
  std::string html = "<form method=\"get\">\n";
  for (const char* name : {"response_type", "client_id", "redirect_uri", "state", "nonce", "scope"}) {
    if (const std::string* value = ctx.params.value(name)) {
      html +=
          "<input type=\"hidden\" name=\"" + std::string(name) + "\" value=\"" + util::html_escape(*value) + "\">\n";
    }
  }
  html += "<ul>\n";
  for (const auto& identity : provider.identities) {
    std::string shown = identity.preferred_username.empty() ? identity.sub : identity.preferred_username;
    html += "<li><button type=\"submit\" name=\"identity\" value=\"" + util::html_escape(identity.sub) +
            "\">Sign in as " + util::html_escape(shown) + "</button> (sub " + util::html_escape(identity.sub) +
            (identity.account.empty() ? "" : ", linked to " + util::html_escape(identity.account)) + ")</li>\n";
  }
  html += "</ul>\n<p><button type=\"submit\" name=\"deny\" value=\"1\">Deny</button></p>\n</form>";
  return html;
}

}  // namespace

http::Response openid_provider_page(PageContext& ctx) {
  // /oidc/<number>/authorize
  const std::string rest = ctx.request.path.substr(kOpenIdProviderPath.size());
  const std::size_t slash = rest.find('/');
  const std::string number = rest.substr(0, slash);
  const auto& providers = ctx.wiki.fixture().pluggableauth.providers;
  if (slash == std::string::npos || rest.substr(slash) != "/authorize" || number.empty() || number.size() > 5 ||
      number.find_first_not_of("0123456789") != std::string::npos || std::stoul(number) >= providers.size()) {
    return html_page(404, "Not found", "<p>This identity provider has only /oidc/&lt;number&gt;/authorize.</p>");
  }
  const std::size_t index = std::stoul(number);
  const SsoProviderSpec& provider = providers[index];
  const std::string title = provider.label + " (mockwiki's OpenID Connect provider)";

  const std::string* redirect_uri = ctx.params.value("redirect_uri");
  const std::string* response_type = ctx.params.value("response_type");
  if (!redirect_uri || redirect_uri->empty() || !ctx.params.value("client_id") || !response_type ||
      *response_type != "code") {
    return html_page(400, title,
                     "<p>invalid_request: an authorization request needs response_type=code, client_id and "
                     "redirect_uri. Start from clientlogin's redirecttarget.</p>");
  }
  const std::string state = ctx.params.value("state") ? *ctx.params.value("state") : "";
  std::vector<std::pair<std::string, std::string>> state_param;
  if (ctx.params.value("state")) state_param.emplace_back("state", state);

  if (ctx.params.has("deny")) {
    auto params = std::vector<std::pair<std::string, std::string>>{
        {"error", "access_denied"}, {"error_description", "The user denied the request."}};
    params.insert(params.end(), state_param.begin(), state_param.end());
    return redirect_to(with_params(*redirect_uri, params));
  }
  const std::string* chosen = ctx.params.value("identity");
  if (!chosen) chosen = ctx.params.value("login_hint");
  if (chosen) {
    for (const auto& identity : provider.identities) {
      if (identity.sub != *chosen) continue;
      sso::IssuedCode grant;
      grant.provider = index;
      grant.sub = identity.sub;
      grant.nonce = ctx.params.value("nonce") ? *ctx.params.value("nonce") : "";
      grant.redirect_uri = *redirect_uri;
      auto params = std::vector<std::pair<std::string, std::string>>{
          {"code", ctx.wiki.openid_connect().issue_code(std::move(grant), ctx.now)}};
      params.insert(params.end(), state_param.begin(), state_param.end());
      return redirect_to(with_params(*redirect_uri, params));
    }
    return html_page(400, title,
                     "<p>There is no identity \"" + util::html_escape(*chosen) + "\". Choose one:</p>\n" +
                         choice_form(provider, ctx));
  }
  return html_page(200, title, "<p>Choose who to sign in as:</p>\n" + choice_form(provider, ctx));
}

}  // namespace mockwiki::web
