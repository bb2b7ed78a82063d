#include "mockwiki/fixture.h"

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "auth/permissions.h"
#include "auth/user_name.h"
#include "default_fixture.h"

namespace mockwiki {
namespace {

using nlohmann::json;

// Extensions whose behaviour the mock reproduces.
constexpr std::string_view kKnownExtensions[] = {"OATHAuth"};

class Parser {
 public:
  explicit Parser(std::string_view origin) : origin_(origin) {}

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw FixtureError(std::string(origin_) + ": " + (where.empty() ? "" : where + ": ") + what);
  }

  void only_keys(const json& object, const std::string& where, std::initializer_list<std::string_view> allowed) const {
    for (const auto& [key, value] : object.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        std::string list;
        for (auto k : allowed) list += (list.empty() ? "" : ", ") + std::string(k);
        fail(where, "unknown key \"" + key + "\" (expected one of: " + list + ")");
      }
    }
  }

  const json& object(const json& value, const std::string& where) const {
    if (!value.is_object()) fail(where, "expected an object, got " + std::string(value.type_name()));
    return value;
  }

  std::string string(const json& parent, const char* key, const std::string& where, bool required) const {
    auto it = parent.find(key);
    if (it == parent.end()) {
      if (required) fail(where, std::string("missing \"") + key + "\"");
      return {};
    }
    if (!it->is_string()) {
      fail(where + "." + key, "expected a string, got " + std::string(it->type_name()));
    }
    return it->get<std::string>();
  }

  std::vector<std::string> strings(const json& parent, const char* key, const std::string& where) const {
    std::vector<std::string> out;
    auto it = parent.find(key);
    if (it == parent.end()) return out;
    const std::string path = where.empty() ? std::string(key) : where + "." + key;
    if (!it->is_array()) fail(path, "expected an array of strings, got " + std::string(it->type_name()));
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& item = (*it)[i];
      if (!item.is_string()) {
        fail(path + "[" + std::to_string(i) + "]", "expected a string, got " + std::string(item.type_name()));
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  BotPasswordSpec bot_password(const json& value, const std::string& where, const auth::RightsConfig& rights) const {
    object(value, where);
    only_keys(value, where, {"appid", "password", "grants"});
    BotPasswordSpec bp;
    bp.appid = string(value, "appid", where, true);
    bp.password = string(value, "password", where, true);
    bp.grants = strings(value, "grants", where);
    // BotPassword::isValidAppId and the password alphabet of BotPassword::generatePassword.
    if (bp.appid.empty() || bp.appid.size() > 32 || bp.appid.find('@') != std::string::npos) {
      fail(where + ".appid", "\"" + bp.appid + "\" is not a valid bot name (1 to 32 characters, no '@')");
    }
    const bool alphabet_ok = std::all_of(bp.password.begin(), bp.password.end(),
                                         [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'w'); });
    if (bp.password.size() < 32 || !alphabet_ok) {
      fail(where + ".password",
           "a bot password must be 32 or more characters of [0-9a-w], as MediaWiki generates them");
    }
    for (std::size_t i = 0; i < bp.grants.size(); ++i) {
      if (!auth::is_grant(bp.grants[i], rights)) {
        fail(where + ".grants[" + std::to_string(i) + "]", "unknown grant \"" + bp.grants[i] + "\"");
      }
    }
    return bp;
  }

  AccountSpec account(const json& value, const std::string& where, const auth::RightsConfig& rights) const {
    object(value, where);
    only_keys(value, where, {"name", "password", "groups", "botpasswords", "oath"});
    AccountSpec account;
    const std::string raw_name = string(value, "name", where, true);
    auto name = auth::canonical_user_name(raw_name);
    if (!name) fail(where + ".name", "\"" + raw_name + "\" is not a valid MediaWiki user name");
    account.name = *name;
    account.password = string(value, "password", where, true);
    if (account.password.empty()) fail(where + ".password", "must not be empty");
    account.groups = strings(value, "groups", where);
    for (std::size_t i = 0; i < account.groups.size(); ++i) {
      if (!auth::is_explicit_group(account.groups[i])) {
        std::string known;
        for (const auto& g : auth::explicit_groups()) known += (known.empty() ? "" : ", ") + g;
        fail(where + ".groups[" + std::to_string(i) + "]",
             "unknown group \"" + account.groups[i] + "\" (known: " + known + ")");
      }
    }
    if (auto it = value.find("botpasswords"); it != value.end()) {
      const std::string path = where + ".botpasswords";
      if (!it->is_array()) fail(path, "expected an array, got " + std::string(it->type_name()));
      std::set<std::string> appids;
      for (std::size_t i = 0; i < it->size(); ++i) {
        auto bp = bot_password((*it)[i], path + "[" + std::to_string(i) + "]", rights);
        if (!appids.insert(bp.appid).second) {
          fail(path + "[" + std::to_string(i) + "]", "duplicate bot name \"" + bp.appid + "\"");
        }
        account.botpasswords.push_back(std::move(bp));
      }
    }
    if (auto it = value.find("oath"); it != value.end()) {
      const std::string path = where + ".oath";
      object(*it, path);
      only_keys(*it, path, {"secret"});
      OathSpec oath{string(*it, "secret", path, true)};
      const bool base32 = !oath.secret.empty() && std::all_of(oath.secret.begin(), oath.secret.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7') || c == '=';
      });
      if (!base32) fail(path + ".secret", "expected a Base32 TOTP secret (A-Z, 2-7)");
      account.oath = std::move(oath);
    }
    return account;
  }

