#include "auth/providers/oath.h"

#include "auth/auth_manager.h"
#include "auth/rate_limiter.h"
#include "auth/totp.h"

namespace mockwiki::auth {
namespace {

using api::MessageParam;

// TOTPAuthenticationRequest: one OATHToken field, the account described by name.
AuthRequest totp_request(const Account& user) {
  AuthRequest r;
  r.id = std::string(kTotpRequestId);
  r.required = AuthRequest::Required::Required;
  r.provider = Message("oathauth-describe-provider");
  r.account = Message("$1", {MessageParam::plain(user.name)});
  r.username = user.name;
  r.fields.push_back({"OATHToken", "string", std::nullopt, Message("oathauth-auth-token-label"),
                      Message("oathauth-auth-token-help"), false, false});
  return r;
}

// The key OATHAuth keeps the last spent window under, per central user id (the local id here).
std::string used_window_key(const Account& user) { return "oathauth-totp:usedtokens:" + std::to_string(user.id); }

}  // namespace

bool verify_totp(AuthManager& manager, const Account& user, const std::string& token) {
  if (!user.oath_secret) return false;
  auto key = base32_decode(*user.oath_secret);
  if (!key) return false;
  // Whitespace inside the code may be a group separator: preg_replace('/\s+/', '', ...).
  std::string code;
  for (char c : token) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') code += c;
  }
  ObjectCache& stash = manager.wiki().object_cache();
  const std::int64_t last_window = stash.get(used_window_key(user), manager.now()).value_or(0);
  const std::int64_t current = totp_window(manager.now());
  for (std::int64_t window = current - kTotpWindowRadius; window <= current + kTotpWindowRadius; ++window) {
    if (window > last_window && hotp_code(*key, window) == code) {
      stash.set(used_window_key(user), window, kTotpPeriod * (1 + 2 * kTotpWindowRadius), manager.now());
      return true;
    }
  }
  // Recovery codes would be tried here; OATHAuth REL1_39 never accepts them (it reads a
  // renamed property), so they fail like any wrong code.
  manager.wiki().rate_limiter().ping("badoath", std::to_string(user.id), kBadOathLimit, manager.now());
  return false;
}

AuthenticationResponse OathSecondaryAuthenticationProvider::begin_authentication(
    AuthManager&, const Account& user, const std::vector<AuthRequest>&) const {
  if (!user.oath_secret) return AuthenticationResponse::abstain();
  return AuthenticationResponse::ui({totp_request(user)}, Message("oathauth-auth-ui"));
}

AuthenticationResponse OathSecondaryAuthenticationProvider::continue_authentication(
    AuthManager& manager, const Account& user, const std::vector<AuthRequest>& requests) const {
  const AuthRequest* request = find_request(requests, kTotpRequestId);
  // No code (or an empty one): the request did not load; this does not count as a failure.
  if (!request) return AuthenticationResponse::ui({totp_request(user)}, Message("oathauth-login-failed"));
  // Two-factor authentication disabled mid-login.
  if (!user.oath_secret) return AuthenticationResponse::abstain();
  // Checked before the code, so that while throttled even the right code is refused.
  if (manager.wiki().rate_limiter().would_exceed("badoath", std::to_string(user.id), kBadOathLimit, manager.now())) {
    // The duration is fixed in OATHAuth, not the time left.
    return AuthenticationResponse::ui({totp_request(user)},
                                      Message("oathauth-throttled", {MessageParam::duration(60)}));
  }
  if (verify_totp(manager, user, request->value("OATHToken").value_or("")))
    return AuthenticationResponse::pass(user.name);
  return AuthenticationResponse::ui({totp_request(user)}, Message("oathauth-login-failed"));
}

}  // namespace mockwiki::auth
