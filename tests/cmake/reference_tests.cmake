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
# The login flows this project recorded from real MediaWiki 1.39 set up as
# tests/reference/mw-1.39-flows/refwiki.sh does: ConfirmEdit's captcha, action=createaccount on
# a stock wiki, and PluggableAuth (a dummy plugin on the real wiki, OpenID Connect with the
# mock's fake identity provider here). Replayed with tests/reference/flowprobe.py, so these
# need nothing outside the project.
set(flows ${CMAKE_CURRENT_SOURCE_DIR}/reference/mw-1.39-flows)
set(cases ${CMAKE_CURRENT_SOURCE_DIR}/reference/cases)
add_test(NAME reference.recorded-confirmedit
  COMMAND ${compare} --flowprobe $<TARGET_FILE:mockwiki_server> ${fixtures}/confirmedit.json
          ${cases}/confirmedit.json ${flows}/confirmedit)
add_test(NAME reference.recorded-createaccount
  COMMAND ${compare} --flowprobe $<TARGET_FILE:mockwiki_server> ${fixtures}/default.json
          ${cases}/createaccount.json ${flows}/createaccount)
add_test(NAME reference.recorded-pluggableauth
  COMMAND ${compare} --flowprobe $<TARGET_FILE:mockwiki_server> ${fixtures}/pluggableauth.json
          ${cases}/pluggableauth.json ${flows}/pluggableauth)
set_tests_properties(reference.published-core reference.recorded-core reference.published-oath reference.recorded-oath
  reference.recorded-confirmedit reference.recorded-createaccount reference.recorded-pluggableauth PROPERTIES
  LABELS reference SKIP_RETURN_CODE 77 TIMEOUT 300)
