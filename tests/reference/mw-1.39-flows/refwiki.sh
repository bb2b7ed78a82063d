#!/usr/bin/env bash
# refwiki.sh SETUP [stop]: (re)builds, from scratch, the real MediaWiki 1.39 that SETUP's
# recordings in this directory come from, and prints its api.php URL (or stops it). SETUP is
#   confirmedit     port 8096: refwiki core + wfLoadExtension('ConfirmEdit') (default config)
#   createaccount   port 8097: refwiki core, stock
#   pluggableauth   port 8098: refwiki core + PluggableAuth REL1_39 + the dummy plugin of
#                   ../raw/flows/php/DummyPluggableAuth, as 'Example SSO' (mode A of
#                   ../raw/flows/capture-pluggableauth.sh: no local login)
# Each setup lives in $FLOWREF_DIR-SETUP-core (default /tmp/flowref-SETUP-core). A fresh wiki
# matters: sessions, throttles and captcha counters live in the PHP server's APCu.
set -eu
setup=$1
REFWIKI=${REFWIKI:-$(cd "$(dirname "$0")/../../../.." && pwd)/shared/tools/refwiki}
here=$(cd "$(dirname "$0")" && pwd)
case $setup in
  confirmedit) port=8096 ;;
  createaccount) port=8097 ;;
  pluggableauth) port=8098 ;;
  *) echo "refwiki.sh: unknown setup $setup (confirmedit, createaccount, pluggableauth)" >&2; exit 2 ;;
esac
export REFWIKI_DIR=${FLOWREF_DIR:-/tmp/flowref}-$setup
dir=$REFWIKI_DIR-core
if [ "${2:-}" = stop ]; then "$REFWIKI" stop $port core; exit 0; fi
"$REFWIKI" reset $port core >/dev/null
case $setup in
  confirmedit)
    echo "wfLoadExtension( 'ConfirmEdit' );" >>"$dir/LocalSettings.php" ;;
  pluggableauth)
    pa=/tmp/pluggableauth
    if [ ! -f $pa/extension.json ]; then
      mkdir -p $pa
      git -C /work/.mirror/wikimedia+mediawiki-extensions-PluggableAuth/repo archive REL1_39 | tar -x -C $pa
    fi
    cp -r "$here/../raw/flows/php/DummyPluggableAuth" "$dir/"
    cat >>"$dir/LocalSettings.php" <<PHP
wfLoadExtension( 'PluggableAuth', '$pa/extension.json' );
wfLoadExtension( 'DummyPluggableAuth', __DIR__ . '/DummyPluggableAuth/extension.json' );
\$wgPluggableAuth_Config['Example SSO'] = [ 'plugin' => 'Dummy' ];
PHP
    ;;
esac
"$REFWIKI" stop $port core
sleep 0.5
"$REFWIKI" start $port core
