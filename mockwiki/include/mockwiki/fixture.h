// mockwiki/fixture.h: the accounts and extensions a mock wiki starts with.
//
// The file format is that of the reference fixtures (../shared/reference/cases/fixture.json):
//
//   {
//     "doc": "...", "vars": {...},                   // for people and test tools; ignored
//     "extensions": ["OATHAuth"],                    // optional
//     "accounts": [
//       {"name": "Alice", "password": "AlicePassw0rd!23", "groups": ["sysop"],
//        "botpasswords": [{"appid": "alicebot", "password": "<32+ chars of [0-9a-w]>",
//                          "grants": ["basic", "editpage"]}],
//        "oath": {"secret": "JBSWY3DPEHPK3PXP"}}      // two-factor, with OATHAuth
//     ]
//   }
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
};

struct Fixture {
  std::vector<AccountSpec> accounts;
  std::vector<std::string> extensions;

  // The project's copy of the reference accounts (mockwiki/fixtures/default.json).
  static Fixture defaults();
  // Parses and checks a fixture; `origin` (a file name) prefixes error messages.
  static Fixture parse(std::string_view json_text, std::string_view origin = "fixture");
  // Reads and parses a fixture file.
  static Fixture load(const std::string& path);

  bool has_extension(std::string_view name) const;
};

}  // namespace mockwiki
