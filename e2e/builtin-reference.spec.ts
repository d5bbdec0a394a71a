/**
 * Journey: a fresh browser, nothing imported. The wizard answers from its built-in reference data
 * (the October 2025 CMS files, ICD-10-CM FY2025 and FY2026, the Purple Book): Briumvi billed as
 * J3590 in November 2025 is blocked because the built-in crosswalk lists its NDC under J2329, the
 * diagnosis shows its ICD-10-CM description, G35 is a category in FY2026, and the header says the
 * data are built in. Needs nothing outside the repository.
 */
import { expect, test } from './support/test';
import { buildClaim, openAppOn, openStep } from './support/claim';
import { inNovember2025, loadExample } from './support/examples';
import { byLabel } from './support/fields';
import { expectCode } from './support/review';

const briumvi = inNovember2025(loadExample('05-briumvi-partial-dose-waste'));

test('with nothing imported, the built-in reference data name J2329 for Briumvi in November 2025 and describe the diagnoses', async ({ page }) => {
  await openAppOn(page, '2025-11-20');
  await buildClaim(page, { ...briumvi.packet, diagnoses: [{ code: 'G35.A' }, { code: 'G35' }] }, {
    checks: {
      claim: async () => {
        const status = page.getByRole('region', { name: 'Reference data status' });
        await expect(status).toHaveText('Built-in reference data: October 2025 · 1 warning', { useInnerText: true });
        await expect(byLabel(page, 'Primary diagnosis')).toHaveAccessibleDescription(/G35\.A: Relapsing-remitting multiple sclerosis \(ICD-10-CM FY2026\)\./);
        await expect(byLabel(page, 'Diagnosis 2')).toHaveAccessibleDescription(/G35: Multiple sclerosis \(ICD-10-CM FY2026\)\. .*G35 is a category, not a billable code, for dates of service in FY2026/);
      },
    },
  });
  await expectCode(page, 'J2329');
  await expect(page.getByText('NDC 73150-0150-06 has its own code on 11/10/2025: J2329 (CMS ASP NDC-HCPCS crosswalk, October 2025).')).toBeVisible();
  await expect(page.getByText('Payment estimate: $10,612.95 (CMS ASP payment-limit file, October 2025)')).toBeVisible();

  await test.step('past the quarter, the header says which files to import and from where', async () => {
    await page.clock.setFixedTime(new Date('2026-01-15T10:00:00'));
    await page.reload();
    await openStep(page, 'claim');
    await byLabel(page, 'Date of service').fill('2026-01-05');
    const status = page.getByRole('region', { name: 'Reference data status' });
    await status.locator('summary').click();
    await expect(status.getByRole('listitem').filter({ hasText: 'The built-in CMS ASP NDC-HCPCS crosswalk, CMS ASP payment-limit file' })
      .filter({ hasText: 'do not cover the date of service 01/05/2026' })).toContainText('ASP NDC-HCPCS crosswalk and ASP payment limits from CMS: Medicare Part B Drug Average Sales Price, "ASP Pricing Files"');
  });

  await test.step('the Reference data screen lists the built-in tables apart from the imported files', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reference data' }).click();
    await expect(page.getByRole('region', { name: 'Files in this browser' })).toContainText('None yet');
    const builtIn = page.getByRole('region', { name: 'Built-in reference data' }).getByRole('table');
    await expect(builtIn.getByRole('row').filter({ hasText: 'cms_asp_ndc_hcpcs_crosswalk_oct2025.csv' })).toContainText('CMS ASP NDC-HCPCS crosswalkOctober 2025');
    await expect(builtIn.getByRole('row')).toHaveCount(9);
  });
});
