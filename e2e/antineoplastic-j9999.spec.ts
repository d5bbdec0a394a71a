/**
 * Journey: Imjudo for liver cancer before its own code (billing-rules §16 scenario 6): an
 * anticancer biologic, so J9999 × 1, 24A N400310453530 ML15, with a check that some payers want J3590.
 */
import { expect, test } from './support/test';
import { buildClaim, openAppOn } from './support/claim';
import { loadExample } from './support/examples';
import { expectReview } from './support/review';

const { packet, expected } = loadExample('06-imjudo-uhcc-office');

test('a biller builds the J9999 claim for an anticancer drug with no code of its own', async ({ page }) => {
  await openAppOn(page, expected.today);
  await buildClaim(page, packet);
  await expect(page.getByText('An anticancer biologic: this payer bills it as J9999.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Check: An anticancer biologic is billed as J9999 for this payer; some payers expect J3590.' })).toBeVisible();
  await expectReview(page, packet, expected, { narrative: 'IMJUDO TREMELIMUMAB-ACTL 300MG IV NDC 00310453530' });
});
