// What a session keeps between requests: SessionBackend's data and metadata as MediaWiki
// stores them under <wikiid>:MWSession:<id>.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace mockwiki::auth {
struct AuthSessionData;
}

namespace mockwiki::session {

// Which SessionProvider owns a session: the normal cookie session (<wikiid>_session with the
// UserID/UserName/Token cookies) or a bot-password session (<wikiid>_BPsession).
enum class Provider : std::uint8_t { Cookie, BotPassword };

struct SessionRecord {
  Provider provider = Provider::Cookie;
  int user_id = 0;  // 0: anonymous
  std::string user_name;
  std::string user_token;    // the account's token when saved; a change invalidates the session
  bool remember = false;     // "Keep me logged in": longer cookies and a Token cookie
  std::int64_t expires = 0;  // Unix time after which the store has forgotten the session
  std::int64_t logged_out = 0;
  // wsTokenSecrets: token key ("default", "login", "createaccount") -> 32 hex digits
  std::vector<std::pair<std::string, std::string>> token_secrets;
  // Bot-password sessions (BotPasswordSessionProvider metadata).
  std::string bot_app_id;
  std::string bot_token;
  // AuthManager:lastAuthId and AuthManager:lastAuthTimestamp (securitysensitiveoperation).
  int last_auth_id = 0;
  std::int64_t last_auth_timestamp = 0;
  // Logins and account creations in progress and providers' data (auth/auth_session_data.h);
  // null while there is none. Never changed in place: Session copies it before a change.
  std::shared_ptr<const auth::AuthSessionData> auth;
};

}  // namespace mockwiki::session
