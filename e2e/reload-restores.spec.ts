/**
 * Nothing typed is lost: a reload in the middle of any step comes back to the same step with every
 * field as it was (the draft is saved in IndexedDB as the biller types, the address keeps the
 * step), and a claim left in a closed tab is resumed from the claims list in a new tab.
 * "Every field": each one the claim fills is checked by its label (text, dates, selects, radio
 * buttons, checkboxes ticked or not, added diagnosis rows, modifiers, attached files opened in
 * their preview), and every named field of the step, filled or not, holds after the reload what
 * it held before.
 */
import { expect, test } from './support/test';
import {
  buildClaim, expectStep, expectStepValues, newTab, next, openAppOn, openStep, resumeClaim, startClaim, STEPS, typeStep,
} from './support/claim';
import { loadExample, withDrug } from './support/examples';
import { formValues } from './support/fields';

// Briumvi with waste (scenario 5), plus what that scenario leaves empty, so every kind of field of
// every step holds something: more diagnoses, an ordering provider, a clinical trial, an exception
// to the filing limit with the date of its notice (asked once the exception is chosen), boxes left
// unticked, an off-label use (its question appears only then), unit overrides, a prior
// authorization, a modifier and a description of the biller's own.
const example = withDrug(loadExample('05-briumvi-partial-dose-waste'), (drug) => ({
  ...drug, isBiosimilar: false, isOffLabel: true, offLabelRationale: 'NCCN category 2A for relapsing MS',
  ndcUnitOverride: 'ML', hcpcsUnitsOverride: '1', modifiers: ['KX'], narrativeOverride: 'BRIUMVI 100MG IV GIVEN NDC 73150015006',
  priorAuth: { status: 'approved', number: 'PA-2023-0457', validFrom: '2023-03-01', validThrough: '2023-08-31' },
}));
const { expected } = example;
const packet = {
  ...example.packet,
  providers: {
    ...example.packet.providers,
    billing: { ...example.packet.providers?.billing, is340bEntity: false },
    ordering: { npi: '1538201041', name: 'Maya Chen' },
  },
  dates: { ...example.packet.dates, filingException: { reason: 'administrative-error' as const, noticeDate: '2023-03-15' } },
  diagnoses: [{ code: 'G35' }, { code: 'Z79.899' }, { code: 'R53.83' }],
  clinicalTrial: { nctNumber: 'NCT01234567', isQualifyingTrial: false },
};

test('a reload in the middle of each step restores the step and everything typed', async ({ page }) => {
  await openAppOn(page, expected.today);
  await startClaim(page);
  for (const [i, { id, title }] of STEPS.entries()) {
    await test.step(`reload on ${title}`, async () => {
      await typeStep(page, id, packet);
      const before = await formValues(page);
      await page.reload();
      await expectStep(page, id);
      await expectStepValues(page, id, packet);
      expect(await formValues(page), `every field of ${title}`).toEqual(before);
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
