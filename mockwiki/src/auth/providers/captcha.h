// ConfirmEdit's pre-authentication provider with its default SimpleCaptcha (ConfirmEdit for
// 1.39: includes/Auth/CaptchaPreAuthenticationProvider.php, CaptchaAuthenticationRequest.php,
// SimpleCaptcha/SimpleCaptcha.php, includes/Store/CaptchaSessionStore.php).
//
// After 3 failed logins from an IP within 300 s ($wgCaptchaBadLoginAttempts), or 20 for one
// user name within 600 s, a login needs the captcha request; the question is a sum or a
// difference ("39−2 =", with U+2212) whose answer is kept in the session under its id. A
// missing or wrong answer fails the login as "wrongpassword", on purpose. Creating an account
// always needs a captcha, unless the creator has skipcaptcha (bots, sysops).
#pragma once

#include "auth/providers/provider.h"

namespace mockwiki::auth {

inline constexpr std::string_view kCaptchaRequestId = "CaptchaAuthenticationRequest";

class CaptchaPreAuthenticationProvider : public PreAuthenticationProvider {
 public:
  std::string_view id() const override {
    return "MediaWiki\\Extension\\ConfirmEdit\\Auth\\CaptchaPreAuthenticationProvider";
  }
  std::vector<AuthRequest> requests_for(AuthManager& manager, AuthAction action,
                                        const std::optional<std::string>& username) const override;
  std::optional<Message> test_for_authentication(AuthManager& manager,
                                                 const std::vector<AuthRequest>& requests) const override;
  std::optional<Message> test_for_account_creation(AuthManager& manager, const std::string& username,
                                                   const std::vector<AuthRequest>& requests) const override;
  void post_authentication(AuthManager& manager, const std::optional<std::string>& user,
                           const AuthenticationResponse& response) const override;
};

// SimpleCaptcha's answer check (keyMatch: PHP's loose $answer == $info['answer'], so " 41 "
// and "41.0" are right for 41).
bool captcha_answer_matches(std::string_view word, std::int64_t answer);

}  // namespace mockwiki::auth
