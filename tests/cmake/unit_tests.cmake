# The parts behind the public headers, tested directly without a server: one test file per
# source file, in the layout of mockwiki/src.
mockwiki_add_test(mockwiki_unit_tests LABEL core
  SOURCES
    mockwiki/clock_test.cpp
    mockwiki/fixture_test.cpp
    mockwiki/api/error_formatter_test.cpp
    mockwiki/api/json_printer_test.cpp
    mockwiki/api/message_test.cpp
    mockwiki/api/messages_test.cpp
    mockwiki/api/result_test.cpp
    mockwiki/auth/bot_password_test.cpp
    mockwiki/auth/permissions_test.cpp
    mockwiki/auth/throttler_test.cpp
    mockwiki/auth/user_name_test.cpp
    mockwiki/http/cookies_test.cpp
    mockwiki/http/request_params_test.cpp
    mockwiki/session/session_store_test.cpp
    mockwiki/session/token_test.cpp
    mockwiki/util/text_test.cpp
    mockwiki/util/utf8_test.cpp
)
# fixture_test.cpp loads the project's fixture files.
target_compile_definitions(mockwiki_unit_tests PRIVATE
  MOCKWIKI_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/mockwiki/fixtures")
