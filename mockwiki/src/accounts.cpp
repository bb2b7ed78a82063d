#include "accounts.h"

#include <algorithm>
#include <mutex>

#include "util/random.h"

namespace mockwiki {

const BotPassword* Account::bot_password(std::string_view app_id) const {
  for (const auto& bp : bot_passwords) {
    if (bp.app_id == app_id) return &bp;
  }
  return nullptr;
}

void AccountStore::load(const Fixture& fixture, std::int64_t now) {
  std::unordered_map<std::string, AccountPtr> by_name;
  std::unordered_map<int, AccountPtr> by_id;
  int next_id = 1;
  for (const auto& spec : fixture.accounts) {
    auto account = std::make_shared<Account>();
    account->id = next_id++;
    // Like a fresh MediaWiki install: the first account is the installer's administrator and
    // user 2 is the system user "MediaWiki default", so the others start at 3.
    if (next_id == 2) next_id = 3;
    account->name = spec.name;
    account->password = spec.password;
    account->groups = spec.groups;
    for (const auto& bp : spec.botpasswords) {
      account->bot_passwords.push_back({bp.appid, bp.password, bp.grants, util::random_hex(32)});
    }
    if (spec.oath) account->oath_secret = spec.oath->secret;
    account->token = util::random_hex(32);
    account->registration = now;
    by_id[account->id] = account;
    by_name[account->name] = std::move(account);
  }
  std::unique_lock lock(mutex_);
  by_name_ = std::move(by_name);
  by_id_ = std::move(by_id);
}

AccountPtr AccountStore::by_name(std::string_view canonical_name) const {
  std::shared_lock lock(mutex_);
  auto it = by_name_.find(std::string(canonical_name));
  return it == by_name_.end() ? nullptr : it->second;
}

AccountPtr AccountStore::by_id(int id) const {
  std::shared_lock lock(mutex_);
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

std::vector<AccountPtr> AccountStore::all() const {
  std::shared_lock lock(mutex_);
  std::vector<AccountPtr> out;
  for (const auto& [id, account] : by_id_) out.push_back(account);
  std::sort(out.begin(), out.end(), [](const AccountPtr& a, const AccountPtr& b) { return a->id < b->id; });
  return out;
}

}  // namespace mockwiki
