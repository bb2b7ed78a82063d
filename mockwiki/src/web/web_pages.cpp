#include "web/web_pages.h"

#include "auth/auth_manager.h"
#include "auth/providers/scripted_flow.h"
#include "util/text.h"
#include "web/page_context.h"

namespace mockwiki::web {
namespace {

using api::Json;

// Special:MockWikiRedirect: the default target of a scripted REDIRECT step. It records the
// visit and sends the browser back to loginreturnurl (with the step's return parameters).
http::Response scripted_redirect(PageContext& ctx) {
  auth::AuthManager manager(ctx.wiki, ctx.session(), ctx.ip, ctx.now);
  const Json* data = manager.authentication_data(auth::kScriptedFlowDataKey);
  const auto& state = ctx.session().auth_data().authn_state;
  AccountPtr account = data ? ctx.wiki.accounts().by_name((*data)["account"].get<std::string>()) : nullptr;
  const std::size_t index = data ? (*data)["step"].get<std::size_t>() : 0;
  if (!state || !account || index >= account->flow.size() || account->flow[index].kind != FlowStep::Kind::Redirect) {
    return ctx.finish(html_page(400, "No login is waiting for this redirect",
                                "<p>This session has no scripted login at a redirect step. Send the session "
                                "cookie that clientlogin set with this request.</p>"));
  }
  Json visited = *data;
  visited["visited"] = true;
  manager.set_authentication_data(std::string(auth::kScriptedFlowDataKey), std::move(visited));
  std::string location = state->return_url;
  char separator = location.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [name, value] : account->flow[index].return_params) {
    location += separator + util::percent_encode(name) + "=" + util::percent_encode(value);
    separator = '&';
  }
  return ctx.finish(redirect_to(location));
}

}  // namespace

bool WebPages::serves(std::string_view path) { return path.starts_with("/index.php") || path.starts_with("/oidc/"); }

http::Response WebPages::handle(const http::Request& request) {
  PageContext ctx(wiki_, request);
  if (request.path == auth::kScriptedRedirectPath) return scripted_redirect(ctx);
  return html_page(404, "Not found",
                   "<p>mockwiki serves api.php and the pages its login flows redirect to; this is not one of "
                   "them.</p>");
}

}  // namespace mockwiki::web
