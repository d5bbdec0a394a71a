/**
 * axe (WCAG 2.0/2.1 A and AA) on every screen: the claims list, each step of an empty claim with
 * its findings shown (after Next was pressed on it), and each step of a filled claim with its
 * lines, waste line, attached file and preview, the NDC layout question and compound ingredients.
 */
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { buildClaim, next, openAppOn, openStep, startClaim, STEPS } from './support/claim';
import { loadExample } from './support/examples';
import { byLabel } from './support/fields';
import { followProblem } from './support/review';

const waste = loadExample('05-briumvi-partial-dose-waste');
const compound = loadExample('08-compounded-intrathecal-j7999');
/** The steps where an empty claim has problems to show once Next was pressed. */
const WITH_PROBLEMS = new Set(['claim', 'drug', 'dose', 'documents']);

test('the claims list and every step of an empty claim, with the findings shown', async ({ page }) => {
  await openAppOn(page, waste.expected.today);
  await expectNoAxeViolations(page, 'the empty claims list');
  await startClaim(page);
  // Next on every step: each one's findings are shown from then on, even on untouched fields.
  for (const { id } of STEPS.slice(1)) await next(page, id);
  for (const { id, title } of STEPS) {
    await openStep(page, id);
    if (WITH_PROBLEMS.has(id)) await expect(page.getByRole('complementary', { name: 'Findings' }).getByRole('listitem').first()).toContainText('Fix:');
    await expectNoAxeViolations(page, `the empty ${title} step`);
  }
  // A finding's link on its own step moves the focus to its field.
  await openStep(page, 'claim');
  await followProblem(page, 'Enter the date of service', 'Date of service');
  await page.getByRole('button', { name: '← All claims' }).click();
  await expectNoAxeViolations(page, 'the claims list with a claim');
});

test('every step of a filled claim, the attachment preview and the NDC layout question', async ({ page }) => {
  await openAppOn(page, waste.expected.today);
  await buildClaim(page, waste.packet);
  for (const { id, title } of STEPS) {
    await openStep(page, id);
    await expectNoAxeViolations(page, `the filled ${title} step`);
  }
  await openStep(page, 'documents');
  await page.getByRole('button', { name: `Preview ${waste.packet.attachments?.[0]?.fileName}` }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoAxeViolations(page, 'the attachment preview');
  await page.getByRole('button', { name: 'Close preview' }).click();

  await openStep(page, 'drug');
  await byLabel(page, 'NDC from the vial or package label').fill('7315015006');
  await expect(page.getByRole('group', { name: 'Which layout does the label show?' })).toBeVisible();
  await expectNoAxeViolations(page, 'the NDC layout question');
});

test('the compound ingredients of a compounded drug', async ({ page }) => {
  await openAppOn(page, compound.expected.today);
  await buildClaim(page, compound.packet, { stopAt: 'dose' });
  await openStep(page, 'drug');
  await expect(byLabel(page, 'Ingredient 2 name')).toBeVisible();
  await expectNoAxeViolations(page, 'the compound ingredients');
});
