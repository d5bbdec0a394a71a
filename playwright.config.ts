import { defineConfig, devices } from '@playwright/test'

// PW_PORT lets several checkouts run their browser tests side by side on one machine.
const port = Number(process.env.PW_PORT ?? 4173)
const baseURL = `http://127.0.0.1:${port}`

export default defineConfig({
  testDir: './e2e',
  // Playwright empties outputDir at start: keep it off test-results/ itself,
  // where scripts/test.sh has already written vitest.json.
  outputDir: 'test-results/playwright',
  forbidOnly: !!process.env.CI,
  // list for people, json for scripts/test.sh's summary.
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }]],
  use: { baseURL },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          // Debian's chromium (scripts/ensure-deps.sh installs it); Playwright downloads no browser.
          executablePath: '/usr/bin/chromium',
          args: [
            '--disable-gpu',
            '--disable-quic',
            // No DNS at all except for the app itself: stops Chromium's
            // background lookups (Google services) and any stray request.
            '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
          ],
        },
      },
    },
  ],
  // Serves dist/: run `vite build` first.
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
  },
})
