// meta=siteinfo (core:includes/api/ApiQuerySiteinfo.php): what clients read when they connect
// (mwclient asks siprop=general|namespaces and checks the generator). Values describe the mock
// in the reference wiki's shape; the software fields are those of Debian's MediaWiki 1.39.17.
#include <algorithm>

#include "api/modules/interwiki_map.h"
#include "api/modules/registry.h"
#include "auth/permissions.h"
#include "util/text.h"

namespace mockwiki::api::modules {
namespace {

const std::vector<std::string_view> kProps = {
    "general",       "namespaces",   "namespacealiases", "specialpagealiases", "magicwords",     "interwikimap",
    "dbrepllag",     "statistics",   "usergroups",       "libraries",          "extensions",     "fileextensions",
    "rightsinfo",    "restrictions", "languages",        "languagevariants",   "skins",          "extensiontags",
    "functionhooks", "showhooks",    "variables",        "protocols",          "defaultoptions", "uploaddialog"};
const std::vector<std::string_view> kImplemented = {"general", "namespaces", "namespacealiases", "interwikimap",
                                                    "usergroups"};

struct Namespace {
  int id;
  std::string name;
  std::string canonical;
  bool subpages;
  bool content;
};

std::vector<Namespace> namespaces(const std::string& sitename) {
  return {{-2, "Media", "Media", false, false},
          {-1, "Special", "Special", false, false},
          {0, "", "", false, true},
          {1, "Talk", "Talk", true, false},
          {2, "User", "User", true, false},
          {3, "User talk", "User talk", true, false},
          {4, sitename, "Project", true, false},
          {5, sitename + " talk", "Project talk", true, false},
          {6, "File", "File", false, false},
          {7, "File talk", "File talk", true, false},
          {8, "MediaWiki", "MediaWiki", true, false},
          {9, "MediaWiki talk", "MediaWiki talk", true, false},
          {10, "Template", "Template", true, false},
          {11, "Template talk", "Template talk", true, false},
          {12, "Help", "Help", true, false},
          {13, "Help talk", "Help talk", true, false},
          {14, "Category", "Category", false, false},
          {15, "Category talk", "Category talk", true, false}};
}

Json bc_assoc(Json object) {
  object[kTypeKey] = "BCassoc";
  return object;
}

class SiteInfo : public ApiModule {
 public:
  SiteInfo() : ApiModule("siteinfo", "si", "query+siteinfo") {}

  void read_params(ParamReader& p) override {
    props_ = p.choices("prop", kProps, {"general"});
    p.string("filteriw");
    p.flag("showalldb");
    p.flag("numberingroup");
    p.string("inlanguagecode");
  }

  void execute(ApiContext& ctx) override {
    for (const auto& prop : props_) {
      if (std::find(kImplemented.begin(), kImplemented.end(), prop) == kImplemented.end()) {
        ctx.add_warning(path(), Message("mockwiki-notimplemented", {MessageParam::plain("siprop=" + prop)}));
        continue;
      }
      Json& query = ctx.result.object("query");
      if (prop == "general") query["general"] = general(ctx);
      if (prop == "namespaces") query["namespaces"] = namespace_list(ctx);
      if (prop == "namespacealiases") {
        query["namespacealiases"] = Json::array({Json{{"id", 6}, {"alias", "Image"}, {kContentKey, "alias"}},
                                                 Json{{"id", 7}, {"alias", "Image talk"}, {kContentKey, "alias"}}});
      }
      if (prop == "interwikimap") query["interwikimap"] = interwiki_map();
      if (prop == "usergroups") query["usergroups"] = user_groups(ctx);
    }
  }

