#!/usr/bin/env bash
# One entry for the real-editor tests; installs their tools first (setup.sh), then runs one of them
# under Node 24:
#   bash test/e2e/run.sh code-server   the mocha suite in code-server's extension host (real VS Code 1.139)
#   bash test/e2e/run.sh ui            the packaged .vsix in code-server, driven in Chromium (needs dist/tally.vsix)
#   bash test/e2e/run.sh test-electron the same mocha suite under @vscode/test-electron (needs network or VSCODE_EXECUTABLE)
#   bash test/e2e/run.sh nvim          Neovim as an LSP client of dist/server.js
set -euo pipefail
E2E=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$E2E/../.." && pwd)
what=${1:-}
case "$what" in
  code-server) script=run-code-server.mjs ;;
  ui) script=ui.mjs ;;
  test-electron) script=run-test-electron.mjs ;;
  nvim) exec bash "$E2E/nvim/run.sh" ;;
  *) echo "usage: bash test/e2e/run.sh code-server|ui|test-electron|nvim" >&2; exit 2 ;;
esac
if [ "$what" = test-electron ] && [ -z "${VSCODE_EXECUTABLE:-}" ] && ! getent hosts update.code.visualstudio.com >/dev/null 2>&1; then
  # Checked before the (3 min) install; run-test-electron.mjs checks again.
  echo "@vscode/test-electron cannot run here: no VS Code build to use and none can be downloaded (update.code.visualstudio.com does not resolve)." >&2
  echo "Set VSCODE_EXECUTABLE to a desktop VS Code (e.g. /usr/share/code/code), or run the same suite in code-server: npm run test:code-server" >&2
  exit 1
fi
bash "$E2E/setup.sh"
[ -f "$ROOT/dist/client.js" ] || { echo "dist/client.js is missing: run npm run build first" >&2; exit 1; }
export PATH=$E2E/.tools/node24/node_modules/.bin:$PATH
exec node "$E2E/$script" "${@:2}"
