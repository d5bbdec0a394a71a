/**
 * A 10-digit NDC typed without hyphens: of its three readings, the one a known product has is named
 * and offered first ("Use 73150-150-06 (Briumvi, ublituximab-xiiy)"), and taking it sets the NDC.
 */
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { buildClaim, openAppOn } from './support/claim';
import { loadExample } from './support/examples';
import { byLabel } from './support/fields';

const { packet, expected } = loadExample('03-briumvi-first-dose-office');
const NDC = 'NDC from the vial or package label';

test('the reading of a 10-digit NDC that is a known product is named and offered first', async ({ page }) => {
  await openAppOn(page, expected.today);
  await buildClaim(page, packet, { stopAt: 'drug' });
  await byLabel(page, NDC).fill('7315015006');
  const question = page.getByRole('group', { name: 'Which layout does the label show?' });
  const readings = question.getByRole('button');
  await expect(readings).toHaveText([
    'Use 73150-150-06 (Briumvi, ublituximab-xiiy)', 'Use 7315-0150-06 (4-4-2, not a known product)', 'Use 73150-1500-6 (5-4-1, not a known product)',
  ]);
  await expect(page.getByRole('main').getByText(/Of its 3 possible readings, 73150-150-06 is Briumvi, ublituximab-xiiy, 150 mg\/6 mL/)).toBeVisible();
  await expectNoAxeViolations(page, 'the readings of a 10-digit NDC');
  await readings.first().click();
  await expect(byLabel(page, NDC)).toHaveValue('73150-150-06');
  await expect(page.getByText('Reads as 73150-0150-06 (11 digits on the claim: 73150015006).')).toBeVisible();
  await expect(question).toHaveCount(0);
});
