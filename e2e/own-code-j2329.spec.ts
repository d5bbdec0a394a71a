/**
 * Journey: a drug with its own code. With the October 2025 CMS files imported (crosswalk, HCPCS,
 * ASP payment limits, ICD-10-CM), a biller enters Briumvi (NDC 73150-0150-06) given on 11/10/2025
 * as an unclassified drug (billing-rules §16 scenario 5: 100 mg given, 50 mg discarded). The drug
 * step says it has its own code, J2329, and offers "Bill J2329 instead"; pressed, the claim is the
 * J2329 claim: the dose, waste and modifiers steps show J2329 × 100 and J2329-JW × 50, the review
 * shows the lines, no description, the payment estimate, and every export carries the J2329 lines.
 * A dose of 150 mg with nothing discarded then gives J2329-JZ × 150.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { buildClaim, openAppOn, openStep } from './support/claim';
import type { ExpectedLine } from './support/examples';
import { loadExample, withDrug } from './support/examples';
import { byLabel } from './support/fields';
import { download, saveIn } from './support/download';
import { hasReferenceData, importReferenceFiles, REFERENCE_DATA, referenceFiles } from './support/reference';
import {
  expectChecklistItem, expectCode, expectDescription, expectExportable, expectLines, expectLinesPreview, expectModifiersStep, expectWasteStep,
} from './support/review';

test.skip(!hasReferenceData, `${REFERENCE_DATA} is absent: the CMS reference files live outside the repository, so the journey cannot run.`);

const TODAY = '2025-11-20';
const scenario5 = loadExample('05-briumvi-partial-dose-waste');
/** Scenario 5 moved to 11/10/2025, with the diagnosis billable in FY2026 (G35 became a header). */
const briumvi = withDrug({
  ...scenario5,
  packet: { ...scenario5.packet, dates: { service: '2025-11-10', plannedSubmission: '2025-11-17' }, diagnoses: [{ code: 'G35.A' }] },
}, (drug) => ({
  ...drug,
  administration: { ...drug.administration, start: '2025-11-10T09:00', end: '2025-11-10T10:10', expiration: '2026-10-31' },
  waste: { ...drug.waste, time: '2025-11-10T10:20' },
  invoice: { ...drug.invoice, date: '2025-11-03' },
}));

/** On the drug step, before the dose is entered, the lines wait for it. */
const HAS_J2329 = 'This drug has its own code on the date of service: J2329 (Injection, ublituximab-xiiy, 1mg, billed per 1 mg). '
  + 'An unclassified code is denied (CARC 189): bill J2329 instead (its lines: J2329 (units still to work out)).';
const J2329_LINES: readonly ExpectedLine[] = [
  { code: 'J2329', modifiers: [], units: 100, ndc: { unit: 'ML', quantity: '4' } },
  { code: 'J2329', modifiers: ['JW'], units: 50, ndc: { unit: 'ML', quantity: '2' } },
];

