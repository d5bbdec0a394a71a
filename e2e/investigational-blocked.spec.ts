/**
 * Journey: an investigational drug supplied free by the sponsor of a qualifying clinical trial
 * (billing-rules §16 scenario 11): the drug is not billed, so export is blocked, and the problem
 * leads to the "supplied free" answer; the trial details (NCT number, Z00.6) are on file.
 */
import { expect, test } from './support/test';
import { buildClaim, openAppOn } from './support/claim';
import { loadExample } from './support/examples';
import { expectChecklistItem, expectDescription, expectReview, followProblem } from './support/review';

const { packet, expected } = loadExample('11-investigational-sponsor-free-blocked');
const SUPPLIED_FREE = 'The sponsor supplied this drug free, so it must not be billed.';

test('a drug supplied free by a trial sponsor is not billed: export is blocked and says why', async ({ page }) => {
  await openAppOn(page, expected.today);
  await buildClaim(page, packet);
  await expect(page.getByText('Supplied free by the trial sponsor: the drug is not billed.')).toBeVisible();
  await expect(page.getByRole('table', { name: /lines/ })).toHaveCount(0);
  await expectDescription(page, 'nothing: this drug is not billed');
  await expectChecklistItem(page, 'Clinical trial details', 'Done', 'NCT number and diagnosis Z00.6');
  await expectReview(page, packet, expected, { problems: [SUPPLIED_FREE] });
  await followProblem(page, SUPPLIED_FREE, 'Supplied free by a clinical trial sponsor');
});
