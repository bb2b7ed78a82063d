// PasswordPolicyChecks::checkPasswordNotInCommonList: whether a password is among the
// 100,000 most common ones, by the same Bloom filter MediaWiki uses (data/README.md), so the
// mock refuses exactly the passwords (false positives included) that MediaWiki refuses.
#pragma once

#include <string_view>

namespace mockwiki::auth {

bool is_common_password(std::string_view password);

}  // namespace mockwiki::auth
