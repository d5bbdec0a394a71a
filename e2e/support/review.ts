/**
 * What the biller checks on the review step: the code, the claim lines box by box, the
 * description, and whether the export is open or blocked (and by what).
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { ClaimPacket } from '../../src/core/packet/schema';
import type { Expected, ExpectedLine } from './examples';
import { download } from './download';
import { saveClaimFileButton } from './claim';
import { byLabel } from './fields';

/** The first payer export: open only once the claim is complete. */
export const exportButton = (page: Page) => page.getByRole('button', { name: 'Download the PDF packet' });

/** The lines of a drug, by their row headers, in order. */
const ROW = ['Drug given', 'Drug discarded'];
const codeOf = (line: ExpectedLine) => [line.code, ...line.modifiers].join(' ');
const formTable = (page: Page, form: 'CMS-1500' | 'UB-04') =>
  page.getByRole('table', { name: form === 'UB-04' ? 'UB-04 (837I) lines' : 'CMS-1500 (837P) lines' });
/** An amount as billers read it: "6500.00" → "$6,500.00". */
export const dollars = (amount: string) => `$${Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 3 })}`;

/** Text to match literally in a RegExp. */
export const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "Code: J3590 Unclassified biologics", or the drug is not billed at all. */
export async function expectCode(page: Page, code: string | null): Promise<void> {
  await expect(page.getByText(code === null ? 'Code: none: this drug is not billed' : new RegExp(`^Code: ${code}\\b`))).toBeVisible();
}

