// Every conformance scenario (scenarios/tables/) against a fresh in-process mock.
#include <gtest/gtest.h>

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

std::string test_name(const ::testing::TestParamInfo<Scenario>& info) {
  std::string name;
  for (char c : info.param.name) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(All, ScenarioTest, ::testing::ValuesIn(all_scenarios()), test_name);

}  // namespace
}  // namespace scenarios
