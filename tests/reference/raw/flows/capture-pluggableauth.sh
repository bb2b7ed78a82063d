#!/usr/bin/env bash
# Setup 4: PluggableAuth 7.3.0 (REL1_39) with the test-only plugin php/DummyPluggableAuth.
# Writes pluggableauth.txt beside this script.
#
# The wiki: /tmp/refflows-pa-core on port 8098, made by this script (unless --no-reset):
#   git -C /work/.mirror/wikimedia+mediawiki-extensions-PluggableAuth/repo archive REL1_39 | tar -x -C /tmp/pluggableauth
#   REFWIKI_DIR=/tmp/refflows-pa /work/shared/tools/refwiki reset 8098 core
#   cp -r php/DummyPluggableAuth /tmp/refflows-pa-core/
#   then LocalSettings.php gets, after the marker line "# --- mockwiki flows: setup 4 ---":
#     mode A (default):  wfLoadExtension( 'PluggableAuth', '/tmp/pluggableauth/extension.json' );
#                        wfLoadExtension( 'DummyPluggableAuth', __DIR__ . '/DummyPluggableAuth/extension.json' );
#                        $wgPluggableAuth_Config['Example SSO'] = [ 'plugin' => 'Dummy' ];
#     mode A0: mode A + $wgShowExceptionDetails = false;
#     mode B:  the two wfLoadExtension lines + $wgPluggableAuth_EnableLocalLogin = true;
#              $wgPluggableAuth_Config['Example SSO'] = [ 'plugin' => 'Dummy' ];
#              $wgPluggableAuth_Config['Second IdP'] = [ 'plugin' => 'Dummy', 'buttonLabelMessage' => 'login' ];
#   and the server is restarted after each change (that also empties APCu: sessions and throttles).
# The dummy plugin reads the query string of the Special:PluggableAuthLogin request: ?as=NAME,
# ?as=NAME&existing=1, ?error=TEXT, ?fail=1, ?nousername=1; nothing = new user "PAUser".
#   tests/reference/raw/flows/capture-pluggableauth.sh [--no-reset]
set -u
PORT=8098
export REFWIKI_DIR=/tmp/refflows-pa
DIR=$REFWIKI_DIR-core
REFWIKI=/work/shared/tools/refwiki
OUT=$(cd "$(dirname "$0")" && pwd)
MIRROR=/work/.mirror/wikimedia+mediawiki-extensions-PluggableAuth/repo
[ -f /tmp/pluggableauth/extension.json ] || { mkdir -p /tmp/pluggableauth; git -C $MIRROR archive REL1_39 | tar -x -C /tmp/pluggableauth; }
if [ "${1:-}" != "--no-reset" ]; then
  $REFWIKI reset $PORT core >/dev/null
  rm -rf "$DIR/DummyPluggableAuth"; cp -r "$OUT/php/DummyPluggableAuth" "$DIR/"
  echo "# --- mockwiki flows: setup 4 ---" >> "$DIR/LocalSettings.php"
fi
# paconf MODE : rewrite the setup-4 block of LocalSettings.php and restart the server
paconf() {
  sed -i '/^# --- mockwiki flows: setup 4 ---$/,$d' "$DIR/LocalSettings.php"
  {
    echo "# --- mockwiki flows: setup 4 ---"
    echo "wfLoadExtension( 'PluggableAuth', '/tmp/pluggableauth/extension.json' );"
    echo "wfLoadExtension( 'DummyPluggableAuth', __DIR__ . '/DummyPluggableAuth/extension.json' );"
    echo "\$wgPluggableAuth_Config['Example SSO'] = [ 'plugin' => 'Dummy' ];"
    case $1 in
      A0) echo "\$wgShowExceptionDetails = false;" ;;
      B) echo "\$wgPluggableAuth_EnableLocalLogin = true;"
         echo "\$wgPluggableAuth_Config['Second IdP'] = [ 'plugin' => 'Dummy', 'buttonLabelMessage' => 'login' ];" ;;
    esac
  } >> "$DIR/LocalSettings.php"
  $REFWIKI stop $PORT core; sleep 0.5; $REFWIKI start $PORT core >/dev/null
  NB=0
}
MAXBODY=${MAXBODY:-8000} SHOW_BODY_SIZE=1
. "$OUT/capture-lib.sh"  # A, J, rq, hdr, tok, ctok
ALICE_PASS='AlicePassw0rd!23'
F=pluggableauth.txt; : > $OUT/$F

