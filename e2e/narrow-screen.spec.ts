/**
 * A phone-sized window (390 × 844): no step of a filled claim, nor the claims list, nor the
 * reference-data screen scrolls sideways; the stepper collapses to "Step 3 of 7: Dose and units"
 * with a button that shows every step to jump to; tables become stacked rows. axe finds nothing.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { buildClaim, openAppOn, STEPS, stepHeading } from './support/claim';
import { loadExample } from './support/examples';

const { packet, expected } = loadExample('05-briumvi-partial-dose-waste');

test.use({ viewport: { width: 390, height: 844 } });

/** The page scrolls sideways when its content is wider than the window. */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, clientWidth: document.scrollingElement!.clientWidth }));
  expect(scrollWidth, `${where}: content ${scrollWidth} px wide in a window of ${clientWidth} px`).toBeLessThanOrEqual(clientWidth);
}

const steps = (page: Page) => page.getByRole('navigation', { name: 'Steps' });

/** Jumps to a step the way a narrow window offers it: the collapsed stepper's button, then the step. */
async function jumpTo(page: Page, index: number): Promise<void> {
  await steps(page).getByRole('button', { name: /^Step \d of 7: / }).click();
  await steps(page).getByRole('button', { name: new RegExp(`^${index + 1}\\. ${STEPS[index]!.title}`) }).click();
  await expect(stepHeading(page, STEPS[index]!.id)).toBeVisible();
}

test('every step, the claims list and the reference data fit a 390 px window', async ({ page }) => {
  await openAppOn(page, expected.today);
  await expectNoSidewaysScroll(page, 'the empty claims list');
  await buildClaim(page, packet);

  await test.step('the stepper is one line: "Step 7 of 7: Review", the other steps behind a button', async () => {
    const toggle = steps(page).getByRole('button', { name: /^Step 7 of 7: Review/ });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(steps(page).getByRole('button', { name: /^3\. Dose and units/ })).toBeHidden();
    const box = await steps(page).boundingBox();
    expect(box!.height, 'the stepper takes one row').toBeLessThan(90);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(steps(page).getByRole('button', { name: /^3\. Dose and units/ })).toBeVisible();
    await toggle.click();
  });

  for (const [i, { title }] of STEPS.entries()) {
    await test.step(`${title}`, async () => {
      await jumpTo(page, i);
      await expect(steps(page).getByRole('button', { name: new RegExp(`^Step ${i + 1} of 7: ${title}`) })).toBeVisible();
      await expectNoSidewaysScroll(page, `the ${title} step`);
      await expectNoAxeViolations(page, `the ${title} step at 390 px`);
    });
  }

  await test.step('the lines table of Review is stacked rows, each value under its box name', async () => {
    const table = page.getByRole('table', { name: 'CMS-1500 (837P) lines' });
    const first = table.getByRole('cell').first();
    const second = table.getByRole('cell').nth(1);
    const [a, b] = [await first.boundingBox(), await second.boundingBox()];
    expect(b!.y, 'the second box of a line is below the first, not beside it').toBeGreaterThan(a!.y);
    await expect(first).toBeVisible();
  });

  await page.getByRole('button', { name: '← All claims' }).click();
  await expect(page.getByRole('heading', { name: 'Claims in this browser' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'the claims list with a claim');
  await expectNoAxeViolations(page, 'the claims list at 390 px');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reference data' }).click();
  await expect(page.getByRole('heading', { name: 'Reference data', exact: true })).toBeVisible();
  await expectNoSidewaysScroll(page, 'the reference data screen');
  await expectNoAxeViolations(page, 'the reference data screen at 390 px');
});
