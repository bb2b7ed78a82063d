#!/usr/bin/env bash
# compare.sh MOCKWIKI_BINARY FIXTURE CASES REFERENCE_DIR [wikiprobe args...]: starts a fresh
# mock with the fixture and replays the cases with ../shared/tools/wikiprobe, comparing every
# answer with what real MediaWiki 1.39 gave. Skips (exit 77) when ../shared is not beside the
# project, since only the comparison with the reference needs it.
set -u
binary=$1 fixture=$2 cases=$3 ref=$4; shift 4
here=$(cd "$(dirname "$0")" && pwd)
wikiprobe=$here/../../../shared/tools/wikiprobe
if [ ! -x "$wikiprobe" ] || [ ! -e "$cases" ]; then
  echo "no ../shared/tools/wikiprobe or no $cases beside the project; skipping the reference comparison"
  exit 77
fi
exec "$here/../interop/with_mockwiki.sh" "$binary" --fixture "$fixture" -- \
  sh -c 'probe=$0 cases=$1 ref=$2; shift 2
         exec python3 "$probe" compare --api "$MOCKWIKI_API" --cases "$cases" --ref "$ref" --verbose "$@"' \
  "$wikiprobe" "$cases" "$ref" "$@"
