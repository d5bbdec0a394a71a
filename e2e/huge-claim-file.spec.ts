/**
 * A claim file with 20,000 drugs, opened with "Open a saved claim file": the wizard opens it (the
 * core used to overflow its stack on it, leaving a blank page), says that one claim carries 50
 * service lines, and stays usable: a drug is reached by its number rather than among 20,000
 * buttons, and the findings, checklist and drug sections are shown a page at a time, none dropped.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations } from './support/axe';
import { expectStep, openAppOn, openStep, stepHeading } from './support/claim';
import { loadExample } from './support/examples';
import { expect, test } from './support/test';

const DRUGS = 20_000;
const { packet, expected } = loadExample('05-briumvi-partial-dose-waste');
const TOO_MANY = `This claim has ${DRUGS} drugs, which take ${2 * DRUGS} service lines; one claim carries at most 50. Bill the drugs on several claims of 50 lines or fewer.`;

test('a claim file of 20,000 drugs opens, shows what blocks it, and stays usable', async ({ page }) => {
  test.setTimeout(180_000);
  const file = join(mkdtempSync(join(tmpdir(), 'noc-huge-')), 'twenty-thousand-drugs.json');
  // A generic name too long for the description: each drug has two warnings on the drug step, the
  // description was shortened and (the built-in data have no crosswalk of 2023's first quarter) its
  // own code could not be ruled out: 40,000 findings to list there, with the limit of the claim.
  const genericName = `${packet.drugs![0]!.genericName} monoclonal antibody for intravenous infusion`;
  writeFileSync(file, JSON.stringify({ ...packet, drugs: Array.from({ length: DRUGS }, (_, i) => ({ ...packet.drugs![0], id: `drug-${i + 1}`, genericName })) }));

  await openAppOn(page, expected.today);
  await page.getByLabel('Open a saved claim file (JSON)').setInputFiles(file);
  await expect(page.getByRole('status')).toContainText('twenty-thousand-drugs.json was opened as a new claim', { timeout: 60_000 });
  await page.getByRole('button', { name: /^Resume / }).click();
  // Reading and evaluating 20,000 drugs takes a few seconds on a busy machine.
  await expect(stepHeading(page, 'claim')).toBeVisible({ timeout: 60_000 });
  await expectStep(page, 'claim');
  const drugFindings = (2 * DRUGS + 1).toLocaleString('en-US');
  await expect(page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: `2. Drug (needs attention: 1 problem, ${(2 * DRUGS).toLocaleString('en-US')} checks)` })).toBeVisible();

  await test.step('the drug step names the limit, and reaches any drug by its number', async () => {
    await openStep(page, 'drug');
    const panel = page.getByRole('complementary', { name: 'Findings' });
    await expect(panel.getByRole('listitem').first()).toContainText(TOO_MANY);
    await panel.getByRole('listitem').first().getByRole('button', { name: 'Go to the field for this problem' }).click();
    await expect(page.getByRole('group', { name: 'Drugs on this claim' })).toBeFocused();
    // The 40,000 warnings, listed 100 at a time.
    await expect(panel).toContainText(`Showing 100 of ${drugFindings} findings.`);
    await expect(panel.getByRole('listitem')).toHaveCount(100);
    await panel.getByRole('button', { name: 'Show 100 more findings' }).click();
    await expect(panel.getByRole('listitem')).toHaveCount(200);
    await expect(panel).toContainText(`Showing 200 of ${drugFindings} findings.`);

    const switcher = page.getByRole('group', { name: 'Drugs on this claim' });
    await expect(switcher.getByRole('button', { name: /^Drug \d+:/ })).toHaveCount(0);
    await expect(switcher.getByRole('button', { name: 'Previous drug' })).toBeDisabled();
    await switcher.getByRole('button', { name: 'Next drug' }).click();
    await expect(switcher).toContainText('Drug 2: Briumvi');
    await switcher.getByLabel(`Drug number (1 to ${DRUGS.toLocaleString('en-US')})`).fill(String(DRUGS));
    await expect(switcher).toContainText(`Drug ${DRUGS}: Briumvi`);
    await expect(switcher.getByRole('button', { name: 'Next drug' })).toBeDisabled();
    await expect(page.getByLabel('Brand name')).toHaveValue('Briumvi');
    await expectNoAxeViolations(page, 'the drug step of a claim of 20,000 drugs');
  });

  await test.step('the review shows the drugs, findings and checklist a page at a time, and export stays blocked', async () => {
    await openStep(page, 'review');
    await expect(page.getByText(`Showing 50 of ${DRUGS.toLocaleString('en-US')} drugs.`)).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Drug 50: / })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Drug 51: / })).toHaveCount(0);
    await page.getByRole('button', { name: 'Show 50 more drugs' }).click();
    await expect(page.getByRole('heading', { name: /^Drug 100: / })).toBeVisible();
    const blocked = page.locator('#export-blocked');
    await expect(blocked).toContainText(/^Export is blocked until these \d{2},\d{3} are fixed:/);
    await expect(blocked.getByRole('listitem').first()).toContainText(TOO_MANY);
    await expect(blocked.getByRole('listitem')).toHaveCount(100);
    await expect(page.getByText(/^Showing 1,000 of \d{3},\d{3} checklist items\./)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save claim file' })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Download the PDF packet' })).toBeDisabled();
  });
});
