#!/usr/bin/env bash
# with_mockwiki.sh MOCKWIKI_BINARY [SERVER_OPTIONS...] -- COMMAND...: starts the standalone mock
# on a free port, runs COMMAND with MOCKWIKI_API set to its api.php URL (read from its first
# line on stdout, as a client in any language would), then stops it. COMMAND's exit status is
# the script's.
set -u
binary=$1; shift
server_args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do server_args+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
out=$(mktemp); err=$(mktemp)
"$binary" --port 0 "${server_args[@]}" >"$out" 2>"$err" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$out" "$err"' EXIT
for _ in $(seq 100); do
  url=$(head -n1 "$out")
  case $url in http*) break ;; esac
  if ! kill -0 "$pid" 2>/dev/null; then echo "mockwiki did not start:" >&2; cat "$err" >&2; exit 1; fi
  sleep 0.05
done
case $url in http*) ;; *) echo "mockwiki printed no URL" >&2; exit 1 ;; esac
MOCKWIKI_API=$url "$@"