newjar() { rm -f $J/$1; touch $J/$1; }
RT=http://127.0.0.1:$PORT/index.php/Special:PluggableAuthLogin
# NB counts button presses (login attempts without a username) since the last PluggableAuth PASS:
# the IP-only password throttle refuses the 6th. guard runs a silent complete PASS flow to reset it.
NB=0
silentpass() {
  newjar z; local T=$(tok z)
  curl -sS -c $J/z -b $J/z --data-urlencode "logintoken=$T" -d "action=clientlogin&pluggableauthlogin0=1&loginreturnurl=http://example.org/&format=json" "$A" >/dev/null
  curl -sS -c $J/z -b $J/z "$RT?as=ThrottleReset" >/dev/null
  curl -sS -c $J/z -b $J/z --data-urlencode "logintoken=$T" -d "action=clientlogin&logincontinue=1&format=json" "$A" >/dev/null
  NB=0
}
guard() { [ $NB -ge 4 ] && silentpass; NB=$((NB+1)); }
# press JAR "comment" extra-args... : recorded clientlogin begin pressing pluggableauthlogin0 (fresh token)
press() { local j=$1; shift; local c=$1; shift; guard; TK=$(tok $j); rq $F "$c" -c $J/$j -b $J/$j --data-urlencode "logintoken=$TK" "$@" "$A"; }
spress() { local j=$1; guard; TK=$(tok $j); curl -sS -c $J/$j -b $J/$j --data-urlencode "logintoken=$TK" -d "action=clientlogin&pluggableauthlogin0=1&loginreturnurl=http://example.org/back?x=1&format=json" "$A" >/dev/null; }
visit() { curl -sS -c $J/$1 -b $J/$1 -o /dev/null "$RT${2:-}"; }
cont() { local j=$1; shift; local c=$1; shift; local T=$(tok $j); rq $F "$c" -c $J/$j -b $J/$j --data-urlencode "logintoken=$T" "$@" "$A"; }

paconf A
hdr "Setup 4: PluggableAuth 7.3.0 (REL1_39, $(git -C $MIRROR rev-parse REL1_39)) + test-only plugin 'Dummy'. Wiki: $A. Curl's -v output: '>' request, '<' response headers, '[body: N bytes]', then the body. Started $(date -u +%FT%TZ)."
hdr "========== MODE A: \$wgPluggableAuth_Config['Example SSO'] = [ 'plugin' => 'Dummy' ]; \$wgPluggableAuth_EnableLocalLogin default (false: the local password providers are removed)"

hdr "========== a. authmanagerinfo"
rq $F "a1. amirequestsfor=login, fv1" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json"
rq $F "a2. amirequestsfor=login, fv2" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2"
rq $F "a3. fv2 merged" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2&amimergerequestfields=1"
rq $F "a4. fv2 raw (the label is a RawMessage: key = the text)" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2&amimessageformat=raw"
rq $F "a5. fv2 none" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2&amimessageformat=none"
rq $F "a6. fv2 html" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2&amimessageformat=html"
rq $F "a7. no amirequestsfor, fv2 (canlinkaccounts)" "$A?action=query&meta=authmanagerinfo&format=json&formatversion=2"
rq $F "a8. no amirequestsfor, fv1" "$A?action=query&meta=authmanagerinfo&format=json"
rq $F "a9. amirequestsfor=create, fv2 (no password provider left)" "$A?action=query&meta=authmanagerinfo&amirequestsfor=create&format=json&formatversion=2"
rq $F "a10. amirequestsfor=link, fv2 (anonymous)" "$A?action=query&meta=authmanagerinfo&amirequestsfor=link&format=json&formatversion=2"

