/**
 * Journey: a drug whose NDC no crosswalk lists, but whose generic name a HCPCS descriptor in force
 * on the date of service names (issue 13). Ultomiris from a made-up NDC (25682-0099-01, in no
 * crosswalk quarter), 2,700 mg on 11/10/2025, with nothing imported: the built-in October 2025
 * HCPCS file has J1303, "Injection, ravulizumab-cwvz, 10 mg". The drug step names it and blocks
 * J3590; the biller either bills J1303 (the claim becomes J1303's) or sets it aside with a reason
 * that stays with the claim and prints in the PDF packet.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { buildClaim, openAppOn, openStep } from './support/claim';
import { loadExample, withDrug } from './support/examples';
import { byLabel } from './support/fields';
import { download, saveIn } from './support/download';
import { expectCode, expectDescription, expectExportable, expectExportBlocked, expectLines } from './support/review';

const TODAY = '2025-11-20';
const scenario1 = loadExample('01-ultomiris-office-2019');
/** Scenario 1 moved to 11/10/2025, its vial's NDC one no crosswalk lists. */
const ultomiris = withDrug({ ...scenario1, packet: { ...scenario1.packet, dates: { service: '2025-11-10', plannedSubmission: '2025-11-17' } } }, (drug) => ({
  ...drug,
  ndc: { input: '25682-0099-01', normalized: '25682009901' },
  invoice: { ...drug.invoice, ndc: '25682-0099-01', date: '2025-11-03' },
  administration: { ...drug.administration, start: '2025-11-10T09:00', end: '2025-11-10T11:20', expiration: '2026-06-30' },
}));

const NAMED = 'The CMS HCPCS Level II file, October 2025 has a code of its own for ravulizumab-cwvz or Ultomiris on the date of service: '
  + 'J1303 (Injection, ravulizumab-cwvz, 10 mg).';
const findings = (page: Page) => page.getByRole('complementary', { name: 'Findings' });

/** Builds the claim; on the drug step, the finding names J1303 and offers both ways out. */
async function buildUltomiris(page: Page, onDrugStep: (finding: ReturnType<typeof findings>) => Promise<void>): Promise<void> {
  await openAppOn(page, TODAY);
  await buildClaim(page, ultomiris.packet, {
    checks: {
      drug: async () => {
        const block = findings(page).getByRole('listitem').filter({ hasText: NAMED });
        await expect(block).toHaveCount(1);
        await expect(block.getByRole('button', { name: 'Bill J1303 instead' })).toBeVisible();
        await expect(block.getByRole('button', { name: 'J1303 is not this drug' })).toBeVisible();
        await onDrugStep(block);
      },
    },
  });
}

test('the drug step names J1303 for ravulizumab-cwvz; the biller bills it and exports the J1303 claim', async ({ page }) => {
  await buildUltomiris(page, async (block) => {
    await expectNoAxeViolations(page, 'the drug step naming a code by the drug\'s name');
    await block.getByRole('button', { name: 'Bill J1303 instead' }).click();
    await expect(findings(page).getByRole('listitem').filter({ hasText: NAMED })).toHaveCount(0);
  });
  await expectCode(page, 'J1303');
  await expect(page.getByText('The biller confirmed that J1303 is this drug\'s code and bills it instead of an unclassified code.')).toBeVisible();
  // 2,700 mg in units of 10 mg, nothing discarded from the single-dose vials: JZ.
  await expectLines(page, ultomiris.packet, [{ code: 'J1303', modifiers: ['JZ'], units: 270, ndc: { unit: 'ML', quantity: '270' } }]);
  await expectDescription(page, "nothing: J1303 is the drug's own code, whose line carries no description");
  await expectExportable(page, ultomiris.packet);
});

test('set aside as not this drug, the claim asks why, keeps the reason and prints it in the PDF packet', async ({ page }) => {
  test.setTimeout(90_000);
  const reason = 'Compounded by the pharmacy from bulk drug, not the licensed product J1303 describes';
  await buildUltomiris(page, async (block) => {
    await block.getByRole('button', { name: 'J1303 is not this drug' }).click();
    const why = byLabel(page, 'Why these codes are not this drug');
    await expect(why).toBeFocused();
    await expect(page.getByText('Set aside: J1303.', { exact: false })).toBeVisible();
    await expectNoAxeViolations(page, 'the drug step with a code set aside');
    await why.fill(reason);
  });
  await expectCode(page, 'J3590');
  await expect(page.getByText(`The biller set J1303 aside as not this drug: ${reason}.`)).toBeVisible();
  await expectExportable(page, ultomiris.packet);

  const pdf = await saveIn(await download(page, 'Download the PDF packet'), mkdtempSync(join(tmpdir(), 'noc-set-aside-')));
  expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain(`The biller set J1303 aside as not this drug: ${reason}.`);

  await test.step('without the reason, the claim is blocked at the reason, and the code can still be billed from there', async () => {
    await openStep(page, 'drug');
    await byLabel(page, 'Why these codes are not this drug').clear();
    await openStep(page, 'review');
    await expectExportBlocked(page, ['Say why J1303 is not this drug']);
    await openStep(page, 'drug');
    await findings(page).getByRole('listitem').filter({ hasText: 'Say why J1303 is not this drug' }).getByRole('button', { name: 'Bill J1303 instead' }).click();
    await expect(byLabel(page, 'Why these codes are not this drug')).toHaveCount(0);
    await openStep(page, 'review');
    await expectCode(page, 'J1303');
  });
});
