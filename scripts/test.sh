#!/usr/bin/env bash
# The full test run: type check, lint (import layers), unit tests (vitest),
# production build, browser tests (Playwright). Every stage runs even when an earlier one
# fails; the exit status is non-zero if any failed. The last line printed is
# "N passed, N failed", also written to test-results/summary.txt.
set -uo pipefail
cd "$(dirname "$0")/.."

rm -rf test-results
mkdir -p test-results

if ! bash scripts/ensure-deps.sh; then
  echo "0 passed, 1 failed" | tee test-results/summary.txt
  exit 1
fi

stage() { printf '\n=== %s\n' "$1"; }

stage typecheck
npm run typecheck
typecheck=$?

stage 'lint (import layers)'
npm run --silent lint
lint=$?

stage 'unit tests (vitest)'
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
vitest=$?

stage 'build (vite)'
# A failed build must not leave an old dist/ for Playwright to test.
rm -rf dist
npx vite build
build=$?

stage 'browser tests (playwright)'
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test
playwright=$?

echo
summary=$(node scripts/summarize-results.mjs test-results \
  --typecheck "$typecheck" --lint "$lint" --vitest "$vitest" --build "$build" --playwright "$playwright")
summarized=$?
if (( summarized != 0 )) || [[ -z $summary ]]; then
  summary="0 passed, 1 failed"
  echo "$summary" > test-results/summary.txt
fi

echo "$summary"
(( typecheck || lint || vitest || build || playwright || summarized )) && exit 1
exit 0
