#!/usr/bin/env bash
# Setup 3: RESTART and preservestate, with the test-only TYPE_LINK primary provider
# php/DummyLinkPrimaryAuthenticationProvider.php. Writes restart.txt beside this script.
#
# The wiki: /tmp/refflows-restart-core on port 8097 (the same port as setup 2: run them one after
# the other; each script stops its server at the end). Made by this script (unless --no-reset):
#   REFWIKI_DIR=/tmp/refflows-restart /work/shared/tools/refwiki reset 8097 core
#   cp php/DummyLinkPrimaryAuthenticationProvider.php /tmp/refflows-restart-core/
#   append to /tmp/refflows-restart-core/LocalSettings.php:
#       require_once __DIR__ . '/DummyLinkPrimaryAuthenticationProvider.php';
#       $wgAuthManagerAutoConfig['primaryauth']['DummyLinkPrimaryAuthenticationProvider'] =
#           [ 'class' => 'DummyLinkPrimaryAuthenticationProvider', 'sort' => 200 ];
#       $wgPasswordAttemptThrottle = [ [ 'count' => 1000, 'seconds' => 300 ] ];
#   restart the server (refwiki stop 8097 core; refwiki start 8097 core, same REFWIKI_DIR)
# ConfirmLinkSecondaryAuthenticationProvider stays disabled (core default).
#   tests/reference/raw/flows/capture-restart.sh [--no-reset]
set -u
PORT=8097
export REFWIKI_DIR=/tmp/refflows-restart
DIR=$REFWIKI_DIR-core
REFWIKI=/work/shared/tools/refwiki
OUT=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" != "--no-reset" ]; then
  $REFWIKI reset $PORT core >/dev/null
  cp "$OUT/php/DummyLinkPrimaryAuthenticationProvider.php" "$DIR/"
  cat >>"$DIR/LocalSettings.php" <<'EOF'
# --- mockwiki flows: setup 3 (RESTART) ---
require_once __DIR__ . '/DummyLinkPrimaryAuthenticationProvider.php';
$wgAuthManagerAutoConfig['primaryauth']['DummyLinkPrimaryAuthenticationProvider'] =
	[ 'class' => 'DummyLinkPrimaryAuthenticationProvider', 'sort' => 200 ];
// Every button press is a login attempt without a username, counted by the IP-only password
// throttle key (5 per 300 s by default; only a PASS without username would clear it). This
// script presses the button ~25 times, so the limit is raised here; see capture-pluggableauth.sh
// for the throttled answer.
$wgPasswordAttemptThrottle = [ [ 'count' => 1000, 'seconds' => 300 ] ];
EOF
  $REFWIKI stop $PORT core; sleep 0.5
fi
$REFWIKI start $PORT core >/dev/null
MAXBODY=${MAXBODY:-8000}
. "$OUT/capture-lib.sh"  # A, J, rq, hdr, tok, ctok
ALICE_PASS='AlicePassw0rd!23'; THR_PASS='ThrottledPassw0rd!23'; ROBO_PASS='RoboPassw0rd!23'
F=restart.txt; : > $OUT/$F

for x in a b c d e f g h i k l m; do touch $J/$x; done
# cl JAR "comment" extra-args... : clientlogin POST with a fresh login token of JAR
cl() { local j=$1; shift; local c=$1; shift; local T=$(tok $j); rq $F "$c" -c $J/$j -b $J/$j --data-urlencode "logintoken=$T" "$@" "$A"; }
ca() { local j=$1; shift; local c=$1; shift; local T=$(ctok $j); rq $F "$c" -c $J/$j -b $J/$j --data-urlencode "createtoken=$T" "$@" "$A"; }
# restart JAR : an unrecorded clientlogin pressing the button (RESTART)
restart() { local T=$(tok $1); curl -sS -c $J/$1 -b $J/$1 --data-urlencode "logintoken=$T" -d "action=clientlogin&dummylink=1&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A" | python3 -c 'import sys,json;print(json.load(sys.stdin)["clientlogin"]["status"])'; }
ami() { rq $F "$2" -c $J/$1 -b $J/$1 "$A?action=query&meta=authmanagerinfo&amirequestsfor=$3&format=json&formatversion=2${4:-}"; }
P='Zq7!newpass-1'

hdr "Setup 3: RESTART and preservestate with a test-only TYPE_LINK primary provider 'DummyLink' (button dummylink, sort 200, after LocalPassword; PASS with username null + createRequest + linkRequest when pressed). ConfirmLink secondary provider NOT enabled (core default). Wiki: $A. Started $(date -u +%FT%TZ)."

hdr "========== a. authmanagerinfo login with the provider"
rq $F "a1. amirequestsfor=login, fv2" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2"
rq $F "a2. amirequestsfor=login, fv1" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json"
rq $F "a3. amirequestsfor=login, fv2 merged + raw" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2&amimergerequestfields=1&amimessageformat=raw"
rq $F "a4. amirequestsfor=create, fv2 (the provider adds nothing for create)" "$A?action=query&meta=authmanagerinfo&amirequestsfor=create&format=json&formatversion=2"
rq $F "a5. amirequestsfor=link, fv2 (anonymous)" "$A?action=query&meta=authmanagerinfo&amirequestsfor=link&format=json&formatversion=2"

