// A MediaWiki message: a key from the catalogue (messages.cpp) with parameters, rendered as
// Message::text(), Message::parse() or, for errorformat=raw, as its key and parameters.
// An API message (ApiMessage) adds the error code and data the API reports with it.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace mockwiki::api {

using Json = nlohmann::ordered_json;

// One parameter, as Message::params(), numParams(), durationParams(), listParam() and
// plaintextParam() hold them.
struct MessageParam {
  enum class Kind { Plain, Number, Duration, List, Plaintext };
  Kind kind = Kind::Plain;
  Json value;                       // Plain: string, integer or null; Number, Duration: integer
  std::vector<MessageParam> items;  // List
  std::vector<std::int64_t> keys;   // List: PHP array keys, when not 0..n-1 (array_diff keeps them)
  std::string list_type = "comma";  // List: comma, text, semicolon, pipe

  static MessageParam plain(std::string text);
  static MessageParam plain(const char* text) { return plain(std::string(text)); }
  static MessageParam plain(std::int64_t number);
  static MessageParam plain(Json value);  // a string, a number or null
  static MessageParam number(std::int64_t n);
  static MessageParam duration(std::int64_t seconds);
  static MessageParam list(std::vector<std::string> items, std::string type = "comma");
  static MessageParam list(std::vector<MessageParam> items, std::string type, std::vector<std::int64_t> keys = {});
  static MessageParam plaintext(std::string text);

  // The parameter as errorformat=raw shows it ({"num":180}, {"duration":300}, ...).
  Json raw() const;
};

class Message {
 public:
  Message() = default;
  explicit Message(std::string key, std::vector<MessageParam> params = {});
  // RawMessage: the text is its own key (so the API code is made from the text).
  static Message raw_text(std::string text, std::vector<MessageParam> params = {});

  // ApiMessage: an explicit API code (else derived from the key) and extra error data.
  Message& with_code(std::string code);
  Message& with_data(Json data);

  const std::string& key() const { return key_; }
  const std::vector<MessageParam>& params() const { return params_; }
  const Json& data() const { return data_; }
  // ApiMessageTrait::getApiCode.
  std::string code() const;

  // Message::text(): the wikitext with parameters and {{PLURAL:}} resolved.
  std::string text() const;
  // Message::parse() (outer paragraph stripped): HTML.
  std::string html() const;
  // {"key":..., "params":[...]}, errorformat=raw and loginmessageformat=raw.
  Json raw() const;

 private:
  std::string render(bool html) const;

  std::string key_;
  std::vector<MessageParam> params_;
  std::string code_;
  Json data_;
  bool raw_text_ = false;
};

// ApiErrorFormatter::stripMarkup: <var>, <kbd>, <samp> and <code> become quotes, other tags
// go, character references are decoded, runs of whitespace become one space, ends trimmed.
std::string strip_markup(std::string_view text);

// Language::formatDuration in English: 300 -> "5 minutes", 90061 -> "1 day, 1 hour, 1 minute and 1 second".
std::string format_duration(std::int64_t seconds);

}  // namespace mockwiki::api
