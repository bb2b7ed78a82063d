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

namespace {

std::shared_ptr<Account> make_account(const AccountSpec& spec, int id, std::int64_t now) {
  auto account = std::make_shared<Account>();
  account->id = id;
  account->name = spec.name;
  account->password = spec.password;
  account->groups = spec.groups;
  for (const auto& bp : spec.botpasswords) {
    account->bot_passwords.push_back({bp.appid, bp.password, bp.grants, util::random_hex(32)});
  }
  if (spec.oath) account->oath_secret = spec.oath->secret;
  account->flow = spec.flow;
  account->token = util::random_hex(32);
  account->registration = now;
  return account;
}

}  // namespace

void AccountStore::load(const Fixture& fixture, std::int64_t now) {
  std::unordered_map<std::string, AccountPtr> by_name;
  std::unordered_map<int, AccountPtr> by_id;
  int next_id = 1;
  for (const auto& spec : fixture.accounts) {
    auto account = make_account(spec, next_id++, now);
    // Like a fresh MediaWiki install: the first account is the installer's administrator and
    // user 2 is the system user "MediaWiki default", so the others start at 3.
    if (next_id == 2) next_id = 3;
    by_id[account->id] = account;
    by_name[account->name] = std::move(account);
  }
  std::unique_lock lock(mutex_);
  by_name_ = std::move(by_name);
  by_id_ = std::move(by_id);
  next_id_ = next_id;
}

AccountPtr AccountStore::create(const AccountSpec& spec, std::int64_t now) {
  std::unique_lock lock(mutex_);
  if (by_name_.contains(spec.name)) return nullptr;
  AccountPtr account = make_account(spec, next_id_++, now);
  if (next_id_ == 2) next_id_ = 3;
  by_id_[account->id] = account;
  by_name_[account->name] = account;
  return account;
}

bool AccountStore::modify(int id, const std::function<void(Account&)>& change) {
  std::unique_lock lock(mutex_);
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return false;
  auto copy = std::make_shared<Account>(*it->second);
  const std::string old_name = copy->name;
  change(*copy);
  if (copy->name != old_name) by_name_.erase(old_name);
  by_name_[copy->name] = copy;
  it->second = std::move(copy);
  return true;
}

bool AccountStore::remove(int id) {
  std::unique_lock lock(mutex_);
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return false;
  by_name_.erase(it->second->name);
  by_id_.erase(it);
  return true;
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
