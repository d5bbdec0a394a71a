/**
 * Journey: an oral antibiotic dose given in the office (billing-rules §16 scenario 13). The biller
 * first bills it as J3490, as the front desk is used to: blocked, because oral drugs have their own
 * unclassified code. Following the problem to its field and clearing the code sends the drug to
 * J8499, with the checks that Medicare does not cover it and that GY bills for a denial.
 *
 * The scenario's drug, Zithromax 1 g (azithromycin dihydrate powder for oral suspension), has a
 * code of its own: Q0144, "Azithromycin dihydrate, oral, capsules/powder, 1 gram", in force since
 * 1996. Its NDC is in no crosswalk, but the name check of the built-in HCPCS file (issue 13) names
 * Q0144 and blocks J8499 too; the biller bills Q0144 and the claim exports as Q0144 × 1.
 */
import { expect, test } from './support/test';
import { buildClaim, openAppOn, openStep } from './support/claim';
import { loadExample } from './support/examples';
import { byLabel } from './support/fields';
import { expectCode, expectExportable, expectExportBlocked, expectLines, followProblem } from './support/review';

// 13b is 13a with J3490 typed as the code to bill: the same claim, first as picked, then redirected.
const { packet } = loadExample('13b-oral-antibiotic-j3490-blocked');
const { expected } = loadExample('13a-oral-antibiotic-office-j8499');
const WRONG_ROUTE = 'J3490 is not used for this route. Bill J8499';
const Q0144 = 'The CMS HCPCS Level II file, October 2025 has a code of its own for azithromycin or Zithromax on the date of service: Q0144 (Azithromycin dihydrate, oral, capsules/powder, 1 gram;';

test('an oral drug billed as J3490 is blocked; redirected to J8499, the wizard names its own code Q0144, and billed as Q0144 it exports', async ({ page }) => {
  await openAppOn(page, expected.today);
  await buildClaim(page, packet);
  await expectCode(page, 'J3490');
  await expectExportBlocked(page, [WRONG_ROUTE, Q0144]);

  await followProblem(page, WRONG_ROUTE, 'Code to bill instead');
  await byLabel(page, 'Code to bill instead').clear();
  await byLabel(page, 'Why this code').clear();
  await openStep(page, 'review');
  await expectCode(page, 'J8499');
  await expect(page.getByText('An oral drug that is neither anticancer nor antiemetic: J8499 (never J3490 or J3590).')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Check: This drug is excluded by Medicare (self-administered). If you bill it to obtain a denial, add GY.' })).toBeVisible();
  await expectExportBlocked(page, [Q0144]);

  await openStep(page, 'drug');
  await page.getByRole('complementary', { name: 'Findings' }).getByRole('listitem').filter({ hasText: Q0144 }).getByRole('button', { name: 'Bill Q0144 instead' }).click();
  await openStep(page, 'review');
  await expectCode(page, 'Q0144');
  await expectLines(page, packet, [{ code: 'Q0144', modifiers: [], units: 1, ndc: { unit: 'UN', quantity: '1' } }]);
  await expectExportable(page, packet);
});
