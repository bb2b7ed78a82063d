// Special:MockWikiRedirect: the default target of a scripted flow's REDIRECT step
// (mockwiki/flow.h). It records the visit in the session and sends the browser back to
// loginreturnurl, with the step's return parameters added.
#include "auth/auth_manager.h"
#include "auth/providers/scripted_flow.h"
#include "util/text.h"
#include "web/pages.h"

namespace mockwiki::web {

using api::Json;

http::Response scripted_redirect_page(PageContext& ctx) {
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

}  // namespace mockwiki::web
