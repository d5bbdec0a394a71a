#!/usr/bin/env bash
# Installs npm packages if needed, then runs the Vite dev server.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh --no-browser
echo "NOC Claim Wizard: http://127.0.0.1:5173/ (Ctrl+C to stop)"
# The local binary, not npx: npm exec does not pass SIGTERM on to vite.
exec node_modules/.bin/vite --host 127.0.0.1 --port 5173 --strictPort
