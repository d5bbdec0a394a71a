/**
 * Journey: famotidine from a multi-dose vial (billing-rules §16 scenario 15, J3490) given
 * off-label, for acute urticaria. The off-label use needs its rationale on file: export is blocked
 * until the biller writes it, then the checklist shows the support as done.
 */
import { expect, test } from './support/test';
import { buildClaim, openAppOn, openStep } from './support/claim';
import { loadExample, withDrug } from './support/examples';
import { byLabel } from './support/fields';
import { expectChecklistItem, expectExportBlocked, expectReview, followProblem } from './support/review';

const scenario = loadExample('15a-multi-dose-vial-j3490');
const { packet, expected } = withDrug(scenario, (drug) => ({ ...drug, isOffLabel: true }));
const RATIONALE = 'H2 blocker as add-on therapy for acute urticaria with angioedema; listed in DrugDex (class IIb).';
const MISSING = 'The use is off-label: explain why it is medically accepted';

test('an off-label use is blocked until its rationale is written, then the claim exports as J3490', async ({ page }) => {
  await openAppOn(page, expected.today);
  await buildClaim(page, packet, {
    checks: { drug: () => expect(byLabel(page, 'Why the off-label use is medically accepted')).toBeVisible() },
  });
  await expectExportBlocked(page, [MISSING]);
  await expectChecklistItem(page, 'Off-label support', 'Missing', 'Off-label use needs its medical rationale on file.');
  await followProblem(page, MISSING, 'Why the off-label use is medically accepted');
  await page.keyboard.type(RATIONALE);
  await openStep(page, 'review');
  await expectChecklistItem(page, 'Off-label support', 'Done');
  await expectReview(page, packet, expected, { narrative: 'FAMOTIDINE 20MG IV NDC 00641602110' });
});
