#include "scenarios/runner.h"

#include <httplib.h>

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>
#include <optional>

#include "mediawiki/cookie_jar.h"
#include "mediawiki/totp.h"
#include "src/play_support.h"

namespace scenarios {
namespace {

using support::form_encode;
using support::Json;
using support::split_url;
using support::substitute;

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

// clientlogin's status and messagecode in an answer ("" where there are none).
std::pair<std::string, std::string> clientlogin_status(const std::string& body) {
  const Json json = Json::parse(body, nullptr, false);
  auto text = [&](const char* pointer) {
    const Json::json_pointer at(pointer);
    return !json.is_discarded() && json.contains(at) && json.at(at).is_string() ? json.at(at).get<std::string>()
                                                                                : std::string();
  };
  return {text("/clientlogin/status"), text("/clientlogin/messagecode")};
}

// Whether an answer is OATHAuth's UI step again because the code was refused.
bool code_was_refused(const std::string& body) {
  return clientlogin_status(body) == std::pair<std::string, std::string>("UI", "oathauth-login-failed");
}

// The answer to ConfirmEdit's SimpleCaptcha question, "A+B =" or "A−B =" (U+2212, or '-').
std::optional<std::string> solve_simple_captcha(const std::string& question) {
  std::size_t i = 0;
  auto number = [&]() -> std::optional<long> {
    while (i < question.size() && question[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < question.size() && std::isdigit(static_cast<unsigned char>(question[i]))) ++i;
    if (i == start || i - start > 9) return std::nullopt;
    return std::stol(question.substr(start, i - start));
  };
  const auto a = number();
  while (i < question.size() && question[i] == ' ') ++i;
  int sign = 0;
  if (question.compare(i, 1, "+") == 0) {
    sign = 1, i += 1;
  } else if (question.compare(i, 1, "-") == 0) {
    sign = -1, i += 1;
  } else if (question.compare(i, 3, "\xe2\x88\x92") == 0) {
    sign = -1, i += 3;
  }
  const auto b = number();
  if (!a || !b || sign == 0) return std::nullopt;
  return std::to_string(*a + sign * *b);
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
          {"TOFU_SECRET", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"},
          {"TOFU_BOT", "Tofu@tofubot"},
          {"TOFU_BOT_PASS", "c3e5g7i9k1m3o5q7s9u1w3a5c7e9g1i3"},
          {"TOFU2", "Tofu2"},
          {"TOFU2_PASS", "Tofu2Passw0rd!23"},
          {"TOFU2_SECRET", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"}};
}

std::string fixture_of(const Scenario& scenario) {
  if (!scenario.fixture.empty()) return scenario.fixture;
  return scenario.tag == Tag::Oath ? "oath" : "default";
}

namespace {

// One play of a scenario: the HTTP client, the cookie jar and the variables its steps share.
class Play {
 public:
  Play(const Scenario& scenario, const std::string& api_url)
      : scenario_(scenario),
        vars_(fixture_variables()),
        origin_(split_url(api_url).first),
        path_(split_url(api_url).second),
        http_(origin_) {
    vars_["API"] = api_url;
    if (path_.empty()) path_ = "/";
    http_.set_tcp_nodelay(true);
    http_.set_read_timeout(30, 0);
  }

  Outcome run() {
    // A mock scenario starts from the fixture's state, whatever ran on this mock before it.
    if (scenario_.tag == Tag::Mock) {
      if (const std::string problem = support::reset_mock(http_); !problem.empty()) {
        outcome_.diff = problem + "\n";
        return outcome_;
      }
      support::forget_totp_windows(origin_);  // the mock forgot which windows were spent
    }
    for (index_ = 0; index_ < scenario_.steps.size(); ++index_) {
      if (!play(scenario_.steps[index_])) break;
    }
    outcome_.passed = outcome_.diff.empty();
    return outcome_;
  }

 private:
  void fail(const std::string& what) {
    outcome_.diff += "step " + std::to_string(index_ + 1) + " (" + scenario_.steps[index_].name + "): " + what + "\n";
  }

  // Plays one step; false when the scenario cannot go on (no answer at all).
  bool play(const Step& step) {
    if (step.cookies == Cookies::DropAll) jar_.clear();
    if (step.cookies == Cookies::DropOne && support::drop_cookies(jar_, step.drop_cookie) == 0) {
      fail("no cookie ending in " + step.drop_cookie + " to drop");
      return false;
    }
    if (step.advance_clock != 0) {
      auto moved = admin("POST", "clock", R"({"advance": )" + std::to_string(step.advance_clock) + "}");
      if (!moved || moved->status != 200) {
        fail("cannot move the clock (no /__mockwiki/clock: not the mock?)");
        return false;
      }
    }
    httplib::Result result = send_step(step);
    if (!result && result.error() == httplib::Error::Canceled) return false;  // said why already
    if (!result) {
      fail("no answer: " + httplib::to_string(result.error()));
      return false;
    }
    check(step, *result);
    return true;
  }

  // What the step sends: to the control plane, a visit, or to api.php (with the TOTP retries).
  // An error of Canceled means the step could not be sent, and fail() has said why.
  httplib::Result send_step(const Step& step) {
    if (step.admin) {
      httplib::Result result = admin(step.admin->method, step.admin->path, substitute(step.admin->body, vars_));
      if (support::not_the_mock(result)) {
        fail("no control plane at /__mockwiki/ (not the mock?)");
        return cancelled();
      }
      return result;
    }
    if (!step.visit.empty()) return visit(step);
    if (step.totp_secret.empty()) return api_request(step);
    // OATHAuth takes each window once, and only after the last one used: start after the last
    // window this process spent on the wiki (no refusal to count towards badoath), and move on
    // while it says the code was refused (spent by someone else).
    const std::string secret = substitute(step.totp_secret, vars_);
    const std::int64_t now_window = support::wiki_time(http_) / 30;
    std::int64_t& last_used = support::last_totp_window(origin_, secret);
    for (std::int64_t window = std::max(now_window, last_used + 1); window <= now_window + 4; ++window) {
      try {
        vars_["TOTP"] = mediawiki::totp_code(secret, window * 30);
      } catch (const std::exception& e) {
        fail(std::string("cannot make a TOTP code: ") + e.what());
        return cancelled();
      }
      httplib::Result result = api_request(step);
      if (!result || !code_was_refused(result->body)) {
        if (result && clientlogin_status(result->body).first == "PASS") last_used = window;
        return result;
      }
      if (window == now_window + 4) return result;
    }
    fail("every TOTP window OATHAuth would accept now was used already by earlier logins: wait a minute");
    return cancelled();
  }

  static httplib::Result cancelled() { return httplib::Result(nullptr, httplib::Error::Canceled); }

  httplib::Result api_request(const Step& step) {
    std::vector<std::pair<std::string, std::string>> params, query;
    for (const auto& [name, value] : step.params) params.emplace_back(name, substitute(value, vars_));
    for (const auto& [name, value] : step.query) query.emplace_back(name, substitute(value, vars_));
    const Where where = step.where.value_or(step.method == "POST" ? Where::Body : Where::Query);
    if (where == Where::Query) {
      query.insert(query.begin(), params.begin(), params.end());
      params.clear();
    }
    httplib::Request request;
    request.method = step.method;
    request.path = query.empty() ? path_ : path_ + "?" + form_encode(query);
    request.headers = headers_for(path_);
    if (step.method == "POST" || !params.empty()) {
      request.body = form_encode(params);
      request.set_header("Content-Type", "application/x-www-form-urlencoded");
    }
    return send(std::move(request));
  }

  // GET step.visit and the redirects that follow it on the wiki's host.
  httplib::Result visit(const Step& step) {
    std::string url = substitute(step.visit, vars_);
    if (!step.params.empty()) {
      std::vector<std::pair<std::string, std::string>> params;
      for (const auto& [name, value] : step.params) params.emplace_back(name, substitute(value, vars_));
      url += (url.find('?') == std::string::npos ? "?" : "&") + form_encode(params);
    }
    for (int hop = 0;; ++hop) {
      auto [origin, target] = split_url(url);
      if (!origin.empty() && origin != origin_) {
        fail("visit leaves the wiki's host: " + url);
        return cancelled();
      }
      httplib::Request request;
      request.method = "GET";
      request.path = target;
      request.headers = headers_for(target.substr(0, target.find('?')));
      httplib::Result result = send(std::move(request));
      if (!result || result->status / 100 != 3) return result;
      if (hop == 10) {
        fail("more than 10 redirects from " + substitute(step.visit, vars_));
        return cancelled();
      }
      const std::string next = result->get_header_value("Location");
      const auto [next_origin, next_target] = split_url(next);
      if (!next_origin.empty() && next_origin != origin_) return result;  // the last hop on the wiki
      url = next;
    }
  }

  httplib::Result admin(const std::string& method, const std::string& path, const std::string& body) {
    return support::call_control_plane(http_, method, path, body);
  }

  // Sends `request`, storing the cookies it sets.
  httplib::Result send(httplib::Request request) {
    httplib::Result result = http_.send(request);
    if (result) {
      for (auto [it, end] = result->headers.equal_range("Set-Cookie"); it != end; ++it) {
        jar_.store(it->second, std::time(nullptr));
      }
    }
    return result;
  }

  httplib::Headers headers_for(const std::string& path) const {
    httplib::Headers headers = {{"User-Agent", "mockwiki-conform/0.1"}};
    const std::string cookie = jar_.header_for(path, std::time(nullptr));
    if (!cookie.empty()) headers.emplace("Cookie", cookie);
    return headers;
  }

  void check(const Step& step, const httplib::Response& response) {
    std::vector<std::string> set, cleared;
    for (auto [it, end] = response.headers.equal_range("Set-Cookie"); it != end; ++it) {
      auto [name, deleted] = cookie_of(it->second);
      (deleted ? cleared : set).push_back(name);
    }
    const Expect& expect = step.expect;
    if (response.status != expect.status) {
      fail("HTTP status " + std::to_string(response.status) + ", expected " + std::to_string(expect.status));
    }
    if (expect.api_error) {
      const std::string header = response.get_header_value("MediaWiki-API-Error");
      if (header != *expect.api_error) {
        fail("MediaWiki-API-Error \"" + header + "\", expected \"" + *expect.api_error + "\"");
      }
    }
    if (expect.location) {
      const std::string location = response.get_header_value("Location");
      const std::string want = substitute(*expect.location, vars_);
      if (location != want) fail("Location \"" + location + "\", expected \"" + want + "\"");
    }
    const Json body = Json::parse(response.body, nullptr, false);
    support::check_json(body, response.body, expect.json, vars_, [this](const std::string& what) { fail(what); });
    for (const auto& name : expect.cookies_set) {
      if (!any_ends_with(set, name)) fail("no cookie " + name + " was set");
    }
    for (const auto& name : expect.cookies_cleared) {
      if (!any_ends_with(cleared, name)) fail("cookie " + name + " was not deleted");
    }
    for (const auto& [var, from] : step.capture) capture(var, from, response, body);
  }

  void capture(const std::string& var, const std::string& from, const httplib::Response& response, const Json& body) {
    if (from == "<location>") {
      if (!response.has_header("Location")) fail("no Location header to capture");
      vars_[var] = response.get_header_value("Location");
      return;
    }
    const bool captcha = from.rfind("captcha:", 0) == 0;
    const Json::json_pointer at(captcha ? from.substr(8) : from);
    if (body.is_discarded() || !body.contains(at)) {
      fail("nothing to capture at " + at.to_string());
      return;
    }
    const Json& value = body.at(at);
    if (!captcha) {
      vars_[var] = value.is_string() ? value.get<std::string>() : value.dump();
    } else if (auto answer = value.is_string() ? solve_simple_captcha(value.get<std::string>()) : std::nullopt) {
      vars_[var] = *answer;
    } else {
      fail("not a SimpleCaptcha question at " + at.to_string() + ": " + value.dump());
    }
  }

  const Scenario& scenario_;
  std::map<std::string, std::string> vars_;
  std::string origin_, path_;
  httplib::Client http_;
  mediawiki::CookieJar jar_;
  std::size_t index_ = 0;
  Outcome outcome_;
};

}  // namespace

std::string check_wiki(const std::string& api_url) {
  const auto [origin, path] = split_url(api_url);
  if (origin.empty() || path.find('?') != std::string::npos) {
    return "--api must be a URL, http://HOST[:PORT]/PATH/api.php without a query, not \"" + api_url + "\"";
  }
  try {
    httplib::Client http(origin);
    http.set_connection_timeout(10, 0);
    http.set_read_timeout(30, 0);
    auto answer = http.Get(path + "?action=query&format=json", {{"User-Agent", "mockwiki-conform/0.1"}});
    if (!answer) return "no answer from " + api_url + ": " + httplib::to_string(answer.error());
    if (!Json::parse(answer->body, nullptr, false).is_object()) {
      return api_url + " is not an api.php: HTTP " + std::to_string(answer->status) + ", " +
             answer->get_header_value("Content-Type") + ", not a JSON object";
    }
  } catch (const std::exception& e) {  // cpp-httplib refuses schemes but http(s), and bad ports
    return "cannot use " + api_url + ": " + e.what();
  }
  return "";
}

Outcome run(const Scenario& scenario, const std::string& api_url) { return Play(scenario, api_url).run(); }

}  // namespace scenarios
