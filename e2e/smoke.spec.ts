import { AxeBuilder } from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

test('first screen shows the heading and has no axe violations', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'NOC Claim Wizard' })).toBeVisible()

  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(results.violations).toEqual([])
})

// Patient data must never leave the browser: loading the app may only talk
// to the app's own origin.
test('page load makes no request to another origin', async ({ page }) => {
  const requested: string[] = []
  page.on('request', (request) => requested.push(request.url()))

  await page.goto('/', { waitUntil: 'networkidle' })
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  const appOrigin = new URL(page.url()).origin
  expect(requested.length).toBeGreaterThan(0)
  expect(requested.filter((url) => !sameOriginOrInline(url, appOrigin))).toEqual([])
})

// blob: URLs carry their creator's origin; data: URLs have none.
function sameOriginOrInline(url: string, appOrigin: string): boolean {
  const { protocol, origin } = new URL(url)
  return protocol === 'data:' || origin === appOrigin
}
