#include "auth/permissions.h"

#include <algorithm>
#include <initializer_list>
#include <span>
#include <utility>

namespace mockwiki::auth {
namespace {

struct RightsOf {
  std::string_view name;
  std::initializer_list<std::string_view> rights;
};

// $wgGroupPermissions defaults, in MainConfigSchema's order (the order is part of the answer).
const RightsOf kGroupPermissions[] = {
    {"*",
     {"createaccount", "read", "edit", "createpage", "createtalk", "writeapi", "viewmywatchlist", "editmywatchlist",
      "viewmyprivateinfo", "editmyprivateinfo", "editmyoptions"}},
    {"user",
     {"move",
      "move-subpages",
      "move-rootuserpages",
      "move-categorypages",
      "movefile",
      "read",
      "edit",
      "createpage",
      "createtalk",
      "writeapi",
      "upload",
      "reupload",
      "reupload-shared",
      "minoredit",
      "editmyusercss",
      "editmyuserjson",
      "editmyuserjs",
      "editmyuserjsredirect",
      "purge",
      "sendemail",
      "applychangetags",
      "changetags",
      "editcontentmodel"}},
    {"autoconfirmed", {"autoconfirmed", "editsemiprotected"}},
    {"bot",
     {"bot", "autoconfirmed", "editsemiprotected", "nominornewtalk", "autopatrol", "suppressredirect", "apihighlimits",
      "writeapi"}},
    {"sysop",
     {"block",
      "createaccount",
      "delete",
      "bigdelete",
      "deletedhistory",
      "deletedtext",
      "undelete",
      "editinterface",
      "editsitejson",
      "edituserjson",
      "import",
      "importupload",
      "move",
      "move-subpages",
      "move-rootuserpages",
      "move-categorypages",
      "patrol",
      "autopatrol",
      "protect",
      "editprotected",
      "rollback",
      "upload",
      "reupload",
      "reupload-shared",
      "unwatchedpages",
      "autoconfirmed",
      "editsemiprotected",
      "ipblock-exempt",
      "blockemail",
      "markbotedits",
      "apihighlimits",
      "browsearchive",
      "noratelimit",
      "movefile",
      "unblockself",
      "suppressredirect",
      "mergehistory",
      "managechangetags",
      "deletechangetags"}},
    {"interface-admin",
     {"editinterface", "editsitecss", "editsitejson", "editsitejs", "editusercss", "edituserjson", "edituserjs"}},
    {"bureaucrat", {"userrights", "noratelimit"}},
    {"suppress",
     {"hideuser", "suppressrevision", "viewsuppressed", "suppressionlog", "deleterevision", "deletelogentry"}},
};

// What OATHAuth's extension.json merges into $wgGroupPermissions (array_plus_2d: appended).
const RightsOf kOathAuthGroupPermissions[] = {
    {"user", {"oathauth-enable"}},
    {"sysop", {"oathauth-disable-for-user", "oathauth-verify-user", "oathauth-view-log"}},
};

// ConfirmEdit's extension.json ('*', user and autoconfirmed get skipcaptcha => false, which
// grants nothing).
const RightsOf kConfirmEditGroupPermissions[] = {
    {"bot", {"skipcaptcha"}},
    {"sysop", {"skipcaptcha"}},
};

const RightsOf kGrantPermissions[] = {
    {"basic",
     {"autocreateaccount", "autoconfirmed", "autopatrol", "editsemiprotected", "ipblock-exempt", "nominornewtalk",
      "patrolmarks", "purge", "read", "writeapi", "unwatchedpages"}},
    {"highvolume", {"bot", "apihighlimits", "noratelimit", "markbotedits"}},
    {"import", {"import", "importupload"}},
    {"editpage", {"edit", "minoredit", "applychangetags", "changetags", "editcontentmodel"}},
    {"editprotected", {"edit", "minoredit", "applychangetags", "changetags", "editcontentmodel", "editprotected"}},
    {"editmycssjs",
     {"edit", "minoredit", "applychangetags", "changetags", "editcontentmodel", "editmyusercss", "editmyuserjson",
      "editmyuserjs"}},
    {"editmyoptions", {"editmyoptions", "editmyuserjson"}},
    {"editinterface",
     {"edit", "minoredit", "applychangetags", "changetags", "editcontentmodel", "editinterface", "edituserjson",
      "editsitejson"}},
    {"editsiteconfig",
     {"edit", "minoredit", "applychangetags", "changetags", "editcontentmodel", "editinterface", "edituserjson",
      "editsitejson", "editusercss", "edituserjs", "editsitecss", "editsitejs"}},
    {"createeditmovepage",
     {"edit", "minoredit", "applychangetags", "changetags", "editcontentmodel", "createpage", "createtalk",
      "delete-redirect", "move", "move-rootuserpages", "move-subpages", "move-categorypages", "suppressredirect"}},
    {"uploadfile", {"upload", "reupload-own"}},
    {"uploadeditmovefile",
     {"upload", "reupload-own", "reupload", "reupload-shared", "upload_by_url", "movefile", "suppressredirect"}},
    {"patrol", {"patrol"}},
    {"rollback", {"rollback"}},
    {"blockusers", {"block", "blockemail"}},
    {"viewdeleted", {"browsearchive", "deletedhistory", "deletedtext"}},
    {"viewrestrictedlogs", {"suppressionlog"}},
    {"delete",
     {"edit", "minoredit", "applychangetags", "changetags", "editcontentmodel", "browsearchive", "deletedhistory",
      "deletedtext", "delete", "bigdelete", "deletelogentry", "deleterevision", "undelete"}},
    {"oversight", {"suppressrevision", "viewsuppressed"}},
    {"protect", {"edit", "minoredit", "applychangetags", "changetags", "editcontentmodel", "editprotected", "protect"}},
    {"viewmywatchlist", {"viewmywatchlist"}},
    {"editmywatchlist", {"editmywatchlist"}},
    {"sendemail", {"sendemail"}},
    {"createaccount", {"createaccount"}},
    {"privateinfo", {"viewmyprivateinfo"}},
    {"mergehistory", {"mergehistory"}},
};

// What OATHAuth's extension.json adds to $wgGrantPermissions.
const RightsOf kOathAuthGrantPermissions[] = {{"oath", {"oathauth-api-all", "oathauth-verify-user"}}};

constexpr std::string_view kImplicitGroups[] = {"*", "user", "autoconfirmed"};

void append_unique(std::vector<std::string>& out, std::string_view right) {
  if (std::find(out.begin(), out.end(), right) == out.end()) out.emplace_back(right);
}

}  // namespace

RightsConfig rights_config_for(const std::vector<std::string>& extensions) {
  RightsConfig config;
  for (const auto& name : extensions) {
    if (name == "OATHAuth") config.oath_auth = true;
    if (name == "ConfirmEdit") {
      config.confirm_edit = true;
      config.confirm_edit_first = !config.oath_auth;
    }
  }
  return config;
}

bool is_explicit_group(std::string_view group) {
  if (std::find(std::begin(kImplicitGroups), std::end(kImplicitGroups), group) != std::end(kImplicitGroups)) {
    return false;
  }
  return std::any_of(std::begin(kGroupPermissions), std::end(kGroupPermissions),
                     [&](const RightsOf& g) { return g.name == group; });
}

std::vector<std::string> explicit_groups() {
  std::vector<std::string> out;
  for (const auto& g : kGroupPermissions) {
    if (is_explicit_group(g.name)) out.emplace_back(g.name);
  }
  return out;
}

std::vector<std::pair<std::string, std::vector<std::string>>> group_permissions(const RightsConfig& config) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const auto& g : kGroupPermissions) {
    out.emplace_back(std::string(g.name), group_rights({std::string(g.name)}, config));
  }
  return out;
}

