// Every conformance scenario (scenarios/tables/) against a fresh in-process mock.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mockwiki/fixture.h"
#include "mockwiki/server.h"
#include "scenarios/runner.h"

namespace scenarios {

// gtest shows a scenario by its name.
void PrintTo(const Scenario& scenario, std::ostream* out) { *out << scenario.name; }

namespace {

class ScenarioTest : public ::testing::TestWithParam<Scenario> {};

TEST_P(ScenarioTest, HoldsOnTheMock) {
  mockwiki::MockWiki wiki;
  const Outcome outcome = run(GetParam(), wiki.api_url());
  EXPECT_TRUE(outcome.passed) << GetParam().name << " (" << GetParam().source << ")\n" << outcome.diff;
}

// The oath scenarios, against a mock with OATHAuth and the two-factor accounts
// (mockwiki/fixtures/oath.json, as ../shared/reference/cases/fixture-oath.json).
class OathScenarioTest : public ::testing::TestWithParam<Scenario> {};

TEST_P(OathScenarioTest, HoldsOnTheMockWithOathAuth) {
  mockwiki::MockWiki::Options options;
  options.fixture = mockwiki::Fixture::load(std::string(MOCKWIKI_FIXTURES_DIR) + "/oath.json");
  mockwiki::MockWiki wiki(std::move(options));
  const Outcome outcome = run(GetParam(), wiki.api_url());
  EXPECT_TRUE(outcome.passed) << GetParam().name << " (" << GetParam().source << ")\n" << outcome.diff;
}

// The scenarios for one kind of mock: with OATHAuth (the oath ones) or without (the others).
std::vector<Scenario> scenarios_needing_oath(bool oath) {
  std::vector<Scenario> out;
  for (const auto& scenario : all_scenarios()) {
    if ((scenario.tag == Tag::Oath) == oath) out.push_back(scenario);
  }
  return out;
}

std::string test_name(const ::testing::TestParamInfo<Scenario>& info) {
  std::string name;
  for (char c : info.param.name) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(All, ScenarioTest, ::testing::ValuesIn(scenarios_needing_oath(false)), test_name);
INSTANTIATE_TEST_SUITE_P(Oath, OathScenarioTest, ::testing::ValuesIn(scenarios_needing_oath(true)), test_name);

}  // namespace
}  // namespace scenarios