/** The cell of a line (row "Drug given" / "Drug discarded") under a column ("Item 24D", "FL43", "NDC quantity"). */
async function cellOf(table: Locator, row: string, column: string): Promise<Locator> {
  const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  const index = headers.indexOf(column);
  expect(index, `column ${column} in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  const line = table.getByRole('row', { name: row });
  // Where a line's first column is its row header, the cells start one column later.
  return line.getByRole('cell').nth(index - (await line.getByRole('rowheader').count()));
}

/** Each line's columns, in order: "Drug given", then "Drug discarded". */
async function expectTable(table: Locator, lines: readonly Record<string, string>[]): Promise<void> {
  await expect(table.getByRole('row')).toHaveCount(lines.length + 1);
  for (const [i, columns] of lines.entries()) {
    for (const [column, value] of Object.entries(columns)) await expect(await cellOf(table, ROW[i]!, column), column).toHaveText(value);
  }
}

/**
 * The lines as they go on the claim form: CMS-1500 (24A shaded NDC line, 24D code and modifiers,
 * 24G units) or UB-04 (FL43 NDC, FL44 code and modifiers, FL46 units), each box as the biller reads it.
 */
export async function expectLines(page: Page, packet: ClaimPacket, lines: readonly ExpectedLine[]): Promise<void> {
  const ndc11 = packet.drugs?.[0]?.ndc?.normalized;
  const ndc = (line: ExpectedLine, gap: string) => (line.ndc === null ? '—' : `N4${ndc11}${gap}${line.ndc.unit}${line.ndc.quantity}`);
  await (packet.careSetting === 'hospital-outpatient'
    ? expectTable(formTable(page, 'UB-04'), lines.map((l) => ({ FL44: codeOf(l), FL46: String(l.units), FL43: ndc(l, '') })))
    : expectTable(formTable(page, 'CMS-1500'), lines.map((l) => ({ 'Item 24D': codeOf(l), 'Item 24G': String(l.units), 'Item 24A shaded': ndc(l, ' ') }))));
}

/** A box of a line, for the boxes a scenario names (FL42 revenue code, the line's description). */
export async function expectBox(page: Page, form: 'CMS-1500' | 'UB-04', row: string, box: string, value: string): Promise<void> {
  await expect(await cellOf(formTable(page, form), row, box)).toHaveText(value);
}

/** The claim's own box: Item 19 of the CMS-1500 or FL80 of the UB-04 (every line's description combined). */
export async function expectClaimBox(page: Page, box: 'Item 19' | 'FL80 remarks', value: string): Promise<void> {
  await expect(page.getByRole('region', { name: `${box} (the whole claim)` }).locator('p.font-mono')).toHaveText(value);
}

/** The lines shown live on the dose, waste and modifiers steps, under their caption. */
export async function expectLinesPreview(page: Page, caption: string, lines: readonly ExpectedLine[]): Promise<void> {
  await expectTable(page.getByRole('region', { name: caption }).getByRole('table'), lines.map((l) => ({
    'Code and modifiers': codeOf(l), 'HCPCS units': String(l.units), 'NDC quantity': l.ndc === null ? 'none needed' : `${l.ndc.unit} ${l.ndc.quantity}`,
  })));
}

/** The waste step: what the waste record means for JW/JZ, in words, and the lines that result. */
export async function expectWasteStep(page: Page, explanation: string, lines: readonly ExpectedLine[]): Promise<void> {
  await expect(page.getByText(explanation, { exact: true })).toBeVisible();
  await expectLinesPreview(page, 'The lines with this waste', lines);
}

/** The modifiers step: the modifier added for the biller (or why none is), and the lines with it. */
export async function expectModifiersStep(page: Page, added: string, lines: readonly ExpectedLine[]): Promise<void> {
  await expect(page.getByText(added)).toBeVisible();
  await expectLinesPreview(page, 'The lines with these modifiers', lines);
}

/** The description the wizard writes (SV101-7 / FL80 remarks). */
export async function expectDescription(page: Page, narrative: string): Promise<void> {
  await expect(page.getByText(`The wizard writes: ${narrative}`, { exact: true })).toBeVisible();
}

/** Export is open: no "blocked" box, the payer exports open, and the claim file saved is the complete claim typed. */
export async function expectExportable(page: Page, packet: ClaimPacket): Promise<void> {
  await expect(page.getByText('Export is blocked')).toHaveCount(0);
  await expect(exportButton(page)).toBeEnabled();
  const file = await download(page, saveClaimFileButton(page));
  expect(file.suggestedFilename()).toBe(`claim-${packet.patient?.accountReference}-${packet.dates?.service}.json`);
  const saved = JSON.parse(await readFile(await file.path(), 'utf8')) as { format: string; status: string; packet: ClaimPacket; evaluation: { exportable: boolean } };
  expect(saved.format).toBe('noc-claim-export');
  expect(saved.status).toBe('complete');
  expect(saved.evaluation.exportable).toBe(true);
  expect(saved.packet.patient?.accountReference).toBe(packet.patient?.accountReference);
  expect(saved.packet.drugs?.[0]?.ndc?.normalized ?? '').toBe(packet.drugs?.[0]?.ndc?.normalized ?? '');
}

/**
 * Export is blocked, the button says why (its description), and the box lists exactly these
 * problems, by the words the biller reads.
 */
export async function expectExportBlocked(page: Page, problems: readonly string[]): Promise<void> {
  const count = problems.length === 1 ? 'this is' : `these ${problems.length} are`;
  await expect(page.getByText(`Export is blocked until ${count} fixed:`)).toBeVisible();
  await expect(exportButton(page)).toBeDisabled();
  for (const problem of problems) await expect(exportButton(page)).toHaveAccessibleDescription(new RegExp(escape(problem)));
}

/** The link of a listed problem moves the focus to its field (on its step). */
export async function followProblem(page: Page, problem: string, field: string): Promise<void> {
  await page.getByRole('listitem').filter({ hasText: problem }).last().getByRole('button', { name: /^Go to the field/ }).click();
  await expect(byLabel(page, field)).toBeFocused();
}

/** A row of the documentation checklist: its state ("Done", "Missing", "Not needed") and why. */
export async function expectChecklistItem(page: Page, item: string, state: 'Done' | 'Missing' | 'Not needed', why?: string): Promise<void> {
  const row = page.getByRole('row', { name: new RegExp(`^${escape(item)} (Done|Missing|Not needed)`) });
  await expect(row.getByRole('cell').first()).toHaveText(state);
  if (why !== undefined) await expect(row.getByRole('cell').nth(1)).toContainText(why);
}

/** Everything a scenario's review shows: code, lines, description, export open or blocked. */
export async function expectReview(page: Page, packet: ClaimPacket, expected: Expected, review: { narrative?: string; problems?: readonly string[] }): Promise<void> {
  await expectCode(page, expected.decision.code);
  if (expected.lines.length > 0) await expectLines(page, packet, expected.lines);
  if (review.narrative !== undefined) await expectDescription(page, review.narrative);
  if (expected.exportable) await expectExportable(page, packet);
  else await expectExportBlocked(page, review.problems ?? []);
}
