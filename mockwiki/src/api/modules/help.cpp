// action=help, also what api.php answers without an action. MediaWiki renders its generated
// documentation as an HTML page; the mock's page lists the modules it answers.
#include "api/json_printer.h"
#include "api/modules/registry.h"
#include "util/text.h"

namespace mockwiki::api::modules {
namespace {

class Help : public ApiModule {
 public:
  Help() : ApiModule("help", "", "help") {}

  void read_params(ParamReader& p) override {
    p.strings("modules");
    p.flag("submodules");
    p.flag("recursivesubmodules");
    p.flag("wrap");
    p.flag("toc");
  }
  bool is_read_mode() const override { return false; }

  void execute(ApiContext& ctx) override {
    // ApiHelp shows the errors and warnings so far in a comment at the top.
    std::string comment;
    Json problems = Json::object();
    for (const char* key : {"errors", "warnings"}) {
      if (const Json* found = ctx.result.find(key)) problems[key] = *found;
    }
    if (!problems.empty()) {
      JsonStyle style;
      style.format_version = 2;
      style.escape_unicode = false;
      style.pretty = true;
      style.escape_xml_meta = true;
      std::string json = print_json(problems, style);
      for (std::size_t pos = 0; (pos = json.find("--", pos)) != std::string::npos; pos += 7) {
        json.replace(pos, 2, "-\\u002D");
      }
      comment = "<!-- API warnings and errors:\n" + json + "\n-->\n";
    }
    std::string modules;
    for (auto name : implemented_action_names()) modules += "<li><kbd>action=" + std::string(name) + "</kbd></li>\n";
    ctx.html_page = comment +
                    "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"UTF-8\"/>\n"
                    "<title>MediaWiki API help - " +
                    util::html_escape(ctx.wiki.config().sitename) +
                    "</title>\n</head>\n<body>\n<h1>MediaWiki API help</h1>\n"
                    "<p>This is mockwiki, a mock of MediaWiki 1.39's api.php for testing login, tokens and "
                    "sessions. It answers these modules:</p>\n<ul>\n" +
                    modules + "</ul>\n</body>\n</html>\n";
  }
};

}  // namespace

std::unique_ptr<ApiModule> make_help() { return std::make_unique<Help>(); }

}  // namespace mockwiki::api::modules
