#include "mockwiki/fixture.h"

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "auth/permissions.h"
#include "auth/user_name.h"
#include "default_fixture.h"
#include "fixture_checks.h"

namespace mockwiki {
namespace {

// Ordered, so that a scripted step's fields keep the order they are written in.
using json = nlohmann::ordered_json;

// Extensions whose behaviour the mock reproduces.
constexpr std::string_view kKnownExtensions[] = {"OATHAuth", "ConfirmEdit", "PluggableAuth", "OpenIDConnect"};

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

  bool boolean(const json& parent, const char* key, const std::string& where, bool fallback) const {
    auto it = parent.find(key);
    if (it == parent.end()) return fallback;
    if (!it->is_boolean()) fail(where + "." + key, "expected true or false, got " + std::string(it->type_name()));
    return it->get<bool>();
  }

  std::map<std::string, std::string> string_map(const json& parent, const char* key, const std::string& where) const {
    std::map<std::string, std::string> out;
    auto it = parent.find(key);
    if (it == parent.end()) return out;
    const std::string path = where + "." + key;
    object(*it, path);
    for (const auto& [name, value] : it->items()) {
      if (!value.is_string()) fail(path + "." + name, "expected a string, got " + std::string(value.type_name()));
      out[name] = value.get<std::string>();
    }
    return out;
  }

  // One step of a scripted flow: {"ui": {...}}, {"redirect": {...}}, {"pass": {}}, ...
  FlowStep flow_step(const json& value, const std::string& where) const {
    object(value, where);
    if (value.size() != 1) fail(where, "a step is an object with one key: ui, redirect, pass, fail or restart");
    const auto& [kind, body] = *value.items().begin();
    const std::string path = where + "." + kind;
    object(body, path);
    FlowStep step;
    if (kind == "ui") {
      only_keys(body, path,
                {"message", "messagecode", "id", "fields", "expect", "mismatch_message", "fail_on_mismatch"});
      step.kind = FlowStep::Kind::Ui;
      step.message = string(body, "message", path, false);
      step.message_code = string(body, "messagecode", path, false);
      if (body.contains("id")) step.request_id = string(body, "id", path, true);
      auto fields = body.find("fields");
      if (fields == body.end()) fail(path, "missing \"fields\"");
      object(*fields, path + ".fields");
      for (const auto& [name, spec] : fields->items()) {
        const std::string fpath = path + ".fields." + name;
        object(spec, fpath);
        only_keys(spec, fpath, {"type", "label", "help", "value", "optional", "sensitive"});
        FlowField field;
        field.name = name;
        if (spec.contains("type")) field.type = string(spec, "type", fpath, true);
        field.label = string(spec, "label", fpath, false);
        field.help = string(spec, "help", fpath, false);
        if (spec.contains("value")) field.value = string(spec, "value", fpath, true);
        field.optional = boolean(spec, "optional", fpath, false);
        field.sensitive = boolean(spec, "sensitive", fpath, field.type == "password");
        step.fields.push_back(std::move(field));
      }
      step.expect = string_map(body, "expect", path);
      if (body.contains("mismatch_message")) step.mismatch_message = string(body, "mismatch_message", path, true);
      step.fail_on_mismatch = boolean(body, "fail_on_mismatch", path, false);
    } else if (kind == "redirect") {
      only_keys(body, path, {"target", "return_params", "redirectdata"});
      step.kind = FlowStep::Kind::Redirect;
      step.target = string(body, "target", path, false);
      step.return_params = string_map(body, "return_params", path);
      if (auto data = body.find("redirectdata"); data != body.end()) step.redirect_data = data->dump();
    } else if (kind == "pass") {
      only_keys(body, path, {});
      step.kind = FlowStep::Kind::Pass;
    } else if (kind == "fail") {
      only_keys(body, path, {"message", "messagecode"});
      step.kind = FlowStep::Kind::Fail;
      step.message = string(body, "message", path, false);
      step.message_code = string(body, "messagecode", path, false);
    } else if (kind == "restart") {
      only_keys(body, path, {"message", "messagecode", "canpreservestate"});
      step.kind = FlowStep::Kind::Restart;
      step.message = string(body, "message", path, false);
      step.message_code = string(body, "messagecode", path, false);
      step.can_preserve_state = boolean(body, "canpreservestate", path, true);
    } else {
      fail(where, "unknown step \"" + kind + "\" (expected ui, redirect, pass, fail or restart)");
    }
    return step;
  }

  std::vector<FlowStep> flow(const json& value, const std::string& where) const {
    if (!value.is_array()) fail(where, "expected an array of steps, got " + std::string(value.type_name()));
    std::vector<FlowStep> steps;
    for (std::size_t i = 0; i < value.size(); ++i) {
      steps.push_back(flow_step(value[i], where + "[" + std::to_string(i) + "]"));
    }
    if (auto error = flow_error(steps); !error.empty()) fail(where, error);
    return steps;
  }

