/**
 * Reference-data faults (issues 6 and 13): files that are cut short, in the wrong encoding, with
 * their values in the wrong columns, with duplicate rows, or empty, and files that contradict
 * themselves (a HCPCS code listed twice for overlapping dates, a banner that is not one calendar
 * quarter or lies outside 1990–2100, an ICD-10-CM order file whose name does not give its fiscal
 * year, an FDA file as of a day after today) are each refused on the Reference data screen with
 * the reason and the line at fault, and the data imported before stays, in use, after a reload
 * too. Columns in another order under their own headers are read by name. A crosswalk of a few
 * rows is kept, marked partial.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { openAppOn, startClaim } from './support/claim';
import { byLabel } from './support/fields';

const HEADER = ['_2025_CODE', 'Short Description', 'LABELER NAME', 'NDC2', 'Drug Name', 'HCPCS dosage', 'PKG SIZE', 'PKG QTY', 'BILLUNITS', 'BILLUNITSPKG'];
const BRIUMVI = ['J2329', 'Inj ublituximab-xiiy 1 mg', 'TG Therapeutics', '73150-0150-06', 'Briumvi', '1 MG', '6', '1', '150', '150'];
const KEYTRUDA = ['J9271', 'Inj pembrolizumab', 'Merck', '00006-3026-02', 'Keytruda', '1 MG', '4', '1', '100', '100'];

/** An October 2025 ASP crosswalk laid out as CMS publishes it: two banner lines, the header, the rows. */
function crosswalk(rows: readonly (readonly string[])[], header: readonly string[] = HEADER): string {
  return ['October 2025 ASP NDC - HCPCS Crosswalk,,', '"Effective October 1, 2025 through December 31, 2025",,', header.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
}
const csv = (name: string, text: string | Buffer) => ({ name, mimeType: 'text/csv', buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text });

/** The columns in reverse order, under their own headers: the same data. */
const reversed = (row: readonly string[]) => [...row].reverse();

const FAULTS = [
  {
    file: csv('cut-short.csv', crosswalk([KEYTRUDA, BRIUMVI]).slice(0, -30)),
    message: 'Line 5: this last row stops after 4 values where the header has 10: the file was cut short. Download it again',
  },
  { file: csv('unicode.csv', Buffer.from(`\ufeff${crosswalk([KEYTRUDA])}`, 'utf16le')), message: 'this file is saved as Unicode text (UTF-16) or holds binary data' },
  {
    file: csv('values-in-wrong-columns.csv', crosswalk([[KEYTRUDA[3]!, KEYTRUDA[0]!, ...KEYTRUDA.slice(4), KEYTRUDA[1]!, KEYTRUDA[2]!]])),
    message: 'no row of this CMS ASP NDC-HCPCS crosswalk could be used (1 rejected; the first: line 4,',
  },
  { file: csv('duplicated.csv', crosswalk([KEYTRUDA, KEYTRUDA])), message: 'Line 5: this row repeats line 4 exactly.' },
  { file: csv('empty.csv', ''), message: 'the file is empty' },
  {
    file: csv('hcpcs-code-twice.csv', [
      'HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,ADD DT,ACT EFF DT,TERM DT,ACTION CD',
      'J2329,0010,3,"Injection, ublituximab-xiiy, 1mg",Inj ublituximab-xiiy 1mg,20230701,20230701,,N',
      'J2329,0010,3,"Injection, ublituximab-xiiy, 10 mg",Inj ublituximab-xiiy 10mg,20240101,20240101,,C',
    ].join('\r\n')),
    message: 'Line 3: code J2329 is listed again, for dates that overlap those of line 2 (from 07/01/2023 and from 01/01/2024).',
  },
  {
    file: csv('banner-0001-9999.csv', crosswalk([KEYTRUDA]).replace('October 1, 2025 through December 31, 2025', 'January 1, 0001 through December 31, 9999')),
    message: 'Line 2: the banner of this CMS ASP NDC-HCPCS crosswalk covers 01/01/0001 through 12/31/9999, outside 1990–2100',
  },
  {
    file: csv('banner-two-quarters.csv', crosswalk([KEYTRUDA]).replace('through December 31, 2025', 'through March 31, 2026')),
    message: 'Line 2: this CMS ASP NDC-HCPCS crosswalk says it is effective from 10/01/2025 through 03/31/2026, which is not one calendar quarter.',
  },
  {
    file: { name: 'icd10cm_order.txt', mimeType: 'text/plain', buffer: Buffer.from('00001 A000    0 Cholera                                                      Cholera\n') },
    message: 'the fiscal year of this ICD-10-CM order file is told by its name, and "icd10cm_order.txt" does not say it.',
  },
  {
    file: { name: 'package.txt', mimeType: 'text/plain', buffer: Buffer.from('PRODUCTID\tPRODUCTNDC\tNDCPACKAGECODE\tPACKAGEDESCRIPTION\tSTARTMARKETINGDATE\tENDMARKETINGDATE\tNDC_EXCLUDE_FLAG\tSAMPLE_PACKAGE\nP1\t0310-4535\t0310-4535-30\t1 VIAL in 1 CARTON\t20251121\t\tN\tN\n') },
    message: 'Line 2: this FDA NDC Directory packages (package.txt) lists a date, 11/21/2025, after today (11/20/2025)',
  },
] as const;

const thisImport = (page: Page) => page.getByRole('region', { name: 'This import' });
const importItem = (page: Page, name: string) => thisImport(page).getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) });
const storedFiles = (page: Page) => page.getByRole('region', { name: 'Files in this browser' }).getByRole('table');