hdr "========== b. clientlogin pressing pluggableauthlogin0=1 with loginreturnurl=http://example.org/back?x=1: REDIRECT"
newjar b1; rq $F "b0. login token in a fresh jar (Set-Cookie of the anonymous session)" -c $J/b1 -b $J/b1 "$A?action=query&meta=tokens&type=login&format=json&formatversion=2"
press b1 "b1. fv1 (Set-Cookie?)" --data-urlencode "loginreturnurl=http://example.org/back?x=1" -d "action=clientlogin&pluggableauthlogin0=1&format=json"
newjar b2; press b2 "b2. fv2" --data-urlencode "loginreturnurl=http://example.org/back?x=1" -d "action=clientlogin&pluggableauthlogin0=1&format=json&formatversion=2"
newjar b3; press b3 "b3. fv2 merged" --data-urlencode "loginreturnurl=http://example.org/back?x=1" -d "action=clientlogin&pluggableauthlogin0=1&format=json&formatversion=2&loginmergerequestfields=1"
newjar b4; press b4 "b4. fv2 raw" --data-urlencode "loginreturnurl=http://example.org/back?x=1" -d "action=clientlogin&pluggableauthlogin0=1&format=json&formatversion=2&loginmessageformat=raw"
rq $F "b5. authmanagerinfo login-continue in jar b4 while the REDIRECT is pending" -c $J/b4 -b $J/b4 "$A?action=query&meta=authmanagerinfo&amirequestsfor=login-continue&format=json&formatversion=2"

hdr "========== c. GET the redirecttarget"
rq $F "c1. GET $RT with jar b4's session cookie (no parameter: new user PAUser): 302 to the loginreturnurl" -c $J/b4 -b $J/b4 "$RT"
cont b4 "c1b. logincontinue=1 in jar b4: PASS PAUser (auto-created); Set-Cookie" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"; NB=0
rq $F "c1c. userinfo in jar b4" -c $J/b4 -b $J/b4 "$A?action=query&meta=userinfo&uiprop=groups%7Crealname%7Cemail&format=json&formatversion=2"
rq $F "c2. GET the redirecttarget in jar b3 with ?as=NewPerson&realname=New%20Person&email=np@example.org" -c $J/b3 -b $J/b3 "$RT?as=NewPerson&realname=New%20Person&email=np@example.org"
cont b3 "c2b. logincontinue=1 in jar b3: PASS NewPerson" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"; NB=0
rq $F "c2c. userinfo in jar b3" -c $J/b3 -b $J/b3 "$A?action=query&meta=userinfo&uiprop=groups%7Crealname%7Cemail&format=json&formatversion=2"
newjar c3; rq $F "c3. GET the redirecttarget WITHOUT any cookie" -c $J/c3 -b $J/c3 "$RT?as=Nobody"
rq $F "c4. GET the redirecttarget a second time in jar b2 (after a visit, before continuing): visit 1" -c $J/b2 -b $J/b2 "$RT?as=FirstVisit"
rq $F "c4b. visit 2 with ?as=SecondVisit" -c $J/b2 -b $J/b2 "$RT?as=SecondVisit"
cont b2 "c4c. logincontinue=1 in jar b2: which name?" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"; NB=0
rq $F "c5. GET the redirecttarget in jar b1 (fv1 begin) with ?as=Robo (existing account, but no existing=1: id null)" -c $J/b1 -b $J/b1 "$RT?as=Robo"
cont b1 "c5b. logincontinue=1 in jar b1, fv1: PASS as the EXISTING Robo?" -d "action=clientlogin&logincontinue=1&format=json"; NB=0
newjar c6; spress c6
rq $F "c6. GET the special page through index.php?title=Special:PluggableAuthLogin&as=TitleForm (another URL form of the redirecttarget)" -c $J/c6 -b $J/c6 "http://127.0.0.1:$PORT/index.php?title=Special:PluggableAuthLogin&as=TitleForm"
cont c6 "c6b. continue: PASS TitleForm" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"; NB=0

