#!/usr/bin/env bash
# Setup 1: ConfirmEdit (SimpleCaptcha, default config) on login and account creation.
# Writes captcha.txt beside this script.
#
# The wiki: /tmp/refflows-captcha-core on port 8096, made by this script (unless --no-reset):
#   REFWIKI_DIR=/tmp/refflows-captcha /work/shared/tools/refwiki reset 8096 core
#   append to /tmp/refflows-captcha-core/LocalSettings.php:
#       wfLoadExtension( 'ConfirmEdit' );
#   REFWIKI_DIR=/tmp/refflows-captcha /work/shared/tools/refwiki stop 8096 core; ... start 8096 core
# A fresh wiki matters: the bad-login counter (per IP, in APCu of the PHP server process) and the
# throttles must start at zero. Run time: about 7 minutes (it waits for 60-s and 300-s windows).
#   tests/reference/raw/flows/capture-captcha.sh [--no-reset]
set -u
PORT=8096
export REFWIKI_DIR=/tmp/refflows-captcha
DIR=$REFWIKI_DIR-core
REFWIKI=/work/shared/tools/refwiki
OUT=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" != "--no-reset" ]; then
  $REFWIKI reset $PORT core >/dev/null
  cat >>"$DIR/LocalSettings.php" <<'EOF'
# --- mockwiki flows: setup 1 (captcha) ---
wfLoadExtension( 'ConfirmEdit' );
EOF
  $REFWIKI stop $PORT core; sleep 0.5; $REFWIKI start $PORT core >/dev/null
fi
. "$OUT/capture-lib.sh"  # A, J, rq, hdr, tok, ctok
ALICE_PASS='AlicePassw0rd!23'; ADMIN_PASS='AdminPassw0rd!23'; ROBO_PASS='RoboPassw0rd!23'; THR_PASS='ThrottledPassw0rd!23'
F=captcha.txt; : > $OUT/$F

# solve FILE -> "captchaId answer" from an authmanagerinfo (non-merged) or any JSON holding captchaId/captchaInfo fields
solve() {
  python3 - "$1" <<'PY'
import sys, json
d = json.load(open(sys.argv[1]))
def walk(o):
    if isinstance(o, dict):
        if 'captchaId' in o and 'captchaInfo' in o:
            yield o
        for v in o.values(): yield from walk(v)
    elif isinstance(o, list):
        for v in o: yield from walk(v)
f = next(walk(d))
q = f['captchaInfo']['value'].rstrip(' =').replace('\u2212', '-')
print(f['captchaId']['value'], eval(q))
PY
}
# cap JAR [login|create] -> "captchaId answer" (unrecorded authmanagerinfo call in that jar)
cap() { curl -sS -c $J/$1 -b $J/$1 "$A?action=query&meta=authmanagerinfo&amirequestsfor=${2:-login}&format=json&formatversion=2" > $J/.cap; solve $J/.cap; }
ami() { curl -sS -c $J/$1 -b $J/$1 "$A?action=query&meta=authmanagerinfo&amirequestsfor=${2:-login}&format=json&formatversion=2" | python3 -c 'import sys,json;r=json.load(sys.stdin)["query"]["authmanagerinfo"]["requests"];print(" ".join(x["id"] for x in r))'; }
for x in a b c d e f g h i k l m n; do touch $J/$x; done

hdr "Setup 1: ConfirmEdit (Debian-bundled, default config = SimpleCaptcha; triggers createaccount, badlogin (3 failures per IP in 300 s), badloginperuser (20 per user in 600 s)). Wiki: $A (wiki id refwiki). Curl's -v output: '>' request, '<' response headers, then the body. Date/User-Agent/X-Powered-By lines removed. Started $(date -u +%FT%TZ)."

