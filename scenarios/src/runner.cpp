#include "scenarios/runner.h"

#include <httplib.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "mediawiki/cookie_jar.h"

namespace scenarios {
namespace {

using Json = nlohmann::json;

std::string substitute(const std::string& text, const std::map<std::string, std::string>& vars) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      const std::size_t close = text.find('}', i);
      if (close != std::string::npos) {
        if (auto it = vars.find(text.substr(i + 1, close - i - 1)); it != vars.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out += '&';
    out += httplib::detail::encode_query_param(name) + "=" + httplib::detail::encode_query_param(value);
  }
  return out;
}

// A Set-Cookie line's name, and whether it deletes the cookie.
std::pair<std::string, bool> cookie_of(const std::string& line) {
  const std::string name = line.substr(0, line.find('='));
  const bool deleted = line.find("=deleted;") != std::string::npos || line.find("Max-Age=0") != std::string::npos;
  return {name, deleted};
}

bool any_ends_with(const std::vector<std::string>& names, const std::string& suffix) {
  for (const auto& n : names) {
    if (n.size() >= suffix.size() && n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0) return true;
  }
  return false;
}

}  // namespace

const char* tag_name(Tag tag) {
  switch (tag) {
    case Tag::Core:
      return "core";
    case Tag::Oath:
      return "oath";
    case Tag::Mock:
      return "mock";
  }
  return "?";
}

std::map<std::string, std::string> fixture_variables() {
  // The accounts of ../shared/reference/cases/fixture.json (mockwiki/fixtures/default.json).
  return {{"ADMIN", "Admin"},
          {"ADMIN_PASS", "AdminPassw0rd!23"},
          {"ALICE", "Alice"},
          {"ALICE_PASS", "AlicePassw0rd!23"},
          {"ALICE_BOT", "Alice@alicebot"},
          {"ALICE_BOT_PASS", "b2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i2"},
          {"ROBO", "Robo"},
          {"ROBO_PASS", "RoboPassw0rd!23"},
          {"ROBO_BOT", "Robo@mybot"},
          {"ROBO_BOT_PASS", "k8f3m2q9w1t7v5n4p6r0s2u8a3c5e7g9"},
          {"THROTTLED", "Throttled"},
          {"THROTTLED_PASS", "ThrottledPassw0rd!23"},
          // The two-factor accounts of ../shared/reference/cases/fixture-oath.json (mockwiki/fixtures/oath.json).
          {"TOFU", "Tofu"},
          {"TOFU_PASS", "TofuPassw0rd!23"},
          {"TOFU_BOT", "Tofu@tofubot"},
          {"TOFU_BOT_PASS", "c3e5g7i9k1m3o5q7s9u1w3a5c7e9g1i3"},
          {"TOFU2", "Tofu2"},
          {"TOFU2_PASS", "Tofu2Passw0rd!23"}};
}

Outcome run(const Scenario& scenario, const std::string& api_url) {
  Outcome outcome;
  auto vars = fixture_variables();
  vars["API"] = api_url;
  const auto scheme_end = api_url.find("://");
  const auto path_start = api_url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  const std::string origin = api_url.substr(0, path_start);
  const std::string path = path_start == std::string::npos ? "/" : api_url.substr(path_start);
  httplib::Client http(origin);
  http.set_tcp_nodelay(true);
  http.set_read_timeout(30, 0);
  mediawiki::CookieJar jar;

  auto fail = [&](std::size_t index, const Step& step, const std::string& what) {
    outcome.diff += "step " + std::to_string(index + 1) + " (" + step.name + "): " + what + "\n";
  };
  for (std::size_t i = 0; i < scenario.steps.size(); ++i) {
    const Step& step = scenario.steps[i];
    if (step.cookies == Cookies::DropAll) jar.clear();
    if (step.cookies == Cookies::DropOne) {
      for (const auto& c : std::vector<mediawiki::Cookie>(jar.cookies())) {
        if (any_ends_with({c.name}, step.drop_cookie)) jar.remove(c.name);
      }
    }
    if (step.advance_clock != 0) {
      auto moved = http.Post("/__mockwiki/clock", R"({"advance": )" + std::to_string(step.advance_clock) + "}",
                             "application/json");
      const bool mock = moved && moved->status == 200 && Json::parse(moved->body, nullptr, false).contains("now");
      if (!mock) {
        fail(i, step, "cannot move the clock (no /__mockwiki/clock: not the mock?)");
        break;
      }
    }
    std::vector<std::pair<std::string, std::string>> params, query;
    for (const auto& [name, value] : step.params) params.emplace_back(name, substitute(value, vars));
    for (const auto& [name, value] : step.query) query.emplace_back(name, substitute(value, vars));
    const Where where = step.where.value_or(step.method == "POST" ? Where::Body : Where::Query);
    if (where == Where::Query) {
      query.insert(query.begin(), params.begin(), params.end());
      params.clear();
    }
    const std::string target = query.empty() ? path : path + "?" + form_encode(query);
    httplib::Headers headers = {{"User-Agent", "mockwiki-conform/0.1"}};
    const std::string cookie = jar.header_for(path, std::time(nullptr));
    if (!cookie.empty()) headers.emplace("Cookie", cookie);
    httplib::Result result = [&] {
      if (step.method == "GET") return http.Get(target.c_str(), headers);
      if (step.method == "POST") {
        return http.Post(target.c_str(), headers, form_encode(params), "application/x-www-form-urlencoded");
      }
      httplib::Request request;  // PUT, DELETE, ...: as the client sends them
      request.method = step.method;
      request.path = target;
      request.headers = headers;
      if (!params.empty()) {
        request.body = form_encode(params);
        request.set_header("Content-Type", "application/x-www-form-urlencoded");
      }
      return http.send(request);
    }();
    if (!result) {
      fail(i, step, "no answer: " + httplib::to_string(result.error()));
      break;
    }
    std::vector<std::string> set, cleared;
    for (auto [it, end] = result->headers.equal_range("Set-Cookie"); it != end; ++it) {
      jar.store(it->second, std::time(nullptr));
      auto [name, deleted] = cookie_of(it->second);
      (deleted ? cleared : set).push_back(name);
    }
    const Expect& expect = step.expect;
    if (result->status != expect.status) {
      fail(i, step, "HTTP status " + std::to_string(result->status) + ", expected " + std::to_string(expect.status));
    }
    if (expect.api_error) {
      const std::string header = result->get_header_value("MediaWiki-API-Error");
      if (header != *expect.api_error) {
        fail(i, step, "MediaWiki-API-Error \"" + header + "\", expected \"" + *expect.api_error + "\"");
      }
    }
    const Json body = Json::parse(result->body, nullptr, false);
    for (const auto& check : expect.json) {
      const Json::json_pointer pointer(check.pointer);
      const bool present = !body.is_discarded() && body.contains(pointer);
      if (check.equals == "<absent>") {
        if (present) fail(i, step, check.pointer + " is " + body.at(pointer).dump() + ", expected nothing");
        continue;
      }
      if (!present) {
        fail(i, step, check.pointer + " is missing in " + result->body.substr(0, 300));
        continue;
      }
      if (check.equals == "<present>") continue;
      const Json want = Json::parse(substitute(check.equals, vars), nullptr, false);
      if (want.is_discarded()) {
        fail(i, step, check.pointer + ": the expectation is not JSON: " + check.equals);
      } else if (body.at(pointer) != want) {
        fail(i, step, check.pointer + " is " + body.at(pointer).dump() + ", expected " + want.dump());
      }
    }
    for (const auto& name : expect.cookies_set) {
      if (!any_ends_with(set, name)) fail(i, step, "no cookie " + name + " was set");
    }
    for (const auto& name : expect.cookies_cleared) {
      if (!any_ends_with(cleared, name)) fail(i, step, "cookie " + name + " was not deleted");
    }
    for (const auto& [var, pointer] : step.capture) {
      const Json::json_pointer at(pointer);
      if (body.is_discarded() || !body.contains(at)) {
        fail(i, step, "nothing to capture at " + pointer);
        continue;
      }
      vars[var] = body.at(at).is_string() ? body.at(at).get<std::string>() : body.at(at).dump();
    }
  }
  outcome.passed = outcome.diff.empty();
  return outcome;
}

}  // namespace scenarios