async function importFiles(page: Page, files: readonly ReturnType<typeof csv>[]): Promise<void> {
  await byLabel(page, 'Drop CMS or FDA files here, or choose files').setInputFiles([...files]);
  for (const { name } of files) {
    await expect(importItem(page, name).getByRole('progressbar', { name: `Import progress of ${name}` })).toHaveAttribute('value', '1');
  }
}

/** The one file kept: its name, and its rows. */
async function expectOnlyStored(page: Page, fileName: string, rows: string): Promise<void> {
  // After an import the stored files and the built-in data are read again: slow on a busy machine.
  await expect(storedFiles(page).getByRole('row')).toHaveCount(2, { timeout: 15_000 });
  const cells = storedFiles(page).getByRole('row').filter({ has: page.getByRole('cell', { name: fileName, exact: true }) }).getByRole('cell');
  await expect(cells.nth(3)).toHaveText(rows);
}

test('broken reference files are refused with the line at fault, and the data imported before stays', async ({ page }) => {
  await openAppOn(page, '2025-11-20');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reference data' }).click();

  const good = csv('oct2025-columns-reordered.csv', crosswalk([reversed(KEYTRUDA), reversed(BRIUMVI)], reversed(HEADER)));
  await importFiles(page, [good]);
  await expect(importItem(page, good.name)).toContainText('Imported: CMS ASP NDC-HCPCS crosswalk, October 2025. 2 rows read, 2 kept, 0 rejected.');
  await expect(importItem(page, good.name)).toContainText('Partial: 2 rows, where a quarter\'s crosswalk has about 8,000');
  await expectOnlyStored(page, good.name, '2');
  // Two rows are not a quarter: kept and used, marked partial in the list.
  await expect(storedFiles(page).getByRole('row').filter({ hasText: good.name }).getByRole('cell').nth(1))
    .toHaveText('October 2025Partial: 2 rows, where a quarter\'s crosswalk has about 8,000 (fewer than 2,000 is taken for a part of one). An NDC it does not list may still have a code of its own.');

  await importFiles(page, FAULTS.map((f) => f.file));
  for (const { file, message } of FAULTS) {
    await expect(importItem(page, file.name).getByRole('alert')).toContainText(`Not imported: ${message}`);
  }
  await expectNoAxeViolations(page, 'the Reference data screen with refused files');
  await expectOnlyStored(page, good.name, '2');

  await page.reload();
  await expectOnlyStored(page, good.name, '2');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click();
  await startClaim(page);
  // The imported crosswalk, not the built-in one of the same quarter; the built-in Purple Book's age is the only warning.
  await expect(page.getByRole('region', { name: 'Reference data status' }).locator('summary')).toHaveText('Reference data as of October 2025 · 1 warning');
});
