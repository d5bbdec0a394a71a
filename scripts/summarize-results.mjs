// Totals for scripts/test.sh: reads the vitest and Playwright JSON reports
// in a results directory, plus each stage's exit code, and writes
// `N passed, N failed` to <dir>/summary.txt.
//
//   node scripts/summarize-results.mjs test-results \
//     --typecheck 0 --lint 0 --vitest 0 --build 0 --playwright 1
//
// A failing stage always counts as at least one failure, so a crash that
// leaves no report (or an empty one) can't pass for success.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

/**
 * @typedef {{ typecheck: number, lint: number, vitest: number, build: number, playwright: number }} ExitCodes
 * @typedef {{ passed: number, failed: number }} Counts
 */

/**
 * @param {any} report vitest's JSON report, or undefined when missing
 * @returns {Counts}
 */
function vitestCounts(report) {
  if (!report) return { passed: 0, failed: 1 }
  /** @type {any[]} */
  const files = report.testResults ?? []
  // A file that fails to load (syntax error, bad import) has no failed test.
  const brokenFiles = files.filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((/** @type {any} */ a) => a.status === 'failed'),
  ).length
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + brokenFiles }
}

/**
 * @param {any} report Playwright's JSON report, or undefined when missing
 * @returns {Counts}
 */
function playwrightCounts(report) {
  if (!report) return { passed: 0, failed: 1 }
  const stats = report.stats ?? {}
  // `errors` holds failures outside any test (web server, config, imports).
  const errors = report.errors?.length ?? 0
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: (stats.unexpected ?? 0) + errors }
}

/**
 * @param {Counts} counts
 * @param {number} exitCode
 * @returns {Counts}
 */
function atLeastOneFailureIfExited(counts, exitCode) {
  return exitCode !== 0 && counts.failed === 0 ? { ...counts, failed: 1 } : counts
}

/**
 * @param {{ exitCodes: ExitCodes, vitest?: unknown, playwright?: unknown }} input
 * @returns {Counts}
 */
export function summarize({ exitCodes, vitest, playwright }) {
  const stages = [
    atLeastOneFailureIfExited({ passed: 0, failed: 0 }, exitCodes.typecheck),
    atLeastOneFailureIfExited({ passed: 0, failed: 0 }, exitCodes.lint),
    atLeastOneFailureIfExited(vitestCounts(vitest), exitCodes.vitest),
    atLeastOneFailureIfExited({ passed: 0, failed: 0 }, exitCodes.build),
    atLeastOneFailureIfExited(playwrightCounts(playwright), exitCodes.playwright),
  ]
  return {
    passed: stages.reduce((n, s) => n + s.passed, 0),
    failed: stages.reduce((n, s) => n + s.failed, 0),
  }
}

/**
 * @param {string} path
 * @returns {unknown} the parsed file, or undefined if it is missing or not JSON
 */
function readReport(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
}

/**
 * Reads <dir>/vitest.json and <dir>/playwright.json, writes <dir>/summary.txt.
 * @param {string} dir
 * @param {ExitCodes} exitCodes
 * @returns {string} the summary line
 */
export function writeSummary(dir, exitCodes) {
  const { passed, failed } = summarize({
    exitCodes,
    vitest: readReport(join(dir, 'vitest.json')),
    playwright: readReport(join(dir, 'playwright.json')),
  })
  const line = `${passed} passed, ${failed} failed`
  writeFileSync(join(dir, 'summary.txt'), `${line}\n`)
  return line
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const stage = { type: /** @type {const} */ ('string'), default: '1' }
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { typecheck: stage, lint: stage, vitest: stage, build: stage, playwright: stage },
  })
  // A stage whose exit code wasn't passed counts as failed.
  console.log(
    writeSummary(positionals[0] ?? 'test-results', {
      typecheck: Number(values.typecheck),
      lint: Number(values.lint),
      vitest: Number(values.vitest),
      build: Number(values.build),
      playwright: Number(values.playwright),
    }),
  )
}