bool is_grant(std::string_view grant, const RightsConfig& config) {
  auto named = [&](const RightsOf& g) { return g.name == grant; };
  return std::any_of(std::begin(kGrantPermissions), std::end(kGrantPermissions), named) ||
         (config.oath_auth &&
          std::any_of(std::begin(kOathAuthGrantPermissions), std::end(kOathAuthGrantPermissions), named));
}

std::vector<std::string> implicit_groups(bool registered) {
  if (!registered) return {"*"};
  return {std::begin(kImplicitGroups), std::end(kImplicitGroups)};
}

std::vector<std::string> effective_groups(std::vector<std::string> groups, bool registered) {
  if (!registered) return {"*"};
  std::sort(groups.begin(), groups.end());
  groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
  for (auto& g : implicit_groups(true)) groups.push_back(std::move(g));
  return groups;
}

std::vector<std::string> group_rights(const std::vector<std::string>& groups, const RightsConfig& config) {
  // Extensions' group permissions are merged in after core's (array_plus_2d), in load order.
  std::vector<std::span<const RightsOf>> tables = {kGroupPermissions};
  if (config.confirm_edit && config.confirm_edit_first) tables.emplace_back(kConfirmEditGroupPermissions);
  if (config.oath_auth) tables.emplace_back(kOathAuthGroupPermissions);
  if (config.confirm_edit && !config.confirm_edit_first) tables.emplace_back(kConfirmEditGroupPermissions);
  std::vector<std::string> rights;
  for (const auto& group : groups) {
    for (const auto& table : tables) {
      for (const auto& g : table) {
        if (g.name != group) continue;
        for (auto right : g.rights) append_unique(rights, right);
      }
    }
  }
  return rights;
}

std::vector<std::string> grant_rights(const std::vector<std::string>& grants, const RightsConfig& config) {
  std::vector<std::string> rights;
  for (const auto& grant : grants) {
    for (const auto& g : kGrantPermissions) {
      if (g.name != grant) continue;
      for (auto right : g.rights) append_unique(rights, right);
    }
    if (!config.oath_auth) continue;
    for (const auto& g : kOathAuthGrantPermissions) {
      if (g.name != grant) continue;
      for (auto right : g.rights) append_unique(rights, right);
    }
  }
  return rights;
}

std::vector<std::string> restrict_rights(const std::vector<std::string>& rights,
                                         const std::vector<std::string>& allowed) {
  std::vector<std::string> out;
  for (const auto& right : rights) {
    if (std::find(allowed.begin(), allowed.end(), right) != allowed.end()) out.push_back(right);
  }
  return out;
}

}  // namespace mockwiki::auth
