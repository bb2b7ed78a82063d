#!/usr/bin/env bash
# Setup 2: action=createaccount on a stock wiki (no extensions). Writes createaccount.txt beside this script.
#
# The wiki: /tmp/refflows-create-core on port 8097, made by this script (unless --no-reset):
#   REFWIKI_DIR=/tmp/refflows-create /work/shared/tools/refwiki reset 8097 core
# (no LocalSettings changes for parts 1-3; part 4 appends
#   $wgAccountCreationThrottle = [ [ 'count' => 2, 'seconds' => 86400 ] ];
#  and restarts the server; part 5 removes it again.) The server is stopped at the end.
#   tests/reference/raw/flows/capture-createaccount.sh [--no-reset]
set -u
PORT=8097
export REFWIKI_DIR=/tmp/refflows-create
DIR=$REFWIKI_DIR-core
REFWIKI=/work/shared/tools/refwiki
OUT=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" != "--no-reset" ]; then
  $REFWIKI reset $PORT core >/dev/null
else
  $REFWIKI start $PORT core >/dev/null
fi
. "$OUT/capture-lib.sh"  # A, J, rq, hdr, tok, ctok
ALICE_PASS='AlicePassw0rd!23'
F=createaccount.txt; : > $OUT/$F

for x in a b c d e f g h i; do touch $J/$x; done
P='Zq7!newpass-1'
# ca JAR "comment" extra-curl-args... : createaccount POST with a fresh createtoken of JAR
ca() { local j=$1; shift; local c=$1; shift; local T=$(ctok $j); rq $F "$c" -c $J/$j -b $J/$j --data-urlencode "createtoken=$T" "$@" "$A"; }

hdr "Setup 2: action=createaccount on a stock MediaWiki 1.39 (refwiki profile core, no extensions). Wiki: $A. Curl's -v output: '>' request, '<' response headers, then the body. Started $(date -u +%FT%TZ)."

hdr "========== 1. authmanagerinfo for create, tokens"
rq $F "1a. meta=authmanagerinfo&amirequestsfor=create, fv2" "$A?action=query&meta=authmanagerinfo&amirequestsfor=create&format=json&formatversion=2"
rq $F "1b. the same, fv1" "$A?action=query&meta=authmanagerinfo&amirequestsfor=create&format=json"
rq $F "1c. the same, fv2 merged + raw" "$A?action=query&meta=authmanagerinfo&amirequestsfor=create&format=json&formatversion=2&amimergerequestfields=1&amimessageformat=raw"
rq $F "1d. meta=tokens&type=createaccount in a fresh jar, fv2 (Set-Cookie)" -c $J/a -b $J/a "$A?action=query&meta=tokens&type=createaccount&format=json&formatversion=2"
rq $F "1e. meta=authmanagerinfo&amirequestsfor=create-continue with nothing in progress" "$A?action=query&meta=authmanagerinfo&amirequestsfor=create-continue&format=json&formatversion=2"