########## a. authmanagerinfo before and after 3 failures
hdr "========== a. meta=authmanagerinfo&amirequestsfor=login before any failure, then after 1, 2 and 3 failed logins"
rq $F "a1. fresh wiki, no cookies: fv2, no captcha request; no Set-Cookie" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2"
FIRSTFAIL=$(date +%s)
for i in 1 2 3; do
  T=$(tok a)
  rq $F "a2.$i failed clientlogin #$i from the IP (unknown user Nobody$i, so it counts only for the IP; Alice's throttle untouched)" -c $J/a -b $J/a --data-urlencode "logintoken=$T" --data-urlencode "password=wrong" -d "action=clientlogin&username=Nobody$i&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
  rq $F "a3.$i authmanagerinfo after $i failure(s), fv2, no cookies" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2"
done
rq $F "a4. after 3 failures: fv1, no cookies (captcha request prepended; Set-Cookie?)" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json"
rq $F "a5. fv2, no cookies" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2"
rq $F "a6. fv2 + amimergerequestfields=1" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2&amimergerequestfields=1"
rq $F "a7. fv2 + amimessageformat=raw" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2&amimessageformat=raw"
rq $F "a8. fv2 + amimessageformat=html" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2&amimessageformat=html"
rq $F "a9. fv2 + amimessageformat=none + merged" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2&amimessageformat=none&amimergerequestfields=1"
rq $F "a10. fv2, in a jar: first call (Set-Cookie?)" -c $J/b -b $J/b "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2"
rq $F "a11. fv2, same jar, second call: a new captchaId each time? Set-Cookie again?" -c $J/b -b $J/b "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2"
rq $F "a12. no amirequestsfor: no captcha, no cookie" "$A?action=query&meta=authmanagerinfo&format=json&formatversion=2"
rq $F "a13. amirequestsfor=login-continue (nothing in progress): no captcha" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login-continue&format=json&formatversion=2"
rq $F "a14. meta=tokens&type=login in a fresh jar while the captcha is required (Set-Cookie as usual)" -c $J/n -b $J/n "$A?action=query&meta=tokens&type=login&format=json&formatversion=2"