test('Briumvi entered as an unclassified drug: the biller presses "Bill J2329 instead" and exports the J2329 claim', async ({ page }) => {
  test.setTimeout(120_000);
  await openAppOn(page, TODAY);
  await importReferenceFiles(page, referenceFiles(
    'cms_asp_ndc_hcpcs_crosswalk_oct2025.csv', 'cms_asp_payment_limits_oct2025.csv', 'hcpcs_level2_anweb_oct2025.csv', 'icd10cm/icd10cm_order_2026.txt',
  ));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click();

  await buildClaim(page, briumvi.packet, {
    checks: {
      drug: async () => {
        const findings = page.getByRole('complementary', { name: 'Findings' });
        const block = findings.getByRole('listitem').filter({ hasText: HAS_J2329 });
        await expect(block).toHaveCount(1);
        await expectNoAxeViolations(page, 'the drug step with the "Bill J2329 instead" action');
        await block.getByRole('button', { name: 'Bill J2329 instead' }).click();
        await expect(findings.getByRole('listitem').filter({ hasText: 'This drug has its own code' })).toHaveCount(0);
        // The button went with its finding: the step's heading has the focus.
        await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 7/ })).toBeFocused();
      },
      // The waste record comes on the next step: for now the drug line alone.
      dose: () => expectLinesPreview(page, 'The lines as they stand', J2329_LINES.slice(0, 1)),
      waste: () => expectWasteStep(page, 'Drug was discarded: it is billed on a second line with JW.', J2329_LINES),
      modifiers: () => expectModifiersStep(page, 'JW: Added on the waste line: drug discarded from a single-dose container.', J2329_LINES),
    },
  });

  await test.step('the review shows the J2329 claim: code, lines, no description, what it pays, and the checklist without NOC items', async () => {
    await expectCode(page, 'J2329');
    await expect(page.getByText('The biller chose to bill J2329 instead of an unclassified code.')).toBeVisible();
    await expectLines(page, briumvi.packet, J2329_LINES);
    await expectDescription(page, "nothing: J2329 is the drug's own code, whose line carries no description");
    await expect(page.getByText('Payment estimate: $10,612.95 (CMS ASP payment-limit file, October 2025)')).toBeVisible();
    await expect(page.getByText('150 units (J2329 × 100 + J2329 JW × 50) × $70.753 = $10,612.95.')).toBeVisible();
    await expectChecklistItem(page, 'Drug description', 'Not needed', "J2329 is the drug's own code");
    await expectChecklistItem(page, 'Invoice', 'Not needed', 'ASP payment limit');
    await expectChecklistItem(page, 'Waste record', 'Done');
    await expectNoAxeViolations(page, 'the review of a claim billed under its own code');
    await expectExportable(page, briumvi.packet);
  });

  await test.step('every export carries the J2329 lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'noc-j2329-'));
    const copyRows = page.getByRole('table').filter({ has: page.getByRole('rowheader', { name: 'Line 1: Item 24D' }) });
    await expect(copyRows.getByRole('row', { name: /^Line 1: Item 24D/ }).getByRole('cell').first()).toHaveText('J2329');
    await expect(copyRows.getByRole('row', { name: /^Line 2: Item 24D/ }).getByRole('cell').first()).toHaveText('J2329 JW');
    await expect(copyRows.getByRole('row', { name: /^Line 1: Item 24G/ }).getByRole('cell').first()).toHaveText('100');

    const x12 = readFileSync(await saveIn(await download(page, 'Download the 837 fragment'), dir), 'utf8');
    expect(x12).toContain('SV1*HC:J2329*0*UN*100***1~\nDTP*472*D8*20251110~\nLIN**N4*73150015006~\nCTP****4*ML~');
    expect(x12).toContain('SV1*HC:J2329:JW*0*UN*50***1~');

    const fhir = JSON.parse(readFileSync(await saveIn(await download(page, 'Download the FHIR Claim (JSON)'), dir), 'utf8')) as {
      item: { productOrService: { coding: { code: string }[] }; modifier?: { coding: { code: string }[] }[]; quantity: { value: number } }[]; supportingInfo: unknown[];
    };
    expect(fhir.item.map((i) => [i.productOrService.coding[0]!.code, i.modifier?.[0]?.coding[0]?.code ?? '', i.quantity.value])).toEqual([['J2329', '', 100], ['J2329', 'JW', 50]]);
    expect(fhir.supportingInfo).toEqual([]);

    const pdf = await saveIn(await download(page, 'Download the PDF packet'), dir);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const expected of ['N473150015006 ML4', 'N473150015006 ML2', 'J2329 JW', 'Payment estimate']) expect(text).toContain(expected);
    expect(text).not.toContain('UBLITUXIMAB-XIIY 100MG');
  });

  await test.step('the whole vial given, nothing discarded: J2329-JZ × 150', async () => {
    await openStep(page, 'dose');
    await byLabel(page, 'Total dose given').fill('150');
    await openStep(page, 'waste');
    await byLabel(page, 'Amount discarded').fill('0');
    await expectWasteStep(page, 'Nothing was discarded: the drug line carries JZ.', [{ code: 'J2329', modifiers: ['JZ'], units: 150, ndc: { unit: 'ML', quantity: '6' } }]);
  });
});
