/**
 * One truth (issue 11): the review step and the export panel show the claim-form strings and the
 * payment estimate that `npm run cli -- check` prints for the same packet, box by box.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ClaimFormStrings } from '../src/core/export/export-claim';
import type { PaymentEstimate } from '../src/core/reference-data/payment';
import { openAppOn, openStep, resumeClaim } from './support/claim';
import { loadExample } from './support/examples';
import { dollars, expectClaimBox } from './support/review';
import { expect, test } from './support/test';

const ROOT = join(import.meta.dirname, '..');

/** What `check` prints for an example file. */
function check(slug: string): { claimForm: ClaimFormStrings; payment: PaymentEstimate[] } {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/main.ts'), 'check', join(ROOT, 'examples', `${slug}.json`)], { encoding: 'utf8' });
  return JSON.parse(r.stdout) as { claimForm: ClaimFormStrings; payment: PaymentEstimate[] };
}

/** Opens the example's packet as a saved claim file (its attached files are not in this browser, so it waits in the list), then its review step. */
async function openExampleOnReview(page: Page, slug: string): Promise<void> {
  const { packet, expected } = loadExample(slug);
  await openAppOn(page, expected.today);
  await page.getByLabel('Open a saved claim file (JSON)').setInputFiles(join(ROOT, 'examples', `${slug}.json`));
  if ((packet.attachments ?? []).length > 0) await resumeClaim(page, packet);
  await expect(page.getByRole('heading', { name: /^Step 1 of 7/ })).toBeVisible();
  await openStep(page, 'review');
}

/** The boxes a line shows on the review step, in the order of its columns. */
async function reviewRow(page: Page, form: 'CMS-1500' | 'UB-04', row: 'Drug given' | 'Drug discarded'): Promise<string[]> {
  const table = page.getByRole('table', { name: form === 'UB-04' ? 'UB-04 (837I) lines' : 'CMS-1500 (837P) lines' });
  return (await table.getByRole('row', { name: row }).getByRole('cell').allTextContents()).map((t) => (t === '—' ? '' : t));
}

/** A box in the export panel's "boxes to copy" table. */
const copyBox = (page: Page, label: string) => page.getByRole('row', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')} `) }).getByRole('cell').first();

test('Review and the export panel show the CMS-1500 strings and the payment estimate that check prints (example 05)', async ({ page }) => {
  const printed = check('05-briumvi-partial-dose-waste');
  expect(printed.claimForm.form).toBe('CMS-1500');
  if (printed.claimForm.form !== 'CMS-1500') return;
  await openExampleOnReview(page, '05-briumvi-partial-dose-waste');
  const [given, discarded] = printed.claimForm.lines;
  for (const [row, line] of [['Drug given', given!], ['Drug discarded', discarded!]] as const) {
    expect(await reviewRow(page, 'CMS-1500', row)).toEqual([line.item24AShaded, line.item24D, line.item24G, line.description]);
    await expect(copyBox(page, `Line ${line.line}: Item 24A shaded (NDC)`)).toHaveText(line.item24AShaded);
    await expect(copyBox(page, `Line ${line.line}: Item 24D`)).toHaveText(line.item24D);
  }
  await expectClaimBox(page, 'Item 19', printed.claimForm.item19);
  await expect(copyBox(page, 'Item 19')).toHaveText(printed.claimForm.item19);
  const [estimate] = printed.payment;
  expect(estimate!.amount).toBe('6500.00');
  await expect(page.getByText(`Payment estimate: ${dollars(estimate!.amount!)} (${estimate!.source})`, { exact: true })).toBeVisible();
  await expect(page.getByText(estimate!.explanation, { exact: true })).toBeVisible();
});

test('Review shows the UB-04 strings and the payment estimate that check prints (example 02a, C9399)', async ({ page }) => {
  const printed = check('02a-ultomiris-opps-c9399');
  expect(printed.claimForm.form).toBe('UB-04');
  if (printed.claimForm.form !== 'UB-04') return;
  await openExampleOnReview(page, '02a-ultomiris-opps-c9399');
  const line = printed.claimForm.lines[0]!;
  expect(await reviewRow(page, 'UB-04', 'Drug given')).toEqual([line.fl42, line.fl43, line.fl44, line.fl46, line.description]);
  await expectClaimBox(page, 'FL80 remarks', printed.claimForm.fl80);
  const [estimate] = printed.payment;
  await expect(page.getByText(`Payment estimate: ${estimate!.amount === null ? 'None' : `${dollars(estimate!.amount)} (${estimate!.source})`}`, { exact: true })).toBeVisible();
  await expect(page.getByText(estimate!.explanation, { exact: true })).toBeVisible();
});
