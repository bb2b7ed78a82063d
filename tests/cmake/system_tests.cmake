# The session manager, robustness against bad input and the in-process server's life cycle, all
# over HTTP against in-process mocks; and the standalone command-line program, run as a child.
mockwiki_add_test(mockwiki_system_tests LABEL core
  SOURCES
    mockwiki/session/session_manager_test.cpp
    mockwiki/robustness_test.cpp
    mockwiki/server_test.cpp
)

mockwiki_add_test(mockwiki_cli_tests LABEL core
  SOURCES
    tools/mockwiki_cli_test.cpp
)
target_compile_definitions(mockwiki_cli_tests PRIVATE MOCKWIKI_BINARY="$<TARGET_FILE:mockwiki_server>")
add_dependencies(mockwiki_cli_tests mockwiki_server)
