#include "auth/providers/throttle.h"

#include "auth/auth_manager.h"
#include "auth/user_name.h"

namespace mockwiki::auth {
namespace {

constexpr std::string_view kThrottleType = "password";
constexpr const char* kSessionKey = "LoginThrottle";

}  // namespace

std::optional<Message> ThrottlePreAuthenticationProvider::test_for_authentication(
    AuthManager& manager, const std::vector<AuthRequest>& requests) const {
  // Every name the username could normalize to is throttled, or the IP alone without one.
  std::vector<std::optional<std::string>> names;
  if (auto username = username_from_requests(requests)) {
    if (auto canonical = canonical_user_name(*username)) names.emplace_back(*canonical);
  } else {
    names.emplace_back(std::nullopt);
  }
  std::optional<ThrottleHit> worst;
  for (const auto& name : names) {
    auto hit = manager.wiki().throttles().increase(kThrottleType, kPasswordAttemptThrottle,
                                                   name ? std::optional<std::string_view>(*name) : std::nullopt,
                                                   manager.ip(), manager.now());
    if (hit && (!worst || worst->wait < hit->wait)) worst = hit;
  }
  if (worst) return Message("login-throttled", {api::MessageParam::duration(worst->wait)});
  Json users = Json::array();
  for (const auto& name : names) users.push_back(name ? Json(*name) : Json(nullptr));
  manager.set_authentication_data(kSessionKey, Json{{"users", std::move(users)}, {"ip", manager.ip()}});
  return std::nullopt;
}

void ThrottlePreAuthenticationProvider::post_authentication(AuthManager& manager, const std::optional<std::string>&,
                                                            const AuthenticationResponse& response) const {
  if (!response.is(AuthenticationResponse::Status::Pass)) return;
  const Json* data = manager.authentication_data(kSessionKey);
  if (!data) return;
  for (const auto& name : (*data)["users"]) {
    manager.wiki().throttles().clear(
        kThrottleType, kPasswordAttemptThrottle,
        name.is_string() ? std::optional<std::string_view>(name.get_ref<const std::string&>()) : std::nullopt,
        (*data)["ip"].get<std::string>());
  }
}

}  // namespace mockwiki::auth