########## b. clientlogin when the captcha is required
hdr "========== b. clientlogin while the captcha is required (jar c). Password throttle note: Alice's count is kept below 5 (PASS clears it)."
T=$(tok c)
rq $F "b1. right password (Alice), no captcha fields: FAIL wrongpassword" -c $J/c -b $J/c --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
rq $F "b1b. the same with user Throttled (right password; another user to keep Alice's password throttle low), fv1" -c $J/c -b $J/c --data-urlencode "logintoken=$T" --data-urlencode "password=$THR_PASS" -d "action=clientlogin&username=Throttled&loginreturnurl=http://example.org/&format=json" "$A"
rq $F "b1c. the same (Throttled), fv2 + loginmessageformat=raw" -c $J/c -b $J/c --data-urlencode "logintoken=$T" --data-urlencode "password=$THR_PASS" -d "action=clientlogin&username=Throttled&loginreturnurl=http://example.org/&format=json&formatversion=2&loginmessageformat=raw" "$A"
read ID ANS < <(cap c)
rq $F "b2. right password + captchaId $ID from authmanagerinfo (same jar) + WRONG captchaWord: FAIL wrongpassword" -c $J/c -b $J/c --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&captchaId=$ID&captchaWord=$((ANS+1))&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
rq $F "b2b. the same captchaId again, now with the RIGHT answer $ANS (the wrong answer cleared it): FAIL" -c $J/c -b $J/c --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&captchaId=$ID&captchaWord=$ANS&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
read ID ANS < <(cap c)
cp $J/c $J/c.before
rq $F "b3. right password + captchaId $ID + right answer $ANS: PASS (Set-Cookie: new session id, UserID, UserName)" -c $J/c -b $J/c --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&captchaId=$ID&captchaWord=$ANS&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
rq $F "b3b. userinfo in that jar" -c $J/c -b $J/c "$A?action=query&meta=userinfo&format=json&formatversion=2"
rq $F "b3c. replay of b3's captchaId with the old (pre-PASS) jar: the captcha was consumed; the session was also logged in... FAIL or badtoken?" -b $J/c.before --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&captchaId=$ID&captchaWord=$ANS&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
T=$(tok d)
read ID ANS < <(cap d)
rq $F "b4. WRONG password (Robo) + right captcha: FAIL wrongpassword (captcha consumed)" -c $J/d -b $J/d --data-urlencode "logintoken=$T" --data-urlencode "password=wrong" -d "action=clientlogin&username=Robo&captchaId=$ID&captchaWord=$ANS&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
rq $F "b5. reuse of that already-used captchaId $ID with the right answer and Alice's right password: FAIL" -c $J/d -b $J/d --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&captchaId=$ID&captchaWord=$ANS&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
rq $F "b6. captchaId that was never issued (123456789) + right password (Throttled): FAIL" -c $J/d -b $J/d --data-urlencode "logintoken=$T" --data-urlencode "password=$THR_PASS" -d "action=clientlogin&username=Throttled&captchaId=123456789&captchaWord=5&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
read ID ANS < <(cap d)
rq $F "b7. valid captchaId $ID but no captchaWord + right password: FAIL" -c $J/d -b $J/d --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&captchaId=$ID&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
rq $F "b7b. that captchaId $ID (not consumed by b7?) now with the right answer $ANS: PASS?" -c $J/d -b $J/d --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&captchaId=$ID&captchaWord=$ANS&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
read ID ANS < <(cap e)
rq $F "b8. captchaId issued in ANOTHER session (jar e), used from jar f (CaptchaSessionStore: per session): FAIL" -c $J/f -b $J/f --data-urlencode "logintoken=$(tok f)" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&captchaId=$ID&captchaWord=$ANS&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
T=$(tok g)
rq $F "b9. action=login (Admin, right password) while the captcha is required" -c $J/g -b $J/g --data-urlencode "lgtoken=$T" --data-urlencode "lgpassword=$ADMIN_PASS" -d "action=login&lgname=Admin&format=json&formatversion=2" "$A"
T=$(tok g)
rq $F "b10. the same with errorformat=plaintext" -c $J/g -b $J/g --data-urlencode "lgtoken=$T" --data-urlencode "lgpassword=$ADMIN_PASS" -d "action=login&lgname=Admin&format=json&formatversion=2&errorformat=plaintext" "$A"
T=$(tok g); read ID ANS < <(cap g)
rq $F "b11. action=login with captchaId/captchaWord added (right answer): still Failed (action=login only passes username/password/domain/rememberMe to AuthManager)" -c $J/g -b $J/g --data-urlencode "lgtoken=$T" --data-urlencode "lgpassword=$ADMIN_PASS" -d "action=login&lgname=Admin&captchaId=$ID&captchaWord=$ANS&format=json" "$A"

########## c. loginrequests filter
hdr "========== c. the loginrequests filter"
T=$(tok h); read ID ANS < <(cap h)
rq $F "c1. only captchaId/captchaWord (right) with loginrequests=CaptchaAuthenticationRequest: no primary accepts" -c $J/h -b $J/h --data-urlencode "logintoken=$T" -d "action=clientlogin&loginrequests=CaptchaAuthenticationRequest&captchaId=$ID&captchaWord=$ANS&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
T=$(tok h); read ID ANS < <(cap h)
rq $F "c2. loginrequests=CaptchaAuthenticationRequest with username/password (Alice, right) too: they are filtered away (warning), FAIL" -c $J/h -b $J/h --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&loginrequests=CaptchaAuthenticationRequest&captchaId=$ID&captchaWord=$ANS&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
T=$(tok h); read ID ANS < <(cap h)
rq $F "c3. loginrequests=MediaWiki\\Auth\\PasswordAuthenticationRequest (captcha filtered out) + right captcha fields + right password: FAIL (captcha fields unused)" -c $J/h -b $J/h --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" --data-urlencode 'loginrequests=MediaWiki\Auth\PasswordAuthenticationRequest' -d "action=clientlogin&username=Alice&captchaId=$ID&captchaWord=$ANS&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
T=$(tok h); read ID ANS < <(cap h)
rq $F "c4. loginrequests=CaptchaAuthenticationRequest|MediaWiki\\Auth\\PasswordAuthenticationRequest + right everything: PASS" -c $J/h -b $J/h --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" --data-urlencode 'loginrequests=CaptchaAuthenticationRequest|MediaWiki\Auth\PasswordAuthenticationRequest' -d "action=clientlogin&username=Alice&captchaId=$ID&captchaWord=$ANS&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"

