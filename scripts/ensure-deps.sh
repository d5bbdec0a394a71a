#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian machine that has Node 20 and npm:
#   1. `npm ci` when node_modules is missing or older than package-lock.json;
#   2. Debian packages the tests need: chromium (Playwright runs
#      /usr/bin/chromium) and poppler-utils (pdftotext, pdftoppm).
# Usage: scripts/ensure-deps.sh [--no-browser]
#   --no-browser  npm packages only; skip the test-only Debian packages.
set -euo pipefail
cd "$(dirname "$0")/.."

with_test_tools=1
case "${1:-}" in
  '') ;;
  --no-browser) with_test_tools=0 ;;
  *) echo "usage: $0 [--no-browser]" >&2; exit 2 ;;
esac

log() { echo "ensure-deps: $*"; }

if ! command -v npm >/dev/null; then
  log "npm not found: install Node.js 20.19 or later first." >&2
  exit 1
fi

# Touched after each successful npm ci (which deletes node_modules, old
# stamp included).
stamp=node_modules/.ensure-deps-stamp
if [[ ! -f $stamp || package-lock.json -nt $stamp ]]; then
  log "installing npm packages (npm ci)..."
  npm ci
  touch "$stamp"
else
  log "npm packages are up to date."
fi

(( with_test_tools )) || exit 0

have_chromium() { [[ -x /usr/bin/chromium ]]; }
have_poppler() { command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null; }

packages=()
have_chromium || packages+=(chromium)
have_poppler || packages+=(poppler-utils)

if (( ${#packages[@]} == 0 )); then
  log "chromium and poppler-utils are installed."
  exit 0
fi

if (( EUID == 0 )); then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  log "need root or sudo to install: ${packages[*]} (apt-get install ${packages[*]})" >&2
  exit 1
fi

log "installing Debian packages: ${packages[*]} (about a minute)..."
"${as_root[@]}" apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${packages[@]}"

if ! have_chromium || ! have_poppler; then
  log "apt-get finished but chromium or poppler-utils is still missing." >&2
  exit 1
fi
log "done."
