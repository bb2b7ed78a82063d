#!/usr/bin/env bash
# Raw curl exchanges for what wikiprobe transcripts cannot hold (exact Set-Cookie lines, headers,
# HTTP methods, encodings, formats). Writes the *.txt files beside this script.
#   REFWIKI_DIR=/tmp/refwiki-probe /work/shared/tools/refwiki reset 8095
#   tests/reference/raw/capture.sh [http://127.0.0.1:8095/api.php]
# Cookie values, tokens, request ids and dates differ on every run; the rest is stable.
set -u
A=${1:-http://127.0.0.1:8095/api.php}
OUT=$(cd "$(dirname "$0")" && pwd)
J=$(mktemp -d)
trap 'rm -rf "$J"' EXIT
rm -f $OUT/*.txt; for x in a b c d e f g h i j; do touch $J/$x; done
ALICE_PASS='AlicePassw0rd!23'; ROBO_BOT_PASS='k8f3m2q9w1t7v5n4p6r0s2u8a3c5e7g9'; ALICE_BOT_PASS='b2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i2'

# rq FILE "comment" curl-args...   : appends request (> lines), response headers (< lines) and body
rq() {
  local f=$OUT/$1; shift; local c=$1; shift
  local max=${MAXBODY:-3000}
  curl -sS -v -o $J/.body "$@" 2>$J/.err
  {
    echo "### $c"
    echo "\$ curl $(printf '%q ' "$@" | sed "s#$J/#JAR/#g")"
    grep '^[<>] ' $J/.err | sed -e 's/\r$//' | grep -v '^> Accept: \*/\*$\|^> User-Agent: \|^< Date: \|^< Connection: close$\|^< X-Powered-By: \|^< Host: '
    local n=$(stat -c %s $J/.body)
    if [ -n "${PRE:-}" ]; then
      python3 -c 'import sys,re,html;t=open(sys.argv[1],encoding="utf-8",errors="replace").read();print("[HTML page of %d bytes; its status line and <pre> block:]" % len(t.encode()));[print(m.group(0)) for m in re.finditer(r"<div class=\"api-pretty-header api-pretty-status\">.*?</div>|<pre class=\"api-pretty-content\">.*?</pre>|<!-- API warnings.*?-->", t, re.S)]' $J/.body
    elif [ "$n" -gt "$max" ]; then head -c $max $J/.body; echo; echo "[... body truncated: $n bytes in all]"; else cat $J/.body; echo; fi
    echo
  } >> "$f"
}
tok() { # jar -> login token
  curl -sS -c $J/$1 -b $J/$1 "$A?action=query&meta=tokens&type=login&format=json" | python3 -c 'import sys,json;print(json.load(sys.stdin)["query"]["tokens"]["logintoken"])'
}
csrf() { curl -sS -c $J/$1 -b $J/$1 "$A?action=query&meta=tokens&format=json" | python3 -c 'import sys,json;print(json.load(sys.stdin)["query"]["tokens"]["csrftoken"])'; }
dropc() { sed -i "/[[:space:]]refwiki$2[[:space:]]/d" $J/$1; }
hdr() { echo "$1" >> $OUT/$2; echo >> $OUT/$2; }

