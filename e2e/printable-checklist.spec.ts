/// <reference lib="dom" />
/**
 * The documentation checklist on paper: one click prints it; printed, it shows the claim summary,
 * the lines, every item with the state and reason the screen shows, and lines for a signature and
 * a date, while the app around it is not printed. Jubereq (billing-rules §16 scenario 17) with the
 * invoice file still to attach, so the paper shows a missing item too.
 */
import { expect, test } from './support/test';
import { buildClaim, openAppOn, stepHeading } from './support/claim';
import { loadExample } from './support/examples';

const complete = loadExample('17a-jubereq-office-no-qcode');
const packet = { ...complete.packet, attachments: complete.packet.attachments?.filter((a) => a.kind !== 'invoice') };
const { expected } = complete;
const PRINTED_STATE: Record<string, string> = { Done: 'Done', Missing: 'MISSING', 'Not needed': 'Not needed' };

test('the printable checklist: one click to print, and on paper the summary, each item and the signature lines', async ({ page }) => {
  await openAppOn(page, expected.today);
  await buildClaim(page, packet);

  // What the screen's checklist says, item by item (without the "Go to the field" links).
  const screen = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'State' }) });
  const items = await screen.getByRole('row').filter({ has: page.getByRole('rowheader') }).evaluateAll((rows) => rows.map((row) => {
    const [label, state, why] = [...row.children].map((cell) => {
      const copy = cell.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('button').forEach((b) => b.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
    return { label: label ?? '', state: state ?? '', why: why ?? '' };
  }));
  expect(items.map((i) => i.state)).toEqual(expect.arrayContaining(['Done', 'Missing', 'Not needed']));

  const printed = page.getByRole('article');
  await expect(printed).toBeHidden();
  await page.evaluate(() => {
    const w = window as Window & { printCalls?: number };
    w.printCalls = 0;
    w.print = () => { w.printCalls = (w.printCalls ?? 0) + 1; };
  });
  await page.getByRole('button', { name: 'Print the documentation checklist' }).click();
  await expect.poll(() => page.evaluate(() => (window as Window & { printCalls?: number }).printCalls)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(printed).toBeVisible();
  await expect(stepHeading(page)).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(printed.getByRole('heading', { name: 'Documentation checklist: unclassified drug claim' })).toBeVisible();
  await expect(printed).toContainText('The claim is NOT complete yet: see the missing items.');

  const summary: [string, string][] = [
    ['Patient account', 'ACCT-1026'], ['Date of service', '08/03/2026'], ['Care setting', 'Physician office'],
    ['Payer', 'Medicare Part B'], ['Payer profile', 'Medicare Part B (any MAC)'], ['Diagnoses', 'C79.51, C61'],
  ];
  for (const [label, value] of summary) await expect(printed.getByRole('row', { name: `${label} ${value}`, exact: true })).toBeVisible();
  await expect(printed.getByRole('heading', { name: 'Drug 1: Jubereq (denosumab-desu) · NDC 69448-022-63 · Code J3590' })).toBeVisible();
  await expect(printed).toContainText('J3590 JZ × 1 · N469448002263 ML1.7 · JUBEREQ DENOSUMAB-DESU 120MG SUBQ NDC 69448002263');

  for (const item of items) {
    const row = printed.getByRole('row').filter({ has: page.getByRole('cell', { name: item.label, exact: true }) });
    await expect(row.getByRole('cell').nth(2), item.label).toHaveText(PRINTED_STATE[item.state] ?? item.state);
    await expect(row.getByRole('cell').nth(3), item.label).toHaveText(item.why);
  }
  await expect(printed.getByText('Checked by (signature)')).toBeVisible();
  await expect(printed.getByText('Date', { exact: true })).toBeVisible();

  await page.emulateMedia({ media: 'screen' });
  await expect(printed).toBeHidden();
  await expect(stepHeading(page, 'review')).toBeVisible();
});
