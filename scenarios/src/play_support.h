// What the two runners (runner.cpp: HTTP steps; client_runner.cpp: steps through the client
// library) share: variables, URLs, the mock's control plane and the checks on JSON answers.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "mediawiki/cookie_jar.h"
#include "scenarios/scenario.h"

namespace scenarios::support {

using Json = nlohmann::json;

// `text` with each {NAME} that `vars` defines replaced by its value; other braces stay.
std::string substitute(const std::string& text, const std::map<std::string, std::string>& vars);

// application/x-www-form-urlencoded, in order.
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& params);

// "http://host:port/a/b?c" -> {"http://host:port", "/a/b?c"}; a URL without a scheme is all target.
std::pair<std::string, std::string> split_url(const std::string& url);

// Calls the mock's control plane at /__mockwiki/<path> on `http`'s host.
httplib::Result call_control_plane(httplib::Client& http, const std::string& method, const std::string& path,
                                   const std::string& body);

// Whether an answer to /__mockwiki/... came from something else than the mock (a wiki's 404 page).
bool not_the_mock(const httplib::Result& result);

// Resets the mock to its fixture, and its clock to this machine's time; "" when done, else why not.
std::string reset_mock(httplib::Client& http);

// The wiki's time: the mock's clock if there is one, else this machine's.
std::int64_t wiki_time(httplib::Client& http);

// The last TOTP window a scenario of this process had accepted for `secret` on the wiki at
// `origin` (0: none), and forgetting them after the mock is reset.
std::int64_t& last_totp_window(const std::string& origin, const std::string& secret);
void forget_totp_windows(const std::string& origin);

// Removes from `jar` the cookies whose names end with `suffix`; how many there were.
int drop_cookies(mediawiki::CookieJar& jar, const std::string& suffix);

// Each check on `body` (JSON text, "<present>", "<absent>"; variables substituted); `fail` is told
// each difference. `raw` is the answer's text, quoted when something is missing.
void check_json(const Json& body, const std::string& raw, const std::vector<Check>& checks,
                const std::map<std::string, std::string>& vars, const std::function<void(const std::string&)>& fail);

}  // namespace scenarios::support
