// One session as a request works on it (MediaWiki's SessionBackend): the stored record plus
// what this request changed. SessionManager loads it at the start of a request and saves it at
// the end, writing the store and the cookies.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts.h"
#include "session/session_record.h"
#include "session/token.h"

namespace mockwiki::session {

inline constexpr std::int64_t kSessionLifetime = 3600;  // $wgObjectCacheSessionExpiry

class Session {
 public:
  Session(std::string id, SessionRecord record, bool persisted, bool in_store);

  // The id; a session nobody has persisted gets one only when something asks for it.
  const std::string& id() const;
  Provider provider() const { return record_.provider; }
  // Only cookie sessions may change user; bot-password sessions are immutable.
  bool can_set_user() const { return record_.provider == Provider::Cookie; }
  bool is_persistent() const { return persist_; }
  bool is_anonymous() const { return record_.user_id == 0; }
  int user_id() const { return record_.user_id; }
  const std::string& user_name() const { return record_.user_name; }
  bool remembers_user() const { return record_.remember; }
  // Session::suggestLoginUsername: the name the client last logged in with (its UserName cookie).
  const std::optional<std::string>& suggested_login_username() const { return suggested_login_username_; }
  const SessionRecord& record() const { return record_; }
  SessionRecord& mutable_record();  // marks the data dirty

  // SessionBackend::persist, unpersist, resetId, renew.
  void persist(std::int64_t now);
  void unpersist();
  void reset_id();
  void renew(std::int64_t now);

  // Session::getToken: the token for a salt under a secret key ("default", "login",
  // "createaccount"), creating the secret if there is none.
  Token token(std::string_view salt, std::string_view key = "default");
  void reset_all_tokens();
  void set_user(const Account* account);  // nullptr: anonymous
  void set_remember_user(bool remember);
  void set_logged_out(std::int64_t when);

  // The authentication data kept in the session (an empty one if there is none).
  const auth::AuthSessionData& auth_data() const;
  // The same, to change: copied from the stored one on first use in a request.
  auth::AuthSessionData& mutable_auth_data();
  // Session::clear(): every piece of data goes (token secrets, authentication data).
  void clear_data();

 private:
  friend class SessionManager;

  mutable std::string id_;
  std::vector<std::string> dropped_ids_;  // ids whose stored data must go
  SessionRecord record_;
  bool persist_;
  bool force_persist_ = false;
  bool meta_dirty_;
  bool data_dirty_;
  std::shared_ptr<auth::AuthSessionData> own_auth_;  // this request's copy, once it changed it
  std::optional<std::string> suggested_login_username_;
};

}  // namespace mockwiki::session
