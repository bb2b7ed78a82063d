// The message catalogue: MediaWiki 1.39's English message texts (wikitext), by key. Every
// text a response carries comes from here, so each lives in one place. Sources:
// core:languages/i18n/en.json, core:includes/api/i18n/en.json,
// core:includes/libs/ParamValidator/i18n/en.json.
#pragma once

#include <optional>
#include <string_view>

namespace mockwiki::api {

std::optional<std::string_view> english_message(std::string_view key);
// The HTML of Message::parse() where the mock's small wikitext renderer would not give
// MediaWiki's exact output.
std::optional<std::string_view> english_message_html(std::string_view key);

}  // namespace mockwiki::api
