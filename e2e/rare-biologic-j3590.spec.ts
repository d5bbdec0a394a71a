/**
 * Journey: Briumvi's first dose in the office before it had a code (billing-rules §16 scenario 3):
 * a biologic, not anticancer, so J3590 × 1, 24A N473150015006 ML6; nothing discarded, and JZ was
 * optional before July 1, 2023, so the line carries none.
 */
import { expect, test } from './support/test';
import { buildClaim, openAppOn } from './support/claim';
import { loadExample } from './support/examples';
import { expectLinesPreview, expectReview, expectWasteStep } from './support/review';

const { packet, expected } = loadExample('03-briumvi-first-dose-office');

test('a biller builds the J3590 claim for a new biologic with no code of its own', async ({ page }) => {
  await openAppOn(page, expected.today);
  await buildClaim(page, packet, {
    checks: {
      dose: () => expectLinesPreview(page, 'The lines as they stand', expected.lines),
      waste: () => expectWasteStep(page, 'Nothing was discarded. JZ was optional before 07/01/2023: you may add it on the Modifiers step.', expected.lines),
    },
  });
  await expect(page.getByText('A biologic licensed under a BLA, not anticancer: J3590.')).toBeVisible();
  await expectReview(page, packet, expected, { narrative: 'BRIUMVI UBLITUXIMAB-XIIY 150MG IV NDC 73150015006' });
});
