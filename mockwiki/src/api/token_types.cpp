#include "api/token_types.h"

#include <algorithm>

namespace mockwiki::api {

const std::vector<std::string_view>& token_types() {
  static const std::vector<std::string_view> kTypes = {"createaccount", "csrf",       "login", "patrol",
                                                       "rollback",      "userrights", "watch"};
  return kTypes;
}

bool is_token_type(std::string_view type) {
  const auto& types = token_types();
  return std::find(types.begin(), types.end(), type) != types.end();
}

session::Token edit_token_for(ApiContext& ctx, std::string_view salt) {
  // User::getEditTokenObject
  if (!ctx.is_registered()) return session::Token::logged_out();
  return ctx.session().token(salt, "default");
}

session::Token token_for(ApiContext& ctx, std::string_view type) {
  if (type == "login" || type == "createaccount") {
    ctx.session().persist(ctx.now);
    return ctx.session().token("", type);
  }
  return edit_token_for(ctx, type == "csrf" ? std::string_view() : type);
}

}  // namespace mockwiki::api
