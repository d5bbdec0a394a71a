/**
 * Journey: a biller imports the CMS and FDA files as published (../shared/data and its icd10cm/
 * folder, kept outside the repository) through the file input of the Reference data screen, reads
 * each file's result, finds them again after a reload, and then, in the same browser, the wizard
 * checks claims against them: Briumvi billed as J3590 in November 2025 is blocked because the ASP
 * crosswalk lists its NDC under J2329 (with the units to bill), G35 is no longer billable in
 * FY2026 (G35.A to G35.D offered), an NDC with two codes of its own (Retacrit, ESRD or not) asks
 * which one fits the patient, and the header warns when the files are out of date.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { buildClaim, openAppOn, openStep } from './support/claim';
import { inNovember2025, loadExample, withDrug } from './support/examples';
import { byLabel } from './support/fields';
import { hasReferenceData, importReferenceFiles, REFERENCE_DATA as DATA, thisImport } from './support/reference';
import { escape, expectCode, expectExportBlocked, expectLines } from './support/review';

test.skip(!hasReferenceData, `${DATA} is absent: the CMS and FDA reference files live outside the repository, so the import journey cannot run.`);

/** Every data file of the folder and of icd10cm/ (fixtures/ holds format samples, not data for lookups: see its README §8). */
const FILES = hasReferenceData
  ? ['', 'icd10cm'].flatMap((dir) => readdirSync(join(DATA, dir)).filter((f) => /\.(csv|txt)$/.test(f)).map((f) => ({ name: f, path: join(DATA, dir, f) })))
  : [];

/** What the screen says of each file imported: kind, quarter or year, rows read and kept (none is rejected). */
const IMPORTED: Readonly<Record<string, { readonly kind: string; readonly covers: string; readonly read: string; readonly kept: string }>> = {
  'cms_asp_ndc_hcpcs_crosswalk_oct2025.csv': { kind: 'CMS ASP NDC-HCPCS crosswalk', covers: 'October 2025', read: '8,245', kept: '8,245' },
  'cms_asp_payment_limits_oct2025.csv': { kind: 'CMS ASP payment-limit file', covers: 'October 2025', read: '1,012', kept: '1,012' },
  'cms_noc_ndc_hcpcs_crosswalk_oct2025.csv': { kind: 'CMS NOC NDC-HCPCS crosswalk', covers: 'October 2025', read: '2', kept: '2' },
  'cms_noc_payment_limits_oct2025.csv': { kind: 'CMS NOC payment-limit file', covers: 'October 2025', read: '1', kept: '1' },
  'hcpcs_level2_anweb_oct2025.csv': { kind: 'CMS HCPCS Level II file', covers: 'October 2025', read: '8,846', kept: '8,846' },
  // The Purple Book download repeats products: each is kept once.
  'fda_purple_book_biologics_2025-03.csv': { kind: 'FDA Purple Book', covers: 'as of 03/14/2025', read: '6,279', kept: '2,121' },
  'icd10cm_order_2025.txt': { kind: 'CMS ICD-10-CM order file', covers: 'FY2025', read: '97,584', kept: '97,584' },
  'icd10cm_order_2026.txt': { kind: 'CMS ICD-10-CM order file', covers: 'FY2026', read: '98,186', kept: '98,186' },
};
const ADDENDA = 'this is an ICD-10-CM addenda file (the changes of one year). Import the order file instead';
/** Files the wizard does not import, and the reason it gives. */
const REFUSED: Readonly<Record<string, string>> = {
  'cms_asp_crosswalk_field_descriptions.csv': 'this is the read-me CMS ships with the ASP crosswalks (what each column means, with examples): it holds no codes or prices, so there is nothing to import from it.',
  'icd10cm_codes_addenda_2025.txt': ADDENDA,
  'icd10cm_codes_addenda_2026.txt': ADDENDA,
  'icd10cm_order_addenda_2025.txt': ADDENDA,
  'icd10cm_order_addenda_2026.txt': ADDENDA,
};

