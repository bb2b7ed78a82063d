// The tables, one function per area (scenarios/tables/<area>.cpp).
#pragma once

#include <vector>

#include "scenarios/client_scenario.h"
#include "scenarios/scenario.h"

namespace scenarios {

std::vector<Scenario> api_main_scenarios();
std::vector<Scenario> authmanagerinfo_scenarios();
std::vector<Scenario> captcha_scenarios();
std::vector<Scenario> clientlogin_scenarios();
std::vector<ClientScenario> client_scenarios();
std::vector<Scenario> errorformat_scenarios();
std::vector<Scenario> fault_scenarios();
std::vector<Scenario> flow_scenarios();
std::vector<Scenario> login_scenarios();
std::vector<Scenario> mock_only_scenarios();
std::vector<Scenario> pluggableauth_scenarios();
std::vector<Scenario> token_scenarios();
std::vector<Scenario> two_factor_scenarios();
std::vector<Scenario> userinfo_logout_scenarios();

}  // namespace scenarios
