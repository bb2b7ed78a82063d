# The login flows' providers (label "flows"): OATHAuth two-factor, ConfirmEdit captcha and
# action=createaccount, over HTTP against in-process mocks; and the parts they are built on
# (TOTP, the rate limiter, the object cache, the common-password list), tested directly.
mockwiki_add_test(mockwiki_auth_provider_tests LABEL flows
  SOURCES
    mockwiki/auth/providers/oath_test.cpp
    mockwiki/auth/providers/captcha_test.cpp
    mockwiki/api/modules/createaccount_test.cpp
)
# oath_test.cpp loads mockwiki/fixtures/oath.json.
target_compile_definitions(mockwiki_auth_provider_tests PRIVATE
  MOCKWIKI_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/mockwiki/fixtures")

mockwiki_add_test(mockwiki_auth_provider_unit_tests LABEL flows
  SOURCES
    mockwiki/auth/totp_test.cpp
    mockwiki/auth/rate_limiter_test.cpp
    mockwiki/auth/common_passwords_test.cpp
    mockwiki/object_cache_test.cpp
)
