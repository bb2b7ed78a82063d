// Every conformance scenario (scenarios/tables/) against a fresh in-process mock built with the
// fixture the scenario names (mockwiki/fixtures/<name>.json).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "mockwiki/fixture.h"
#include "mockwiki/server.h"
#include "scenarios/client_scenario.h"
#include "scenarios/runner.h"

namespace scenarios {

// gtest shows a scenario by its name.
void PrintTo(const Scenario& scenario, std::ostream* out) { *out << scenario.name; }
void PrintTo(const ClientScenario& scenario, std::ostream* out) { *out << scenario.name; }

namespace {

// Each fixture file is read once.
const mockwiki::Fixture& fixture_named(const std::string& name) {
  static std::map<std::string, mockwiki::Fixture> loaded;
  auto it = loaded.find(name);
  if (it == loaded.end()) {
    it = loaded.emplace(name, mockwiki::Fixture::load(std::string(MOCKWIKI_FIXTURES_DIR) + "/" + name + ".json")).first;
  }
  return it->second;
}

// Plays `scenario` (HTTP or through the client library) against a fresh mock with its fixture.
template <typename AnyScenario>
void expect_holds_on_the_mock(const AnyScenario& scenario) {
  mockwiki::MockWiki::Options options;
  options.fixture = fixture_named(fixture_of(scenario));
  mockwiki::MockWiki wiki(std::move(options));
  const Outcome outcome = run(scenario, wiki.api_url());
  EXPECT_TRUE(outcome.passed) << scenario.name << " [" << tag_name(scenario.tag) << ", fixture " << fixture_of(scenario)
                              << "] (" << scenario.source << ")\n"
                              << outcome.diff;
}

class ScenarioTest : public ::testing::TestWithParam<Scenario> {};

TEST_P(ScenarioTest, HoldsOnTheMock) { expect_holds_on_the_mock(GetParam()); }

// The client scenarios, through the client library, against the same kind of mock.
class ClientScenarioTest : public ::testing::TestWithParam<ClientScenario> {};

TEST_P(ClientScenarioTest, HoldsThroughTheClientLibrary) { expect_holds_on_the_mock(GetParam()); }

template <typename AnyScenario>
std::string test_name(const ::testing::TestParamInfo<AnyScenario>& info) {
  std::string name;
  for (char c : info.param.name) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(All, ScenarioTest, ::testing::ValuesIn(all_scenarios()), test_name<Scenario>);
INSTANTIATE_TEST_SUITE_P(All, ClientScenarioTest, ::testing::ValuesIn(all_client_scenarios()),
                         test_name<ClientScenario>);

}  // namespace
}  // namespace scenarios
