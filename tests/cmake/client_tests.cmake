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
