# capture-lib.sh: what the capture-*.sh scripts share. Source it once PORT and OUT are set; the
# script then sets F, the transcript file in OUT that hdr() writes to.
#   A          the reference wiki's api.php
#   J          a scratch directory for cookie jars and bodies (removed on exit)
#   rq FILE "comment" curl-args...   appends the request (> lines), the response headers (< lines)
#                                    and the body (cut at MAXBODY bytes, default 6000; with
#                                    SHOW_BODY_SIZE set, after a line with its size) to OUT/FILE
#   hdr TEXT   appends a heading to OUT/F
#   tok JAR / ctok JAR   a login / createaccount token in the session of cookie jar J/JAR
A=http://127.0.0.1:$PORT/api.php
J=$(mktemp -d)
trap 'rm -rf "$J"' EXIT

rq() {
  local f=$OUT/$1; shift; local c=$1; shift
  local max=${MAXBODY:-6000}
  curl -sS -v -o $J/.body "$@" 2>$J/.err
  {
    echo "### $c"
    echo "\$ curl $(printf '%q ' "$@" | sed "s#$J/#JAR/#g")"
    grep '^[<>] ' $J/.err | sed -e 's/\r$//' | grep -v '^> Accept: \*/\*$\|^> User-Agent: \|^< Date: \|^< Connection: close$\|^< X-Powered-By: \|^< Host: '
    local n=$(stat -c %s $J/.body)
    if [ -n "${SHOW_BODY_SIZE:-}" ]; then echo "[body: $n bytes]"; fi
    if [ "$n" -gt "$max" ]; then head -c $max $J/.body; echo; echo "[... body truncated: $n bytes in all]"; else cat $J/.body; echo; fi
    echo
  } >> "$f"
}
hdr() { printf '%s\n\n' "$1" >> $OUT/$F; }
tok() { curl -sS -c $J/$1 -b $J/$1 "$A?action=query&meta=tokens&type=login&format=json" | python3 -c 'import sys,json;print(json.load(sys.stdin)["query"]["tokens"]["logintoken"])'; }
ctok() { curl -sS -c $J/$1 -b $J/$1 "$A?action=query&meta=tokens&type=createaccount&format=json" | python3 -c 'import sys,json;print(json.load(sys.stdin)["query"]["tokens"]["createaccounttoken"])'; }
