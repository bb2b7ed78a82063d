# The C++ client library (label "client"): its cookie jar, and its sessions against in-process
# mocks, failures injected through the control plane.
mockwiki_add_test(mediawiki_client_tests LABEL client
  SOURCES
    client/client_login_test.cpp
    client/cookie_jar_test.cpp
    client/session_test.cpp
)
target_link_libraries(mediawiki_client_tests PRIVATE mediawiki_client)
# client_login_test.cpp loads mockwiki/fixtures/oath.json.
target_compile_definitions(mediawiki_client_tests PRIVATE MOCKWIKI_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/mockwiki/fixtures")

# mockwiki-cli (label "client"): against the standalone mock with the two-factor accounts, and
# against real MediaWiki from `../shared/tools/refwiki start 8094 oath` when it is running
# (skipped otherwise).
set(cli_test ${CMAKE_CURRENT_SOURCE_DIR}/tools/cli_client_test.sh)
add_test(NAME client.cli-mock
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/interop/with_mockwiki.sh $<TARGET_FILE:mockwiki_server> --quiet
          --fixture ${PROJECT_SOURCE_DIR}/mockwiki/fixtures/oath.json -- ${cli_test} $<TARGET_FILE:mockwiki_cli>)
add_test(NAME client.cli-refwiki-oath COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/tools/with_refwiki.sh http://127.0.0.1:8094/api.php
         ${cli_test} $<TARGET_FILE:mockwiki_cli> http://127.0.0.1:8094/api.php)
set_tests_properties(client.cli-mock client.cli-refwiki-oath PROPERTIES LABELS client SKIP_RETURN_CODE 77 TIMEOUT 120)
# It logs in as Tofu on the oath reference wiki, as the oath scenarios do: one at a time, so that
# neither spends the TOTP windows or throttle attempts the other counts on.
set_tests_properties(client.cli-refwiki-oath PROPERTIES RESOURCE_LOCK refwiki-oath)