############ cookies.txt
F=cookies.txt; rm -f $OUT/$F
hdr "Exact Set-Cookie lines (refwiki = cookie prefix). Curl's -v output: '>' request, '<' response headers, then the body. Date/User-Agent/X-Powered-By lines removed." $F
rq $F "1. first login-token fetch in an empty jar: session cookie" -c $J/a -b $J/a "$A?action=query&meta=tokens&type=login&format=json"
rq $F "2. second fetch in the same jar: no Set-Cookie" -c $J/a -b $J/a "$A?action=query&meta=tokens&type=login&format=json"
T=$(tok a)
rq $F "3. action=login main account (Alice): new session id, UserID/UserName/Token with 180 days" -c $J/a -b $J/a --data-urlencode "lgtoken=$T" --data-urlencode "lgpassword=$ALICE_PASS" -d "action=login&lgname=Alice&format=json" "$A"
C=$(csrf a); cp $J/a $J/a.before
rq $F "4. logout of that session: deletion lines for _session, UserID, Token (UserName kept)" -c $J/a -b $J/a --data-urlencode "token=$C" -d "action=logout&format=json" "$A"
rq $F "5. userinfo with only the UserName cookie that logout leaves behind: anonymous, nothing set or deleted" -H "Cookie: refwikiUserName=Alice" "$A?action=query&meta=userinfo&format=json"
rq $F "5b. a client that ignored the deletions and re-sends the logged-out _session and UserID (no Token): anonymous, both deleted again" -H "Cookie: refwikiUserName=Alice; refwiki_session=$(awk '$6=="refwiki_session"{print $7}' $J/a.before); refwikiUserID=3" "$A?action=query&meta=userinfo&format=json"
T=$(tok b)
rq $F "6. clientlogin PASS without rememberMe: 30-day UserID/UserName, no Token" -c $J/b -b $J/b --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&loginreturnurl=http://example.org/&format=json" "$A"
cp $J/b $J/b2; cp $J/b $J/b3
dropc b2 _session
rq $F "7. same jar with _session dropped (UserID+UserName sent, no Token): anonymous, UserID deleted" -c $J/b2 -b $J/b2 "$A?action=query&meta=userinfo&format=json"
dropc b3 UserID
rq $F "8. same jar with UserID dropped (_session+UserName sent): anonymous, _session deleted" -c $J/b3 -b $J/b3 "$A?action=query&meta=userinfo&format=json"
C=$(csrf b)
rq $F "9. logout after clientlogin (no Token cookie held): only _session and UserID deleted" -c $J/b -b $J/b --data-urlencode "token=$C" -d "action=logout&format=json" "$A"
T=$(tok c)
rq $F "10. clientlogin PASS with rememberMe=1: 180 days and Token" -c $J/c -b $J/c --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&rememberMe=1&loginreturnurl=http://example.org/&format=json" "$A"
dropc c _session
rq $F "11. rememberMe jar with _session dropped: the session is rebuilt from UserID+Token, all four cookies re-set" -c $J/c -b $J/c "$A?action=query&meta=userinfo&format=json"
T=$(tok d)
rq $F "12. bot-password login: only _BPsession (the anonymous _session stays as it was)" -c $J/d -b $J/d --data-urlencode "lgtoken=$T" --data-urlencode "lgpassword=$ROBO_BOT_PASS" -d "action=login&lgname=Robo@mybot&format=json" "$A"
C=$(csrf d)
rq $F "13. logout of the bot-password session: only _BPsession deleted" -c $J/d -b $J/d --data-urlencode "token=$C" -d "action=logout&format=json" "$A"

############ headers.txt
F=headers.txt; rm -f $OUT/$F
hdr "Headers that transcripts do not hold." $F
rq $F "plain success (fv1)" "$A?action=query&meta=userinfo&format=json"
rq $F "action=query with no submodule: Vary: Accept-Encoding, Treat-as-Untrusted, Cookie" "$A?action=query&format=json"
rq $F "API error: MediaWiki-API-Error header" "$A?action=frobnicate&format=json"
rq $F "maxlag=-2: Retry-After and X-Database-Lag, HTTP 200" "$A?action=query&meta=userinfo&format=json&maxlag=-2"
rq $F "maxlag=3 (not exceeded): no extra headers" "$A?action=query&meta=userinfo&format=json&maxlag=3"
rq $F "origin=* without an Origin header" "$A?action=query&meta=userinfo&format=json&origin=*"
rq $F "origin=* with Origin: http://example.org" -H "Origin: http://example.org" "$A?action=query&meta=userinfo&format=json&origin=*"
rq $F "origin=http://example.org without an Origin header" "$A?action=query&meta=userinfo&format=json&origin=http://example.org"
rq $F "origin=http://example.org with a different Origin header: 403 text/plain" -H "Origin: http://other.example" "$A?action=query&meta=userinfo&format=json&origin=http://example.org"
rq $F "origin=http://example.org with the same Origin header (not in \$wgCrossSiteAJAXdomains)" -H "Origin: http://example.org" "$A?action=query&meta=userinfo&format=json&origin=http://example.org"
rq $F "callback=foo (JSONP)" "$A?action=query&meta=userinfo&format=json&callback=foo"
rq $F "callback=foo on an error" "$A?action=frobnicate&format=json&callback=foo"
T=$(tok i)
rq $F "clientlogin with origin=* in the query string (token fetched normally): PASS, cookies set, login NOT suppressed" -c $J/i -b $J/i --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&loginreturnurl=http://example.org/&format=json" "$A?origin=*"
rq $F "the same jar without origin: logged in as Alice" -c $J/i -b $J/i "$A?action=query&meta=userinfo&format=json"
rq $F "the same jar with origin=*: forced anonymous" -c $J/i -b $J/i "$A?action=query&meta=userinfo&format=json&origin=*"
T=$(tok j)
rq $F "action=login with origin=*: Aborted, no cookie changes" -c $J/j -b $J/j --data-urlencode "lgtoken=$T" --data-urlencode "lgpassword=$ROBO_BOT_PASS" -d "action=login&lgname=Robo@mybot&format=json" "$A?origin=*"
rq $F "Treat-as-Untrusted header" -H "Treat-as-Untrusted: 1" "$A?action=query&meta=userinfo&format=json"

