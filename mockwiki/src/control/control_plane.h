// The control plane over a Wiki (mockwiki/control.h): what MockWiki's members and the admin
// HTTP API do, in one place. Every member is thread-safe; errors in what the caller asks for
// throw std::invalid_argument with a message naming the problem.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "mockwiki/control.h"
#include "wiki.h"

namespace mockwiki::control {

// What the caller named is not there (an account); the admin API answers 404 for it.
class NotFound : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

class ControlPlane {
 public:
  explicit ControlPlane(Wiki& wiki) : wiki_(wiki) {}

  std::vector<AccountInfo> accounts() const;
  AccountInfo account(const std::string& name) const;  // throws for an unknown account
  AccountInfo add_account(const AccountSpec& spec);    // throws if the name is taken
  AccountInfo change_account(const std::string& name, const AccountChange& change);
  std::string remove_account(const std::string& name);  // and its sessions; the canonical name

  std::vector<SessionInfo> sessions() const;
  bool expire_session(const std::string& id);       // false: no such live session
  int expire_sessions_of(const std::string& user);  // how many ended
  int expire_all_sessions();

  // Adds a fault, its account canonicalized; throws for a bad name or fault.
  FaultSpec add_fault(FaultSpec fault);

 private:
  AccountPtr find(const std::string& name) const;
  void check_bot_passwords(const std::vector<BotPasswordSpec>& bot_passwords) const;
  AccountInfo info(const Account& account) const;

  Wiki& wiki_;
};

}  // namespace mockwiki::control
