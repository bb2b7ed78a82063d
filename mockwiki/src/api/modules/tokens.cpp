// meta=tokens (core:includes/api/ApiQueryTokens.php): tokens of the requested types, in the
// order asked (type=* gives them all, sorted); none without same-origin security.
#include "api/modules/registry.h"
#include "api/token_types.h"

namespace mockwiki::api::modules {
namespace {

class Tokens : public ApiModule {
 public:
  Tokens() : ApiModule("tokens", "", "query+tokens") {}

  void read_params(ParamReader& p) override { types_ = p.choices("type", token_types(), {"csrf"}, true); }
  bool is_read_mode() const override { return false; }  // login tokens on private wikis

  void execute(ApiContext& ctx) override {
    if (ctx.lacks_same_origin_security) {
      ctx.add_warning(path(), Message("apiwarn-tokens-origin"));
      return;
    }
    Json tokens = Json::object();
    for (const auto& type : types_) tokens[type + "token"] = token_for(ctx, type).at(ctx.now);
    ctx.result.object("query")["tokens"] = std::move(tokens);
  }

 private:
  std::vector<std::string> types_;
};

}  // namespace

std::unique_ptr<ApiModule> make_tokens() { return std::make_unique<Tokens>(); }

}  // namespace mockwiki::api::modules
