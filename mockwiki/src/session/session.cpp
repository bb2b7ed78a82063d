#include "session/session.h"

#include <algorithm>

#include "auth/auth_session_data.h"
#include "util/random.h"

namespace mockwiki::session {

Session::Session(std::string id, SessionRecord record, bool persisted, bool in_store)
    : id_(std::move(id)),
      record_(std::move(record)),
      persist_(persisted),
      meta_dirty_(!in_store),  // SessionBackend marks an unsaved session dirty
      data_dirty_(!in_store) {}

const std::string& Session::id() const {
  if (id_.empty()) id_ = util::random_session_id();
  return id_;
}

SessionRecord& Session::mutable_record() {
  data_dirty_ = true;
  return record_;
}

void Session::persist(std::int64_t now) {
  if (!persist_) {
    persist_ = true;
    force_persist_ = true;
    meta_dirty_ = true;
  } else {
    renew(now);
  }
}

void Session::unpersist() {
  if (!persist_) return;
  persist_ = false;
  force_persist_ = true;
  meta_dirty_ = true;
  dropped_ids_.push_back(id());
}

void Session::reset_id() {
  if (!id_.empty()) dropped_ids_.push_back(id_);
  id_ = util::random_session_id();
  meta_dirty_ = true;
}

void Session::renew(std::int64_t now) {
  if (now + kSessionLifetime / 2 > record_.expires) {
    meta_dirty_ = true;
    if (persist_) force_persist_ = true;
  }
}

Token Session::token(std::string_view salt, std::string_view key) {
  for (const auto& [name, secret] : record_.token_secrets) {
    if (name == key) return Token(secret, std::string(salt), false);
  }
  std::string secret = util::random_hex(32);
  mutable_record().token_secrets.emplace_back(std::string(key), secret);
  return Token(std::move(secret), std::string(salt), true);
}

void Session::reset_all_tokens() {
  if (!record_.token_secrets.empty()) mutable_record().token_secrets.clear();
}

void Session::set_user(const Account* account) {
  record_.user_id = account ? account->id : 0;
  record_.user_name = account ? account->name : std::string();
  record_.user_token = account ? account->token : std::string();
  meta_dirty_ = true;
}

void Session::set_remember_user(bool remember) {
  if (record_.remember != remember) {
    record_.remember = remember;
    meta_dirty_ = true;
  }
}

void Session::set_logged_out(std::int64_t when) {
  record_.logged_out = when;
  meta_dirty_ = true;
}

const auth::AuthSessionData& Session::auth_data() const {
  static const auth::AuthSessionData kNone;
  return record_.auth ? *record_.auth : kNone;
}

auth::AuthSessionData& Session::mutable_auth_data() {
  data_dirty_ = true;
  if (!own_auth_) {
    own_auth_ = record_.auth ? std::make_shared<auth::AuthSessionData>(*record_.auth)
                             : std::make_shared<auth::AuthSessionData>();
    record_.auth = own_auth_;
  }
  return *own_auth_;
}

void Session::clear_data() {
  data_dirty_ = true;
  record_.token_secrets.clear();
  record_.auth.reset();
  own_auth_.reset();
}

}  // namespace mockwiki::session
