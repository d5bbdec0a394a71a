/**
 * Journey: Jubereq, a whole single-use vial given in the office after July 1, 2023, with no code of
 * its own (billing-rules §16 scenario 17): nothing discarded, so the drug line carries JZ:
 * J3590-JZ × 1, 24A N469448002263 ML1.7.
 */
import { test } from './support/test';
import { buildClaim, openAppOn } from './support/claim';
import { loadExample } from './support/examples';
import { expectChecklistItem, expectModifiersStep, expectReview, expectWasteStep } from './support/review';

const { packet, expected } = loadExample('17a-jubereq-office-no-qcode');

test('nothing discarded from a single-dose vial: the wizard puts JZ on the drug line', async ({ page }) => {
  await openAppOn(page, expected.today);
  await buildClaim(page, packet, {
    checks: {
      waste: () => expectWasteStep(page, 'Nothing was discarded: the drug line carries JZ.', expected.lines),
      modifiers: () => expectModifiersStep(page, 'JZ: Added on the drug line: no billable amount discarded from a single-dose container', expected.lines),
    },
  });
  await expectChecklistItem(page, 'Waste record', 'Done', 'even when nothing was (JZ)');
  await expectReview(page, packet, expected, { narrative: 'JUBEREQ DENOSUMAB-DESU 120MG SUBQ NDC 69448002263' });
});
