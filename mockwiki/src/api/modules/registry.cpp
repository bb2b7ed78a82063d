#include "api/modules/registry.h"

namespace mockwiki::api::modules {
namespace {

struct Entry {
  std::string_view name;
  std::unique_ptr<ApiModule> (*make)();
};

const Entry kActions[] = {
    {"login", make_login},   {"clientlogin", make_clientlogin},
    {"logout", make_logout}, {"createaccount", make_createaccount},
    {"query", make_query},   {"checktoken", make_checktoken},
    {"help", make_help},
};

const Entry kMetaModules[] = {
    {"tokens", make_tokens},
    {"userinfo", make_userinfo},
    {"authmanagerinfo", make_authmanagerinfo},
    {"siteinfo", make_siteinfo},
};

}  // namespace

const std::vector<std::string_view>& action_names() {
  static const std::vector<std::string_view> kNames = {"login",
                                                       "clientlogin",
                                                       "logout",
                                                       "createaccount",
                                                       "linkaccount",
                                                       "unlinkaccount",
                                                       "changeauthenticationdata",
                                                       "removeauthenticationdata",
                                                       "resetpassword",
                                                       "query",
                                                       "expandtemplates",
                                                       "parse",
                                                       "stashedit",
                                                       "opensearch",
                                                       "feedcontributions",
                                                       "feedrecentchanges",
                                                       "feedwatchlist",
                                                       "help",
                                                       "paraminfo",
                                                       "rsd",
                                                       "compare",
                                                       "checktoken",
                                                       "cspreport",
                                                       "validatepassword",
                                                       "purge",
                                                       "setnotificationtimestamp",
                                                       "rollback",
                                                       "delete",
                                                       "undelete",
                                                       "protect",
                                                       "block",
                                                       "unblock",
                                                       "move",
                                                       "edit",
                                                       "upload",
                                                       "filerevert",
                                                       "emailuser",
                                                       "watch",
                                                       "patrol",
                                                       "import",
                                                       "clearhasmsg",
                                                       "userrights",
                                                       "options",
                                                       "imagerotate",
                                                       "revisiondelete",
                                                       "managetags",
                                                       "tag",
                                                       "mergehistory",
                                                       "setpagelanguage",
                                                       "changecontentmodel"};
  return kNames;
}

std::vector<std::string_view> implemented_action_names() {
  std::vector<std::string_view> names;
  for (const auto& entry : kActions) names.push_back(entry.name);
  return names;
}

std::unique_ptr<ApiModule> make_action(std::string_view name) {
  for (const auto& entry : kActions) {
    if (entry.name == name) return entry.make();
  }
  return nullptr;
}

const std::vector<std::string_view>& query_module_names(QueryGroup group) {
  static const std::vector<std::string_view> kProp = {
      "categories", "categoryinfo", "contributors",   "deletedrevisions", "duplicatefiles",
      "extlinks",   "fileusage",    "images",         "imageinfo",        "info",
      "links",      "linkshere",    "iwlinks",        "langlinks",        "pageprops",
      "redirects",  "revisions",    "stashimageinfo", "templates",        "transcludedin"};
  static const std::vector<std::string_view> kList = {
      "allcategories", "alldeletedrevisions", "allfileusages",  "allimages",        "alllinks",      "allpages",
      "allredirects",  "allrevisions",        "mystashedfiles", "alltransclusions", "allusers",      "backlinks",
      "blocks",        "categorymembers",     "deletedrevs",    "embeddedin",       "exturlusage",   "filearchive",
      "imageusage",    "iwbacklinks",         "langbacklinks",  "logevents",        "pageswithprop", "pagepropnames",
      "prefixsearch",  "protectedtitles",     "querypage",      "random",           "recentchanges", "search",
      "tags",          "usercontribs",        "users",          "watchlist",        "watchlistraw"};
  static const std::vector<std::string_view> kMeta = {"allmessages",  "authmanagerinfo", "siteinfo",    "userinfo",
                                                      "filerepoinfo", "tokens",          "languageinfo"};
  switch (group) {
    case QueryGroup::Prop:
      return kProp;
    case QueryGroup::List:
      return kList;
    case QueryGroup::Meta:
      return kMeta;
  }
  return kMeta;
}

std::unique_ptr<ApiModule> make_query_module(QueryGroup group, std::string_view name) {
  if (group != QueryGroup::Meta) return nullptr;
  for (const auto& entry : kMetaModules) {
    if (entry.name == name) return entry.make();
  }
  return nullptr;
}

}  // namespace mockwiki::api::modules
