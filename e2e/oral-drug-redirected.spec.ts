/**
 * Journey: an oral antibiotic dose given in the office (billing-rules §16 scenario 13). The biller
 * first bills it as J3490, as the front desk is used to: blocked, because oral drugs have their own
 * unclassified code. Following the problem to its field and clearing the code sends the drug to
 * J8499 (UN1), exportable with the checks that Medicare does not cover it and that GY bills for a denial.
 */
import { expect, test } from './support/test';
import { buildClaim, openAppOn, openStep } from './support/claim';
import { loadExample } from './support/examples';
import { byLabel } from './support/fields';
import { expectCode, expectExportBlocked, expectReview, followProblem } from './support/review';

// 13b is 13a with J3490 typed as the code to bill: the same claim, first as picked, then redirected.
const { packet } = loadExample('13b-oral-antibiotic-j3490-blocked');
const { expected } = loadExample('13a-oral-antibiotic-office-j8499');
const WRONG_ROUTE = 'J3490 is not used for this route. Bill J8499';

test('an oral drug billed as J3490 is blocked, and redirected to J8499 it exports', async ({ page }) => {
  await openAppOn(page, expected.today);
  await buildClaim(page, packet);
  await expectCode(page, 'J3490');
  await expectExportBlocked(page, [WRONG_ROUTE]);

  await followProblem(page, WRONG_ROUTE, 'Code to bill instead');
  await byLabel(page, 'Code to bill instead').clear();
  await byLabel(page, 'Why this code').clear();
  await openStep(page, 'review');
  await expect(page.getByText('An oral drug that is neither anticancer nor antiemetic: J8499 (never J3490 or J3590).')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Check: This drug is excluded by Medicare (self-administered). If you bill it to obtain a denial, add GY.' })).toBeVisible();
  await expectReview(page, packet, expected, { narrative: 'ZITHROMAX AZITHROMYCIN 1G PO NDC 00069305175' });
});
