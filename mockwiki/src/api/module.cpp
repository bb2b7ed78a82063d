#include "api/module.h"

namespace mockwiki::api {

void ApiModule::die(Message message, int http_status) const { throw ApiError(std::move(message), path_, http_status); }

void ApiModule::require_posted(ApiContext& ctx, const std::vector<std::string>& names, bool no_prefix) const {
  std::vector<std::string> found;
  for (const auto& name : names) {
    const std::string encoded = no_prefix ? name : encode(name);
    if (ctx.params.in_query_string(encoded)) found.push_back(encoded);
  }
  if (found.empty()) return;
  std::string joined;
  for (const auto& name : found) joined += (joined.empty() ? "" : ", ") + name;
  die(Message("apierror-mustpostparams",
              {MessageParam::plain(joined), MessageParam::plain(static_cast<std::int64_t>(found.size()))}));
}

void ApiModule::read_token(ParamReader& params) { token_ = params.string("token", true).value_or(""); }

}  // namespace mockwiki::api