hdr "========== d. continue outcomes"
newjar d1; spress d1; visit d1 "?as=Alice&existing=1"
cont d1 "d1. after visiting ?as=Alice&existing=1: PASS Alice (existing); Set-Cookie" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"; NB=0
newjar d2; spress d2; visit d2 "?error=IdP%20said%20no%20(invalid_grant)"
cont d2 "d2. after visiting ?error=IdP said no (invalid_grant): FAIL, fv2" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"
cont d2 "d2b. a second continue after that FAIL" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"
newjar d3; spress d3; visit d3 "?error=IdP%20said%20no%20(invalid_grant)"
cont d3 "d3. the same FAIL, fv2 raw" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2&loginmessageformat=raw"
[ $NB -ge 4 ] && silentpass
newjar d4; spress d4; visit d4 "?error=IdP%20said%20no%20(invalid_grant)"
cont d4 "d4. the same FAIL, fv2 none" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2&loginmessageformat=none"
newjar d5; spress d5; visit d5 "?error=%3Cb%3EBold%3C/b%3E%20%5B%5BLink%5D%5D%20%7B%7BPAGENAME%7D%7D"
cont d5 "d5. error text with markup (<b>Bold</b> [[Link]] {{PAGENAME}}), fv1 (RawMessage text(): wikitext transforms?)" -d "action=clientlogin&logincontinue=1&format=json"
newjar d5h; spress d5h; visit d5h "?error=%3Cb%3EBold%3C/b%3E%20%5B%5BLink%5D%5D%20%7B%7BPAGENAME%7D%7D"
cont d5h "d5h. the same, loginmessageformat=html" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2&loginmessageformat=html"
newjar d6; spress d6; visit d6 "?fail=1"
cont d6 "d6. plugin returns false without an errorMessage: PluggableAuth's own text" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"
newjar d7; spress d7; visit d7 "?nousername=1"
cont d7 "d7. plugin succeeds with username null: pluggableauth-no-username text" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"
newjar d8; spress d8; visit d8 "?as=Bad%7CName"
cont d8 "d8. plugin returns an invalid username (Bad|Name)" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"
newjar d9; spress d9
cont d9 "d9. continue WITHOUT visiting the redirecttarget, fv2 bc: TypeError" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"
cont d9 "d9b. the same again (AuthManager only catches \\Exception, a TypeError is an \\Error: the state stays)" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"
rq $F "d9c. now visit the redirecttarget (?as=Late)" -c $J/d9 -b $J/d9 "$RT?as=Late"
cont d9 "d9d. continue after the late visit: PASS?" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"; NB=0
newjar d10; spress d10
cont d10 "d10. continue without visiting, fv2 errorformat=plaintext" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2&errorformat=plaintext"
cont d10 "d10b. fv1 bc" -d "action=clientlogin&logincontinue=1&format=json"
cont d10 "d10c. fv1 errorformat=plaintext" -d "action=clientlogin&logincontinue=1&format=json&errorformat=plaintext"
cont d10 "d10d. fv2 errorformat=raw" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2&errorformat=raw"
cont d10 "d10e. fv2 errorformat=none" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2&errorformat=none"
cont d10 "d10f. fv2 errorformat=html" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2&errorformat=html"

