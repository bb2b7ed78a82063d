# The login flows of single sign-on, scripted flows and RESTART (label "flows"): PluggableAuth
# with OpenIDConnect and its fake identity provider, Special:PluggableAuthLogin, the scripted
# provider (mockwiki/flow.h) and AuthManager's RESTART and preserved state, tested over HTTP
# against in-process mocks; and the checks of flow steps and of the fixture keys behind them.
mockwiki_add_test(mockwiki_sso_flow_tests LABEL flows
  SOURCES
    mockwiki/auth/providers/pluggable_auth_test.cpp
    mockwiki/web/pluggable_auth_login_test.cpp
    mockwiki/web/openid_provider_test.cpp
)