const briumvi = inNovember2025(loadExample('05-briumvi-partial-dose-waste'));
/** Retacrit, which the crosswalk lists under Q5105 (ESRD on dialysis, per 100 units) and Q5106 (others, per 1000 units). */
const retacrit = withDrug(briumvi, (drug) => ({
  ...drug,
  ndc: { input: '00069-1305-10', normalized: '00069130510' }, brandName: 'Retacrit', genericName: 'epoetin alfa-epbx', strength: '10,000 units/mL',
  isBiosimilar: true, fdaApprovalDate: '2018-05-15',
  container: { type: 'single-dose', amount: { value: '10000', unit: 'units' }, volume: { value: '1', unit: 'mL' }, opened: '1' },
  administration: { ...drug.administration, dose: { value: '10000', unit: 'units' } },
  waste: undefined,
}));

const TODAY = '2025-11-20';
const HAS_J2329 = 'This drug has its own code on the date of service: J2329 (Injection, ublituximab-xiiy, 1mg, billed per 1 mg). '
  + 'An unclassified code is denied (CARC 189): bill J2329 instead (its lines: J2329 × 100, J2329 JW × 50).';
const G35_NOT_BILLABLE = 'G35 is a category, not a billable code, for dates of service in FY2026. '
  + 'Pick the specific code: G35.A, G35.B0, G35.B1, G35.B2, G35.C0, G35.C1, G35.C2, G35.D. Claims with it are denied (CARC 146).';
const CHOOSE_CODE = 'This NDC has several codes of its own: which one fits the patient?';

const status = (page: Page) => page.getByRole('region', { name: 'Reference data status' });

/** The files listed under "Files in this browser": one row per file imported, with what it covers and its rows. */
async function expectStoredFiles(page: Page): Promise<void> {
  const table = page.getByRole('region', { name: 'Files in this browser' }).getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(Object.keys(IMPORTED).length + 1);
  for (const [name, { kind, covers, kept }] of Object.entries(IMPORTED)) {
    const cells = table.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) }).getByRole('cell');
    await expect(cells.nth(0)).toHaveText(kind);
    await expect(cells.nth(1)).toHaveText(covers);
    await expect(cells.nth(3)).toHaveText(kept);
  }
}

