// The checks a fixture's account values must pass, shared by the fixture parser and the control
// plane's account changes. Each returns what is wrong, naming the field, or nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/permissions.h"
#include "mockwiki/fixture.h"

namespace mockwiki {

// An explicit group of $wgGroupPermissions.
std::optional<std::string> group_problem(const std::string& group);
// BotPassword::isValidAppId, the password alphabet of BotPassword::generatePassword, known
// grants. The problem's text starts with the field: "appid: ...", "password: ...", "grants[1]: ...".
std::optional<std::string> bot_password_problem(const BotPasswordSpec& bp, const auth::RightsConfig& rights);
// A Base32 TOTP secret.
std::optional<std::string> oath_secret_problem(const std::string& secret);

}  // namespace mockwiki