############ methods.txt
F=methods.txt; rm -f $OUT/$F
hdr "HTTP methods other than GET/POST." $F
rq $F "PUT" -X PUT "$A?action=query&meta=userinfo&format=json"
rq $F "DELETE" -X DELETE "$A?action=query&meta=userinfo&format=json"
PRE=1 rq $F "PATCH with a form body (PHP does not parse it: no format, so jsonfm)" -X PATCH -d "action=query&meta=userinfo&format=json" "$A"
rq $F "HEAD (no body)" -X HEAD "$A?action=query&meta=userinfo&format=json"
rq $F "HEAD on an error (no body, MediaWiki-API-Error still sent)" -X HEAD "$A?action=frobnicate&format=json"
rq $F "HEAD action=login (mustbeposted)" -X HEAD "$A?action=login&format=json"
rq $F "OPTIONS without Origin" -X OPTIONS "$A?action=query&meta=userinfo&format=json"
rq $F "OPTIONS CORS preflight with origin=*" -X OPTIONS -H "Origin: http://example.org" -H "Access-Control-Request-Method: POST" "$A?action=query&meta=userinfo&format=json&origin=*"
rq $F "OPTIONS CORS preflight with origin=* asking for Api-User-Agent" -X OPTIONS -H "Origin: http://example.org" -H "Access-Control-Request-Method: POST" -H "Access-Control-Request-Headers: Api-User-Agent" "$A?action=query&meta=userinfo&format=json&origin=*"
PRE=1 rq $F "PUT with a login body" -X PUT -d "action=login&lgname=Alice&format=json" "$A"

############ encoding.txt
F=encoding.txt; rm -f $OUT/$F
hdr "Invalid UTF-8, non-ASCII output, utf8/ascii." $F
rq $F "uiprop=%FF (invalid UTF-8 in a value)" "$A?action=query&meta=userinfo&format=json&uiprop=%FF"
rq $F "assertuser=%FF" "$A?action=query&meta=userinfo&format=json&assertuser=%FF"
rq $F "unknown parameter name %FF=1" "$A?action=query&meta=userinfo&format=json&%FF=1"
rq $F "action=%FF" "$A?action=%FF&format=json"
rq $F "assertuser=Ålice (valid UTF-8 non-ASCII), fv1: escaped as \\u" "$A?action=query&meta=userinfo&format=json&assertuser=%C3%85lice"
rq $F "the same with utf8=1" "$A?action=query&meta=userinfo&format=json&assertuser=%C3%85lice&utf8=1"
rq $F "the same with formatversion=2 (implies utf8)" "$A?action=query&meta=userinfo&format=json&assertuser=%C3%85lice&formatversion=2"
rq $F "the same with formatversion=2&ascii=1" "$A?action=query&meta=userinfo&format=json&assertuser=%C3%85lice&formatversion=2&ascii=1"
rq $F "fv1 with utf8=1&ascii=1" "$A?action=query&meta=userinfo&format=json&assertuser=%C3%85lice&utf8=1&ascii=1"
T=$(tok e)
curl -sS -c $J/e -b $J/e --data-urlencode "lgtoken=$T" --data-urlencode "lgpassword=$ROBO_BOT_PASS" -d "action=login&lgname=Robo@mybot&format=json" "$A" > /dev/null
for v in "format=json" "format=json&utf8=1" "format=json&formatversion=2" "format=json&formatversion=2&ascii=1"; do
  T=$(tok e)
  rq $F "clientlogin inside a bot-password session (Robo@mybot), $v: ⧼userlogin-cannot-login⧽" -c $J/e -b $J/e --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&loginreturnurl=http://example.org/&$v" "$A"
done
rq $F "errorlang=de, fv1 bc (non-ASCII quotes escaped)" "$A?action=frobnicate&format=json&errorlang=de"
rq $F "uselang=de, fv1 bc: bc errors stay English" "$A?action=frobnicate&format=json&uselang=de"

