// Groups, rights and grants (mockwiki/src/auth/permissions.h) against MediaWiki 1.39's
// defaults: GroupPermissions, GrantPermissions (includes/MainConfigSchema.php), the orders of
// UserGroupManager::getUserEffectiveGroups and GroupPermissionsLookup::getGroupPermissions,
// and OATHAuth's extension.json. The userinfo lists are NOTES.md §15.2 (observed); the tables
// were printed by MediaWiki 1.39 (GrantsInfo::getGrantRights, getGroupPermissions), the
// OATHAuth ones with wfLoadExtension('OATHAuth').
#include "auth/permissions.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace mockwiki::auth {
namespace {

using Groups = std::vector<std::string>;
using Rights = std::vector<std::string>;

const RightsConfig kStock{};
const RightsConfig kOathAuth{true};

// userinfo's groups and rights for NOTES.md §15.2's accounts.
const Rights kAnonymousRights = {"createaccount",
                                 "read",
                                 "edit",
                                 "createpage",
                                 "createtalk",
                                 "writeapi",
                                 "viewmywatchlist",
                                 "editmywatchlist",
                                 "viewmyprivateinfo",
                                 "editmyprivateinfo",
                                 "editmyoptions"};
const Rights kAdminRights = {"userrights",
                             "noratelimit",
                             "editinterface",
                             "editsitecss",
                             "editsitejson",
                             "editsitejs",
                             "editusercss",
                             "edituserjson",
                             "edituserjs",
                             "block",
                             "createaccount",
                             "delete",
                             "bigdelete",
                             "deletedhistory",
                             "deletedtext",
                             "undelete",
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
                             "movefile",
                             "unblockself",
                             "suppressredirect",
                             "mergehistory",
                             "managechangetags",
                             "deletechangetags",
                             "read",
                             "edit",
                             "createpage",
                             "createtalk",
                             "writeapi",
                             "viewmywatchlist",
                             "editmywatchlist",
                             "viewmyprivateinfo",
                             "editmyprivateinfo",
                             "editmyoptions",
                             "minoredit",
                             "editmyusercss",
                             "editmyuserjson",
                             "editmyuserjs",
                             "editmyuserjsredirect",
                             "purge",
                             "sendemail",
                             "applychangetags",
                             "changetags",
                             "editcontentmodel"};

const Rights kAliceRights = {"createaccount",
                             "read",
                             "edit",
                             "createpage",
                             "createtalk",
                             "writeapi",
                             "viewmywatchlist",
                             "editmywatchlist",
                             "viewmyprivateinfo",
                             "editmyprivateinfo",
                             "editmyoptions",
                             "move",
                             "move-subpages",
                             "move-rootuserpages",
                             "move-categorypages",
                             "movefile",
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
                             "editcontentmodel",
                             "autoconfirmed",
                             "editsemiprotected"};
const Rights kRoboRights = {"bot",
                            "autoconfirmed",
                            "editsemiprotected",
                            "nominornewtalk",
                            "autopatrol",
                            "suppressredirect",
                            "apihighlimits",
                            "writeapi",
                            "createaccount",
                            "read",
                            "edit",
                            "createpage",
                            "createtalk",
                            "viewmywatchlist",
                            "editmywatchlist",
                            "viewmyprivateinfo",
                            "editmyprivateinfo",
                            "editmyoptions",
                            "move",
                            "move-subpages",
                            "move-rootuserpages",
                            "move-categorypages",
                            "movefile",
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
                            "editcontentmodel"};

const Rights kAliceBotRights = {"read",          "edit",
                                "writeapi",      "minoredit",
                                "purge",         "applychangetags",
                                "changetags",    "editcontentmodel",
                                "autoconfirmed", "editsemiprotected"};

const Rights kRoboBotRights = {"bot",
                               "autoconfirmed",
                               "editsemiprotected",
                               "nominornewtalk",
                               "autopatrol",
                               "apihighlimits",
                               "writeapi",
                               "read",
                               "edit",
                               "minoredit",
                               "purge",
                               "applychangetags",
                               "changetags",
                               "editcontentmodel"};

TEST(PermissionsTest, EffectiveGroupsAreTheExplicitOnesSortedThenTheImplicitOnes) {
  EXPECT_EQ(effective_groups({"sysop", "bureaucrat", "interface-admin"}, true),
            (Groups{"bureaucrat", "interface-admin", "sysop", "*", "user", "autoconfirmed"}));
  EXPECT_EQ(effective_groups({"bot"}, true), (Groups{"bot", "*", "user", "autoconfirmed"}));
  EXPECT_EQ(effective_groups({}, true), (Groups{"*", "user", "autoconfirmed"}));
  EXPECT_EQ(effective_groups({"sysop", "sysop"}, true), (Groups{"sysop", "*", "user", "autoconfirmed"}));
}

TEST(PermissionsTest, AnAnonymousUserIsOnlyInTheStarGroup) {
  EXPECT_EQ(effective_groups({}, false), Groups{"*"});
  EXPECT_EQ(implicit_groups(false), Groups{"*"});
  EXPECT_EQ(implicit_groups(true), (Groups{"*", "user", "autoconfirmed"}));
}

TEST(PermissionsTest, GroupRightsFollowTheGroupOrderKeepingEachRightsFirstPlace) {
  EXPECT_EQ(group_rights(effective_groups({"sysop", "bureaucrat", "interface-admin"}, true), kStock), kAdminRights);
  EXPECT_EQ(group_rights(effective_groups({}, true), kStock), kAliceRights);
  EXPECT_EQ(group_rights(effective_groups({"bot"}, true), kStock), kRoboRights);
  EXPECT_EQ(group_rights(effective_groups({}, false), kStock), kAnonymousRights);
}

TEST(PermissionsTest, OathAuthAddsItsRightsAfterEachGroupsOwn) {
  // OATHAuth's GroupPermissions: user += oathauth-enable; sysop += oathauth-disable-for-user,
  // oathauth-verify-user, oathauth-view-log ("*" gets two rights set to false).
  const Rights alice = {"createaccount",
                        "read",
                        "edit",
                        "createpage",
                        "createtalk",
                        "writeapi",
                        "viewmywatchlist",
                        "editmywatchlist",
                        "viewmyprivateinfo",
                        "editmyprivateinfo",
                        "editmyoptions",
                        "move",
                        "move-subpages",
                        "move-rootuserpages",
                        "move-categorypages",
                        "movefile",
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
                        "editcontentmodel",
                        "oathauth-enable",
                        "autoconfirmed",
                        "editsemiprotected"};
  const Rights admin = {"userrights",
                        "noratelimit",
                        "editinterface",
                        "editsitecss",
                        "editsitejson",
                        "editsitejs",
                        "editusercss",
                        "edituserjson",
                        "edituserjs",
                        "block",
                        "createaccount",
                        "delete",
                        "bigdelete",
                        "deletedhistory",
                        "deletedtext",
                        "undelete",
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
                        "movefile",
                        "unblockself",
                        "suppressredirect",
                        "mergehistory",
                        "managechangetags",
                        "deletechangetags",
                        "oathauth-disable-for-user",
                        "oathauth-verify-user",
                        "oathauth-view-log",
                        "read",
                        "edit",
                        "createpage",
                        "createtalk",
                        "writeapi",
                        "viewmywatchlist",
                        "editmywatchlist",
                        "viewmyprivateinfo",
                        "editmyprivateinfo",
                        "editmyoptions",
                        "minoredit",
                        "editmyusercss",
                        "editmyuserjson",
                        "editmyuserjs",
                        "editmyuserjsredirect",
                        "purge",
                        "sendemail",
                        "applychangetags",
                        "changetags",
                        "editcontentmodel",
                        "oathauth-enable"};
  EXPECT_EQ(group_rights(effective_groups({}, true), kOathAuth), alice);
  EXPECT_EQ(group_rights(effective_groups({"sysop", "bureaucrat", "interface-admin"}, true), kOathAuth), admin);
  EXPECT_EQ(group_rights(effective_groups({}, false), kOathAuth), kAnonymousRights);
}

TEST(PermissionsTest, EachGroupGrantsMediaWikisDefaultRights) {
  const std::vector<std::pair<std::string, Rights>> kGroupPermissions = {
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
       {"bot", "autoconfirmed", "editsemiprotected", "nominornewtalk", "autopatrol", "suppressredirect",
        "apihighlimits", "writeapi"}},
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
  EXPECT_EQ(group_permissions(kStock), kGroupPermissions);
}

TEST(PermissionsTest, EachGrantGivesMediaWikisRights) {
  const std::vector<std::pair<std::string, Rights>> kGrantPermissions = {
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
      {"protect",
       {"edit", "minoredit", "applychangetags", "changetags", "editcontentmodel", "editprotected", "protect"}},
      {"viewmywatchlist", {"viewmywatchlist"}},
      {"editmywatchlist", {"editmywatchlist"}},
      {"sendemail", {"sendemail"}},
      {"createaccount", {"createaccount"}},
      {"privateinfo", {"viewmyprivateinfo"}},
      {"mergehistory", {"mergehistory"}},
  };
  for (const auto& [grant, rights] : kGrantPermissions) {
    EXPECT_TRUE(is_grant(grant, {})) << grant;
    EXPECT_EQ(grant_rights({grant}, {}), rights) << grant;
  }
}

TEST(PermissionsTest, GrantRightsJoinTheGrantsWithoutDuplicates) {
  // GrantsInfo::getGrantRights(['basic', 'editpage', 'highvolume']).
  const Rights expected = {"autocreateaccount",
                           "autoconfirmed",
                           "autopatrol",
                           "editsemiprotected",
                           "ipblock-exempt",
                           "nominornewtalk",
                           "patrolmarks",
                           "purge",
                           "read",
                           "writeapi",
                           "unwatchedpages",
                           "edit",
                           "minoredit",
                           "applychangetags",
                           "changetags",
                           "editcontentmodel",
                           "bot",
                           "apihighlimits",
                           "noratelimit",
                           "markbotedits"};
  EXPECT_EQ(grant_rights({"basic", "editpage", "highvolume"}, {}), expected);
  EXPECT_EQ(grant_rights({"editpage", "editprotected"}, {}),
            (Rights{"edit", "minoredit", "applychangetags", "changetags", "editcontentmodel", "editprotected"}));
  EXPECT_EQ(grant_rights({}, {}), Rights{});
  EXPECT_EQ(grant_rights({"nosuchgrant"}, {}), Rights{});
}

TEST(PermissionsTest, ABotPasswordSessionKeepsTheGroupRightsItsGrantsAllow) {
  // BotPasswordSessionProvider: array_intersect(group rights, grant rights), in group order.
  EXPECT_EQ(restrict_rights(kAliceRights, grant_rights({"basic", "editpage"}, {})), kAliceBotRights);
  EXPECT_EQ(restrict_rights(kRoboRights, grant_rights({"basic", "editpage", "highvolume"}, {})), kRoboBotRights);
  EXPECT_EQ(restrict_rights(kAliceRights, {}), Rights{});
}

TEST(PermissionsTest, ExplicitGroupsAreTheConfiguredOnesButTheImplicitOnes) {
  EXPECT_EQ(explicit_groups(), (Groups{"bot", "sysop", "interface-admin", "bureaucrat", "suppress"}));
  for (const char* group : {"bot", "sysop", "interface-admin", "bureaucrat", "suppress"}) {
    EXPECT_TRUE(is_explicit_group(group)) << group;
  }
  for (const char* group : {"*", "user", "autoconfirmed", "Sysop", "administrator", ""}) {
    EXPECT_FALSE(is_explicit_group(group)) << group;
  }
}

TEST(PermissionsTest, OnlyMediaWikisGrantNamesAreGrants) {
  for (const char* grant : {"Basic", "bot", "edit", "", "oath"}) {
    EXPECT_FALSE(is_grant(grant, {})) << grant;  // "oath" exists only with OATHAuth
  }
}

TEST(PermissionsTest, OathAuthAddsTheOathGrant) {
  // OATHAuth's extension.json: GrantPermissions {"oath": {"oathauth-api-all", "oathauth-verify-user"}}.
  const RightsConfig oath{.oath_auth = true};
  EXPECT_TRUE(is_grant("oath", oath));
  EXPECT_EQ(grant_rights({"oath"}, oath), (Rights{"oathauth-api-all", "oathauth-verify-user"}));
  EXPECT_EQ(grant_rights({"oath"}, {}), Rights{});
}

}  // namespace
}  // namespace mockwiki::auth