########## d. still required after a PASS?
hdr "========== d. after the PASSes above: is the captcha still required from this IP?"
rq $F "d1. authmanagerinfo login, no cookies, after PASSes: captcha still there (IP counter not reset by PASS)" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2"
rq $F "d2. authmanagerinfo login in Alice's logged-in jar (c)" -c $J/c -b $J/c "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2"

########## f. account creation with ConfirmEdit
hdr "========== f. account creation with ConfirmEdit (captcha always required for anonymous creators: trigger createaccount)"
rq $F "f1. authmanagerinfo create, fv2" "$A?action=query&meta=authmanagerinfo&amirequestsfor=create&format=json&formatversion=2"
rq $F "f2. authmanagerinfo create, fv2 merged" "$A?action=query&meta=authmanagerinfo&amirequestsfor=create&format=json&formatversion=2&amimergerequestfields=1"
rq $F "f3. authmanagerinfo create, fv2 raw" "$A?action=query&meta=authmanagerinfo&amirequestsfor=create&format=json&formatversion=2&amimessageformat=raw"
rq $F "f3b. authmanagerinfo create, fv1" "$A?action=query&meta=authmanagerinfo&amirequestsfor=create&format=json"
T=$(ctok k)
rq $F "f4. createaccount without captcha fields: FAIL" -c $J/k -b $J/k --data-urlencode "createtoken=$T" --data-urlencode "password=Zq7!newpass-1" --data-urlencode "retype=Zq7!newpass-1" -d "action=createaccount&username=CapUser1&createreturnurl=http://example.org/&format=json&formatversion=2" "$A"
rq $F "f4b. the same, fv1" -c $J/k -b $J/k --data-urlencode "createtoken=$T" --data-urlencode "password=Zq7!newpass-1" --data-urlencode "retype=Zq7!newpass-1" -d "action=createaccount&username=CapUser1&createreturnurl=http://example.org/&format=json" "$A"
rq $F "f4c. the same, createmessageformat=raw" -c $J/k -b $J/k --data-urlencode "createtoken=$T" --data-urlencode "password=Zq7!newpass-1" --data-urlencode "retype=Zq7!newpass-1" -d "action=createaccount&username=CapUser1&createreturnurl=http://example.org/&format=json&formatversion=2&createmessageformat=raw" "$A"
read ID ANS < <(cap k create)
rq $F "f5. createaccount with a WRONG answer: FAIL" -c $J/k -b $J/k --data-urlencode "createtoken=$T" --data-urlencode "password=Zq7!newpass-1" --data-urlencode "retype=Zq7!newpass-1" -d "action=createaccount&username=CapUser1&captchaId=$ID&captchaWord=$((ANS+1))&createreturnurl=http://example.org/&format=json&formatversion=2" "$A"
read ID ANS < <(cap k create)
rq $F "f6. createaccount with the right answer: PASS" -c $J/k -b $J/k --data-urlencode "createtoken=$T" --data-urlencode "password=Zq7!newpass-1" --data-urlencode "retype=Zq7!newpass-1" -d "action=createaccount&username=CapUser1&captchaId=$ID&captchaWord=$ANS&createreturnurl=http://example.org/&format=json&formatversion=2" "$A"
rq $F "f7. userinfo in that jar after the PASS: logged in or not?" -c $J/k -b $J/k "$A?action=query&meta=userinfo&format=json&formatversion=2"
T=$(ctok l)
read ID ANS < <(cap l login)
rq $F "f8. createaccount with a captcha issued for amirequestsfor=LOGIN (right answer): the captcha store is shared, so PASS?" -c $J/l -b $J/l --data-urlencode "createtoken=$T" --data-urlencode "password=Zq7!newpass-2" --data-urlencode "retype=Zq7!newpass-2" -d "action=createaccount&username=CapUser2&captchaId=$ID&captchaWord=$ANS&createreturnurl=http://example.org/&format=json&formatversion=2" "$A"
T=$(tok l)
rq $F "f9. the new account logs in (clientlogin, captcha still required by IP, no captcha sent): FAIL" -c $J/l -b $J/l --data-urlencode "logintoken=$T" --data-urlencode "password=Zq7!newpass-2" -d "action=clientlogin&username=CapUser2&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"