/** The header line and, once opened, its warnings (and other notes), in the words the biller reads. */
async function expectStatus(page: Page, headline: string, warnings: readonly (string | RegExp)[]): Promise<void> {
  const summary = status(page).locator('summary');
  await expect(summary).toHaveText(`${headline} · ${warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`}`);
  if (await status(page).locator('details').getAttribute('open') === null) await summary.click();
  for (const warning of warnings) await expect(status(page).getByRole('listitem').filter({ hasText: warning })).toHaveCount(1);
}

test('the CMS and FDA files as published are imported, kept, and used to check claims', async ({ page }) => {
  test.setTimeout(120_000);
  await openAppOn(page, TODAY);

  await test.step('import every file through the file input of the Reference data screen', async () => {
    expect(FILES.map((f) => f.name).sort()).toEqual(Object.keys({ ...IMPORTED, ...REFUSED }).sort());
    await importReferenceFiles(page, FILES);
    for (const { name } of FILES) {
      const item = thisImport(page).getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) });
      const imported = IMPORTED[name];
      await (imported === undefined
        ? expect(item.getByRole('alert')).toContainText(`Not imported: ${REFUSED[name]}`)
        : expect(item).toContainText(`Imported: ${imported.kind}, ${imported.covers}. ${imported.read} ${imported.read === '1' ? 'row' : 'rows'} read, ${imported.kept} kept, 0 rejected.`));
    }
    await expect(thisImport(page)).toContainText('4,158 rows repeat earlier rows exactly');
    await expectStoredFiles(page);
    await expectNoAxeViolations(page, 'the Reference data screen after the import');
  });

  await test.step('the files are still there after a reload', async () => {
    await page.reload();
    await expectStoredFiles(page);
  });

  await test.step('Briumvi billed as J3590 in November 2025 becomes the J2329 claim, blocked until the biller bills J2329: the ASP crosswalk lists its NDC under it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click();
    await buildClaim(page, briumvi.packet, {
      checks: {
        claim: async () => {
          await expect(byLabel(page, 'Primary diagnosis')).toHaveAccessibleDescription(new RegExp(escape(G35_NOT_BILLABLE)));
          await expectStatus(page, 'Reference data as of October 2025', ['The FDA Purple Book is as of 03/14/2025: products listed since then are missing.']);
        },
      },
    });
    await expectCode(page, 'J2329');
    await expect(page.getByText('Code: J2329 Injection, ublituximab-xiiy, 1mg', { exact: true })).toBeVisible();
    await expectLines(page, briumvi.packet, [
      { code: 'J2329', modifiers: [], units: 100, ndc: { unit: 'ML', quantity: '4' } },
      { code: 'J2329', modifiers: ['JW'], units: 50, ndc: { unit: 'ML', quantity: '2' } },
    ]);
    await expect(page.getByText('NDC 73150-0150-06 has its own code on 11/10/2025: J2329 (CMS ASP NDC-HCPCS crosswalk, October 2025).')).toBeVisible();
    await expectExportBlocked(page, [HAS_J2329, G35_NOT_BILLABLE]);
    // What J2329 pays: 100 mg given + 50 mg discarded at the October 2025 limit of $70.753 per 1 mg.
    await expect(page.getByText('Payment estimate: $10,612.95 (CMS ASP payment-limit file, October 2025)')).toBeVisible();
  });

  await test.step('an NDC with two codes of its own asks which one fits the patient, and is billed under the one picked', async () => {
    await page.getByRole('button', { name: '← All claims' }).click();
    await buildClaim(page, retacrit.packet, {
      stopAt: 'waste',
      checks: {
        drug: async () => {
          const choice = page.getByRole('group', { name: CHOOSE_CODE });
          await expect(choice.getByRole('radio')).toHaveCount(2);
          await expect(choice.getByRole('radio', { name: 'Q5105: Injection, epoetin alfa-epbx, biosimilar, (retacrit) (for esrd on dialysis), 100 units; 200 billable units in a package of this NDC' })).not.toBeChecked();
          await expectNoAxeViolations(page, 'the choice among the codes of an NDC');
          await choice.getByRole('radio', { name: /^Q5106: Injection, epoetin alfa-epbx, biosimilar, \(retacrit\) \(for non-esrd use\), 1000 units;/ }).check();
        },
      },
    });
    await openStep(page, 'review');
    await expectCode(page, 'Q5106');
    await expect(page.getByText('The biller chose to bill Q5106, the code that fits the patient, instead of an unclassified code.')).toBeVisible();
    // 10,000 units in Q5106's unit of 1000 units; the waste step is not filled in yet, so no JW or JZ.
    await expectLines(page, retacrit.packet, [{ code: 'Q5106', modifiers: [], units: 10, ndc: { unit: 'ML', quantity: '1' } }]);
    await expect(page.getByRole('listitem').filter({ hasText: 'This drug has its own code on the date of service' })).toHaveCount(0);
  });

  await test.step('the header warns when the files are older than the current quarter, or do not cover the date of service', async () => {
    await page.clock.setFixedTime(new Date('2026-01-15T10:00:00'));
    await page.reload();
    await openStep(page, 'claim');
    await expectStatus(page, 'Reference data as of October 2025', [
      /are for October 2025, older than the current quarter \(January 2026\)\. CMS publishes new files every quarter: import the current ones \(ASP NDC-HCPCS crosswalk and ASP payment limits from CMS: Medicare Part B Drug Average Sales Price, "ASP Pricing Files"/,
      'The FDA Purple Book is as of 03/14/2025: products listed since then are missing.',
    ]);
    await byLabel(page, 'Date of service').fill('2026-01-05');
    await expectStatus(page, 'Reference data as of October 2025', [
      /are for October 2025, older than the current quarter/,
      'The FDA Purple Book is as of 03/14/2025: products listed since then are missing.',
      /imported are for October 2025 and do not cover the date of service 01\/05\/2026\./,
    ]);
  });
});
