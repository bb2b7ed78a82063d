# The API modules, tested over HTTP against an in-process mock.
mockwiki_add_test(mockwiki_login_tests LABEL core
  SOURCES
    mockwiki/api/modules/login_test.cpp
)
