/**
 * One claim open in two tabs of the same browser: what is saved in one appears in the other, which
 * says so ("This claim was changed in another tab or window"), in both directions, and even while
 * the biller is still typing (every change is saved within a fraction of a second).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { buildClaim, newTab, openAppOn, openStep, resumeClaim } from './support/claim';
import { loadExample } from './support/examples';
import { byLabel } from './support/fields';

const { packet, expected } = loadExample('05-briumvi-partial-dose-waste');
const CHANGED = 'This claim was changed in another tab or window';

/** The claim built up to the dose step in the first tab, and opened on the same step in a second one. */
async function openTwice(page: Page): Promise<Page> {
  await openAppOn(page, expected.today);
  await buildClaim(page, packet, { stopAt: 'documents' });
  const other = await newTab(page.context(), expected.today);
  await resumeClaim(other, packet);
  await openStep(other, 'documents');
  return other;
}

test('a change saved in one tab appears in the other with a notice, both ways', async ({ page }) => {
  const other = await openTwice(page);

  // The biller types in the tab in front (a tab behind has its timers slowed down by the browser).
  await page.bringToFront();
  await byLabel(page, 'Lot number').fill('TG2301A');
  await expect(other.getByRole('alert')).toContainText(CHANGED);
  await expect(byLabel(other, 'Lot number')).toHaveValue('TG2301A');

  await other.getByRole('button', { name: 'Dismiss' }).click();
  await expect(other.getByRole('alert')).toHaveCount(0);
  await other.bringToFront();
  await byLabel(other, 'Supplier').fill('Specialty Distributor Inc.');
  await expect(page.getByRole('alert')).toContainText(CHANGED);
  await expect(byLabel(page, 'Supplier')).toHaveValue('Specialty Distributor Inc.');
  await expect(byLabel(page, 'Lot number')).toHaveValue('TG2301A');
});

test('while the biller is still typing in one tab, the other already shows what was typed', async ({ page }) => {
  const other = await openTwice(page);
  const necessity = (packet.drugs?.[0]?.medicalNecessity ?? '').slice(0, 60);
  await page.bringToFront();
  let isTyping = true;
  const typing = byLabel(page, 'Why the drug was medically necessary').pressSequentially(necessity, { delay: 40 })
    .finally(() => { isTyping = false; });
  // Saved within 300 ms of a change, not only once the typing stops.
  await expect(byLabel(other, 'Why the drug was medically necessary')).not.toHaveValue('', { timeout: 1500 });
  expect(isTyping, 'the first tab is still typing').toBe(true);
  await typing;
  await expect(byLabel(other, 'Why the drug was medically necessary')).toHaveValue(necessity);
});
