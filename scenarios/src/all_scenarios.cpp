#include "tables/tables.h"

namespace scenarios {

const std::vector<Scenario>& all_scenarios() {
  static const std::vector<Scenario> all = [] {
    std::vector<Scenario> out;
    for (auto table :
         {token_scenarios, login_scenarios, api_main_scenarios, errorformat_scenarios, clientlogin_scenarios,
          authmanagerinfo_scenarios, userinfo_logout_scenarios, two_factor_scenarios, mock_only_scenarios,
          flow_scenarios, captcha_scenarios, pluggableauth_scenarios, fault_scenarios}) {
      auto scenarios = table();
      out.insert(out.end(), std::make_move_iterator(scenarios.begin()), std::make_move_iterator(scenarios.end()));
    }
    return out;
  }();
  return all;
}

const std::vector<ClientScenario>& all_client_scenarios() {
  static const std::vector<ClientScenario> all = client_scenarios();
  return all;
}

}  // namespace scenarios
