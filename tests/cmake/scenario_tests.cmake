# The conformance scenarios (label "scenarios"), each against a fresh in-process mock.
mockwiki_add_test(mockwiki_scenario_tests LABEL scenarios SOURCES scenarios/scenarios_test.cpp)
target_link_libraries(mockwiki_scenario_tests PRIVATE mockwiki_scenarios)
# The oath scenarios run against a mock built with mockwiki/fixtures/oath.json.
target_compile_definitions(mockwiki_scenario_tests PRIVATE
  MOCKWIKI_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/mockwiki/fixtures")
# The core scenarios against real MediaWiki from `../shared/tools/refwiki start` (port 8091),
# when it is running; skipped otherwise.
add_test(NAME scenarios.conform-refwiki-core
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/tools/with_refwiki.sh http://127.0.0.1:8091/api.php
          $<TARGET_FILE:mockwiki_conform> --api http://127.0.0.1:8091/api.php --profile core)
# And every scenario against the standalone mock, as a user runs them: a mock per fixture, each
# with the scenarios that need it.
foreach(fixture default oath confirmedit pluggableauth)
  add_test(NAME scenarios.conform-standalone-mock-${fixture}
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/interop/with_mockwiki.sh $<TARGET_FILE:mockwiki_server> --quiet
            --fixture ${PROJECT_SOURCE_DIR}/mockwiki/fixtures/${fixture}.json --
            sh -c "exec \"$0\" --api \"$MOCKWIKI_API\" --profile mock --fixture ${fixture}" $<TARGET_FILE:mockwiki_conform>)
  set_tests_properties(scenarios.conform-standalone-mock-${fixture} PROPERTIES LABELS scenarios TIMEOUT 120)
endforeach()
add_test(NAME scenarios.conform-refwiki-oath
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/tools/with_refwiki.sh http://127.0.0.1:8094/api.php
          $<TARGET_FILE:mockwiki_conform> --api http://127.0.0.1:8094/api.php --profile oath)
set_tests_properties(scenarios.conform-refwiki-oath PROPERTIES RESOURCE_LOCK refwiki-oath)
set_tests_properties(scenarios.conform-refwiki-core scenarios.conform-refwiki-oath PROPERTIES
  LABELS scenarios SKIP_RETURN_CODE 77 TIMEOUT 120)
# mockwiki-conform's command line: statuses, reports and errors.
add_test(NAME scenarios.conform-command-line
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/interop/with_mockwiki.sh $<TARGET_FILE:mockwiki_server> --quiet --
          ${CMAKE_CURRENT_SOURCE_DIR}/tools/conform_cli_test.sh $<TARGET_FILE:mockwiki_conform>)
set_tests_properties(scenarios.conform-command-line PROPERTIES LABELS scenarios TIMEOUT 120)
