# The mock's scripted login flows and AuthManager's RESTART (label "flows"): the scripted
# provider (mockwiki/flow.h) and Special:MockWikiRedirect, RESTART and preserved state produced
# by a scripted step and by PluggableAuth's mock-only "unlinked": "restart", over HTTP against
# in-process mocks; and the fixture's "flow" key and FlowStep, checked directly.
mockwiki_add_test(mockwiki_scripted_flow_tests LABEL flows
  SOURCES
    mockwiki/auth/providers/scripted_flow_test.cpp
    mockwiki/auth/restart_test.cpp
    mockwiki/flow_test.cpp
)
