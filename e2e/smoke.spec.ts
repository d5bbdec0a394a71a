import { AxeBuilder } from '@axe-core/playwright'
import { expect, isOwnOrigin, test } from './support/test';

test('first screen shows the heading and has no axe violations', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'NOC Claim Wizard' })).toBeVisible()

  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(results.violations).toEqual([])
})

// Patient data must never leave the browser: every test runs under the guard of
// support/test.ts, which fails it on any request to another origin.
test('page load makes requests, all to the app itself', async ({ page, requests }) => {
  await page.goto('/', { waitUntil: 'networkidle' })
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect(requests.length).toBeGreaterThan(0)
  expect(requests.filter((url) => !isOwnOrigin(url, new URL(page.url()).origin))).toEqual([])
})

test('the guard fails a test that makes a request to another origin', async ({ page }) => {
  test.fail()
  await page.goto('/')
  await page.goto('http://other-origin.test/').catch(() => undefined)
})
