# The control plane (label "control"): accounts, sessions, injected faults and the journal of
# requests, through MockWiki's C++ API (mockwiki/control.h) and the admin HTTP API under
# /__mockwiki/, tested over HTTP against in-process mocks.
mockwiki_add_test(mockwiki_control_tests LABEL control
  SOURCES
    mockwiki/control/control_plane_test.cpp
    mockwiki/control/faults_test.cpp
    mockwiki/control/journal_test.cpp
    mockwiki/control/admin_api_test.cpp
)
# control_plane_test.cpp loads mockwiki/fixtures/oath.json.
target_compile_definitions(mockwiki_control_tests PRIVATE
  MOCKWIKI_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/mockwiki/fixtures")
