#include "control/admin_api.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <chrono>
#include <initializer_list>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include "control/faults.h"
#include "mockwiki/version.h"
#include "util/text.h"

namespace mockwiki::control {
namespace {

using json = nlohmann::ordered_json;

// An answer other than 200, with its message.
struct AdminError {
  int status;
  std::string code;
  std::string info;
  std::string allow = {};  // for 405: the methods allowed
};

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

[[noreturn]] void bad_request(const std::string& info) { throw AdminError{400, "badrequest", info}; }
[[noreturn]] void not_found(const std::string& info) { throw AdminError{404, "notfound", info}; }

http::Response json_response(int status, const json& body) {
  http::Response response;
  response.status = status;
  response.content_type = "application/json; charset=utf-8";
  // Invalid UTF-8 from the request (a name in the path) is shown as U+FFFD, not refused.
  response.body = body.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  response.add_header("Cache-Control", "no-store");
  return response;
}

// ---- JSON in ------------------------------------------------------------------------------

json parse_body(const http::Request& request) {
  if (request.body.empty()) return json::object();
  try {
    json body = json::parse(request.body);
    if (!body.is_object()) bad_request("the body must be a JSON object");
    return body;
  } catch (const json::parse_error& e) {
    bad_request(std::string("the body is not valid JSON: ") + e.what());
  }
}

void only_keys(const json& object, const std::string& where, std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (auto k : allowed) known = known || key == k;
    if (known) continue;
    std::string list;
    for (auto k : allowed) list += (list.empty() ? "" : ", ") + std::string(k);
    bad_request(where + "unknown key \"" + key + "\" (expected one of: " + list + ")");
  }
}

template <typename T>
T get(const json& object, const char* key, const std::string& where = "") {
  try {
    return object.at(key).get<T>();
  } catch (const json::exception&) {
    const char* kind = std::is_same_v<T, std::string> ? "a string"
                       : std::is_same_v<T, bool>      ? "true or false"
                                                      : "a number";
    bad_request(where + "\"" + key + "\" must be " + kind);
  }
}

std::vector<std::string> strings(const json& object, const char* key) {
  const json& value = object.at(key);
  if (!value.is_array()) bad_request(std::string("\"") + key + "\" must be an array of strings");
  std::vector<std::string> out;
  for (const auto& item : value) {
    if (!item.is_string()) bad_request(std::string("\"") + key + "\" must be an array of strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::vector<BotPasswordSpec> bot_passwords(const json& value) {
  if (!value.is_array()) bad_request("\"botpasswords\" must be an array");
  std::vector<BotPasswordSpec> out;
  for (const auto& item : value) {
    if (!item.is_object()) bad_request("each of \"botpasswords\" must be an object");
    only_keys(item, "botpasswords: ", {"appid", "password", "grants"});
    BotPasswordSpec bp;
    bp.appid = get<std::string>(item, "appid", "botpasswords: ");
    bp.password = get<std::string>(item, "password", "botpasswords: ");
    if (item.contains("grants")) bp.grants = strings(item, "grants");
    out.push_back(std::move(bp));
  }
  return out;
}

AccountChange account_change(const json& body) {
  only_keys(body, "", {"password", "groups", "botpasswords", "oath", "blocked", "blockreason", "locked"});
  AccountChange change;
  if (body.contains("password")) change.password = get<std::string>(body, "password");
  if (body.contains("groups")) change.groups = strings(body, "groups");
  if (body.contains("botpasswords")) change.bot_passwords = bot_passwords(body.at("botpasswords"));
  if (body.contains("oath")) {
    const json& oath = body.at("oath");
    if (oath.is_null()) {
      change.oath_secret = "";
    } else {
      if (!oath.is_object()) bad_request("\"oath\" must be {\"secret\": BASE32} or null");
      only_keys(oath, "oath: ", {"secret"});
      change.oath_secret = get<std::string>(oath, "secret", "oath: ");
      if (change.oath_secret->empty()) bad_request("oath: \"secret\" must not be empty (null turns two-factor off)");
    }
  }
  if (body.contains("blocked")) change.blocked = get<bool>(body, "blocked");
  if (body.contains("blockreason")) change.block_reason = get<std::string>(body, "blockreason");
  if (body.contains("locked")) change.locked = get<bool>(body, "locked");
  return change;
}

FaultSpec fault_spec(const json& body) {
  only_keys(body, "", {"match", "fault", "times", "lag", "reason", "delay_ms", "message"});
  FaultSpec spec;
  if (!body.contains("fault")) bad_request("missing \"fault\"");
  spec.fault = get<std::string>(body, "fault");
  if (body.contains("match")) {
    const json& match = body.at("match");
    if (!match.is_object()) bad_request("\"match\" must be an object");
    only_keys(match, "match: ", {"action", "module", "method", "account", "params"});
    if (match.contains("action")) spec.match.action = get<std::string>(match, "action", "match: ");
    if (match.contains("module")) spec.match.module = get<std::string>(match, "module", "match: ");
    if (match.contains("method")) spec.match.method = upper(get<std::string>(match, "method", "match: "));
    if (match.contains("account")) spec.match.account = get<std::string>(match, "account", "match: ");
    if (match.contains("params")) {
      const json& params = match.at("params");
      if (!params.is_object()) bad_request("match: \"params\" must be an object of strings");
      for (const auto& [name, value] : params.items()) {
        if (!value.is_string()) bad_request("match: params: \"" + name + "\" must be a string");
        spec.match.params[name] = value.get<std::string>();
      }
    }
  }
  if (body.contains("times")) spec.times = get<int>(body, "times");
  if (body.contains("lag")) spec.lag = get<int>(body, "lag");
  if (body.contains("reason")) spec.reason = get<std::string>(body, "reason");
  if (body.contains("delay_ms")) spec.delay_ms = get<int>(body, "delay_ms");
  if (body.contains("message")) spec.message = get<std::string>(body, "message");
  if (auto problem = validate(spec)) bad_request(*problem);
  return spec;
}

// ---- JSON out -----------------------------------------------------------------------------

json to_json(const AccountInfo& a) {
  json out = {{"id", a.id},
              {"name", a.name},
              {"groups", a.groups},
              {"botpasswords", a.bot_passwords},
              {"twofactor", a.two_factor},
              {"blocked", a.blocked}};
  if (a.blocked) out["blockreason"] = a.block_reason;
  out["locked"] = a.locked;
  return out;
}

json to_json(const SessionInfo& s) {
  json out = {{"id", s.id}, {"user", s.user.empty() ? json(nullptr) : json(s.user)}};
  if (!s.bot_app_id.empty()) out["botpassword"] = s.bot_app_id;
  out["remember"] = s.remember;
  out["expires"] = s.expires;
  return out;
}

json to_json(const FaultSpec& f) {
  json match = json::object();
  if (!f.match.action.empty()) match["action"] = f.match.action;
  if (!f.match.module.empty()) match["module"] = f.match.module;
  if (!f.match.method.empty()) match["method"] = f.match.method;
  if (!f.match.account.empty()) match["account"] = f.match.account;
  if (!f.match.params.empty()) match["params"] = f.match.params;
  json out = {{"match", match}, {"fault", f.fault}, {"times", f.times}};
  if (f.fault == "maxlag") out["lag"] = f.lag;
  if (f.fault == "readonly") out["reason"] = f.reason;
  if (f.fault == "delay") out["delay_ms"] = f.delay_ms;
  if (f.fault.starts_with("internal_api_error_")) out["message"] = f.message;
  return out;
}

json journal_json(const JournalEntry& e) {
  json params = json::object();  // in request order; for a repeated name, the last value, as PHP keeps
  for (const auto& [name, value] : e.params) params[name] = value;
  const auto or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  return {{"seq", e.seq},
          {"time", e.time},
          {"method", e.method},
          {"path", e.path},
          {"action", or_null(e.action)},
          {"params", std::move(params)},
          {"session", or_null(e.session)},
          {"user", or_null(e.user)},
          {"status", e.status},
          {"result", or_null(e.result)},
          {"error", or_null(e.error)},
          {"fault", or_null(e.fault)},
          {"latency_ms", e.latency_ms}};
}

// ---- Routing ------------------------------------------------------------------------------

[[noreturn]] void wrong_method(const std::string& method, const std::string& allowed) {
  throw AdminError{405, "badmethod", method + " is not allowed here (allowed: " + allowed + ")", allowed};
}

constexpr const char* kEndpoints[] = {
    "GET /__mockwiki/",
    "POST /__mockwiki/reset",
    "GET|POST /__mockwiki/clock  {\"advance\": SECONDS} | {\"set\": UNIX_TIME} | {\"freeze\": true} | {\"resume\": "
    "true}",
    "GET|POST /__mockwiki/accounts  (POST: an account in the fixture format)",
    "GET|PATCH|POST|DELETE /__mockwiki/accounts/NAME  (PATCH/POST: {\"password\", \"groups\", \"botpasswords\", "
    "\"oath\", \"blocked\", \"blockreason\", \"locked\"})",
    "GET|DELETE /__mockwiki/sessions  (DELETE: expire all)",
    "POST /__mockwiki/sessions/expire  {\"session\": ID} | {\"user\": NAME} | {\"all\": true}",
    "DELETE /__mockwiki/sessions/ID",
    "GET|POST|DELETE /__mockwiki/faults  (POST: {\"match\": {...}, \"fault\": NAME, \"times\": N, ...})",
    "GET|DELETE /__mockwiki/journal  (GET ?since=SEQ: only later entries)",
};

}  // namespace

http::Response AdminApi::handle(const http::Request& request) {
  try {
    if (!token_.empty()) {
      const auto auth = request.header("Authorization");
      if (!auth || *auth != "Bearer " + token_) {
        throw AdminError{401, "unauthorized", "this mock's admin API needs \"Authorization: Bearer <admin token>\""};
      }
    }
    std::string rest(request.path.substr(kAdminPrefix.size()));
    while (rest.size() > 1 && rest.back() == '/') rest.pop_back();
    const std::string& method = request.method;

    if (rest.empty() || rest == "/") {
      if (method != "GET") wrong_method(method, "GET");
      json endpoints = json::array();
      for (const char* e : kEndpoints) endpoints.push_back(e);
      return json_response(200, {{"mockwiki", MOCKWIKI_VERSION}, {"api", wiki_.api_url()}, {"endpoints", endpoints}});
    }
    if (rest == "/reset") {
      if (method != "POST") wrong_method(method, "POST");
      wiki_.reset();
      return json_response(200, {{"reset", true}, {"now", wiki_.now()}});
    }
    if (rest == "/clock") {
      if (method == "POST") {
        const json body = parse_body(request);
        only_keys(body, "", {"advance", "set", "freeze", "resume"});
        if (body.contains("advance") && body.contains("set")) bad_request("give \"advance\" or \"set\", not both");
        if (body.contains("freeze") && get<bool>(body, "freeze")) wiki_.clock().freeze();
        if (body.contains("resume") && get<bool>(body, "resume")) wiki_.clock().resume();
        if (body.contains("advance")) {
          const auto seconds = get<std::int64_t>(body, "advance");
          if (seconds < 0) bad_request("\"advance\" must not be negative (use \"set\" to go back)");
          wiki_.clock().advance(std::chrono::seconds(seconds));
        }
        if (body.contains("set")) wiki_.clock().set(get<std::int64_t>(body, "set"));
      } else if (method != "GET") {
        wrong_method(method, "GET, POST");
      }
      return json_response(
          200, {{"now", wiki_.now()}, {"iso", util::iso8601(wiki_.now())}, {"frozen", wiki_.clock().frozen()}});
    }
    if (rest == "/accounts") {
      if (method == "GET") {
        json list = json::array();
        for (const auto& a : control_.accounts()) list.push_back(to_json(a));
        return json_response(200, {{"accounts", list}});
      }
      if (method != "POST") wrong_method(method, "GET, POST");
      AccountSpec spec;
      try {
        spec = wiki_.fixture().parse_account(request.body, "the account");
      } catch (const FixtureError& e) {
        bad_request(e.what());
      }
      return json_response(201, {{"account", to_json(control_.add_account(spec))}});
    }
    if (rest.starts_with("/accounts/")) {
      const std::string name = util::url_decode(rest.substr(10), false);
      if (method == "GET") return json_response(200, {{"account", to_json(control_.account(name))}});
      if (method == "PATCH" || method == "POST") {
        const AccountChange change = account_change(parse_body(request));
        return json_response(200, {{"account", to_json(control_.change_account(name, change))}});
      }
      if (method == "DELETE") {
        return json_response(200, {{"removed", control_.remove_account(name)}});
      }
      wrong_method(method, "GET, PATCH, POST, DELETE");
    }
    if (rest == "/sessions") {
      if (method == "GET") {
        json list = json::array();
        for (const auto& s : control_.sessions()) list.push_back(to_json(s));
        return json_response(200, {{"now", wiki_.now()}, {"sessions", list}});
      }
      if (method == "DELETE") return json_response(200, {{"expired", control_.expire_all_sessions()}});
      wrong_method(method, "GET, DELETE");
    }
    if (rest == "/sessions/expire") {
      if (method != "POST") wrong_method(method, "POST");
      const json body = parse_body(request);
      only_keys(body, "", {"session", "user", "all"});
      if (body.size() != 1) bad_request("give one of \"session\", \"user\" or \"all\"");
      if (body.contains("session")) {
        const std::string id = get<std::string>(body, "session");
        if (!control_.expire_session(id)) not_found("no live session \"" + id + "\"");
        return json_response(200, {{"expired", 1}});
      }
      if (body.contains("user"))
        return json_response(200, {{"expired", control_.expire_sessions_of(get<std::string>(body, "user"))}});
      if (!get<bool>(body, "all")) bad_request("\"all\" must be true");
      return json_response(200, {{"expired", control_.expire_all_sessions()}});
    }
    if (rest.starts_with("/sessions/")) {
      if (method != "DELETE") wrong_method(method, "DELETE");
      const std::string id = util::url_decode(rest.substr(10), false);
      if (!control_.expire_session(id)) not_found("no live session \"" + id + "\"");
      return json_response(200, {{"expired", 1}});
    }
    if (rest == "/faults") {
      if (method == "POST") {
        const FaultSpec spec = control_.add_fault(fault_spec(parse_body(request)));
        return json_response(201, {{"fault", to_json(spec)}});
      }
      if (method == "DELETE") {
        wiki_.faults().clear();
        return json_response(200, {{"faults", json::array()}});
      }
      if (method != "GET") wrong_method(method, "GET, POST, DELETE");
      json list = json::array();
      for (const auto& f : wiki_.faults().pending()) list.push_back(to_json(f));
      return json_response(200, {{"faults", list}});
    }
    if (rest == "/journal") {
      if (method == "DELETE") {
        wiki_.journal().clear();
        return json_response(200, {{"journal", json::array()}});
      }
      if (method != "GET") wrong_method(method, "GET, DELETE");
      std::int64_t since = 0;
      const std::string query = request.query_string;
      if (const auto at = query.find("since="); at != std::string::npos && (at == 0 || query[at - 1] == '&')) {
        try {
          since = std::stoll(query.substr(at + 6));
        } catch (const std::exception&) {
          bad_request("\"since\" must be a number");
        }
      }
      json list = json::array();
      for (const auto& e : wiki_.journal().entries()) {
        if (e.seq > since) list.push_back(journal_json(e));
      }
      return json_response(200, {{"journal", list}});
    }
    not_found("no endpoint " + request.path + " (GET " + std::string(kAdminPrefix) + "/ lists them)");
  } catch (const AdminError& e) {
    http::Response response = json_response(e.status, {{"error", {{"code", e.code}, {"info", e.info}}}});
    if (!e.allow.empty()) response.add_header("Allow", e.allow);
    return response;
  } catch (const NotFound& e) {
    return json_response(404, {{"error", {{"code", "notfound"}, {"info", e.what()}}}});
  } catch (const std::invalid_argument& e) {
    return json_response(400, {{"error", {{"code", "badrequest"}, {"info", e.what()}}}});
  }
}

}  // namespace mockwiki::control

std::string mockwiki::JournalEntry::to_json() const {
  return mockwiki::control::journal_json(*this).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}
