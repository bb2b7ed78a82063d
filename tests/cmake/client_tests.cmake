# The C++ client library (label "client"): its cookie jar, and its sessions against in-process
# mocks, failures injected through the control plane.
mockwiki_add_test(mediawiki_client_tests LABEL client
  SOURCES
    client/cookie_jar_test.cpp
    client/session_test.cpp
)
target_link_libraries(mediawiki_client_tests PRIVATE mediawiki_client)
