/**
 * A Medicare claim past its filing limit: the review says the limit ended, that an exception can
 * be recorded and where; the biller records the exception (42 CFR 424.44(b)) with the date of its
 * notice on the Claim step, the deadline moves to the end of the 6th month after the notice month,
 * and the claim goes out with the exception: on the PDF packet's cover and in the FHIR Claim; the
 * 837 fragment, which has no CLM segment, says so.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { buildClaim, openAppOn, openStep } from './support/claim';
import { download, saveIn } from './support/download';
import { loadExample } from './support/examples';
import { byLabel } from './support/fields';
import { expectExportable, followProblem } from './support/review';

const { packet } = loadExample('03-briumvi-first-dose-office');
// DOS 02/20/2023: the 12-month limit ended on Tuesday 02/20/2024. The notice came in April 2024.
const TODAY = '2024-05-06';
const EXPIRED = 'The filing limit for this payer (12 months, moved to the next workday when it ends on a weekend or federal holiday) ended on 02/20/2024.';
const claim = { ...packet, dates: { service: packet.dates!.service } };

test('a late Medicare claim goes out under a recorded exception to the filing limit', async ({ page }) => {
  await openAppOn(page, TODAY);
  await buildClaim(page, claim);

  await test.step('the review says the limit has passed, that an exception can be recorded, and where', async () => {
    const problem = page.locator('#export-blocked').getByRole('listitem').filter({ hasText: EXPIRED });
    await expect(problem).toContainText('If one of the exceptions of 42 CFR 424.44(b) applies');
    await expect(problem).toContainText('record it on the Claim step, under Dates, "Exception to the filing limit (Medicare)", with the date of the notice');
    await followProblem(page, EXPIRED, 'Planned submission date');
  });

  await test.step('the exception and its notice date, on the Claim step; the deadline moves', async () => {
    await byLabel(page, 'Exception to the filing limit (Medicare)').selectOption('retroactive-entitlement');
    await expect(page.getByRole('main').getByText('Enter the date of the notice that opened the exception')).toBeVisible();
    await byLabel(page, 'Date of the notice').fill('2024-05-07');
    await expect(page.getByRole('main').getByText('The notice is dated 05/07/2024, after today. Enter the date printed on the notice.')).toBeVisible();
    await byLabel(page, 'Date of the notice').fill('2024-04-18');
    await expect(page.getByText('Filing deadline: 10/31/2024, by the exception recorded (the payer\'s limit ended on 02/20/2024).')).toBeVisible();
    await expectNoAxeViolations(page, 'the claim step with a filing-limit exception');
  });

  await openStep(page, 'review');
  await expectExportable(page, claim);
  const dir = mkdtempSync(join(tmpdir(), 'noc-exception-'));

  await test.step('the PDF packet carries the exception on its cover', async () => {
    const pdf = await saveIn(await download(page, 'Download the PDF packet'), dir);
    const cover = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f')[0]!.replace(/\s+/g, ' ');
    expect(cover).toContain('Filing-limit exception Retroactive Medicare entitlement (42 CFR 424.44(b)(2)), notice dated 04/18/2024: the filing deadline runs to 10/31/2024.');
  });

  await test.step('the FHIR Claim carries it as supporting information; the 837 fragment says it cannot', async () => {
    const fhir = JSON.parse(readFileSync(await saveIn(await download(page, 'Download the FHIR Claim (JSON)'), dir), 'utf8')) as { supportingInfo: { code?: { text: string }; timingDate?: string }[] };
    expect(fhir.supportingInfo).toContainEqual(expect.objectContaining({ code: { text: 'Exception to the filing limit: Retroactive Medicare entitlement (42 CFR 424.44(b)(2))' }, timingDate: '2024-04-18' }));
    await download(page, 'Download the 837 fragment');
    await expect(page.getByRole('status').filter({ hasText: 'service-line fragment was downloaded' })).toContainText('the exception goes in the claim-level CLM segment (CLM20, delay reason code)');
  });
});
