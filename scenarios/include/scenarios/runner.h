// scenarios/runner.h: plays a scenario against a wiki over HTTP, with a fresh cookie jar, and
// says where its answers differ from the expectations.
#pragma once

#include <map>
#include <string>

#include "scenarios/scenario.h"

namespace scenarios {

struct Outcome {
  bool passed = false;
  std::string diff;  // what differed, a line each (empty when passed)
};

// The variables the reference fixture defines ({ALICE}, {ALICE_PASS}, ...).
std::map<std::string, std::string> fixture_variables();

// "" when an api.php answers at `api_url` (action=query&format=json gives a JSON object), else
// what is wrong, for a person to read.
std::string check_wiki(const std::string& api_url);

// Runs `scenario` against api.php at `api_url`. Clock moves and control-plane steps go to the
// mock's admin API beside it (/__mockwiki/); against a wiki without one, a step that needs it
// fails. A mock-tagged scenario first resets the mock (POST /__mockwiki/reset) to its fixture,
// so that it does not depend on what ran before it; core and oath ones never touch the control
// plane, and share the wiki's state (its throttles) as on a real wiki.
Outcome run(const Scenario& scenario, const std::string& api_url);

}  // namespace scenarios
