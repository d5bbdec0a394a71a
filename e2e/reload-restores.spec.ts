/**
 * Nothing typed is lost: a reload in the middle of any step comes back to the same step with every
 * field as it was (the draft is saved in IndexedDB as the biller types, the address keeps the
 * step), and a claim left in a closed tab is resumed from the claims list in a new tab.
 */
import { test } from './support/test';
import {
  buildClaim, expectStep, expectStepValues, newTab, next, openAppOn, openStep, resumeClaim, startClaim, STEPS, typeStep,
} from './support/claim';
import { loadExample, withDrug } from './support/examples';

// Briumvi with waste (scenario 5), plus a modifier and a description of the biller's own, so every step has fields.
const { packet, expected } = withDrug(loadExample('05-briumvi-partial-dose-waste'), (drug) => ({
  ...drug, modifiers: ['KX'], narrativeOverride: 'BRIUMVI 100MG IV GIVEN NDC 73150015006',
}));

test('a reload in the middle of each step restores the step and everything typed', async ({ page }) => {
  await openAppOn(page, expected.today);
  await startClaim(page);
  for (const [i, { id, title }] of STEPS.entries()) {
    await test.step(`reload on ${title}`, async () => {
      await typeStep(page, id, packet);
      await page.reload();
      await expectStep(page, id);
      await expectStepValues(page, id, packet);
    });
    const following = STEPS[i + 1];
    if (following !== undefined) await next(page, following.id);
  }
  await test.step('every step still holds its values after the last reload', async () => {
    for (const { id } of STEPS) {
      await openStep(page, id);
      await expectStepValues(page, id, packet);
    }
  });
});

test('a claim left in a closed tab is resumed from the claims list in a new tab, nothing lost', async ({ context, page }) => {
  await openAppOn(page, expected.today);
  await buildClaim(page, packet, { stopAt: 'dose' });
  await typeStep(page, 'dose', packet);
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;

  const tab = await newTab(context, expected.today);
  await resumeClaim(tab, packet);
  for (const step of ['claim', 'drug', 'dose'] as const) {
    await openStep(tab, step);
    await expectStepValues(tab, step, packet);
  }
});
