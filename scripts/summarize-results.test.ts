import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { summarize, writeSummary } from './summarize-results.mjs'

const ok = { typecheck: 0, lint: 0, vitest: 0, build: 0, playwright: 0 }

const vitestReport = (passed: number, failed: number) => ({
  success: failed === 0,
  numPassedTests: passed,
  numFailedTests: failed,
  testResults: [
    {
      status: failed ? 'failed' : 'passed',
      assertionResults: [
        ...Array.from({ length: passed }, () => ({ status: 'passed' })),
        ...Array.from({ length: failed }, () => ({ status: 'failed' })),
      ],
    },
  ],
})

const playwrightReport = (expected: number, unexpected: number, errors: unknown[] = []) => ({
  stats: { expected, unexpected, flaky: 0, skipped: 0 },
  errors,
})

describe('summarize', () => {
  it('adds up vitest and Playwright tests', () => {
    expect(summarize({ exitCodes: ok, vitest: vitestReport(5, 0), playwright: playwrightReport(2, 0) })).toEqual({
      passed: 7,
      failed: 0,
    })
    expect(
      summarize({
        exitCodes: { ...ok, vitest: 1, playwright: 1 },
        vitest: vitestReport(4, 1),
        playwright: playwrightReport(1, 2),
      }),
    ).toEqual({ passed: 5, failed: 3 })
  })

  it('counts a failed typecheck, lint or build as one failure each', () => {
    const reports = { vitest: vitestReport(3, 0), playwright: playwrightReport(1, 0) }
    expect(summarize({ exitCodes: { ...ok, typecheck: 2 }, ...reports })).toEqual({ passed: 4, failed: 1 })
    expect(summarize({ exitCodes: { ...ok, lint: 1 }, ...reports })).toEqual({ passed: 4, failed: 1 })
    expect(summarize({ exitCodes: { ...ok, typecheck: 1, build: 1 }, ...reports })).toEqual({ passed: 4, failed: 2 })
  })

  it('counts a missing report as one failure', () => {
    expect(summarize({ exitCodes: { ...ok, vitest: 1, playwright: 1 } })).toEqual({ passed: 0, failed: 2 })
  })

  it('counts a test file that failed to load', () => {
    const report = vitestReport(2, 0)
    report.testResults.push({ status: 'failed', assertionResults: [] })
    expect(summarize({ exitCodes: { ...ok, vitest: 1 }, vitest: report, playwright: playwrightReport(0, 0) })).toEqual({
      passed: 2,
      failed: 1,
    })
  })

  it('counts Playwright errors outside tests', () => {
    const report = playwrightReport(0, 0, [{ message: 'Timed out waiting for webServer' }])
    expect(summarize({ exitCodes: { ...ok, playwright: 1 }, vitest: vitestReport(1, 0), playwright: report })).toEqual({
      passed: 1,
      failed: 1,
    })
  })

  it('never reports a failing stage as all passed', () => {
    expect(
      summarize({ exitCodes: { ...ok, vitest: 1 }, vitest: vitestReport(3, 0), playwright: playwrightReport(1, 0) }),
    ).toEqual({ passed: 4, failed: 1 })
  })
})

describe('writeSummary', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'summary-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('reads the reports and writes summary.txt', () => {
    writeFileSync(join(dir, 'vitest.json'), JSON.stringify(vitestReport(6, 1)))
    writeFileSync(join(dir, 'playwright.json'), JSON.stringify(playwrightReport(2, 0)))
    expect(writeSummary(dir, { ...ok, vitest: 1 })).toBe('8 passed, 1 failed')
    expect(readFileSync(join(dir, 'summary.txt'), 'utf8')).toBe('8 passed, 1 failed\n')
  })

  it('treats a missing or truncated report as a failure', () => {
    writeFileSync(join(dir, 'vitest.json'), '{"numPassedTests": 3,')
    expect(writeSummary(dir, { ...ok, vitest: 1, playwright: 1 })).toBe('0 passed, 2 failed')
  })
})
