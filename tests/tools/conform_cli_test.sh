#!/usr/bin/env bash
# conform_cli_test.sh MOCKWIKI_CONFORM: mockwiki-conform's command line against the standalone
# mock at $MOCKWIKI_API (tests/interop/with_mockwiki.sh starts it): exit statuses, the last line,
# --list, --filter, --junit, and clear errors for a wrong URL, fixture, profile or regex.
set -u
conform=$1
api=${MOCKWIKI_API:?no MOCKWIKI_API}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
failures=0
check() {  # check NAME EXPECTED_STATUS PATTERN_IN_OUTPUT -- ARGS...
  local name=$1 want=$2 pattern=$3; shift 4
  "$conform" "$@" >"$tmp/out" 2>&1
  local got=$?
  if [ "$got" -ne "$want" ] || ! grep -Eq -- "$pattern" "$tmp/out"; then
    echo "FAIL $name: exit $got (expected $want), output:"; sed 's/^/  /' "$tmp/out"
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}
check "all tokens scenarios pass" 0 '^10 passed, 0 failed$' -- --api "$api" --filter '^tokens/'
check "the last line counts them" 0 '^[0-9]+ passed, 0 failed$' -- --api "$api" --profile mock --filter '^(fault|client)/'
check "--list names without running" 0 '^login/bot-password-success  \[core\]' -- --list --filter '^login/bot'
check "no wiki at the URL" 2 'no answer from http://127.0.0.1:1/api.php' -- --api http://127.0.0.1:1/api.php
check "not an api.php" 2 'is not an api.php' -- --api "${api%api.php}nowhere.php"
check "not a URL" 2 'must be a URL' -- --api nourl
check "unknown fixture" 2 'no scenario needs a fixture "nosuch"' -- --api "$api" --fixture nosuch
check "unknown profile" 2 'profile is core, oath or mock' -- --api "$api" --profile all
check "bad regex" 2 'not a regular expression' -- --api "$api" --filter '('
check "empty selection" 2 'no scenario is in profile' -- --api "$api" --filter '^nothing-matches$'
check "missing --api" 2 'api URL is required' --
# An oath scenario against a mock without two-factor accounts fails, with a diff and exit 1.
check "a failure is shown and counted" 1 '^FAIL oath/the-current-code-passes' -- --api "$api" --profile oath --filter 'current-code'
"$conform" --api "$api" --filter '^tokens/(by-post|several)' --junit "$tmp/report.xml" >/dev/null
if grep -q '<testsuite name="mockwiki-conform" tests="2" failures="0">' "$tmp/report.xml" &&
   [ "$(grep -c '<testcase ' "$tmp/report.xml")" -eq 2 ]; then
  echo "ok   --junit writes the report"
else
  echo "FAIL --junit:"; cat "$tmp/report.xml"; failures=$((failures + 1))
fi
check "--junit to an unwritable place" 2 'cannot write' -- --api "$api" --filter '^tokens/by-post' --junit /nonexistent/dir/r.xml
[ "$failures" -eq 0 ]
