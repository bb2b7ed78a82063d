#include "session/session_manager.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "auth/user_name.h"
#include "util/random.h"

namespace mockwiki::session {

namespace {

// PHP's (int) cast of a string: leading whitespace, a sign and digits; the rest is ignored.
long long php_int(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  long long value = 0;
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
    if (value > (INT64_MAX - 9) / 10) return 0;
    value = value * 10 + (text[i] - '0');
  }
  return negative ? -value : value;
}

}  // namespace

bool is_valid_session_id(const std::string& id) {
  return id.size() >= 32 && std::all_of(id.begin(), id.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
         });
}

std::unique_ptr<Session> SessionManager::load(const http::RequestCookies& in, http::ResponseCookies& out,
                                              std::int64_t now) {
  std::unique_ptr<Session> session;
  // A malformed _BPsession id gives the provider nothing to load or to unpersist.
  if (is_valid_session_id(in.get(bot_password_cookie()).value_or(""))) {
    session = load_bot_password_session(in, now);
    if (!session) unpersist_cookies(Provider::BotPassword, out);
  }
  if (!session) {
    bool failed = false;
    session = load_cookie_session(in, out, now, &failed);
    if (failed) unpersist_cookies(Provider::Cookie, out);
  }
  if (!session) {
    // SessionManager::getInitialSession: an empty anonymous session nobody has asked to keep.
    session = std::make_unique<Session>(std::string(), SessionRecord{}, false, false);
  }
  session->renew(now);
  // CookieSessionProvider::suggestLoginUsername: the UserName cookie, if it is a valid name.
  if (session->provider() == Provider::Cookie) {
    if (auto name = in.get(user_name_cookie())) session->suggested_login_username_ = auth::canonical_user_name(*name);
  }
  return session;
}

bool SessionManager::still_valid(const SessionRecord& record) const {
  if (record.user_id == 0) return true;
  AccountPtr account = accounts_.by_id(record.user_id);
  if (!account || account->name != record.user_name || account->token != record.user_token) return false;
  if (record.provider != Provider::BotPassword) return true;
  // BotPasswordSessionProvider::refreshSessionInfo: the bot password must still be the same.
  const BotPassword* bp = account->bot_password(record.bot_app_id);
  return bp && bp->token == record.bot_token;
}

std::unique_ptr<Session> SessionManager::load_bot_password_session(const http::RequestCookies& in, std::int64_t now) {
  const std::string id = in.get(bot_password_cookie()).value_or("");
  auto record = store_.get(id, now);
  // No stored data: a bot-password session cannot invent its user.
  if (!record || record->provider != Provider::BotPassword || !still_valid(*record)) return nullptr;
  return std::make_unique<Session>(id, std::move(*record), true, true);
}