############ params.txt
F=params.txt; rm -f $OUT/$F
hdr "Duplicated parameters, bodies without Content-Type, multipart, JSON bodies." $F
rq $F "uiprop given twice in the query string (PHP keeps the last)" "$A?action=query&meta=userinfo&format=json&formatversion=2&uiprop=groups&uiprop=rights"
rq $F "action given twice: frobnicate then query" "$A?action=frobnicate&action=query&meta=userinfo&format=json"
rq $F "uiprop[]=groups&uiprop[]=rights (PHP array)" "$A?action=query&meta=userinfo&format=json&formatversion=2&uiprop%5B%5D=groups&uiprop%5B%5D=rights"
rq $F "POST with no Content-Type header (curl --data-binary with the header removed)" -H "Content-Type:" --data-binary "action=query&meta=userinfo&format=json" "$A"
rq $F "POST with no Content-Type: the body is not parsed, only the query string counts, plus a warning" -H "Content-Type:" --data-binary "meta=userinfo" "$A?action=query&format=json"
rq $F "the same, errorformat=plaintext fv2" -H "Content-Type:" --data-binary "meta=userinfo" "$A?action=query&format=json&formatversion=2&errorformat=plaintext"
rq $F "POST with Content-Type text/plain" -H "Content-Type: text/plain" --data-binary "meta=userinfo" "$A?action=query&format=json"
rq $F "POST multipart/form-data" -F action=query -F meta=userinfo -F format=json "$A"
T=$(tok f)
rq $F "action=login as multipart/form-data (Robo@mybot)" -c $J/f -b $J/f -F action=login -F lgname=Robo@mybot -F "lgpassword=$ROBO_BOT_PASS" -F "lgtoken=$T" -F format=json "$A"
rq $F "POST with a JSON body (not supported: no parameters seen, so the help page)" -H "Content-Type: application/json" --data-binary '{"action":"query","meta":"userinfo","format":"json"}' "$A"
rq $F "POST with a JSON body, format=json in the query" -H "Content-Type: application/json" --data-binary '{"action":"query","meta":"userinfo"}' "$A?format=json"
rq $F "POST body and query string both carry action: body wins" --data-binary "action=query&meta=userinfo&format=json" "$A?action=frobnicate"
rq $F "lgname with a + in the query (space) vs %2B" "$A?action=query&meta=userinfo&format=json&assertuser=A+lice"

############ formats.txt
F=formats.txt; rm -f $OUT/$F
hdr "format=jsonfm, missing format, bogus format (bodies truncated to 1500 bytes)." $F
PRE=1 rq $F "format=jsonfm" "$A?action=query&meta=userinfo&format=jsonfm"
PRE=1 rq $F "no format at all (default jsonfm)" "$A?action=query&meta=userinfo"
PRE=1 rq $F "format=bogus" "$A?action=query&meta=userinfo&format=bogus"
MAXBODY=1500 rq $F "format=json with no action (action=help): HTML help, not JSON" "$A?format=json"
PRE=1 rq $F "format=rawfm" "$A?action=query&meta=userinfo&format=rawfm"
rq $F "format=none" "$A?action=query&meta=userinfo&format=none"
rq $F "format=php" "$A?action=query&meta=userinfo&format=php"
rq $F "format=xml" "$A?action=query&meta=userinfo&format=xml"

############ siteinfo.txt
F=siteinfo.txt; rm -f $OUT/$F; export MAXBODY=200000
hdr "siteinfo with siprop=general (its 'time' field makes it unsuitable for a fixed transcript)." $F
rq $F "siprop=general|namespaces, fv1, as mwclient sends it" "$A?action=query&meta=siteinfo&siprop=general%7Cnamespaces&continue=&maxlag=3&format=json"
rq $F "siprop=general, fv2" "$A?action=query&meta=siteinfo&siprop=general&format=json&formatversion=2"
rq $F "no siprop (defaults to general), fv1" "$A?action=query&meta=siteinfo&format=json"

############ userinfo-all.txt
F=userinfo-all.txt; rm -f $OUT/$F
hdr "uiprop=* and registrationdate for a logged-in user (registrationdate is the install time, so not in a transcript)." $F
T=$(tok g)
curl -sS -c $J/g -b $J/g --data-urlencode "logintoken=$T" --data-urlencode "password=$ALICE_PASS" -d "action=clientlogin&username=Alice&loginreturnurl=http://example.org/&format=json" "$A" >/dev/null
rq $F "Alice (clientlogin), uiprop=* fv2" -b $J/g "$A?action=query&meta=userinfo&uiprop=*&format=json&formatversion=2"
rq $F "Alice (clientlogin), uiprop=registrationdate|latestcontrib|acceptlang fv2 with Accept-Language" -b $J/g -H "Accept-Language: de-DE,de;q=0.9,en;q=0.5" "$A?action=query&meta=userinfo&uiprop=registrationdate%7Clatestcontrib%7Cacceptlang&format=json&formatversion=2"
T=$(tok h)
curl -sS -c $J/h -b $J/h --data-urlencode "lgtoken=$T" --data-urlencode "lgpassword=$ALICE_BOT_PASS" -d "action=login&lgname=Alice@alicebot&format=json" "$A" >/dev/null
rq $F "Alice@alicebot (bot password), uiprop=* fv2" -b $J/h "$A?action=query&meta=userinfo&uiprop=*&format=json&formatversion=2"
