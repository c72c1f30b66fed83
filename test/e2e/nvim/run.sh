#!/usr/bin/env bash
# Neovim headless as an LSP client of dist/server.js on a scratch copy of samples/seed-report.md.
# Prints `nvim: N passed, M failed`; exit 0 only when all passed. Needs: nvim (>= 0.7), dist/server.js.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
command -v nvim >/dev/null || { echo "nvim is not installed (apt-get install -y neovim)"; echo "nvim: 0 passed, 1 failed"; exit 1; }
[ -f "$ROOT/dist/server.js" ] || { echo "dist/server.js is missing: run npm run build"; echo "nvim: 0 passed, 1 failed"; exit 1; }
D=$(mktemp -d "${TMPDIR:-/tmp}/tally-nvim.XXXXXX")
trap 'rm -rf "$D"' EXIT
cp "$ROOT/samples/seed-report.md" "$D/seed-report.md" || { echo "nvim: 0 passed, 1 failed"; exit 1; }
XDG_CACHE_HOME=$D/c XDG_STATE_HOME=$D/s XDG_DATA_HOME=$D/d XDG_CONFIG_HOME=$D/cfg SERVER_JS=$ROOT/dist/server.js \
  timeout 120 nvim --headless --clean -n -i NONE -c "luafile $HERE/check.lua" "$D/seed-report.md"
rc=$?
# nvim writes without a final newline in headless mode
echo
[ $rc -eq 124 ] && echo "nvim: 0 passed, 1 failed (timed out)"
exit $rc
