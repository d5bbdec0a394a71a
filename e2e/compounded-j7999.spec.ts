/**
 * Journey: a compounded intrathecal morphine/bupivacaine pump refill from a 503A pharmacy
 * (billing-rules §16 scenario 8): J7999 with the ingredients and their total amounts in the
 * description, no NDC on the line (a patient-specific compound has none), the pharmacy invoice
 * attached, and JZ because nothing was discarded.
 */
import { expect, test } from './support/test';
import { buildClaim, openAppOn } from './support/claim';
import { loadExample } from './support/examples';
import { expectBox, expectChecklistItem, expectClaimBox, expectModifiersStep, expectReview, expectWasteStep } from './support/review';

const { packet, expected } = loadExample('08-compounded-intrathecal-j7999');
const DESCRIPTION = 'COMPOUNDED MORPHINE SULFATE 100MG BUPIVACAINE HCL 200MG 20ML INTRATHECAL';

test('a biller builds the J7999 claim for a compounded drug, with its ingredients in the description', async ({ page }) => {
  await openAppOn(page, expected.today);
  await buildClaim(page, packet, {
    checks: {
      drug: () => expect(page.getByRole('heading', { name: 'Compound ingredients' })).toBeVisible(),
      waste: () => expectWasteStep(page, 'Nothing was discarded: the drug line carries JZ.', expected.lines),
      modifiers: () => expectModifiersStep(page, 'JZ: Added on the drug line', expected.lines),
    },
  });
  await expectReview(page, packet, expected, { narrative: DESCRIPTION });
  await expectBox(page, 'CMS-1500', 'Drug given', 'Description (SV101-7)', DESCRIPTION);
  await expectClaimBox(page, 'Item 19', DESCRIPTION);
  await expectChecklistItem(page, 'NDC of the product given', 'Not needed', 'A compounded drug has no NDC of its own');
  await expectChecklistItem(page, 'Compound ingredients', 'Done');
  await expectChecklistItem(page, 'Invoice', 'Done', 'Compounded drugs are paid from the invoice.');
});
