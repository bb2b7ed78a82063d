#include "auth/bot_password.h"

#include <algorithm>

#include "auth/user_name.h"

namespace mockwiki::auth {
namespace {

constexpr std::size_t kMinLength = 32;  // BotPassword::PASSWORD_MINLENGTH
constexpr char kSeparator = '@';        // $wgUserrightsInterwikiDelimiter

bool is_generated_password(std::string_view password) {
  return password.size() >= kMinLength && std::all_of(password.begin(), password.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'w');
         });
}

}  // namespace

std::optional<BotLoginData> canonicalize_login_data(std::string_view name, std::string_view password) {
  if (password.size() >= kMinLength && name.find(kSeparator) != std::string_view::npos) {
    if (is_generated_password(password)) return BotLoginData{std::string(name), std::string(password)};
  } else if (password.size() > kMinLength && password.find(kSeparator) != std::string_view::npos) {
    const std::size_t last = password.rfind(kSeparator);
    const std::string_view app_id = password.substr(0, last);
    const std::string_view secret = password.substr(last + 1);
    if (is_generated_password(secret)) {
      return BotLoginData{std::string(name) + kSeparator + std::string(app_id), std::string(secret)};
    }
  }
  return std::nullopt;
}

BotLoginResult bot_password_login(Wiki& wiki, const BotLoginData& data, std::string_view ip, std::int64_t now) {
  BotLoginResult result;
  const std::size_t at = data.name.find(kSeparator);
  if (at == std::string::npos) {
    result.failure = api::Message("botpasswords-invalid-name", {api::MessageParam::plain(std::string(1, kSeparator))});
    return result;
  }
  const std::string user_part = data.name.substr(0, at);
  const std::string app_id = data.name.substr(at + 1);
  auto canonical = canonical_user_name(user_part);
  AccountPtr account = canonical ? wiki.accounts().by_name(*canonical) : nullptr;
  if (!account) {
    result.failure = api::Message("nosuchuser", {api::MessageParam::plain(user_part)});
    return result;
  }
  if (account->locked) {
    result.failure = api::Message("botpasswords-locked");
    return result;
  }
  if (auto hit = wiki.throttles().increase("botpassword", kPasswordAttemptThrottle, account->name, ip, now)) {
    result.failure = api::Message("login-throttled", {api::MessageParam::duration(hit->wait)});
    return result;
  }
  const BotPassword* bp = account->bot_password(app_id);
  if (!bp) {
    result.failure =
        api::Message("botpasswords-not-exist", {api::MessageParam::plain(user_part), api::MessageParam::plain(app_id)});
    return result;
  }
  if (bp->password != data.password) {
    result.failure = api::Message("wrongpassword");
    return result;
  }
  wiki.throttles().clear("botpassword", kPasswordAttemptThrottle, account->name, ip);
  result.account = account;
  result.session = wiki.session_manager().new_bot_password_session(*account, *bp, now);
  return result;
}

}  // namespace mockwiki::auth
