// Bot passwords (core:includes/user/BotPassword.php): "User@appid" with a generated password,
// logging in to a session whose rights are limited to the bot password's grants.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "api/message.h"
#include "session/session.h"
#include "wiki.h"

namespace mockwiki::auth {

struct BotLoginData {
  std::string name;  // "User@appid"
  std::string password;
};

// BotPassword::canonicalizeLoginData: ("User@appid", 32+ chars of [0-9a-w]) as given, or
// ("User", "appid@password") rewritten; nothing if the pair is not a bot-password login.
std::optional<BotLoginData> canonicalize_login_data(std::string_view name, std::string_view password);

struct BotLoginResult {
  std::unique_ptr<session::Session> session;  // on success: the new bot-password session
  AccountPtr account;
  std::optional<api::Message> failure;
};

// BotPassword::login, with its own throttle (type "botpassword", keyed by the account name).
BotLoginResult bot_password_login(Wiki& wiki, const BotLoginData& data, std::string_view ip, std::int64_t now);

}  // namespace mockwiki::auth
