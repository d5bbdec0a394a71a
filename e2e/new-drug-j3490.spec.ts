/**
 * Journey: an unlisted injectable with no code of its own (billing-rules §16 scenario 7, Alaska
 * Medicaid: bupivacaine 17.5 mg = 3.5 mL from a 50 mL multi-dose vial): J3490 × 1 (units =
 * containers opened), 24A N400409161050 ML3.5, no JW/JZ (multi-dose), prior authorization on file.
 */
import { expect, test } from './support/test';
import { buildClaim, openAppOn } from './support/claim';
import { loadExample } from './support/examples';
import { expectLinesPreview, expectModifiersStep, expectReview, expectWasteStep } from './support/review';

const { packet, expected } = loadExample('07-alaska-medicaid-containers');

test('a biller builds the J3490 claim for an unlisted injectable from a multi-dose vial and exports it', async ({ page }) => {
  await openAppOn(page, expected.today);
  await buildClaim(page, packet, {
    checks: {
      drug: () => expect(page.getByText('Reads as 00409-1610-50 (11 digits on the claim: 00409161050).')).toBeVisible(),
      dose: () => expectLinesPreview(page, 'The lines as they stand', expected.lines),
      waste: () => expectWasteStep(page, 'No JW or JZ: the container is multi-dose.', expected.lines),
      modifiers: () => expectModifiersStep(page, 'No modifier is required by the waste record.', expected.lines),
    },
  });
  await expectReview(page, packet, expected, { narrative: 'MARCAINE BUPIVACAINE HCL 17.5MG NDC 00409161050' });
});
