# The authentication modules (clientlogin, logout, meta=tokens, checktoken), tested over HTTP
# against an in-process mock.
mockwiki_add_test(mockwiki_auth_module_tests LABEL core
  SOURCES
    mockwiki/api/modules/clientlogin_test.cpp
    mockwiki/api/modules/logout_test.cpp
    mockwiki/api/modules/tokens_test.cpp
    mockwiki/api/modules/checktoken_test.cpp
)
