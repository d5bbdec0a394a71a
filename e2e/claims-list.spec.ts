/**
 * The claims list at the end of a day: each claim's account, drug, code, date of service, status
 * (draft, blocked with the count, ready, exported with the date) and last change; searched and
 * filtered by status; and "Start the next dose", which opens a new claim keeping the patient, payer,
 * providers, diagnoses, drug and container, with the date, dose, waste, times, lot and files cleared.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { buildClaim, claimsList, claimTitle, expectStep, openAppOn, openStep, startClaim, usDate } from './support/claim';
import { download } from './support/download';
import { loadExample } from './support/examples';
import { byLabel } from './support/fields';
import { escape } from './support/review';

const { packet, expected, drug } = loadExample('05-briumvi-partial-dose-waste');
const TITLE = claimTitle(packet);

const rowOf = (page: Page, account: string) => claimsList(page).filter({ hasText: account });
async function backToList(page: Page): Promise<void> {
  await page.getByRole('button', { name: '← All claims' }).click();
  await expect(page.getByRole('heading', { name: 'Claims in this browser' })).toBeVisible();
}

test('the claims list tells each claim apart and where it stands, and starts the next dose', async ({ page }) => {
  await openAppOn(page, expected.today);

  await test.step('a complete claim is ready to send, then exported with the date', async () => {
    await buildClaim(page, packet);
    await backToList(page);
    const row = rowOf(page, 'ACCT-1007');
    for (const [term, value] of [['Account', 'ACCT-1007'], ['Drug', 'Briumvi'], ['Code', 'J3590'], ['Date of service', usDate(packet.dates?.service)], ['Last change', usDate(expected.today)], ['Status:', 'Ready to send']]) {
      await expect(row).toContainText(new RegExp(`${term}\\s*${escape(value!)}`));
    }
    await row.getByRole('button', { name: `Resume ${TITLE}` }).click();
    await openStep(page, 'review');
    await download(page, 'Download the PDF packet');
    await backToList(page);
    await expect(row).toContainText(`Exported ${usDate(expected.today)} (PDF packet)`);
  });

  await test.step('a claim with only its NDC typed is a draft named by its NDC; one with a wrong NPI is blocked', async () => {
    await startClaim(page);
    await byLabel(page, 'Patient account number').fill('ACCT-2001');
    await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /^2\. Drug/ }).click();
    await byLabel(page, 'NDC from the vial or package label').fill(drug.ndc!.input!);
    await backToList(page);
    await expect(rowOf(page, 'ACCT-2001')).toContainText(/Drug\s*NDC 73150-0150-06/);
    await expect(rowOf(page, 'ACCT-2001')).toContainText(/Draft: \d+ to fill in/);
    await startClaim(page);
    await byLabel(page, 'Patient account number').fill('ACCT-3001');
    await byLabel(page, 'Rendering provider NPI').fill('1234567890');
    await backToList(page);
    await expect(rowOf(page, 'ACCT-3001')).toContainText(/Blocked: \d+ problems?/);
    await expectNoAxeViolations(page, 'the claims list with claims in every state');
  });

  await test.step('search and filter by status', async () => {
    await byLabel(page, 'Search claims').fill('acct-2001');
    await expect(claimsList(page)).toHaveCount(1);
    await expect(page.getByText('1 of 3 claims shown')).toBeVisible();
    await byLabel(page, 'Search claims').fill('J3590');
    await expect(claimsList(page)).toHaveCount(1);
    await byLabel(page, 'Search claims').fill('');
    for (const [status, account] of [['exported', 'ACCT-1007'], ['draft', 'ACCT-2001'], ['blocked', 'ACCT-3001']] as const) {
      await byLabel(page, 'Status').selectOption(status);
      await expect(claimsList(page)).toHaveCount(1);
      await expect(claimsList(page).first()).toContainText(account);
    }
    await byLabel(page, 'Status').selectOption('ready');
    await expect(claimsList(page)).toHaveCount(0);
    await byLabel(page, 'Status').selectOption('all');
    await expect(claimsList(page)).toHaveCount(3);
  });

  await test.step('"Start the next dose": the course kept, the day cleared', async () => {
    await rowOf(page, 'ACCT-1007').getByRole('button', { name: `Start the next dose from ${TITLE}` }).click();
    await expectStep(page, 'claim');
    await expect(byLabel(page, 'Patient account number')).toHaveValue('ACCT-1007');
    await expect(byLabel(page, 'Payer profile')).toHaveValue(packet.payer!.profileId!);
    await expect(byLabel(page, 'Rendering provider NPI')).toHaveValue(packet.providers!.rendering!.npi!);
    await expect(byLabel(page, 'Primary diagnosis')).toHaveValue('G35');
    await expect(byLabel(page, 'Date of service')).toHaveValue('');
    await openStep(page, 'drug');
    await expect(byLabel(page, 'NDC from the vial or package label')).toHaveValue(drug.ndc!.input!);
    await expect(byLabel(page, 'Brand name')).toHaveValue('Briumvi');
    await openStep(page, 'dose');
    await expect(byLabel(page, 'Total dose given')).toHaveValue('');
    await expect(byLabel(page, 'Drug amount in one container')).toHaveValue('150');
    await expect(byLabel(page, 'Containers opened for this dose')).toHaveValue('');
    await openStep(page, 'waste');
    await expect(byLabel(page, 'Amount discarded')).toHaveValue('');
    await openStep(page, 'documents');
    for (const label of ['Administration started', 'Administration ended', 'Lot number', 'Expiration date', 'Given by', 'Supplier', 'Net cost (USD)']) {
      await expect(byLabel(page, label), label).toHaveValue('');
    }
    await expect(byLabel(page, 'Frequency')).toHaveValue(drug.administration!.frequency!);
    await expect(byLabel(page, 'Why the drug was medically necessary')).toHaveValue(drug.medicalNecessity!);
    await expect(byLabel(page, 'Signed order')).toBeChecked();
    await expect(byLabel(page, 'Administration record (MAR)')).not.toBeChecked();
    await expect(page.getByText('No files attached yet.')).toBeVisible();
    await backToList(page);
    await expect(claimsList(page)).toHaveCount(4);
  });

  await test.step('a claim changed after its export is no longer "exported"', async () => {
    await rowOf(page, 'ACCT-1007').filter({ hasText: 'Exported' }).getByRole('button', { name: `Resume ${TITLE}` }).click();
    await openStep(page, 'documents');
    await byLabel(page, 'Frequency').fill('EVERY 24 WEEKS');
    await backToList(page);
    const changed = claimsList(page).filter({ hasText: 'changed since' });
    await expect(changed).toContainText(`Exported ${usDate(expected.today)}, changed since: export it again before sending.`);
    await expect(changed).toContainText('Ready to send');
  });
});
