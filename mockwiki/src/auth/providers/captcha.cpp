#include "auth/providers/captcha.h"

#include <cmath>
#include <cstdlib>
#include <regex>

#include "auth/auth_manager.h"
#include "auth/permissions.h"
#include "auth/rate_limiter.h"
#include "auth/user_name.h"
#include "util/random.h"

namespace mockwiki::auth {
namespace {

using api::MessageParam;

constexpr std::string_view kRequestClass = "MediaWiki\\Extension\\ConfirmEdit\\Auth\\CaptchaAuthenticationRequest";
constexpr const char* kPerUserFlag = "ConfirmEdit:loginCaptchaPerUserTriggered";
constexpr int kBadLoginAttempts = 3;  // $wgCaptchaBadLoginAttempts
constexpr std::int64_t kBadLoginExpiration = 300;
constexpr int kBadLoginPerUserAttempts = 20;  // $wgCaptchaBadLoginPerUserAttempts
constexpr std::int64_t kBadLoginPerUserExpiration = 600;
// The session keeps every captcha it was shown until answered; the mock keeps the newest few.
constexpr std::size_t kMaxStoredCaptchas = 64;

std::string ip_key(const AuthManager& manager) { return "captcha:badlogin:ip:" + manager.ip(); }

std::string user_key(const std::string& username) {
  return "captcha:badlogin:user:" + canonical_user_name(username).value_or(username);
}

bool ip_triggered(AuthManager& manager) {
  return manager.wiki().object_cache().get(ip_key(manager), manager.now()).value_or(0) >= kBadLoginAttempts;
}

bool user_triggered(AuthManager& manager, const std::string& username) {
  return manager.wiki().object_cache().get(user_key(username), manager.now()).value_or(0) >= kBadLoginPerUserAttempts;
}

// CaptchaSessionStore: captchas live in the session, which its use makes persistent.
std::string session_key(const std::string& index) { return "captcha" + index; }

// SimpleCaptcha::getCaptcha, stored (storeCaptcha), as a CaptchaAuthenticationRequest.
AuthRequest new_captcha_request(AuthManager& manager, bool for_account_creation) {
  const std::int64_t a = util::random_int(0, 100);
  const std::int64_t b = util::random_int(0, 10);
  const bool plus = util::random_int(0, 1) == 1;
  // No spaces around the operator, to keep its direction; a real minus sign (U+2212).
  const std::string question = std::to_string(a) + (plus ? "+" : "\xE2\x88\x92") + std::to_string(b);
  const std::string index = std::to_string(util::random_int(0, INT64_MAX));
  manager.session().persist(manager.now());
  manager.set_session_value(session_key(index),
                            Json{{"question", question}, {"answer", plus ? a + b : a - b}, {"index", index}});
  // Keep the session small: drop the oldest unanswered captchas.
  std::vector<std::string> stored;
  for (const auto& [key, value] : manager.session().auth_data().values.items()) {
    if (key.starts_with("captcha") && value.is_object() && value.contains("answer")) stored.push_back(key);
  }
  if (stored.size() > kMaxStoredCaptchas) manager.remove_session_value(stored.front());

  AuthRequest r;
  r.id = std::string(kCaptchaRequestId);
  r.required = AuthRequest::Required::Required;
  r.provider = Message("$1", {MessageParam::plain(std::string(kRequestClass))});
  r.account = Message("$1", {MessageParam::plain(r.id)});
  r.metadata = Json{{"type", "simple"}, {"mime", "text/plain"}};
  r.fields.push_back(
      {"captchaId", "hidden", index, Message("captcha-id-label"), Message("captcha-id-help"), false, false});
  r.fields.push_back({"captchaInfo", "null", question + " =",
                      Message(for_account_creation ? "captcha-createaccount" : "captcha-badlogin"),
                      Message("captcha-info-help"), false, false});
  r.fields.push_back(
      {"captchaWord", "string", std::nullopt, Message("captcha-label"), Message("captcha-help"), false, false});
  return r;
}

// SimpleCaptcha::passCaptchaLimited for an anonymous user: refused while the IP has had 15
// wrong answers in 60 s; a captcha is spent whether it was answered right or wrong.
bool verify_captcha(AuthManager& manager, const std::vector<AuthRequest>& requests) {
  const AuthRequest* request = find_request(requests, kCaptchaRequestId);
  // CaptchaAuthenticationRequest::loadFromSubmission fails when the id is not in the session.
  const Json* info = nullptr;
  if (request) info = manager.session_value(session_key(request->value("captchaId").value_or("")));
  if (!info) return false;
  auto& limiter = manager.wiki().rate_limiter();
  if (limiter.would_exceed("badcaptcha", manager.ip(), kBadCaptchaLimit, manager.now())) return false;
  const bool right =
      captcha_answer_matches(request->value("captchaWord").value_or(""), (*info)["answer"].get<std::int64_t>());
  manager.remove_session_value(session_key(request->value("captchaId").value_or("")));
  if (!right) limiter.ping("badcaptcha", manager.ip(), kBadCaptchaLimit, manager.now());
  return right;
}

// SimpleCaptcha::needCreateAccountCaptcha: unless the creator may skip captchas.
bool creation_needs_captcha(AuthManager& manager) {
  if (manager.session().is_anonymous()) return true;
  AccountPtr creator = manager.wiki().accounts().by_id(manager.session().user_id());
  if (!creator) return true;
  auto rights = group_rights(effective_groups(creator->groups, true), manager.wiki().rights_config());
  return std::find(rights.begin(), rights.end(), "skipcaptcha") == rights.end();
}

}  // namespace

bool captcha_answer_matches(std::string_view word, std::int64_t answer) {
  // PHP 8: a numeric string compares as a number; anything else as a string.
  static const std::regex kNumeric(R"(^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$)");
  const std::string text(word);
  if (std::regex_match(text, kNumeric)) return std::strtod(text.c_str(), nullptr) == static_cast<double>(answer);
  return text == std::to_string(answer);
}

std::vector<AuthRequest> CaptchaPreAuthenticationProvider::requests_for(AuthManager& manager, AuthAction action,
                                                                        const std::optional<std::string>&) const {
  bool needed = false;
  if (action == AuthAction::Create) {
    needed = creation_needs_captcha(manager);
  } else if (action == AuthAction::Login) {
    // The per-user trigger cannot know the name yet: the last name logged in with (the
    // UserName cookie), or a flag the session got from an earlier attempt.
    const auto& suggested = manager.session().suggested_login_username();
    needed = ip_triggered(manager) || manager.session_value(kPerUserFlag) ||
             (suggested && user_triggered(manager, *suggested));
  }
  if (!needed) return {};
  return {new_captcha_request(manager, action == AuthAction::Create)};
}

std::optional<Message> CaptchaPreAuthenticationProvider::test_for_authentication(
    AuthManager& manager, const std::vector<AuthRequest>& requests) const {
  const auto username = username_from_requests(requests);
  const bool per_user = username && user_triggered(manager, *username);
  bool passed = true;
  if (ip_triggered(manager) || per_user) passed = verify_captcha(manager, requests);
  if (per_user) manager.set_session_value(kPerUserFlag, true);
  // Brute force is harder when nobody can tell whether the password or the captcha failed.
  if (!passed) return Message("wrongpassword");
  return std::nullopt;
}

std::optional<Message> CaptchaPreAuthenticationProvider::test_for_account_creation(
    AuthManager& manager, const std::string&, const std::vector<AuthRequest>& requests) const {
  if (creation_needs_captcha(manager) && !verify_captcha(manager, requests))
    return Message("captcha-createaccount-fail");
  return std::nullopt;
}

void CaptchaPreAuthenticationProvider::post_authentication(AuthManager& manager, const std::optional<std::string>& user,
                                                           const AuthenticationResponse& response) const {
  ObjectCache& cache = manager.wiki().object_cache();
  if (response.is(AuthenticationResponse::Status::Pass) || response.is(AuthenticationResponse::Status::Restart)) {
    manager.remove_session_value(kPerUserFlag);
    if (user) cache.erase(user_key(*user));
  } else if (response.is(AuthenticationResponse::Status::Fail)) {
    cache.incr_with_init(ip_key(manager), kBadLoginExpiration, manager.now());
    if (user) cache.incr_with_init(user_key(*user), kBadLoginPerUserExpiration, manager.now());
  }
}

}  // namespace mockwiki::auth
