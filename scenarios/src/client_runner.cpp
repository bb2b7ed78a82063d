// Plays client scenarios (client_scenario.h) through mediawiki::Session.
#include <httplib.h>

#include <algorithm>
#include <thread>

#include "mediawiki/client_login.h"
#include "mediawiki/errors.h"
#include "mediawiki/session.h"
#include "scenarios/client_scenario.h"
#include "src/play_support.h"

namespace scenarios {

std::string fixture_of(const ClientScenario& scenario) {
  if (!scenario.fixture.empty()) return scenario.fixture;
  return scenario.tag == Tag::Oath ? "oath" : "default";
}

namespace {

using support::Json;
using support::substitute;

mediawiki::Params substituted(const std::vector<std::pair<std::string, std::string>>& params,
                              const std::map<std::string, std::string>& vars) {
  mediawiki::Params out;
  for (const auto& [name, value] : params) out.emplace_back(name, substitute(value, vars));
  return out;
}

mediawiki::Session::Options session_options() {
  mediawiki::Session::Options options;
  options.user_agent = "mockwiki-conform/0.1 (client scenarios; the mockwiki client library)";
  options.retry_delay = std::chrono::milliseconds(100);
  // The library's waits (Retry-After, backoff) shortened to at most 0.1 s: the scenarios test
  // what it does, not how long it sleeps, and the suite stays fast.
  options.wait = [](std::chrono::milliseconds delay) {
    std::this_thread::sleep_for(std::min(delay, std::chrono::milliseconds(100)));
  };
  return options;
}

}  // namespace

Outcome run(const ClientScenario& scenario, const std::string& api_url) {
  Outcome outcome;
  auto vars = fixture_variables();
  vars["API"] = api_url;
  mediawiki::Session session(api_url, session_options());
  httplib::Client control(support::split_url(api_url).first);
  control.set_read_timeout(30, 0);

  // A mock scenario starts from the fixture's state, whatever ran on this mock before it.
  if (scenario.tag == Tag::Mock) {
    if (const std::string problem = support::reset_mock(control); !problem.empty()) {
      outcome.diff = problem + "\n";
      return outcome;
    }
  }
  for (std::size_t i = 0; i < scenario.steps.size(); ++i) {
    const ClientStep& step = scenario.steps[i];
    auto fail = [&](const std::string& what) {
      outcome.diff += "step " + std::to_string(i + 1) + " (" + step.name + "): " + what + "\n";
    };
    auto whoami = [&] { return Json{{"user", session.user() ? Json(*session.user()) : Json(nullptr)}}; };
    Json answer;
    std::string error, detail;
    try {
      switch (step.action) {
        case ClientAction::Login:
          session.login(substitute(step.user, vars), substitute(step.password, vars));
          answer = whoami();
          break;
        case ClientAction::ClientLogin: {
          mediawiki::ClientLoginHandlers handlers;
          // Codes for the wiki's time: the mock's clock, which scenarios may have moved.
          if (!step.totp_secret.empty()) {
            handlers.ui = mediawiki::totp_handler(substitute(step.totp_secret, vars),
                                                  [&control] { return support::wiki_time(control); });
          }
          mediawiki::client_login(session, substitute(step.user, vars), substitute(step.password, vars), handlers);
          answer = whoami();
          break;
        }
        case ClientAction::SsoLogin: {
          mediawiki::ClientLoginOptions options;
          mediawiki::ClientLoginHandlers handlers;
          handlers.redirect =
              mediawiki::follow_redirect_handler(session, options, substituted(step.redirect_params, vars));
          mediawiki::client_login(session, substituted(step.params, vars), handlers, options);
          answer = whoami();
          break;
        }
        case ClientAction::Get:
          answer = session.get(substituted(step.params, vars));
          break;
        case ClientAction::PostWithToken:
          answer = session.post_with_token(substituted(step.params, vars), step.token_type);
          break;
        case ClientAction::Logout:
          session.logout();
          answer = whoami();
          break;
        case ClientAction::DropCookie:
          if (support::drop_cookies(session.cookies(), step.cookie) == 0) {
            fail("no cookie ending in " + step.cookie + " to drop");
            continue;
          }
          break;
        case ClientAction::Admin: {
          if (!step.admin) {
            fail("an Admin step without its call");
            continue;
          }
          auto result = support::call_control_plane(control, step.admin->method, step.admin->path,
                                                    substitute(step.admin->body, vars));
          if (!result) {
            fail("no answer from the control plane: " + httplib::to_string(result.error()));
            outcome.passed = false;
            return outcome;
          }
          if (support::not_the_mock(result)) {
            fail("no control plane at /__mockwiki/ (not the mock?)");
            outcome.passed = false;
            return outcome;
          }
          if (result->status / 100 != 2)
            fail("the control plane answered " + std::to_string(result->status) + ": " + result->body);
          answer = Json::parse(result->body, nullptr, false);
          break;
        }
      }
    } catch (const mediawiki::ApiError& e) {
      error = e.code(), detail = e.what();
    } catch (const mediawiki::LoginError& e) {
      error = e.result(), detail = e.what();
    } catch (const mediawiki::TransportError& e) {
      error = "transport", detail = e.what();
    } catch (const mediawiki::ProtocolError& e) {
      error = "protocol", detail = e.what();
    } catch (const std::exception& e) {
      error = "exception", detail = e.what();
    }
    if (error != step.error) {
      fail((error.empty() ? std::string("succeeded") : "failed with " + error + " (" + detail + ")") +
           (step.error.empty() ? "" : ", expected " + step.error));
      continue;
    }
    if (error.empty()) support::check_json(answer, answer.dump(), step.json, vars, fail);
  }
  outcome.passed = outcome.diff.empty();
  return outcome;
}

}  // namespace scenarios
