# Real third-party clients against the standalone mock, started the way a user starts it.
# They skip (exit 77) when the client library is not installed.
set(interop ${CMAKE_CURRENT_SOURCE_DIR}/interop)
add_test(NAME interop.python3-mwclient
  COMMAND ${interop}/with_mockwiki.sh $<TARGET_FILE:mockwiki_server> -- /usr/bin/python3 ${interop}/mwclient_test.py)
add_test(NAME interop.perl-mediawiki-api
  COMMAND ${interop}/with_mockwiki.sh $<TARGET_FILE:mockwiki_server> -- /usr/bin/perl ${interop}/mediawiki_api_test.pl)
set_tests_properties(interop.python3-mwclient interop.perl-mediawiki-api PROPERTIES LABELS interop SKIP_RETURN_CODE 77 TIMEOUT 120)
# The README's example: a bot's regression test in Python that starts the standalone mock
# itself and drives its clock and faults through the admin API.
add_test(NAME interop.python-bot-regression
  COMMAND /usr/bin/python3 ${interop}/bot_regression_example.py $<TARGET_FILE:mockwiki_server>)
set_tests_properties(interop.python-bot-regression PROPERTIES LABELS "interop;control" TIMEOUT 60)
