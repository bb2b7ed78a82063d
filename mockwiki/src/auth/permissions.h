// Groups, rights and grants, in MediaWiki 1.39's default configuration
// (core:includes/MainConfigSchema.php GroupPermissions, ImplicitGroups, GrantPermissions).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mockwiki::auth {

// Extensions that change the rights table.
struct RightsConfig {
  bool oath_auth = false;     // OATHAuth's extension.json adds oathauth-* rights and the oath grant
  bool confirm_edit = false;  // ConfirmEdit's adds skipcaptcha (bot, sysop)
  // Which of the two extension.json files was loaded first: its rights come first in a group.
  bool confirm_edit_first = false;
};

// The rights configuration of a wiki with these extensions, in load order.
RightsConfig rights_config_for(const std::vector<std::string>& extensions);

// Groups an account may be given explicitly ($wgGroupPermissions minus $wgImplicitGroups).
bool is_explicit_group(std::string_view group);
std::vector<std::string> explicit_groups();
// Every group of $wgGroupPermissions, in its order, with the rights it grants.
std::vector<std::pair<std::string, std::vector<std::string>>> group_permissions(const RightsConfig& config);
// Grants a bot password may carry (the keys of $wgGrantPermissions; OATHAuth adds "oath").
bool is_grant(std::string_view grant, const RightsConfig& config);

// UserGroupManager::getUserEffectiveGroups: explicit groups sorted by name, then "*", and for
// a registered account "user" and "autoconfirmed" (AutoConfirmAge and AutoConfirmCount are 0).
std::vector<std::string> effective_groups(std::vector<std::string> explicit_groups, bool registered);
// The groups MediaWiki adds by itself.
std::vector<std::string> implicit_groups(bool registered);

// PermissionManager::getGroupPermissions: each group's rights in group order, first
// occurrence kept.
std::vector<std::string> group_rights(const std::vector<std::string>& effective_groups, const RightsConfig& config);
// GrantsInfo::getGrantRights.
std::vector<std::string> grant_rights(const std::vector<std::string>& grants, const RightsConfig& config);
// The rights of `rights` that `allowed` also holds, in the order of `rights`
// (a bot-password session: BotPasswordSessionProvider::getAllowedUserRights).
std::vector<std::string> restrict_rights(const std::vector<std::string>& rights,
                                         const std::vector<std::string>& allowed);

}  // namespace mockwiki::auth
