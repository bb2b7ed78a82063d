# ApiMain's generic behaviour and the query modules (userinfo, authmanagerinfo, siteinfo),
# tested over HTTP against an in-process mock.
mockwiki_add_test(mockwiki_query_module_tests LABEL core
  SOURCES
    mockwiki/api/api_main_test.cpp
    mockwiki/api/modules/userinfo_test.cpp
    mockwiki/api/modules/authmanagerinfo_test.cpp
    mockwiki/api/modules/siteinfo_test.cpp
)
