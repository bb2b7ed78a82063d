# The mock against real MediaWiki 1.39's recorded answers, replayed with ../shared/tools/wikiprobe
# on a fresh mock. Skipped (exit 77) when ../shared is not beside the project.
set(shared ${PROJECT_SOURCE_DIR}/../shared/reference)
set(compare ${CMAKE_CURRENT_SOURCE_DIR}/reference/compare.sh)
set(fixtures ${PROJECT_SOURCE_DIR}/mockwiki/fixtures)
add_test(NAME reference.published-core
  COMMAND ${compare} $<TARGET_FILE:mockwiki_server> ${shared}/cases/fixture.json ${shared}/cases/core.json ${shared}/mw-1.39)
# Recorded by this project (tests/reference/README.md). The mock speaks English only, so the
# one case that asks for German errors is left out.
add_test(NAME reference.recorded-core
  COMMAND ${compare} $<TARGET_FILE:mockwiki_server> ${fixtures}/default.json
          ${CMAKE_CURRENT_SOURCE_DIR}/reference/cases/core-extended.json ${CMAKE_CURRENT_SOURCE_DIR}/reference/mw-1.39
          --only "^(?!main-errorlang-de$)")
# Two-factor authentication (OATHAuth): the published cases, and this project's recordings of
# the refwiki oath profile (TOTP windows, replay, throttle; tests/reference/README.md).
add_test(NAME reference.published-oath
  COMMAND ${compare} $<TARGET_FILE:mockwiki_server> ${shared}/cases/fixture-oath.json ${shared}/cases/oath.json
          ${shared}/mw-1.39-oath)
add_test(NAME reference.recorded-oath
  COMMAND ${compare} $<TARGET_FILE:mockwiki_server> ${fixtures}/oath.json
          ${CMAKE_CURRENT_SOURCE_DIR}/reference/cases/oath-extended.json ${CMAKE_CURRENT_SOURCE_DIR}/reference/mw-1.39-oath)
set_tests_properties(reference.published-core reference.recorded-core reference.published-oath reference.recorded-oath PROPERTIES
  LABELS reference SKIP_RETURN_CODE 77 TIMEOUT 300)
