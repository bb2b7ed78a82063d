// The wiki's user accounts. Requests read immutable snapshots (shared_ptr<const Account>), so
// a change from a test replaces an account without disturbing requests in flight.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "mockwiki/fixture.h"

namespace mockwiki {

struct BotPassword {
  std::string app_id;
  std::string password;
  std::vector<std::string> grants;
  std::string token;  // bp_token: bot-password sessions remember it and die when it changes
};

struct Account {
  int id = 0;
  std::string name;
  std::string password;
  std::vector<std::string> groups;  // explicit groups
  std::vector<BotPassword> bot_passwords;
  std::optional<std::string> oath_secret;
  std::vector<FlowStep> flow;  // a scripted login flow; empty: none
  std::string email;
  std::int64_t email_authenticated = 0;  // when the address was confirmed; 0: not confirmed
  std::string realname;
  std::string token;  // user_token: the value of the Token cookie
  std::int64_t registration = 0;
  // A sitewide block (set by the control plane): shown by meta=userinfo's blockinfo.
  int block_id = 0;  // 0: not blocked
  std::string block_reason;
  std::int64_t block_timestamp = 0;
  // Locked: logins fail as CheckBlocksSecondaryAuthenticationProvider fails them when
  // $wgBlockDisablesLogin is set (login-userblocked).
  bool locked = false;

  const BotPassword* bot_password(std::string_view app_id) const;
};

using AccountPtr = std::shared_ptr<const Account>;

class AccountStore {
 public:
  // Replaces every account with the fixture's, in fixture order: ids 1, 3, 4, ... as a fresh
  // MediaWiki install gives them (2 is its "MediaWiki default" system user).
  void load(const Fixture& fixture, std::int64_t now);

  // A new account (the next free id) from a spec with a canonical name; nullptr if the name
  // is taken.
  AccountPtr create(const AccountSpec& spec, std::int64_t now);
  // Replaces an account with a changed copy (requests holding the old one keep it); false if
  // there is no such account.
  bool modify(int id, const std::function<void(Account&)>& change);
  // Deletes an account; false if there is no such account. Its id is not given out again.
  bool remove(int id);

  AccountPtr by_name(std::string_view canonical_name) const;
  AccountPtr by_id(int id) const;
  std::vector<AccountPtr> all() const;

 private:
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, AccountPtr> by_name_;
  std::unordered_map<int, AccountPtr> by_id_;
  int next_id_ = 1;
};

}  // namespace mockwiki