hdr "========== b. clientlogin pressing the button: RESTART"
cl a "b1. dummylink=1, fv2 (Set-Cookie?)" -d "action=clientlogin&dummylink=1&loginreturnurl=http://example.org/&format=json&formatversion=2"
cl a "b2. dummylink=1, fv1" -d "action=clientlogin&dummylink=1&loginreturnurl=http://example.org/&format=json"
cl a "b3. dummylink=1, fv2 + loginmergerequestfields=1" -d "action=clientlogin&dummylink=1&loginreturnurl=http://example.org/&format=json&formatversion=2&loginmergerequestfields=1"
cl a "b4. dummylink=1, fv2 + loginmessageformat=raw" -d "action=clientlogin&dummylink=1&loginreturnurl=http://example.org/&format=json&formatversion=2&loginmessageformat=raw"
cl a "b5. dummylink=1, fv2 + loginmessageformat=none" -d "action=clientlogin&dummylink=1&loginreturnurl=http://example.org/&format=json&formatversion=2&loginmessageformat=none"
cl a "b6. dummylink=1, fv2 + loginmessageformat=html" -d "action=clientlogin&dummylink=1&loginreturnurl=http://example.org/&format=json&formatversion=2&loginmessageformat=html"
cl a "b7. dummylink=1 + username + password (Alice, right): the password provider (sort 100) comes first and wins" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&dummylink=1&loginreturnurl=http://example.org/&format=json&formatversion=2"
cl b "b8. dummylink=1 + username + WRONG password: LocalPassword FAILs before DummyLink is asked" --data-urlencode "password=wrong" -d "action=clientlogin&username=Throttled&dummylink=1&loginreturnurl=http://example.org/&format=json&formatversion=2"
cl b "b9. dummylink=1 + username only (no password): PasswordAuthenticationRequest not loaded, so DummyLink is asked: RESTART" -d "action=clientlogin&username=Alice&dummylink=1&loginreturnurl=http://example.org/&format=json&formatversion=2"
cl b "b10. dummylink=1&dummyname=Linky (createRequest->username = Linky; dummyname is read by the provider, not a declared field)" -d "action=clientlogin&dummylink=1&dummyname=Linky&loginreturnurl=http://example.org/&format=json&formatversion=2"
ami b "b11. authmanagerinfo create after b10: preservedusername" create
cl b "b12. dummylink=0 (any value presses a button?)" -d "action=clientlogin&dummylink=0&loginreturnurl=http://example.org/&format=json&formatversion=2"
cl b "b13. dummylink= (empty value)" -d "action=clientlogin&dummylink=&loginreturnurl=http://example.org/&format=json&formatversion=2"

hdr "========== c. authmanagerinfo after a RESTART (jar c)"
rq $F "c0. (unrecorded RESTART in jar c: $(restart c))" -c $J/c -b $J/c "$A?action=query&meta=userinfo&format=json&formatversion=2"
ami c "c1. amirequestsfor=login" login
ami c "c2. amirequestsfor=login-continue (AuthManager keeps the login state with continueRequests = the RESTART's requests, including CreateFromLoginAuthenticationRequest, which authmanagerinfo does NOT filter)" login-continue
ami c "c2b. amirequestsfor=login-continue, fv2 merged + raw" login-continue "&amimergerequestfields=1&amimessageformat=raw"
ami c "c3. amirequestsfor=create" create
ami c "c4. amirequestsfor=create-continue" create-continue
rq $F "c5. amirequestsfor=create, fv1" -c $J/c -b $J/c "$A?action=query&meta=authmanagerinfo&amirequestsfor=create&format=json"
ami c "c6. amirequestsfor=link" link

hdr "========== d. logging in after a RESTART"
cl c "d1. logincontinue=1 with username+password (Alice) right after the RESTART in jar c" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&logincontinue=1&format=json&formatversion=2"
ami c "d1b. authmanagerinfo create afterwards (preserved state gone?)" create
echo "(d: RESTART in jar d: $(restart d))" >> $OUT/$F
ami d "d2a. authmanagerinfo create before d2 (haspreservedstate true)" create
cl d "d2. begin (no logincontinue) with loginpreservestate=1 + username/password (Alice): PASS" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&loginpreservestate=1&loginreturnurl=http://example.org/&format=json&formatversion=2"
ami d "d3. authmanagerinfo create afterwards: preserved state gone" create
ami d "d3b. authmanagerinfo login-continue afterwards" login-continue
ca d "d3c. after that clientlogin PASS (now logged in as Alice): createaccount createpreservestate=1 + username only: the state preserved before the PASS is still used: PASS via DummyLink" -d "action=createaccount&username=AfterPass&createpreservestate=1&createreturnurl=http://example.org/&format=json&formatversion=2"
echo "(d4: RESTART in jar e: $(restart e))" >> $OUT/$F
cl e "d4. begin WITHOUT loginpreservestate, username/password (Robo): PASS" --data-urlencode "password=$ROBO_PASS" -d "action=clientlogin&username=Robo&loginreturnurl=http://example.org/&format=json&formatversion=2"
ami e "d4b. authmanagerinfo create afterwards" create
echo "(d5: RESTART in jar f: $(restart f))" >> $OUT/$F
cl f "d5. logincontinue=1 pressing the button again (dummylink=1): the continue requests include the button, so DummyLink runs again: RESTART again?" -d "action=clientlogin&dummylink=1&logincontinue=1&format=json&formatversion=2"
cl f "d6. logincontinue=1 with nothing (no fields): no primary accepts?" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"
cl f "d7. logincontinue=1 again after that FAIL: not in progress" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"
cl f "d8. loginpreservestate=1 with nothing preserved anymore (d6's FAIL stored createRequest null), Alice: PASS (silently ignored)" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&loginpreservestate=1&loginreturnurl=http://example.org/&format=json&formatversion=2"