  Fixture fixture(const json& root) const {
    object(root, "");
    only_keys(root, "", {"doc", "vars", "accounts", "extensions"});
    Fixture fixture;
    fixture.extensions = strings(root, "extensions", "");
    for (std::size_t i = 0; i < fixture.extensions.size(); ++i) {
      const auto& name = fixture.extensions[i];
      if (std::find(std::begin(kKnownExtensions), std::end(kKnownExtensions), name) == std::end(kKnownExtensions)) {
        fail("extensions[" + std::to_string(i) + "]", "unknown extension \"" + name + "\" (known: OATHAuth)");
      }
    }
    auth::RightsConfig rights;
    rights.oath_auth = fixture.has_extension("OATHAuth");
    if (auto it = root.find("accounts"); it != root.end()) {
      if (!it->is_array()) fail("accounts", "expected an array, got " + std::string(it->type_name()));
      std::set<std::string> names;
      for (std::size_t i = 0; i < it->size(); ++i) {
        const std::string where = "accounts[" + std::to_string(i) + "]";
        auto account = this->account((*it)[i], where, rights);
        if (!names.insert(account.name).second) {
          fail(where + ".name", "duplicate account \"" + account.name + "\"");
        }
        if (account.oath && !fixture.has_extension("OATHAuth")) {
          fail(where + ".oath", "two-factor secrets need \"OATHAuth\" in \"extensions\"");
        }
        fixture.accounts.push_back(std::move(account));
      }
    }
    return fixture;
  }

 private:
  std::string_view origin_;
};

}  // namespace

Fixture Fixture::parse(std::string_view json_text, std::string_view origin) {
  json root;
  try {
    root = json::parse(json_text);
  } catch (const json::parse_error& e) {
    throw FixtureError(std::string(origin) + ": not valid JSON: " + e.what());
  }
  return Parser(origin).fixture(root);
}

Fixture Fixture::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FixtureError(path + ": cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path);
}

Fixture Fixture::defaults() { return parse(kDefaultFixtureJson, "default fixture"); }

bool Fixture::has_extension(std::string_view name) const {
  return std::find(extensions.begin(), extensions.end(), name) != extensions.end();
}

}  // namespace mockwiki
