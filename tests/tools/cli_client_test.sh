#!/usr/bin/env bash
# cli_client_test.sh CLI [API]: mockwiki-cli against a wiki with the reference accounts and
# OATHAuth (the mock with mockwiki/fixtures/oath.json, or real MediaWiki from
# `../shared/tools/refwiki start 8094 oath`): a bot-password login through action=login, a main
# account through clientlogin, two-factor through --oath-secret, whoami and logout after each,
# a wrong password, and the usage errors. API defaults to $MOCKWIKI_API.
set -u
cli=$1
api=${2:-${MOCKWIKI_API:-}}
if [ -z "$api" ]; then echo "no API URL" >&2; exit 2; fi
# A real wiki that is not running: skip (CTest's SKIP_RETURN_CODE).
if ! /usr/bin/python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + "?action=query&format=json", timeout=5)' "$api" 2>/dev/null; then
  echo "no wiki answers at $api; skipping"
  exit 77
fi
jar=$(mktemp); out=$(mktemp); err=$(mktemp)
trap 'rm -f "$jar" "$out" "$err"' EXIT
failures=0
run() { "$cli" --api "$api" --cookie-jar "$jar" "$@" >"$out" 2>"$err"; echo $?; }
check() {  # check NAME EXPECTED_STATUS ACTUAL_STATUS [GREP_PATTERN FILE]
  local name=$1 want=$2 got=$3
  if [ "$got" != "$want" ]; then
    echo "FAIL $name: exit $got, expected $want"; cat "$out" "$err"; failures=$((failures + 1)); return
  fi
  if [ $# -ge 5 ] && ! grep -q -- "$4" "$5"; then
    echo "FAIL $name: no \"$4\" in"; cat "$5"; failures=$((failures + 1)); return
  fi
  echo "ok   $name"
}

rm -f "$jar"
check "bot password login" 0 "$(MW_PASSWORD=b2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i2 run login Alice@alicebot)" "Logged in as Alice" "$out"
check "whoami after it" 0 "$(run whoami)" '"name":"Alice"' "$out"
check "logout" 0 "$(run logout)" "Logged out" "$out"
check "anonymous after logout" 0 "$(run whoami)" '"anon":true' "$out"

rm -f "$jar"
check "clientlogin with a main password" 0 "$(MW_PASSWORD='AlicePassw0rd!23' run login Alice)" "Logged in as Alice" "$out"
check "whoami after it" 0 "$(run whoami)" '"name":"Alice"' "$out"
check "logout" 0 "$(run logout)" "Logged out" "$out"

rm -f "$jar"
check "two-factor from --oath-secret" 0 \
  "$(MW_PASSWORD='TofuPassw0rd!23' run login Tofu --oath-secret JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP)" "Logged in as Tofu" "$out"
check "whoami after it" 0 "$(run whoami)" '"name":"Tofu"' "$out"
check "a call with a csrf token" 0 "$(run call action=checktoken type=csrf --token csrf)" '"result": "valid"' "$out"
check "logout" 0 "$(run logout)" "Logged out" "$out"

rm -f "$jar"
# (Run often against one wiki, the account's password throttle answers instead.)
check "a wrong password" 1 "$(MW_PASSWORD=wrong run login Robo)" "^\(wrongpassword\|login-throttled\): " "$err"
check "an unknown command" 2 "$(run frobnicate)" "unknown command" "$err"
check "no --api" 2 "$("$cli" whoami >"$out" 2>"$err"; echo $?)" "--api URL is required" "$err"

echo "$failures failed"
[ "$failures" -eq 0 ]