hdr "========== g. logincontinue variants"
newjar g1; spress g1; visit g1 "?as=GUser1"
cont g1 "g1. logincontinue=1 + loginreturnurl=http://example.org/other: PASS (returnurl ignored on continue)" --data-urlencode "loginreturnurl=http://example.org/other" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"; NB=0
newjar g2; spress g2; visit g2 "?as=GUser2"
cont g2 "g2. logincontinue=1 + pluggableauthlogin0=1 again: not a continue field (warning), PASS" -d "action=clientlogin&logincontinue=1&pluggableauthlogin0=1&format=json&formatversion=2"; NB=0
newjar g3; spress g3; visit g3 "?as=GUser3"
cont g3 "g3. logincontinue=1 + loginrequests=MediaWiki\\Extension\\PluggableAuth\\ContinueAuthenticationRequest" --data-urlencode 'loginrequests=MediaWiki\Extension\PluggableAuth\ContinueAuthenticationRequest' -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"; NB=0
newjar g4; spress g4; visit g4 "?as=GUser4"
cont g4 "g4. logincontinue=1 + loginrequests=Bogus (ContinueAuthenticationRequest filtered out): workflow failure?" -d "action=clientlogin&logincontinue=1&loginrequests=Bogus&format=json&formatversion=2"
newjar g5; spress g5; visit g5 "?as=GUser5"
cont g5 "g5. a new BEGIN (button again, no logincontinue) after visiting: a new REDIRECT" --data-urlencode "loginreturnurl=http://example.org/back?x=1" -d "action=clientlogin&pluggableauthlogin0=1&format=json&formatversion=2"; NB=$((NB+1))
cont g5 "g5b. continue now without a new visit: the old username was removed by the new begin? (PluggableAuth keys are AuthManager authentication data, cleared on begin)" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"
newjar g6; spress g6; visit g6 "?as=GUser6"
cont g6 "g6. continue with rememberMe=1: rememberMe is not a continue field (warning), 30-day cookies" -d "action=clientlogin&logincontinue=1&rememberMe=1&format=json&formatversion=2"; NB=0
newjar g7; guard; TK=$(tok g7)
rq $F "g7. begin with pluggableauthlogin0=1&rememberMe=1" -c $J/g7 -b $J/g7 --data-urlencode "logintoken=$TK" -d "action=clientlogin&pluggableauthlogin0=1&rememberMe=1&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
visit g7 "?as=GUser7"
cont g7 "g7b. continue: 180-day cookies + Token?" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"; NB=0
newjar g8; guard; TK=$(tok g8)
rq $F "g8. button field absent (begin with only loginreturnurl): no primary" -c $J/g8 -b $J/g8 --data-urlencode "logintoken=$TK" -d "action=clientlogin&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
newjar g9; guard; TK=$(tok g9)
rq $F "g9. username/password sent in mode A (no password provider): warning + no primary" -c $J/g9 -b $J/g9 --data-urlencode "logintoken=$TK" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
T=$(tok g9)
rq $F "g10. action=login (Alice, right password) in mode A" -c $J/g9 -b $J/g9 --data-urlencode "lgtoken=$T" --data-urlencode "lgpassword=$ALICE_PASS" -d "action=login&lgname=Alice&format=json&formatversion=2" "$A"
T=$(tok g9)
rq $F "g11. action=login with a bot password (Robo@mybot) in mode A: bot passwords do not use AuthManager" -c $J/g9 -b $J/g9 --data-urlencode "lgtoken=$T" --data-urlencode "lgpassword=k8f3m2q9w1t7v5n4p6r0s2u8a3c5e7g9" -d "action=login&lgname=Robo@mybot&format=json&formatversion=2" "$A"

hdr "========== e. IP-only password throttle with button presses (after a server restart: throttles empty)"
paconf A
for i in 1 2 3 4 5; do newjar e$i; TK=$(tok e$i); curl -sS -c $J/e$i -b $J/e$i --data-urlencode "logintoken=$TK" -d "action=clientlogin&pluggableauthlogin0=1&loginreturnurl=http://example.org/&format=json" "$A" > $J/.x; echo "(e0.$i: button press $i: $(head -c 60 $J/.x)...)" >> $OUT/$F; done
echo >> $OUT/$F
newjar e6; TK=$(tok e6)
rq $F "e1. the 6th press within 300 s: FAIL login-throttled, fv2" -c $J/e6 -b $J/e6 --data-urlencode "logintoken=$TK" -d "action=clientlogin&pluggableauthlogin0=1&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
rq $F "e2. 7th, fv2 raw" -c $J/e6 -b $J/e6 --data-urlencode "logintoken=$TK" -d "action=clientlogin&pluggableauthlogin0=1&loginreturnurl=http://example.org/&format=json&formatversion=2&loginmessageformat=raw" "$A"
rq $F "e3. 8th, fv1" -c $J/e6 -b $J/e6 --data-urlencode "logintoken=$TK" -d "action=clientlogin&pluggableauthlogin0=1&loginreturnurl=http://example.org/&format=json" "$A"
visit e5 "?as=EUser5"
rq $F "e4. a flow begun before the throttle (jar e5, 5th press) can still be completed after visiting: continue → PASS (and clears the IP key)" -c $J/e5 -b $J/e5 --data-urlencode "logintoken=$(tok e5)" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2" "$A"
rq $F "e5. a new press after that PASS: REDIRECT again" -c $J/e6 -b $J/e6 --data-urlencode "logintoken=$TK" -d "action=clientlogin&pluggableauthlogin0=1&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"