 private:
  static Json general(ApiContext& ctx) {
    const WikiConfig& config = ctx.wiki.config();
    const std::string& server = config.server;
    std::string servername = server.substr(server.find("://") == std::string::npos ? 0 : server.find("://") + 3);
    if (auto colon = servername.rfind(':'); colon != std::string::npos && servername.find(']') == std::string::npos) {
      servername.resize(colon);
    }
    Json g = Json::object();
    g["mainpage"] = "Main Page";
    g["base"] = server + "/index.php/Main_Page";
    g["sitename"] = config.sitename;
    g["mainpageisdomainroot"] = false;
    g["logo"] = server + "/resources/assets/change-your-logo.svg";
    g["generator"] = "MediaWiki 1.39.17";
    g["phpversion"] = "8.2.36";
    g["phpsapi"] = "cli-server";
    g["dbtype"] = "sqlite";
    g["dbversion"] = "3.40.1";
    g["imagewhitelistenabled"] = false;
    g["langconversion"] = true;
    g["linkconversion"] = true;
    g["titleconversion"] = true;
    g["linkprefixcharset"] = "";
    g["linkprefix"] = "";
    g["linktrail"] = "/^([a-z]+)(.*)$/sD";
    g["legaltitlechars"] = " %!\"$&'()*,\\-.\\/0-9:;=?@A-Z\\\\^_`a-z~\\x80-\\xFF+";
    g["invalidusernamechars"] = "@:>";
    g["allunicodefixes"] = false;
    g["fixarabicunicode"] = true;
    g["fixmalayalamunicode"] = true;
    g["case"] = "first-letter";
    g["lang"] = "en";
    g["fallback"] = Json::array();
    g["rtl"] = false;
    g["fallback8bitEncoding"] = "windows-1252";
    g["readonly"] = false;
    g["writeapi"] = true;
    g["maxarticlesize"] = 2097152;
    g["timezone"] = "UTC";
    g["timeoffset"] = 0;
    g["articlepath"] = "/index.php/$1";
    g["scriptpath"] = config.script_path;
    g["script"] = config.script_path + "/index.php";
    g["variantarticlepath"] = false;
    g["server"] = server;
    g["servername"] = servername;
    g["wikiid"] = config.wiki_id;
    g["time"] = util::iso8601(ctx.now);
    g["misermode"] = false;
    g["uploadsenabled"] = false;
    g["maxuploadsize"] = 104857600;
    g["minuploadchunksize"] = 1024;
    g["galleryoptions"] =
        Json{{"imagesPerRow", 0}, {"imageWidth", 120},      {"imageHeight", 120},   {"captionLength", true},
             {"showBytes", true}, {"showDimensions", true}, {"mode", "traditional"}};
    Json thumbs = Json::object();
    const int thumb_sizes[] = {120, 150, 180, 200, 250, 300};
    for (int i = 0; i < 6; ++i) thumbs[std::to_string(i)] = thumb_sizes[i];
    g["thumblimits"] = bc_assoc(thumbs);
    Json images = Json::object();
    const int image_sizes[][2] = {{320, 240}, {640, 480}, {800, 600}, {1024, 768}, {1280, 1024}, {2560, 2048}};
    for (int i = 0; i < 6; ++i)
      images[std::to_string(i)] = Json{{"width", image_sizes[i][0]}, {"height", image_sizes[i][1]}};
    g["imagelimits"] = bc_assoc(images);
    g["favicon"] = server + "/favicon.ico";
    g["centralidlookupprovider"] = "local";
    g["allcentralidlookupproviders"] = Json::array({"local"});
    g["interwikimagic"] = true;
    g["magiclinks"] = bc_assoc(Json{{"ISBN", false}, {"PMID", false}, {"RFC", false}});
    g["categorycollation"] = "uppercase";
    g["nofollowlinks"] = true;
    g["nofollownsexceptions"] = Json::array();
    g["nofollowdomainexceptions"] = Json::array({"mediawiki.org"});
    g["externallinktarget"] = false;
    g[kBcBoolsKey] = Json::array({"variantarticlepath"});
    return g;
  }

  static Json namespace_list(ApiContext& ctx) {
    Json list = Json::object();
    for (const auto& ns : namespaces(ctx.wiki.config().sitename)) {
      Json entry = Json::object();
      entry["id"] = ns.id;
      entry["case"] = "first-letter";
      entry["name"] = ns.name;
      entry[kContentKey] = "name";
      entry["subpages"] = ns.subpages;
      if (!ns.canonical.empty()) entry["canonical"] = ns.canonical;
      entry["content"] = ns.content;
      entry["nonincludable"] = false;
      if (ns.id == 8) entry["namespaceprotection"] = "editinterface";
      list[std::to_string(ns.id)] = std::move(entry);
    }
    return list;
  }

  // ApiQuerySiteinfo::appendInterwikiMap without filteriw or language names.
  static Json interwiki_map() {
    Json list = Json::array();
    for (const auto& entry : kInterwikiMap) {
      Json item = Json::object();
      item["prefix"] = entry.prefix;
      if (entry.local) item["local"] = true;
      item["url"] = entry.url;
      item["protorel"] = entry.url.starts_with("//");
      if (!entry.api.empty()) item["api"] = entry.api;
      list.push_back(std::move(item));
    }
    return list;
  }

  static Json user_groups(ApiContext& ctx) {
    Json list = Json::array();
    for (const auto& [group, rights] : auth::group_permissions(ctx.wiki.rights_config())) {
      list.push_back(Json{{"name", group}, {"rights", rights}});
    }
    return list;
  }

  std::vector<std::string> props_;
};

}  // namespace

std::unique_ptr<ApiModule> make_siteinfo() { return std::make_unique<SiteInfo>(); }

}  // namespace mockwiki::api::modules