hdr "========== 2. PASS and FAIL"
ca a "2a. PASS, new name NewUserA, fv2" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=NewUserA&createreturnurl=http://example.org/&format=json&formatversion=2"
rq $F "2a2. userinfo in that jar afterwards (fv2)" -c $J/a -b $J/a "$A?action=query&meta=userinfo&format=json&formatversion=2"
ca b "2b. PASS, new name NewUserB, fv1" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=NewUserB&createreturnurl=http://example.org/&format=json"
T=$(tok b)
rq $F "2c. the new account NewUserA logs in with clientlogin (jar b)" -c $J/b -b $J/b --data-urlencode "logintoken=$T" --data-urlencode "password=$P" -d "action=clientlogin&username=NewUserA&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
ca c "2d. existing name Alice: FAIL userexists, fv2" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=Alice&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "2d2. existing name Alice, fv1" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=Alice&createreturnurl=http://example.org/&format=json"
ca c "2d3. existing name Alice, fv2 createmessageformat=raw" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=Alice&createreturnurl=http://example.org/&format=json&formatversion=2&createmessageformat=raw"
ca c "2d4. existing name in lower case (alice): FAIL userexists (name normalised)" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=alice&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "2e. retype mismatch: FAIL badretype" --data-urlencode "password=$P" --data-urlencode "retype=${P}x" -d "action=createaccount&username=NewUserC&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "2e2. retype mismatch, createmessageformat=raw" --data-urlencode "password=$P" --data-urlencode "retype=${P}x" -d "action=createaccount&username=NewUserC&createreturnurl=http://example.org/&format=json&formatversion=2&createmessageformat=raw"
ca c "2f. invalid name Bad|Name" --data-urlencode "password=$P" --data-urlencode "retype=$P" --data-urlencode "username=Bad|Name" -d "action=createaccount&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "2f2. invalid name Foo#bar" --data-urlencode "password=$P" --data-urlencode "retype=$P" --data-urlencode "username=Foo#bar" -d "action=createaccount&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "2f3. invalid name Foo#bar, raw" --data-urlencode "password=$P" --data-urlencode "retype=$P" --data-urlencode "username=Foo#bar" -d "action=createaccount&createreturnurl=http://example.org/&format=json&formatversion=2&createmessageformat=raw"
ca c "2f4. name that is an IP address (10.0.0.1)" --data-urlencode "password=$P" --data-urlencode "retype=$P" --data-urlencode "username=10.0.0.1" -d "action=createaccount&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "2f5. name with a slash (Foo/bar: valid for creation?)" --data-urlencode "password=$P" --data-urlencode "retype=$P" --data-urlencode "username=Foo/bar" -d "action=createaccount&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "2f6. name with an @ (Foo@bar)" --data-urlencode "password=$P" --data-urlencode "retype=$P" --data-urlencode "username=Foo@bar" -d "action=createaccount&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "2f7. lower-case first letter and underscore (new_lower): PASS as?" --data-urlencode "password=$P" --data-urlencode "retype=$P" --data-urlencode "username=new_lower" -d "action=createaccount&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "2f8. empty username" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "2f9. no username parameter at all" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "2g. missing retype" --data-urlencode "password=$P" -d "action=createaccount&username=NewUserD&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "2h. missing password (retype given)" --data-urlencode "retype=$P" -d "action=createaccount&username=NewUserD&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "2h2. missing password and retype" -d "action=createaccount&username=NewUserD&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "2h3. empty password and retype" -d "action=createaccount&username=NewUserD&password=&retype=&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "2h4. password in the query string: mustpostparams?" --data-urlencode "retype=$P" -d "action=createaccount&username=NewUserD&createreturnurl=http://example.org/&format=json&formatversion=2" --url-query "password=$P"
T=$(ctok c)
rq $F "2i. GET with createtoken in the query string" -c $J/c -b $J/c -G --data-urlencode "createtoken=$T" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=NewUserD&createreturnurl=http://example.org/&format=json&formatversion=2" "$A"
rq $F "2i2. GET without createtoken" -c $J/c -b $J/c "$A?action=createaccount&username=NewUserD&createreturnurl=http://example.org/&format=json&formatversion=2"
rq $F "2j. POST without createtoken" -c $J/c -b $J/c --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=NewUserD&createreturnurl=http://example.org/&format=json&formatversion=2" "$A"
rq $F "2j2. POST without createtoken, fv1" -c $J/c -b $J/c --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=NewUserD&createreturnurl=http://example.org/&format=json" "$A"
rq $F "2k. wrong createtoken" -c $J/c -b $J/c --data-urlencode "createtoken=0123456789abcdef+\\" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=NewUserD&createreturnurl=http://example.org/&format=json&formatversion=2" "$A"
T=$(tok c)
rq $F "2k2. a LOGIN token as createtoken" -c $J/c -b $J/c --data-urlencode "createtoken=$T" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=NewUserD&createreturnurl=http://example.org/&format=json&formatversion=2" "$A"
ca c "2l. neither createreturnurl nor createcontinue" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=NewUserD&format=json&formatversion=2"
ca c "2l2. createreturnurl=not a url" --data-urlencode "password=$P" --data-urlencode "retype=$P" --data-urlencode "createreturnurl=not a url" -d "action=createaccount&username=NewUserD&format=json&formatversion=2"
ca c "2m. createcontinue=1 with nothing in progress" -d "action=createaccount&createcontinue=1&format=json&formatversion=2"
ca c "2m2. createcontinue=1 with nothing in progress + username/password (unrecognized?)" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=NewUserD&createcontinue=1&format=json&formatversion=2"
ca c "2m3. createcontinue=1, raw" -d "action=createaccount&createcontinue=1&format=json&formatversion=2&createmessageformat=raw"

