// scenarios/client_scenario.h: a scenario played through the client library (client/,
// mediawiki::Session) rather than as raw HTTP: what a bot built on it does, step by step, and
// what each step must come to. It shows the library copes with what wikis do: it logs in, it
// logs in again when the session dies, it fetches a fresh token when one is refused, it waits
// out maxlag.
//
//   {.name = "client/lost-session-logs-in-again",
//    .tag = Tag::Core,
//    .source = "NOTES.md §7, §8 (assertuserfailed); client/src/session.cpp",
//    .steps = {{.name = "log in", .action = ClientAction::Login, .user = "{ALICE_BOT}",
//               .password = "{ALICE_BOT_PASS}"},
//              {.name = "lose the cookie", .action = ClientAction::DropCookie, .cookie = "_BPsession"},
//              {.name = "who am I", .action = ClientAction::Get,
//               .params = {{"action", "query"}, {"meta", "userinfo"}},
//               .json = {{"/query/userinfo/name", R"("Alice")"}}}}}
//
// Variables ({ALICE}, captures are not needed here) are those of runner.h's fixture_variables().
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenarios/runner.h"
#include "scenarios/scenario.h"

namespace scenarios {

enum class ClientAction {
  Login,          // Session::login(user, password): a bot password through action=login
  ClientLogin,    // client_login(user, password), answering two-factor with totp_secret's codes
  SsoLogin,       // client_login with `params` as the first fields (a button), following the REDIRECT
  Get,            // Session::get(params)
  PostWithToken,  // Session::post_with_token(params, token_type)
  Logout,         // Session::logout()
  DropCookie,     // the session forgets the cookie whose name ends with `cookie`, as if it expired
  Admin,          // a call to the mock's control plane (mock-tagged scenarios)
};

struct ClientStep {
  std::string name;
  ClientAction action = ClientAction::Get;
  std::string user, password;  // Login, ClientLogin
  std::string totp_secret;     // ClientLogin: Base32 (or a variable), for OATHAuth's UI step
  std::vector<std::pair<std::string, std::string>> params;           // Get, PostWithToken; SsoLogin's fields
  std::vector<std::pair<std::string, std::string>> redirect_params;  // SsoLogin: added to redirecttarget
  std::string token_type = "csrf";                                   // PostWithToken
  std::string cookie;                                                // DropCookie
  std::optional<AdminCall> admin;                                    // Admin

  // What the step must come to: an error (ApiError's code, LoginError's result such as
  // "Failed" or "FAIL", or "transport" / "protocol"), or none ("") and these checks on the answer
  // (Get, PostWithToken, Admin) or on {"user": the session's user} (the logins, Logout).
  std::string error;
  std::vector<Check> json;
};

struct ClientScenario {
  std::string name;  // "client/what-it-shows"
  Tag tag = Tag::Core;
  std::string source;
  std::string fixture;  // as Scenario::fixture
  std::vector<ClientStep> steps;
};

// Every client scenario, in table order.
const std::vector<ClientScenario>& all_client_scenarios();

std::string fixture_of(const ClientScenario& scenario);

// Plays `scenario` with a new mediawiki::Session on api.php at `api_url`.
Outcome run(const ClientScenario& scenario, const std::string& api_url);

}  // namespace scenarios
