#!/usr/bin/env bash
# compare.sh [--flowprobe] MOCKWIKI_BINARY FIXTURE CASES REFERENCE_DIR [probe args...]: starts a
# fresh mock with the fixture and replays the cases, comparing every answer with what real
# MediaWiki 1.39 gave. The probe is ../shared/tools/wikiprobe, or with --flowprobe this
# project's flowprobe.py (wikiprobe's format plus captcha answers and page visits). Without
# ../shared beside the project, a wikiprobe comparison is skipped (exit 77): only the
# comparison with the reference needs it.
set -u
here=$(cd "$(dirname "$0")" && pwd)
probe=$here/../../../shared/tools/wikiprobe
if [ "${1:-}" = --flowprobe ]; then probe=$here/flowprobe.py; shift; fi
if [ $# -lt 4 ]; then
  echo "usage: compare.sh [--flowprobe] MOCKWIKI_BINARY FIXTURE CASES REFERENCE_DIR [probe args...]" >&2
  exit 2
fi
binary=$1 fixture=$2 cases=$3 ref=$4; shift 4
if [ ! -e "$probe" ] || [ ! -e "$cases" ]; then
  echo "no $probe or no $cases beside the project; skipping the reference comparison"
  exit 77
fi
exec "$here/../interop/with_mockwiki.sh" "$binary" --fixture "$fixture" -- \
  sh -c 'probe=$0 cases=$1 ref=$2; shift 2
         exec python3 "$probe" compare --api "$MOCKWIKI_API" --cases "$cases" --ref "$ref" --verbose "$@"' \
  "$probe" "$cases" "$ref" "$@"