hdr "========== 3. password policy, email, realname"
ca c "3a. password the same as the username (PwSame / PwSame)" --data-urlencode "password=PwSame" --data-urlencode "retype=PwSame" -d "action=createaccount&username=PwSame&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "3a2. the same, raw" --data-urlencode "password=PwSame" --data-urlencode "retype=PwSame" -d "action=createaccount&username=PwSame&createreturnurl=http://example.org/&format=json&formatversion=2&createmessageformat=raw"
ca c "3b. password a substring of the username (PwSubstring / Substring)" --data-urlencode "password=Substring" --data-urlencode "retype=Substring" -d "action=createaccount&username=PwSubstring&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "3c. password of 1 character (x): MinimalPasswordLength is 1 by default" --data-urlencode "password=x" --data-urlencode "retype=x" -d "action=createaccount&username=PwShort&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "3d. common password (password)" --data-urlencode "password=password" --data-urlencode "retype=password" -d "action=createaccount&username=PwCommon&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "3d2. common password (123456), raw" --data-urlencode "password=123456" --data-urlencode "retype=123456" -d "action=createaccount&username=PwCommon&createreturnurl=http://example.org/&format=json&formatversion=2&createmessageformat=raw"
ca c "3e. email and realname given: PASS" --data-urlencode "password=$P" --data-urlencode "retype=$P" --data-urlencode "email=mail@example.org" --data-urlencode "realname=Real Name" -d "action=createaccount&username=WithMail&createreturnurl=http://example.org/&format=json&formatversion=2"
T=$(tok g); curl -sS -c $J/g -b $J/g --data-urlencode "logintoken=$T" --data-urlencode "password=$P" -d "action=clientlogin&username=WithMail&loginreturnurl=http://example.org/&format=json" "$A" >/dev/null
rq $F "3e2. log in as WithMail: userinfo uiprop=email|realname (stored)" -c $J/g -b $J/g "$A?action=query&meta=userinfo&uiprop=email%7Crealname&format=json&formatversion=2"
ca c "3f. email only (no realname parameter): PASS, but the UserDataAuthenticationRequest is not loaded (every field must be present, even optional ones), so the email is silently dropped" --data-urlencode "password=$P" --data-urlencode "retype=$P" --data-urlencode "email=only@example.org" -d "action=createaccount&username=MailOnly&createreturnurl=http://example.org/&format=json&formatversion=2"
T=$(tok h); curl -sS -c $J/h -b $J/h --data-urlencode "logintoken=$T" --data-urlencode "password=$P" -d "action=clientlogin&username=MailOnly&loginreturnurl=http://example.org/&format=json" "$A" >/dev/null
rq $F "3f1. log in as MailOnly: userinfo uiprop=email|realname (no email stored)" -c $J/h -b $J/h "$A?action=query&meta=userinfo&uiprop=email%7Crealname&format=json&formatversion=2"
ca c "3f2. invalid email (realname given too, empty): FAIL invalidemailaddress" --data-urlencode "password=$P" --data-urlencode "retype=$P" --data-urlencode "email=not-an-email" -d "action=createaccount&username=BadMail&realname=&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "3f3. invalid email, raw" --data-urlencode "password=$P" --data-urlencode "retype=$P" --data-urlencode "email=not-an-email" -d "action=createaccount&username=BadMail&realname=&createreturnurl=http://example.org/&format=json&formatversion=2&createmessageformat=raw"
ca c "3f4. invalid email WITHOUT realname: PASS (email ignored)" --data-urlencode "password=$P" --data-urlencode "retype=$P" --data-urlencode "email=not-an-email" -d "action=createaccount&username=BadMailNoReal&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "3g. unknown extra parameter (foo=1)" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=WithFoo&foo=1&createreturnurl=http://example.org/&format=json&formatversion=2"
ca c "3h. createmessageformat=html on a FAIL (userexists has a newline)" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=Alice&createreturnurl=http://example.org/&format=json&formatversion=2&createmessageformat=html"
ca c "3h2. createmessageformat=none" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=Alice&createreturnurl=http://example.org/&format=json&formatversion=2&createmessageformat=none"
ca c "3i. createrequests=MediaWiki\\Auth\\PasswordAuthenticationRequest only (username request filtered out)" --data-urlencode "password=$P" --data-urlencode "retype=$P" --data-urlencode 'createrequests=MediaWiki\Auth\PasswordAuthenticationRequest' -d "action=createaccount&username=FilterUser&createreturnurl=http://example.org/&format=json&formatversion=2"

