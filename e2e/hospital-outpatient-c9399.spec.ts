/**
 * Journey: Ultomiris in a hospital outpatient department (billing-rules §16 scenario 2): C9399 × 1
 * on the UB-04, revenue code 0636 (FL42), the NDC in FL43, and the drug, NDC, route, date, dose
 * and volume in the FL80 remarks; no invoice (priced at 95% of AWP).
 */
import { test } from './support/test';
import { buildClaim, openAppOn } from './support/claim';
import { loadExample } from './support/examples';
import { expectBox, expectChecklistItem, expectClaimBox, expectReview } from './support/review';

const { packet, expected } = loadExample('02a-ultomiris-opps-c9399');
const FL80 = 'ULTOMIRIS 25682-0022-01 IV 01/15/19 2700MG ONCE (270 ML)';

test('a biller builds the C9399 hospital outpatient claim with the UB-04 boxes', async ({ page }) => {
  await openAppOn(page, expected.today);
  await buildClaim(page, packet);
  await expectBox(page, 'UB-04', 'Drug given', 'FL42', '0636');
  await expectBox(page, 'UB-04', 'Drug given', 'FL43', 'N425682002201ML270');
  await expectBox(page, 'UB-04', 'Drug given', 'Remarks (SV202-7)', FL80);
  await expectClaimBox(page, 'FL80 remarks', FL80);
  await expectChecklistItem(page, 'Invoice', 'Not needed', 'C9399 is priced by the contractor at 95% of AWP.');
  await expectReview(page, packet, expected, { narrative: FL80 });
});