hdr "========== e. createaccount after a RESTART"
echo "(e1: RESTART in jar g: $(restart g))" >> $OUT/$F
ca g "e1. createpreservestate=1 + new username/password/retype: PASS (LocalPassword, sort 100, creates it)" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=Preserved1&createpreservestate=1&createreturnurl=http://example.org/&format=json&formatversion=2"
ami g "e1b. authmanagerinfo create afterwards" create
rq $F "e1c. userinfo afterwards (createaccount does not log in)" -c $J/g -b $J/g "$A?action=query&meta=userinfo&format=json&formatversion=2"
ca g "e1d. the preserved state survived e1's PASS (see e1b): createpreservestate=1 + username only in the same jar: DummyLink gets the old createRequest again: PASS" -d "action=createaccount&username=Preserved1b&createpreservestate=1&createreturnurl=http://example.org/&format=json&formatversion=2"
echo "(e2: RESTART in jar h: $(restart h))" >> $OUT/$F
ca h "e2. the same WITHOUT createpreservestate: PASS" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=Preserved2&createreturnurl=http://example.org/&format=json&formatversion=2"
ami h "e2b. authmanagerinfo create afterwards: the preserved state is gone (any non-FAIL/RESTART result removes it)" create
echo "(e3: RESTART in jar i: $(restart i))" >> $OUT/$F
ca i "e3. createpreservestate=1 + username only (no password/retype; hasprimarypreservedstate): DummyLink's beginPrimaryAccountCreation sees its createRequest: PASS" -d "action=createaccount&username=Preserved3&createpreservestate=1&createreturnurl=http://example.org/&format=json&formatversion=2"
echo "(e4: RESTART in jar k: $(restart k))" >> $OUT/$F
ca k "e4. username only WITHOUT createpreservestate: no primary" -d "action=createaccount&username=Preserved4&createreturnurl=http://example.org/&format=json&formatversion=2"
ami k "e4b. authmanagerinfo create after that FAIL (preserved state replaced by null?)" create
echo "(e5: RESTART in jar l with dummyname=Linky2)" >> $OUT/$F
T=$(tok l); curl -sS -c $J/l -b $J/l --data-urlencode "logintoken=$T" -d "action=clientlogin&dummylink=1&dummyname=Linky2&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A" >/dev/null
ca l "e5. createpreservestate=1 with username Other while the preserved createRequest has username Linky2" -d "action=createaccount&username=Other5&createpreservestate=1&createreturnurl=http://example.org/&format=json&formatversion=2"
ca l "e6. createcontinue=1 after that" -d "action=createaccount&createcontinue=1&format=json&formatversion=2"

hdr "========== f. a FAIL right after a RESTART"
echo "(f1: RESTART in jar m: $(restart m))" >> $OUT/$F
cl m "f1. begin, wrong password (Throttled): FAIL; canpreservestate?" --data-urlencode "password=wrong" -d "action=clientlogin&username=Throttled&loginreturnurl=http://example.org/&format=json&formatversion=2"
ami m "f1b. authmanagerinfo create afterwards: preserved state lost" create
echo "(f2: RESTART in jar m again: $(restart m))" >> $OUT/$F
cl m "f2. begin with loginpreservestate=1, wrong password: FAIL; canpreservestate?" --data-urlencode "password=wrong" -d "action=clientlogin&username=Throttled&loginpreservestate=1&loginreturnurl=http://example.org/&format=json&formatversion=2"
ami m "f2b. authmanagerinfo create afterwards" create
echo "(f3: RESTART in jar m again: $(restart m))" >> $OUT/$F
cl m "f3. logincontinue=1 with a wrong password: FAIL; canpreservestate?" --data-urlencode "password=wrong" -d "action=clientlogin&username=Throttled&logincontinue=1&format=json&formatversion=2"
ami m "f3b. authmanagerinfo create afterwards" create
echo "(f4: RESTART in jar m again: $(restart m))" >> $OUT/$F
cl m "f4. a new RESTART right after a RESTART (button again, begin): canpreservestate true again" -d "action=clientlogin&dummylink=1&loginreturnurl=http://example.org/&format=json"
$REFWIKI stop $PORT core
hdr "Finished $(date -u +%FT%TZ)."
