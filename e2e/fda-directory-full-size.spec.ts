/**
 * Journey: the FDA NDC Directory at full size (130,000 products, about 250,000 packages; made up
 * by scripts/generate-fda-ndc.ts into the git-ignored tmp/, never committed) imported through the
 * Reference data screen as a biller would, read by the worker as streams. Every row is kept, the
 * directory survives a reload, and typing an NDC in the drug step finds its product in it (the
 * directory is read an NDC at a time, never whole).
 */
import { expect, test } from './support/test';
import { openAppOn, startClaim, next } from './support/claim';
import { byLabel } from './support/fields';
import { FDA_NDC_DIR, generateFdaNdc } from '../scripts/generate-fda-ndc';

test('the full-size FDA NDC Directory is imported in the worker and answers an NDC typed in the drug step', async ({ page }) => {
  test.setTimeout(180_000);
  const files = await generateFdaNdc(FDA_NDC_DIR);
  await openAppOn(page, '2026-01-10');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reference data' }).click();
  await byLabel(page, 'Drop CMS or FDA files here, or choose files').setInputFiles([files.product, files.package]);
  const item = (name: string) => page.getByRole('region', { name: 'This import' }).getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) });
  for (const name of ['product.txt', 'package.txt']) {
    await expect(item(name).getByRole('progressbar', { name: `Import progress of ${name}` })).toHaveAttribute('value', '1', { timeout: 120_000 });
  }
  await expect(item('product.txt')).toContainText('Imported: FDA NDC Directory products (product.txt), as of 12/28/2025. 130,000 rows read, 130,000 kept, 0 rejected.');
  const packages = files.packages.toLocaleString('en-US');
  await expect(item('package.txt')).toContainText(`Imported: FDA NDC Directory packages (package.txt), as of 12/28/2025. ${packages} rows read, ${packages} kept, 0 rejected.`);

  await page.reload();
  const stored = page.getByRole('region', { name: 'Files in this browser' }).getByRole('table');
  await expect(stored.getByRole('row').filter({ hasText: 'package.txt' })).toContainText(packages);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click();
  await startClaim(page);
  await byLabel(page, 'Date of service').fill('2026-01-05');
  await next(page, 'drug');
  await byLabel(page, 'NDC from the vial or package label').fill('73150-150-06');
  await expect(page.getByText(/^Found: Briumvi \/ ublituximab-xiiy, /)).toBeVisible();
  await expect(page.getByText(/^Source: Names, strength, form, route, marketing category and package: FDA NDC Directory, as of 12\/28\/2025 \(NDC 73150-150-06\)\./)).toBeVisible();
});