  IdentitySpec identity(const json& value, const std::string& where) const {
    object(value, where);
    only_keys(value, where, {"sub", "preferred_username", "email", "name", "account"});
    IdentitySpec identity;
    identity.sub = string(value, "sub", where, true);
    if (identity.sub.empty()) fail(where + ".sub", "must not be empty");
    identity.preferred_username = string(value, "preferred_username", where, false);
    identity.email = string(value, "email", where, false);
    identity.name = string(value, "name", where, false);
    const std::string account = string(value, "account", where, false);
    if (!account.empty()) {
      auto name = auth::canonical_user_name(account);
      if (!name) fail(where + ".account", "\"" + account + "\" is not a valid MediaWiki user name");
      identity.account = *name;
    }
    return identity;
  }

  PluggableAuthSpec pluggableauth(const json& value, const std::string& where) const {
    object(value, where);
    only_keys(value, where, {"enable_local_login", "providers"});
    PluggableAuthSpec spec;
    spec.enable_local_login = boolean(value, "enable_local_login", where, false);
    auto providers = value.find("providers");
    if (providers == value.end() || !providers->is_array() || providers->empty()) {
      fail(where + ".providers", "expected a non-empty array of providers");
    }
    std::set<std::string> labels;
    for (std::size_t i = 0; i < providers->size(); ++i) {
      const std::string path = where + ".providers[" + std::to_string(i) + "]";
      const json& p = (*providers)[i];
      object(p, path);
      only_keys(p, path, {"label", "plugin", "unlinked", "identities"});
      SsoProviderSpec provider;
      provider.label = string(p, "label", path, true);
      if (provider.label.empty()) fail(path + ".label", "must not be empty");
      if (!labels.insert(provider.label).second) fail(path + ".label", "duplicate label \"" + provider.label + "\"");
      const std::string plugin = string(p, "plugin", path, false);
      if (!plugin.empty() && plugin != "OpenIDConnect") {
        fail(path + ".plugin", "unknown plugin \"" + plugin + "\" (the mock has OpenIDConnect)");
      }
      const std::string unlinked = string(p, "unlinked", path, false);
      if (unlinked == "restart") {
        provider.unlinked = SsoProviderSpec::Unlinked::Restart;
      } else if (!unlinked.empty() && unlinked != "create") {
        fail(path + ".unlinked", "expected \"create\" or \"restart\"");
      }
      if (auto ids = p.find("identities"); ids != p.end()) {
        if (!ids->is_array()) fail(path + ".identities", "expected an array");
        std::set<std::string> subs;
        for (std::size_t j = 0; j < ids->size(); ++j) {
          auto identity = this->identity((*ids)[j], path + ".identities[" + std::to_string(j) + "]");
          if (!subs.insert(identity.sub).second) {
            fail(path + ".identities[" + std::to_string(j) + "].sub", "duplicate sub \"" + identity.sub + "\"");
          }
          provider.identities.push_back(std::move(identity));
        }
      }
      spec.providers.push_back(std::move(provider));
    }
    return spec;
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
    if (auto problem = bot_password_problem(bp, rights)) {
      const std::size_t colon = problem->find(": ");
      fail(where + "." + problem->substr(0, colon), problem->substr(colon + 2));
    }
    return bp;
  }

  AccountSpec account(const json& value, const std::string& where, const auth::RightsConfig& rights) const {
    object(value, where);
    only_keys(value, where, {"name", "password", "groups", "botpasswords", "oath", "flow"});
    AccountSpec account;
    const std::string raw_name = string(value, "name", where, true);
    auto name = auth::canonical_user_name(raw_name);
    if (!name) fail(where + ".name", "\"" + raw_name + "\" is not a valid MediaWiki user name");
    account.name = *name;
    account.password = string(value, "password", where, true);
    if (account.password.empty()) fail(where + ".password", "must not be empty");
    account.groups = strings(value, "groups", where);
    for (std::size_t i = 0; i < account.groups.size(); ++i) {
      if (auto problem = group_problem(account.groups[i])) fail(where + ".groups[" + std::to_string(i) + "]", *problem);
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
      if (auto problem = oath_secret_problem(oath.secret)) fail(path + ".secret", *problem);
      account.oath = std::move(oath);
    }
    if (auto it = value.find("flow"); it != value.end()) account.flow = flow(*it, where + ".flow");
    return account;
  }

