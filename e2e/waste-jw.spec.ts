/**
 * Journey: Briumvi infusion stopped after 100 mg, 50 mg discarded from the single-dose vial
 * (billing-rules §16 scenario 5): a J3590 drug line and a J3590-JW waste line, the waste record on file.
 */
import { test } from './support/test';
import { buildClaim, openAppOn } from './support/claim';
import { loadExample } from './support/examples';
import { expectBox, expectChecklistItem, expectClaimBox, expectModifiersStep, expectReview, expectWasteStep } from './support/review';

const { packet, expected } = loadExample('05-briumvi-partial-dose-waste');

test('a biller builds the Briumvi claim with a JW waste line and exports it', async ({ page }) => {
  await openAppOn(page, expected.today);
  await buildClaim(page, packet, {
    checks: {
      waste: () => expectWasteStep(page, 'Drug was discarded: it is billed on a second line with JW.', expected.lines),
      modifiers: () => expectModifiersStep(page, 'JW: Added on the waste line: drug discarded from a single-dose container.', expected.lines),
    },
  });
  await expectBox(page, 'CMS-1500', 'Drug discarded', 'Description (SV101-7)', 'BRIUMVI 50MG DISCARDED NDC 73150015006');
  // Both descriptions do not fit in Item 19 together: it reads SEE ATTACHMENT, as in the PDF and the export panel.
  await expectClaimBox(page, 'Item 19', 'SEE ATTACHMENT');
  await expectChecklistItem(page, 'Waste record', 'Done', 'Drug was discarded from a single-dose container');
  await expectReview(page, packet, expected, { narrative: 'BRIUMVI UBLITUXIMAB-XIIY 100MG IV NDC 73150015006' });
});
