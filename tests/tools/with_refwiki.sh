#!/bin/sh
# with_refwiki.sh API_URL COMMAND...: runs COMMAND when a wiki answers at API_URL (real MediaWiki
# from ../shared/tools/refwiki); otherwise the test is skipped (exit 77, CTest's
# SKIP_RETURN_CODE), or fails when MOCKWIKI_REQUIRE_REFWIKI is set (.ci/run sets it: there the
# comparison with real MediaWiki must run).
api=$1
shift
if ! /usr/bin/python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + "?action=query&format=json", timeout=5)' "$api" 2>/dev/null; then
  if [ -n "${MOCKWIKI_REQUIRE_REFWIKI:-}" ]; then
    echo "no wiki answers at $api, and MOCKWIKI_REQUIRE_REFWIKI is set" >&2
    exit 1
  fi
  echo "no wiki answers at $api; skipping"
  exit 77
fi
exec "$@"
