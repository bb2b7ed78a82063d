// action=checktoken (core:includes/api/ApiCheckToken.php): says whether a token is valid for
// this session, and when it was made.
#include "api/modules/registry.h"
#include "api/token_types.h"
#include "util/text.h"

namespace mockwiki::api::modules {
namespace {

class CheckToken : public ApiModule {
 public:
  CheckToken() : ApiModule("checktoken", "", "checktoken") {}

  void read_params(ParamReader& p) override {
    type_ = p.required_choice("type", token_types());
    token_ = *p.string("token", true);
    max_age_ = p.integer("maxtokenage");
  }

  void execute(ApiContext& ctx) override {
    const session::Token token = token_for(ctx, type_);
    // A "+\" that arrived as " \" was not percent-encoded.
    if (token_.ends_with(" \\")) ctx.add_warning(path(), Message("apiwarn-checktoken-percentencoding"));
    Json result = Json::object();
    if (token.matches(token_, ctx.now, max_age_)) {
      result["result"] = "valid";
    } else if (max_age_ && token.matches(token_, ctx.now)) {
      result["result"] = "expired";
    } else {
      result["result"] = "invalid";
    }
    if (auto generated = session::Token::timestamp_of(token_)) result["generated"] = util::iso8601(*generated);
    ctx.result.set("checktoken", std::move(result));
  }

 private:
  std::string type_;
  std::string token_;
  std::optional<std::int64_t> max_age_;
};

}  // namespace

std::unique_ptr<ApiModule> make_checktoken() { return std::make_unique<CheckToken>(); }

}  // namespace mockwiki::api::modules
