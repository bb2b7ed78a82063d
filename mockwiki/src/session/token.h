// Edit and login tokens (core:includes/session/Token.php, LoggedOutEditToken.php).
//
// A token is hex(hmac_md5(<timestamp><salt>, secret)) . hex(timestamp) . "+\"; the secret is
// per session and per token key ("default", "login", "createaccount"). The API checks the
// HMAC against the token's own timestamp and applies no maximum age. Anonymous users' csrf
// family tokens are the constant "+\".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mockwiki::session {

inline constexpr std::string_view kTokenSuffix = "+\\";

class Token {
 public:
  // A token for a session secret; `was_new` if the secret was created just now.
  Token(std::string secret, std::string salt, bool was_new)
      : secret_(std::move(secret)), salt_(std::move(salt)), was_new_(was_new) {}
  // LoggedOutEditToken: always "+\".
  static Token logged_out() { return Token(); }

  std::string at(std::int64_t timestamp) const;
  // Token::match: the HMAC fits the embedded timestamp (and, with max_age, it is recent).
  bool matches(std::string_view candidate, std::int64_t now, std::optional<std::int64_t> max_age = std::nullopt) const;
  bool was_new() const { return was_new_; }
  bool is_logged_out() const { return logged_out_; }

  // The timestamp inside a well-formed token (more than 32 hex digits, then "+\").
  static std::optional<std::int64_t> timestamp_of(std::string_view token);

 private:
  Token() : logged_out_(true) {}

  std::string secret_;
  std::string salt_;
  bool was_new_ = false;
  bool logged_out_ = false;
};

}  // namespace mockwiki::session