std::unique_ptr<Session> SessionManager::load_cookie_session(const http::RequestCookies& in, http::ResponseCookies& out,
                                                             std::int64_t now, bool* failed) {
  (void)out;
  // CookieSessionProvider::provideSessionInfo
  std::string id = in.get(session_cookie()).value_or("");
  const bool has_id = is_valid_session_id(id);
  AccountPtr user;
  bool verified = false;
  bool persisted = has_id;
  if (auto user_id = in.get(user_id_cookie())) {
    const long long numeric = php_int(*user_id);  // UserInfo::newFromId casts with (int)
    user = numeric > 0 && numeric <= INT32_MAX ? accounts_.by_id(static_cast<int>(numeric)) : nullptr;
    if (!user) return nullptr;  // UserInfo::newFromId fails: no session info at all
    if (auto name = in.get(user_name_cookie()); name && *name != user->name) return nullptr;
    if (auto token = in.get(token_cookie())) {
      if (*token != user->token) return nullptr;
      verified = true;
      persisted = true;
    } else if (!has_id) {
      return nullptr;
    }
  } else if (!has_id) {
    return nullptr;
  }

  // SessionManager::loadSessionInfoFromStore
  std::optional<SessionRecord> record;
  if (has_id) record = store_.get(id, now);
  bool remembered = verified;  // SessionInfo's default for a verified user
  if (record) {
    const int cookie_user = user ? user->id : 0;
    if (record->provider != Provider::Cookie || record->user_id != cookie_user) {
      *failed = true;
      return nullptr;
    }
    if (!still_valid(*record)) {
      *failed = true;
      return nullptr;
    }
    remembered = remembered || record->remember;
    record->remember = remembered;
    return std::make_unique<Session>(id, std::move(*record), persisted, true);
  }
  if (user && !verified) {
    *failed = true;  // an unverified user and no stored session to vouch for it
    return nullptr;
  }
  SessionRecord fresh;
  if (user) {
    fresh.user_id = user->id;
    fresh.user_name = user->name;
    fresh.user_token = user->token;
    fresh.remember = remembered;
  }
  // A session id the store does not know is not trusted: it is replaced (idIsSafe = false).
  auto session = std::make_unique<Session>(has_id ? id : util::random_session_id(), std::move(fresh), persisted, false);
  if (has_id) session->reset_id();
  return session;
}

std::unique_ptr<Session> SessionManager::new_bot_password_session(const Account& account,
                                                                  const BotPassword& bot_password, std::int64_t now) {
  SessionRecord record;
  record.provider = Provider::BotPassword;
  record.bot_app_id = bot_password.app_id;
  record.bot_token = bot_password.token;
  auto session = std::make_unique<Session>(util::random_session_id(), std::move(record), false, false);
  session->set_user(&account);
  session->persist(now);
  return session;
}

void SessionManager::persist_cookies(const Session& session, http::ResponseCookies& out, std::int64_t now) {
  if (session.provider() == Provider::BotPassword) {
    out.set(bot_password_cookie(), session.id(), 0);
    return;
  }
  // CookieSessionProvider::persistSession
  out.set(session_cookie(), session.id(), 0);
  if (session.is_anonymous()) {
    out.clear(user_id_cookie());
    out.clear(token_cookie());
  } else {
    const bool remember = session.remembers_user();
    const std::int64_t expires = now + (remember ? kExtendedCookieExpiration : kCookieExpiration);
    out.set(user_id_cookie(), std::to_string(session.user_id()), expires);
    out.set(user_name_cookie(), session.user_name(), expires);
    if (remember) {
      out.set(token_cookie(), session.record().user_token, expires);
    } else {
      out.clear(token_cookie());
    }
  }
  out.clear("forceHTTPS");
}

void SessionManager::unpersist_cookies(Provider provider, http::ResponseCookies& out) {
  if (provider == Provider::BotPassword) {
    out.clear(bot_password_cookie());
    return;
  }
  out.clear(session_cookie());
  out.clear(user_id_cookie());
  out.clear(token_cookie());
  out.clear("forceHTTPS");
}

void SessionManager::save(Session& session, bool is_request_session, http::ResponseCookies& out, std::int64_t now) {
  for (const auto& dropped : session.dropped_ids_) store_.erase(dropped);
  session.dropped_ids_.clear();
  if (!session.meta_dirty_ && !session.data_dirty_ && !session.force_persist_) return;

  if (session.meta_dirty_ || session.force_persist_) {
    if (session.persist_) {
      persist_cookies(session, out, now);
    } else if (is_request_session) {
      unpersist_cookies(session.provider(), out);
    }
  }
  session.force_persist_ = false;
  if (!session.meta_dirty_ && !session.data_dirty_) return;

  session.record_.expires = now + kSessionLifetime;
  // A session nobody asked to keep lives only for this request (MediaWiki writes it to the
  // process cache alone).
  if (session.persist_) store_.put(session.id(), session.record_, now);
  session.meta_dirty_ = session.data_dirty_ = false;
}

}  // namespace mockwiki::session
