/**
 * The claims kept in this browser: a claim is resumed where it was left, duplicated (the copy has
 * every value and attached file of the original, and changes apart from it), and deleted only
 * after the biller confirms.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { buildClaim, claimsList, claimTitle, expectStepValues, openAppOn, openStep, resumeClaim, STEPS } from './support/claim';
import { loadExample } from './support/examples';
import { byLabel } from './support/fields';

const { packet, expected } = loadExample('03-briumvi-first-dose-office');
const TITLE = claimTitle(packet);
const copyTitle = TITLE.replace(packet.patient?.accountReference ?? '', 'ACCT-2003');
const claims = claimsList;

async function backToList(page: Page): Promise<void> {
  await page.getByRole('button', { name: '← All claims' }).click();
  await expect(page.getByRole('heading', { name: 'Claims in this browser' })).toBeVisible();
}

test('resume, duplicate and delete claims from the list', async ({ page }) => {
  await openAppOn(page, expected.today);
  await expect(page.getByText('No claims yet.')).toBeVisible();
  await buildClaim(page, packet);
  await backToList(page);
  await expect(claims(page)).toHaveCount(1);
  await expect(claims(page).first()).toContainText(TITLE);

  await test.step('duplicate: the copy has every value and file of the original', async () => {
    await page.getByRole('button', { name: `Duplicate ${TITLE}`, exact: true }).click();
    await expect(claims(page)).toHaveCount(2);
    await page.getByRole('button', { name: `Resume ${TITLE}`, exact: true }).first().click();
    for (const { id } of STEPS) {
      await openStep(page, id);
      await expectStepValues(page, id, packet);
    }
    await openStep(page, 'documents');
    await page.getByRole('button', { name: `Preview ${packet.attachments?.[0]?.fileName}` }).click();
    await expect(page.getByRole('dialog', { name: `Preview of ${packet.attachments?.[0]?.fileName}` })).toBeVisible();
    await page.getByRole('button', { name: 'Close preview' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  await test.step('the copy changes apart from the original', async () => {
    await openStep(page, 'claim');
    await byLabel(page, 'Patient account number').fill('ACCT-2003');
    await backToList(page);
    await expect(page.getByRole('button', { name: `Resume ${copyTitle}`, exact: true })).toBeVisible();
    await resumeClaim(page, packet);
    await expectStepValues(page, 'claim', packet);
    await backToList(page);
  });

  await test.step('delete asks first, and "Keep it" keeps it', async () => {
    await page.getByRole('button', { name: `Delete ${copyTitle}`, exact: true }).click();
    const confirm = page.getByRole('group', { name: `Delete ${copyTitle}?` });
    await expect(confirm).toContainText('Delete this claim and its files?');
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await expect(claims(page)).toHaveCount(2);

    await page.getByRole('button', { name: `Delete ${copyTitle}`, exact: true }).click();
    await confirm.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(claims(page)).toHaveCount(1);
    await expect(page.getByRole('button', { name: `Resume ${copyTitle}`, exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: `Resume ${TITLE}`, exact: true })).toBeVisible();
  });

  await test.step('a reload shows the same list', async () => {
    await page.reload();
    await expect(claims(page)).toHaveCount(1);
    await expect(claims(page).first()).toContainText(TITLE);
  });
});