hdr "========== d (cont.). \$wgShowExceptionDetails = false (mode A0; server restarted)"
paconf A0
newjar x1; spress x1
cont x1 "d11. continue without visiting, fv2 bc, ShowExceptionDetails false" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"
cont x1 "d11b. fv1 bc" -d "action=clientlogin&logincontinue=1&format=json"
cont x1 "d11c. fv2 plaintext" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2&errorformat=plaintext"
cont x1 "d11d. fv1 plaintext" -d "action=clientlogin&logincontinue=1&format=json&errorformat=plaintext"

hdr "========== MODE B: \$wgPluggableAuth_EnableLocalLogin = true; two providers 'Example SSO' (no buttonLabelMessage) and 'Second IdP' (buttonLabelMessage 'login'); server restarted"
paconf B
rq $F "f1. amirequestsfor=login, fv2" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2"
rq $F "f2. amirequestsfor=login, fv1" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json"
rq $F "f3. amirequestsfor=login, fv2 merged raw" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2&amimergerequestfields=1&amimessageformat=raw"
rq $F "f3b. amirequestsfor=create, fv2 merged (password providers back)" "$A?action=query&meta=authmanagerinfo&amirequestsfor=create&format=json&formatversion=2&amimergerequestfields=1"
newjar f4; guard; TK=$(tok f4)
rq $F "f4. pluggableauthlogin0=1 + username/password (Alice, right): which wins?" -c $J/f4 -b $J/f4 --data-urlencode "logintoken=$TK" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&pluggableauthlogin0=1&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
newjar f5; guard; TK=$(tok f5)
rq $F "f5. pluggableauthlogin0=1 + username/WRONG password (Throttled)" -c $J/f5 -b $J/f5 --data-urlencode "logintoken=$TK" --data-urlencode "password=wrong" -d "action=clientlogin&username=Throttled&pluggableauthlogin0=1&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
newjar f6; TK=$(tok f6)
rq $F "f6. password only (Alice): PASS" -c $J/f6 -b $J/f6 --data-urlencode "logintoken=$TK" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
newjar f7; guard; TK=$(tok f7)
rq $F "f7. pluggableauthlogin1=1 (Second IdP): REDIRECT" -c $J/f7 -b $J/f7 --data-urlencode "logintoken=$TK" -d "action=clientlogin&pluggableauthlogin1=1&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
visit f7 "?as=SecondUser"
cont f7 "f7b. continue: PASS SecondUser" -d "action=clientlogin&logincontinue=1&format=json&formatversion=2"; NB=0
newjar f8; guard; TK=$(tok f8)
rq $F "f8. both buttons pressed (pluggableauthlogin0=1&pluggableauthlogin1=1)" -c $J/f8 -b $J/f8 --data-urlencode "logintoken=$TK" -d "action=clientlogin&pluggableauthlogin0=1&pluggableauthlogin1=1&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
newjar f9; guard; TK=$(tok f9)
rq $F "f9. pluggableauthlogin0=1 + username only (no password)" -c $J/f9 -b $J/f9 --data-urlencode "logintoken=$TK" -d "action=clientlogin&username=Alice&pluggableauthlogin0=1&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
$REFWIKI stop $PORT core
hdr "Finished $(date -u +%FT%TZ)."
