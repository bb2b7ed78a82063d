// Finding a request's session and saving sessions at the end of it, as MediaWiki's
// SessionManager, CookieSessionProvider and BotPasswordSessionProvider do
// (core:includes/session/).
//
// Loading tries the bot-password session first (its provider has the higher priority), then
// the cookie session. A cookie session whose stored user disagrees with the UserID cookie, an
// unknown session id with a UserID cookie but no valid Token cookie, or a bot-password session
// whose bot password is gone fails: its cookies are deleted and the request is anonymous.
// An unknown session id gets a new id. UserID + Token cookies restore their user into a new
// session (the "remember me" path), even when the server-side session has expired.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "accounts.h"
#include "http/cookies.h"
#include "session/session.h"
#include "session/session_store.h"

namespace mockwiki::session {

inline constexpr std::int64_t kCookieExpiration = 30 * 86400;           // $wgCookieExpiration
inline constexpr std::int64_t kExtendedCookieExpiration = 180 * 86400;  // $wgExtendedLoginCookieExpiration

class SessionManager {
 public:
  SessionManager(SessionStore& store, const AccountStore& accounts, std::string cookie_prefix)
      : store_(store), accounts_(accounts), prefix_(std::move(cookie_prefix)) {}

  // The session for a request (SessionManager::getSessionForRequest, then Setup.php's
  // renew()). Failed sessions have their cookies deleted through `out`.
  std::unique_ptr<Session> load(const http::RequestCookies& in, http::ResponseCookies& out, std::int64_t now);

  // BotPasswordSessionProvider::newSessionForRequest: a new persisted bot-password session.
  std::unique_ptr<Session> new_bot_password_session(const Account& account, const BotPassword& bot_password,
                                                    std::int64_t now);

  // SessionBackend::save: cookies for a (re)persisted or unpersisted session, then the store.
  // `is_request_session` if this is the session the request's cookies name (only that one
  // deletes cookies when unpersisted).
  void save(Session& session, bool is_request_session, http::ResponseCookies& out, std::int64_t now);

  // Whether a stored session still belongs to its user: the account is there with the same
  // name and token (a lock or a new token ends its sessions) and, for a bot-password session,
  // the same bot password.
  bool still_valid(const SessionRecord& record) const;

  std::string session_cookie() const { return prefix_ + "_session"; }
  std::string bot_password_cookie() const { return prefix_ + "_BPsession"; }
  std::string user_id_cookie() const { return prefix_ + "UserID"; }
  std::string user_name_cookie() const { return prefix_ + "UserName"; }
  std::string token_cookie() const { return prefix_ + "Token"; }

 private:
  std::unique_ptr<Session> load_bot_password_session(const http::RequestCookies& in, std::int64_t now);
  std::unique_ptr<Session> load_cookie_session(const http::RequestCookies& in, http::ResponseCookies& out,
                                               std::int64_t now, bool* failed);
  void persist_cookies(const Session& session, http::ResponseCookies& out, std::int64_t now);
  void unpersist_cookies(Provider provider, http::ResponseCookies& out);

  SessionStore& store_;
  const AccountStore& accounts_;
  std::string prefix_;
};

// SessionManager::validateSessionId: 32 or more of [a-zA-Z0-9_-].
bool is_valid_session_id(const std::string& id);

}  // namespace mockwiki::session