hdr "========== 4. createaccount while logged in as Alice"
T=$(tok d)
curl -sS -c $J/d -b $J/d --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&loginreturnurl=http://example.org/&format=json" "$A" >/dev/null
rq $F "4a. userinfo (logged in as Alice)" -c $J/d -b $J/d "$A?action=query&meta=userinfo&format=json&formatversion=2"
rq $F "4b. authmanagerinfo create while logged in" -c $J/d -b $J/d "$A?action=query&meta=authmanagerinfo&amirequestsfor=create&format=json&formatversion=2&amimergerequestfields=1"
ca d "4c. createaccount ByAlice while logged in as Alice: PASS?" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=ByAlice&createreturnurl=http://example.org/&format=json&formatversion=2"
rq $F "4d. userinfo afterwards: still Alice?" -c $J/d -b $J/d "$A?action=query&meta=userinfo&format=json&formatversion=2"
ca d "4e. createaccount with reason (createaccount has no reason field in 1.39 API? reason=...)" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=ByAlice2&reason=because&createreturnurl=http://example.org/&format=json&formatversion=2"
rq $F "4f. list=logevents&letype=newusers: how the creations were logged" "$A?action=query&list=logevents&letype=newusers&leprop=type|user|title|details&format=json&formatversion=2"

hdr "========== 5. \$wgAccountCreationThrottle: default [ [ 'count' => 0, 'seconds' => 86400 ] ] = disabled (count 0). Created so far from 127.0.0.1 without any throttle: see above. Now restart with [ [ 'count' => 2, 'seconds' => 86400 ] ] (the APCu counters start at zero on restart)."
cat >>"$DIR/LocalSettings.php" <<'EOF'
# --- mockwiki flows: setup 2 part 5 ---
$wgAccountCreationThrottle = [ [ 'count' => 2, 'seconds' => 86400 ] ];
EOF
$REFWIKI stop $PORT core; sleep 0.5; $REFWIKI start $PORT core >/dev/null
ca e "5a. creation 1 of 2: PASS" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=Thr1&createreturnurl=http://example.org/&format=json&formatversion=2"
ca e "5b. creation 2 of 2: PASS" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=Thr2&createreturnurl=http://example.org/&format=json&formatversion=2"
ca e "5c. creation 3: FAIL acct_creation_throttle_hit, fv2" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=Thr3&createreturnurl=http://example.org/&format=json&formatversion=2"
ca e "5d. creation 3 again, fv1" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=Thr3&createreturnurl=http://example.org/&format=json"
ca e "5e. creation 3 again, raw" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=Thr3&createreturnurl=http://example.org/&format=json&formatversion=2&createmessageformat=raw"
ca e "5f. creation 3 again, html" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=Thr3&createreturnurl=http://example.org/&format=json&formatversion=2&createmessageformat=html"
ca e "5g. an existing name while throttled: which check wins (userexists or throttle)?" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=Alice&createreturnurl=http://example.org/&format=json&formatversion=2"
ca e "5h. a bad retype while throttled: which check wins?" --data-urlencode "password=$P" --data-urlencode "retype=${P}x" -d "action=createaccount&username=Thr4&createreturnurl=http://example.org/&format=json&formatversion=2"
T=$(tok f)
curl -sS -c $J/f -b $J/f --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&loginreturnurl=http://example.org/&format=json" "$A" >/dev/null
ca f "5i. logged in as Alice (fresh login after the restart) while the IP is throttled (Alice has no noratelimit): FAIL?" --data-urlencode "password=$P" --data-urlencode "retype=$P" -d "action=createaccount&username=ByAlice3&createreturnurl=http://example.org/&format=json&formatversion=2"
sed -i '/# --- mockwiki flows: setup 2 part 5 ---/,$d' "$DIR/LocalSettings.php"
$REFWIKI stop $PORT core
hdr "Finished $(date -u +%FT%TZ)."