  Fixture fixture(const json& root) const {
    object(root, "");
    only_keys(root, "", {"doc", "vars", "accounts", "extensions", "pluggableauth"});
    Fixture fixture;
    fixture.extensions = strings(root, "extensions", "");
    for (std::size_t i = 0; i < fixture.extensions.size(); ++i) {
      const auto& name = fixture.extensions[i];
      if (std::find(std::begin(kKnownExtensions), std::end(kKnownExtensions), name) == std::end(kKnownExtensions)) {
        fail("extensions[" + std::to_string(i) + "]",
             "unknown extension \"" + name + "\" (known: OATHAuth, ConfirmEdit, PluggableAuth, OpenIDConnect)");
      }
    }
    auth::RightsConfig rights;
    rights = auth::rights_config_for(fixture.extensions);
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
    const bool sso = fixture.has_extension("PluggableAuth");
    if (fixture.has_extension("OpenIDConnect") && !sso) {
      fail("extensions", "OpenIDConnect is a PluggableAuth plugin: list \"PluggableAuth\" too");
    }
    if (auto it = root.find("pluggableauth"); it != root.end()) {
      if (!sso || !fixture.has_extension("OpenIDConnect")) {
        fail("pluggableauth", "needs \"PluggableAuth\" and \"OpenIDConnect\" in \"extensions\"");
      }
      fixture.pluggableauth = pluggableauth(*it, "pluggableauth");
      for (std::size_t i = 0; i < fixture.pluggableauth.providers.size(); ++i) {
        for (const auto& identity : fixture.pluggableauth.providers[i].identities) {
          const bool known =
              identity.account.empty() || std::any_of(fixture.accounts.begin(), fixture.accounts.end(),
                                                      [&](const AccountSpec& a) { return a.name == identity.account; });
          if (!known) {
            fail(
                "pluggableauth.providers[" + std::to_string(i) + "]",
                "identity \"" + identity.sub + "\" is linked to \"" + identity.account + "\", which is not an account");
          }
        }
      }
    } else if (sso) {
      fail("extensions", "PluggableAuth needs a \"pluggableauth\" section with at least one provider");
    }
    return fixture;
  }

 private:
  std::string_view origin_;
};

}  // namespace

std::optional<std::string> group_problem(const std::string& group) {
  if (auth::is_explicit_group(group)) return std::nullopt;
  std::string known;
  for (const auto& g : auth::explicit_groups()) known += (known.empty() ? "" : ", ") + g;
  return "unknown group \"" + group + "\" (known: " + known + ")";
}

std::optional<std::string> bot_password_problem(const BotPasswordSpec& bp, const auth::RightsConfig& rights) {
  // BotPassword::isValidAppId and the password alphabet of BotPassword::generatePassword.
  if (bp.appid.empty() || bp.appid.size() > 32 || bp.appid.find('@') != std::string::npos) {
    return "appid: \"" + bp.appid + "\" is not a valid bot name (1 to 32 characters, no '@')";
  }
  const bool alphabet_ok = std::all_of(bp.password.begin(), bp.password.end(),
                                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'w'); });
  if (bp.password.size() < 32 || !alphabet_ok) {
    return "password: a bot password must be 32 or more characters of [0-9a-w], as MediaWiki generates them";
  }
  for (std::size_t i = 0; i < bp.grants.size(); ++i) {
    if (!auth::is_grant(bp.grants[i], rights)) {
      return "grants[" + std::to_string(i) + "]: unknown grant \"" + bp.grants[i] + "\"";
    }
  }
  return std::nullopt;
}

std::optional<std::string> oath_secret_problem(const std::string& secret) {
  const bool base32 = !secret.empty() && std::all_of(secret.begin(), secret.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7') || c == '=';
  });
  if (!base32) return "expected a Base32 TOTP secret (A-Z, 2-7)";
  return std::nullopt;
}

namespace {

json parse_json(std::string_view json_text, std::string_view origin) {
  try {
    return json::parse(json_text);
  } catch (const json::parse_error& e) {
    throw FixtureError(std::string(origin) + ": not valid JSON: " + e.what());
  }
}

}  // namespace

Fixture Fixture::parse(std::string_view json_text, std::string_view origin) {
  return Parser(origin).fixture(parse_json(json_text, origin));
}

Fixture Fixture::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FixtureError(path + ": cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path);
}

Fixture Fixture::defaults() { return parse(kDefaultFixtureJson, "default fixture"); }

AccountSpec Fixture::parse_account(std::string_view json_text, std::string_view origin) const {
  return Parser(origin).account(parse_json(json_text, origin), "account", auth::rights_config_for(extensions));
}

bool Fixture::has_extension(std::string_view name) const {
  return std::find(extensions.begin(), extensions.end(), name) != extensions.end();
}

}  // namespace mockwiki
