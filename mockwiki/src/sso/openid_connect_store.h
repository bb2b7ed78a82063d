// The state behind single sign-on: which account each identity of a provider is linked to
// (OpenIDConnect's openid_connect table: subject and issuer -> user), and the authorization
// codes the fake identity provider has issued and not yet seen redeemed.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "mockwiki/fixture.h"

namespace mockwiki::sso {

struct IssuedCode {
  std::size_t provider = 0;
  std::string sub;
  std::string nonce;
  std::string redirect_uri;
  std::int64_t expires = 0;
};

class OpenIdConnectStore {
 public:
  // The fixture's links; everything else is forgotten.
  void load(const PluggableAuthSpec& spec);

  std::optional<std::string> linked_account(std::size_t provider, const std::string& sub) const;
  void link(std::size_t provider, const std::string& sub, const std::string& account);

  // A new single-use code for an identity, valid for 60 seconds.
  std::string issue_code(IssuedCode code, std::int64_t now);
  // The code's grant, once: a second redemption or an expired code gives nothing.
  std::optional<IssuedCode> redeem_code(const std::string& code, std::int64_t now);

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::size_t, std::string>, std::string> links_;
  std::map<std::string, IssuedCode> codes_;
};

}  // namespace mockwiki::sso