########## e. badcaptcha rate limit
hdr "========== e. badcaptcha rate limit (RateLimits.badcaptcha ip [15,60], newbie [15,60], user [30,60]; passCaptchaLimited checks pingLimiter('badcaptcha', 0) first)"
T=$(tok m)
START=$(date +%s)
for i in $(seq 1 16); do
  read ID ANS < <(cap m)
  curl -sS -c $J/m -b $J/m --data-urlencode "logintoken=$T" --data-urlencode "password=wrong" -d "action=clientlogin&username=Bad$i&captchaId=$ID&captchaWord=$((ANS+1))&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A" > $J/.x
done
hdr "(e0: 16 clientlogins with wrong captcha answers, unknown users Bad1..Bad16, sent in $(( $(date +%s) - START )) s; each answered: $(cat $J/.x))"
T=$(tok i); read ID ANS < <(cap i)
rq $F "e1. right password (Alice) + right captcha right after that: FAIL (rate-limited captcha check)" -c $J/i -b $J/i --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&captchaId=$ID&captchaWord=$ANS&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"
read ID ANS < <(cap i create); T2=$(ctok i)
rq $F "e2. createaccount with the right captcha answer while rate-limited: FAIL" -c $J/i -b $J/i --data-urlencode "createtoken=$T2" --data-urlencode "password=Zq7!newpass-3" --data-urlencode "retype=Zq7!newpass-3" -d "action=createaccount&username=CapUser3&captchaId=$ID&captchaWord=$ANS&createreturnurl=http://example.org/&format=json&formatversion=2" "$A"
sleep $(( 62 - ( $(date +%s) - START ) ))
T=$(tok i); read ID ANS < <(cap i)
rq $F "e3. the same as e1, 62 s after the first wrong answer: PASS" -c $J/i -b $J/i --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&captchaId=$ID&captchaWord=$ANS&loginreturnurl=http://example.org/&format=json&formatversion=2" "$A"

########## d (cont.). the 300-s window of the IP counter
hdr "========== d (cont.). The IP bad-login counter: set with a 300-s expiry at the FIRST failure (incrWithInit), later failures do not extend it. The last failure above was e0 (about 65 s ago); the first was a2.1."
rq $F "d3. authmanagerinfo login now: still required" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2"
echo "waiting until 310 s after the first failure..." >&2
sleep $(( 310 - ( $(date +%s) - FIRSTFAIL ) ))
rq $F "d4. authmanagerinfo login about 310 s after the first failure (a2.1) and ~4 min after the last (e0): required or not?" "$A?action=query&meta=authmanagerinfo&amirequestsfor=login&format=json&formatversion=2"
$REFWIKI stop $PORT core
hdr "Finished $(date -u +%FT%TZ)."
