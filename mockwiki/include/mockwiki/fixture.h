// mockwiki/fixture.h: the accounts and extensions a mock wiki starts with.
//
// The file format is that of the reference fixtures (../shared/reference/cases/fixture.json):
//
//   {
//     "doc": "...", "vars": {...},                   // for people and test tools; ignored
//     "extensions": ["OATHAuth"],                    // optional: OATHAuth, ConfirmEdit,
//                                                    // PluggableAuth, OpenIDConnect
//     "accounts": [
//       {"name": "Alice", "password": "AlicePassw0rd!23", "groups": ["sysop"],
//        "botpasswords": [{"appid": "alicebot", "password": "<32+ chars of [0-9a-w]>",
//                          "grants": ["basic", "editpage"]}],
//        "oath": {"secret": "JBSWY3DPEHPK3PXP"},     // two-factor, with OATHAuth
//        "flow": [...]}                               // a scripted login (mockwiki/flow.h)
//     ],
//     "pluggableauth": {                              // with PluggableAuth and OpenIDConnect
//       "enable_local_login": false,                  // $wgPluggableAuth_EnableLocalLogin
//       "providers": [                                // buttons pluggableauthlogin0, 1, ...
//         {"label": "Example SSO",                    // the $wgPluggableAuth_Config key
//          "unlinked": "create",                      // or "restart" (mock-only, see below)
//          "identities": [                            // what the fake identity provider offers
//            {"sub": "alice-sub", "account": "Alice"},          // linked to an account
//            {"sub": "new-sub", "preferred_username": "Newbie",
//             "email": "newbie@example.org", "name": "New Bie"}]}]}
//   }
//
// An identity linked to no account logs in as OpenIDConnect does by default: a new account
// named after preferred_username ("User" if none; a number appended while taken) is created
// and linked. "unlinked": "restart" makes the provider answer RESTART instead, AuthManager's
// answer for valid third-party credentials without a local user; real PluggableAuth never
// does that, but clients must handle it.
//
// Names are canonicalized as MediaWiki does ("alice_smith" is "Alice smith"). Anything the
// mock does not know (a key at any level, a group, a grant, an extension) or a value of the
// wrong type is a FixtureError whose message names it and where it is.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "mockwiki/flow.h"

namespace mockwiki {

class FixtureError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct BotPasswordSpec {
  std::string appid;
  std::string password;             // 32 or more characters of [0-9a-w], as MediaWiki makes them
  std::vector<std::string> grants;  // MediaWiki grant names: basic, editpage, highvolume, ...
};

struct OathSpec {
  std::string secret;  // TOTP secret in Base32 (RFC 4648), as OATHAuth stores it
};

struct AccountSpec {
  std::string name;  // canonical MediaWiki user name
  std::string password;
  std::vector<std::string> groups;  // explicit groups: sysop, bot, bureaucrat, ...
  std::vector<BotPasswordSpec> botpasswords;
  std::optional<OathSpec> oath;
  std::vector<FlowStep> flow;  // a scripted login flow (mockwiki/flow.h); empty: none
};

// One identity the fake OpenID Connect provider can vouch for.
struct IdentitySpec {
  std::string sub;                 // the subject claim: the identity's key
  std::string preferred_username;  // the claims a new account's name is made from
  std::string email;
  std::string name;     // real name
  std::string account;  // the account it is linked to (empty: none yet)
};

struct SsoProviderSpec {
  std::string label;  // the button's label (the $wgPluggableAuth_Config key)
  enum class Unlinked { Create, Restart } unlinked = Unlinked::Create;
  std::vector<IdentitySpec> identities;
};

struct PluggableAuthSpec {
  bool enable_local_login = false;
  std::vector<SsoProviderSpec> providers;
};

struct Fixture {
  std::vector<AccountSpec> accounts;
  std::vector<std::string> extensions;
  PluggableAuthSpec pluggableauth;

  // The project's copy of the reference accounts (mockwiki/fixtures/default.json).
  static Fixture defaults();
  // Parses and checks a fixture; `origin` (a file name) prefixes error messages.
  static Fixture parse(std::string_view json_text, std::string_view origin = "fixture");
  // Reads and parses a fixture file.
  static Fixture load(const std::string& path);

  // Parses and checks one account in the fixture format ({"name", "password", ...}), for a wiki
  // with this fixture's extensions (which decide the grants a bot password may have).
  AccountSpec parse_account(std::string_view json_text, std::string_view origin = "request") const;

  bool has_extension(std::string_view name) const;
};

}  // namespace mockwiki
