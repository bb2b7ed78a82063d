#include "control/control_plane.h"

#include <algorithm>
#include <stdexcept>

#include "auth/user_name.h"
#include "fixture_checks.h"
#include "mockwiki/flow.h"
#include "util/random.h"

namespace mockwiki::control {
namespace {

std::string canonical_or_throw(const std::string& name) {
  auto canonical = auth::canonical_user_name(name);
  if (!canonical) throw std::invalid_argument("\"" + name + "\" is not a valid user name");
  return *canonical;
}

}  // namespace

void ControlPlane::check_bot_passwords(const std::vector<BotPasswordSpec>& bot_passwords) const {
  std::vector<std::string> app_ids;
  for (const auto& bp : bot_passwords) {
    if (auto problem = bot_password_problem(bp, wiki_.rights_config())) throw std::invalid_argument(*problem);
    if (std::find(app_ids.begin(), app_ids.end(), bp.appid) != app_ids.end()) {
      throw std::invalid_argument("appid: duplicate bot name \"" + bp.appid + "\"");
    }
    app_ids.push_back(bp.appid);
  }
}

FaultSpec ControlPlane::add_fault(FaultSpec fault) {
  // The account is matched by its canonical name, as every other call takes names.
  if (!fault.match.account.empty()) fault.match.account = canonical_or_throw(fault.match.account);
  wiki_.faults().add(fault);
  return fault;
}

AccountPtr ControlPlane::find(const std::string& name) const {
  AccountPtr account = wiki_.accounts().by_name(canonical_or_throw(name));
  if (!account) throw NotFound("no account \"" + name + "\"");
  return account;
}

AccountInfo ControlPlane::info(const Account& account) const {
  AccountInfo out;
  out.id = account.id;
  out.name = account.name;
  out.groups = account.groups;
  for (const auto& bp : account.bot_passwords) out.bot_passwords.push_back(bp.app_id);
  out.two_factor = account.oath_secret.has_value();
  out.blocked = account.block_id != 0;
  out.block_reason = account.block_reason;
  out.locked = account.locked;
  return out;
}

std::vector<AccountInfo> ControlPlane::accounts() const {
  std::vector<AccountPtr> all = wiki_.accounts().all();
  std::sort(all.begin(), all.end(), [](const AccountPtr& a, const AccountPtr& b) { return a->id < b->id; });
  std::vector<AccountInfo> out;
  out.reserve(all.size());
  for (const auto& account : all) out.push_back(info(*account));
  return out;
}

AccountInfo ControlPlane::account(const std::string& name) const { return info(*find(name)); }

AccountInfo ControlPlane::add_account(const AccountSpec& spec) {
  AccountSpec canonical = spec;
  canonical.name = canonical_or_throw(spec.name);
  if (!auth::is_creatable_user_name(canonical.name)) {
    throw std::invalid_argument("\"" + canonical.name +
                                "\" cannot be created on MediaWiki (235 bytes at most, none of @ : >)");
  }
  if (canonical.password.empty()) throw std::invalid_argument("password: must not be empty");
  for (const auto& group : canonical.groups) {
    if (auto problem = group_problem(group)) throw std::invalid_argument("groups: " + *problem);
  }
  check_bot_passwords(canonical.botpasswords);
  if (!canonical.flow.empty()) {
    if (auto error = flow_error(canonical.flow); !error.empty()) throw std::invalid_argument("flow: " + error);
  }
  if (canonical.oath) {
    if (auto problem = oath_secret_problem(canonical.oath->secret)) throw std::invalid_argument("oath: " + *problem);
  }
  AccountPtr account = wiki_.accounts().create(canonical, wiki_.now());
  if (!account) throw std::invalid_argument("the account \"" + canonical.name + "\" exists already");
  return info(*account);
}

AccountInfo ControlPlane::change_account(const std::string& name, const AccountChange& change) {
  AccountPtr account = find(name);
  if (change.password && change.password->empty()) throw std::invalid_argument("password: must not be empty");
  if (change.groups) {
    for (const auto& group : *change.groups) {
      if (auto problem = group_problem(group)) throw std::invalid_argument("groups: " + *problem);
    }
  }
  if (change.bot_passwords) check_bot_passwords(*change.bot_passwords);
  if (change.oath_secret && !change.oath_secret->empty()) {
    if (auto problem = oath_secret_problem(*change.oath_secret)) throw std::invalid_argument("oath: " + *problem);
  }
  const std::int64_t now = wiki_.now();
  const bool locking = change.locked.value_or(false) && !account->locked;
  wiki_.accounts().modify(account->id, [&](Account& a) {
    if (change.password) a.password = *change.password;
    if (change.groups) a.groups = *change.groups;
    if (change.bot_passwords) {
      std::vector<BotPassword> kept;
      for (const auto& spec : *change.bot_passwords) {
        // A bot password whose password or grants change gets a new token, which ends its sessions.
        const BotPassword* old = a.bot_password(spec.appid);
        const bool same = old && old->password == spec.password && old->grants == spec.grants;
        kept.push_back({spec.appid, spec.password, spec.grants, same ? old->token : util::random_hex(32)});
      }
      a.bot_passwords = std::move(kept);
    }
    if (change.oath_secret) {
      if (change.oath_secret->empty()) {
        a.oath_secret.reset();
      } else {
        a.oath_secret = *change.oath_secret;
      }
    }
    if (change.blocked) {
      if (*change.blocked && a.block_id == 0) {
        a.block_id = wiki_.next_block_id();
        a.block_timestamp = now;
      } else if (!*change.blocked) {
        a.block_id = 0;
        a.block_reason.clear();
      }
    }
    if (change.block_reason && a.block_id != 0) a.block_reason = *change.block_reason;
    if (change.locked) a.locked = *change.locked;
    // A lock ends the user's sessions, including those a Token cookie would restore.
    if (locking) a.token = util::random_hex(32);
  });
  if (locking) expire_sessions_of(account->name);
  return info(*find(account->name));
}

std::string ControlPlane::remove_account(const std::string& name) {
  AccountPtr account = find(name);
  expire_sessions_of(account->name);
  wiki_.accounts().remove(account->id);
  return account->name;
}

std::vector<SessionInfo> ControlPlane::sessions() const {
  std::vector<SessionInfo> out;
  wiki_.sessions().for_each(wiki_.now(), [&](const std::string& id, const session::SessionRecord& record) {
    if (!wiki_.session_manager().still_valid(record)) return;  // dead already, though stored
    SessionInfo info;
    info.id = id;
    info.user = record.user_name;
    info.bot_app_id = record.bot_app_id;
    info.expires = record.expires;
    info.remember = record.remember;
    out.push_back(std::move(info));
  });
  std::sort(out.begin(), out.end(), [](const SessionInfo& a, const SessionInfo& b) { return a.id < b.id; });
  return out;
}

bool ControlPlane::expire_session(const std::string& id) {
  const auto record = wiki_.sessions().get(id, wiki_.now());
  if (!record) return false;
  wiki_.sessions().erase(id);
  return wiki_.session_manager().still_valid(*record);
}

int ControlPlane::expire_sessions_of(const std::string& user) {
  const std::string name = canonical_or_throw(user);
  int ended = 0;
  wiki_.sessions().update_all(wiki_.now(), [&](const std::string&, session::SessionRecord& record) {
    if (record.user_id == 0 || record.user_name != name) return true;
    if (wiki_.session_manager().still_valid(record)) ++ended;
    return false;
  });
  return ended;
}

int ControlPlane::expire_all_sessions() {
  int ended = 0;
  wiki_.sessions().update_all(wiki_.now(), [&](const std::string&, session::SessionRecord& record) {
    if (wiki_.session_manager().still_valid(record)) ++ended;
    return false;
  });
  return ended;
}

}  // namespace mockwiki::control
