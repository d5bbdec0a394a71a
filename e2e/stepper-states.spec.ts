/**
 * The stepper tells the truth: a blank claim is not started anywhere (no step is complete, Review
 * included); typing a step puts it in progress, then complete; a wrong value makes its step need
 * attention, with the count; Review is complete only once the claim can be exported, and until
 * then its panel lists what blocks export. "Nothing to fix" is said only of a complete step.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { buildClaim, next, openAppOn, openStep, startClaim, STEPS, typeStep } from './support/claim';
import { loadExample } from './support/examples';
import { byLabel } from './support/fields';

const { packet, expected } = loadExample('05-briumvi-partial-dose-waste');

/** The state a step's button says (its text for screen readers, after the name). */
const stateOf = (page: Page, index: number) =>
  page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: new RegExp(`^${index + 1}\\. ${STEPS[index]!.title} \\(`) });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Findings' });

test('the stepper says not started, in progress, needs attention (with the count) and complete, as the claim is', async ({ page }) => {
  await openAppOn(page, expected.today);
  await startClaim(page);

  await test.step('a blank claim: every step not started, Review included; nothing claims to be fixed', async () => {
    for (const [i] of STEPS.entries()) await expect(stateOf(page, i)).toHaveAccessibleName(`${i + 1}. ${STEPS[i]!.title} (not started)`);
    await openStep(page, 'waste');
    await expect(panel(page)).toContainText('Nothing entered on this step yet.');
    await expect(panel(page)).not.toContainText('Nothing to fix');
    await openStep(page, 'review');
    await expect(panel(page).getByRole('heading', { name: 'Before export' })).toBeVisible();
    await expect(panel(page).getByRole('listitem').first()).toContainText('Fix:');
    await expect(panel(page)).not.toContainText('Nothing to fix');
    await expectNoAxeViolations(page, 'the stepper of a blank claim');
  });

  await test.step('the claim step in progress, then complete', async () => {
    await openStep(page, 'claim');
    await byLabel(page, 'Patient account number').fill(packet.patient!.accountReference!);
    await expect(stateOf(page, 0)).toHaveAccessibleName(/^1\. Claim \(in progress, \d+ to fill in/);
    await typeStep(page, 'claim', packet);
    await expect(stateOf(page, 0)).toHaveAccessibleName(/^1\. Claim \(complete/);
    await expect(panel(page)).not.toContainText('Fix:');
  });

  await test.step('a wrong value: the step needs attention, with the count', async () => {
    await byLabel(page, 'Rendering provider NPI').fill('1234567890');
    await expect(stateOf(page, 0)).toHaveAccessibleName('1. Claim (needs attention: 1 problem, 1 check)');
    await byLabel(page, 'Rendering provider NPI').fill(packet.providers!.rendering!.npi!);
    await expect(stateOf(page, 0)).toHaveAccessibleName(/^1\. Claim \(complete/);
  });

  await test.step('Review needs attention until the claim can be exported, then it is complete', async () => {
    await next(page, 'drug');
    await openStep(page, 'review');
    const blocking = await panel(page).getByRole('listitem').filter({ hasText: 'Fix:' }).count();
    expect(blocking).toBeGreaterThan(0);
    await expect(stateOf(page, 6)).toHaveAccessibleName(new RegExp(`^7\\. Review \\(needs attention: ${blocking} problems?`));
    await page.getByRole('button', { name: '← All claims' }).click();
  });

  await test.step('a whole claim: every step complete, Review too, and "Nothing to fix"', async () => {
    await buildClaim(page, packet);
    for (const [i] of STEPS.entries()) await expect(stateOf(page, i)).toHaveAccessibleName(new RegExp(`^${i + 1}\\. ${STEPS[i]!.title} \\(complete`));
    await expect(panel(page)).toContainText('Nothing to fix on this step.');
    await expectNoAxeViolations(page, 'the stepper of a complete claim');
  });
});
