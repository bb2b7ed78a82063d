// action=query (core:includes/api/ApiQuery.php): runs the requested meta modules, in the order
// given, each writing its part of "query"; then marks the batch complete.
#include <algorithm>

#include "api/modules/registry.h"

namespace mockwiki::api::modules {
namespace {

class Query : public ApiModule {
 public:
  Query() : ApiModule("query", "", "query") {}

  void read_params(ParamReader& p) override {
    prop_ = p.choices("prop", query_module_names(QueryGroup::Prop));
    list_ = p.choices("list", query_module_names(QueryGroup::List));
    meta_ = p.choices("meta", query_module_names(QueryGroup::Meta));
    for (auto flag : {"indexpageids", "export", "exportnowrap"}) p.flag(flag);
    p.string("exportschema");
    p.flag("iwurl");
    p.string("continue");
    rawcontinue_ = p.flag("rawcontinue");
    // ApiPageSet's parameters
    for (auto name : {"titles", "pageids", "revids"}) {
      if (!p.strings(name).empty()) pageset_ = name;
    }
    if (p.string("generator")) pageset_ = "generator";
    p.flag("redirects");
    p.flag("converttitles");
  }

  // ApiQuery::isReadMode: only meta=tokens and meta=authmanagerinfo may be used without "read".
  bool is_read_mode() const override {
    if (!prop_.empty() || !list_.empty() || !pageset_.empty()) return true;
    return std::any_of(meta_.begin(), meta_.end(),
                       [](const std::string& m) { return m != "tokens" && m != "authmanagerinfo"; });
  }

  void execute(ApiContext& ctx) override {
    if (!prop_.empty()) not_implemented("prop=" + prop_.front());
    if (!list_.empty()) not_implemented("list=" + list_.front());
    if (!pageset_.empty()) not_implemented(pageset_ + "=");
    std::vector<std::unique_ptr<ApiModule>> modules;
    for (const auto& name : meta_) {
      auto module = make_query_module(QueryGroup::Meta, name);
      if (!module) not_implemented("meta=" + name);
      modules.push_back(std::move(module));
    }
    // ApiQuery::mergeCacheMode: siteinfo is public, the other meta modules private.
    ctx.cache_public = std::all_of(meta_.begin(), meta_.end(), [](const std::string& m) { return m == "siteinfo"; });
    for (auto& module : modules) {
      ParamReader reader(ctx, module->path(), module->prefix());
      module->read_params(reader);
      module->execute(ctx);
    }
    // ApiContinuationManager::setContinuationIntoResult
    if (!rawcontinue_) ctx.result.set("batchcomplete", true, ApiResult::Place::OnTop);
  }

 private:
  [[noreturn]] void not_implemented(const std::string& what) const {
    die(Message("mockwiki-notimplemented", {MessageParam::plain(what)}));
  }

  std::vector<std::string> prop_, list_, meta_;
  std::string pageset_;
  bool rawcontinue_ = false;
};

}  // namespace

std::unique_ptr<ApiModule> make_query() { return std::make_unique<Query>(); }

}  // namespace mockwiki::api::modules
