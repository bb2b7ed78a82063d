#include "sso/openid_connect_store.h"

#include "util/random.h"

namespace mockwiki::sso {

namespace {
constexpr std::int64_t kCodeLifetime = 60;
}

void OpenIdConnectStore::load(const PluggableAuthSpec& spec) {
  std::lock_guard lock(mutex_);
  links_.clear();
  codes_.clear();
  for (std::size_t i = 0; i < spec.providers.size(); ++i) {
    for (const auto& identity : spec.providers[i].identities) {
      if (!identity.account.empty()) links_[{i, identity.sub}] = identity.account;
    }
  }
}

std::optional<std::string> OpenIdConnectStore::linked_account(std::size_t provider, const std::string& sub) const {
  std::lock_guard lock(mutex_);
  auto it = links_.find({provider, sub});
  if (it == links_.end()) return std::nullopt;
  return it->second;
}

void OpenIdConnectStore::link(std::size_t provider, const std::string& sub, const std::string& account) {
  std::lock_guard lock(mutex_);
  links_[{provider, sub}] = account;
}

std::string OpenIdConnectStore::issue_code(IssuedCode code, std::int64_t now) {
  std::string value = util::random_hex(32);
  std::lock_guard lock(mutex_);
  std::erase_if(codes_, [now](const auto& entry) { return entry.second.expires <= now; });
  code.expires = now + kCodeLifetime;
  codes_[value] = std::move(code);
  return value;
}

std::optional<IssuedCode> OpenIdConnectStore::redeem_code(const std::string& code, std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = codes_.find(code);
  if (it == codes_.end()) return std::nullopt;
  IssuedCode issued = std::move(it->second);
  codes_.erase(it);
  if (issued.expires <= now) return std::nullopt;
  return issued;
}

}  // namespace mockwiki::sso
