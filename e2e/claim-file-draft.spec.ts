/**
 * A claim file can always be saved: on the dose step of a claim still incomplete, "Save claim
 * file" downloads a draft (said in its name and at the top of the file), while the payer exports
 * stay blocked; opened again from the claims list, the draft brings back everything typed.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { buildClaim, expectStep, expectStepValues, openAppOn, openStep, saveClaimFileButton, typeStep } from './support/claim';
import { download, saveIn } from './support/download';
import { loadExample } from './support/examples';
import { exportButton } from './support/review';

const { packet, expected } = loadExample('05-briumvi-partial-dose-waste');

test('an incomplete claim is saved as a draft file at any step, and opens again whole', async ({ page }) => {
  await openAppOn(page, expected.today);
  await buildClaim(page, packet, { stopAt: 'dose' });
  await typeStep(page, 'dose', packet);

  const file = await test.step('Save claim file on the dose step: a draft, in its name and in the file', async () => {
    const saved = await download(page, saveClaimFileButton(page));
    expect(saved.suggestedFilename()).toBe(`claim-${packet.patient?.accountReference}-${packet.dates?.service}-DRAFT.json`);
    await expect(page.getByRole('status').filter({ hasText: 'a draft, not for sending' })).toContainText(`Saved ${saved.suggestedFilename()}`);
    const path = await saveIn(saved, mkdtempSync(join(tmpdir(), 'noc-draft-')));
    const json = JSON.parse(readFileSync(path, 'utf8')) as { format: string; status: string; note: string; evaluation: { exportable: boolean }; packet: unknown };
    expect(Object.keys(json).slice(0, 4)).toEqual(['format', 'version', 'status', 'note']);
    expect(json.status).toBe('draft');
    expect(json.note).toMatch(/^DRAFT, NOT FOR SENDING: this claim is not complete; \d+ problems? blocks? it/);
    expect(json.evaluation.exportable).toBe(false);
    await expectNoAxeViolations(page, 'the dose step after saving a draft');
    return path;
  });

  await test.step('the payer exports stay blocked', async () => {
    await openStep(page, 'review');
    await expect(page.getByText(/^Export is blocked until/)).toBeVisible();
    await expect(exportButton(page)).toBeDisabled();
    await expect(saveClaimFileButton(page)).toBeEnabled();
  });

  await test.step('opened from the claims list, the draft brings back what was typed', async () => {
    await page.getByRole('button', { name: '← All claims' }).click();
    await page.getByLabel('Open a saved claim file (JSON)').setInputFiles(file);
    await expectStep(page, 'claim');
    for (const step of ['claim', 'drug', 'dose'] as const) {
      await openStep(page, step);
      await expectStepValues(page, step, packet);
    }
  });
});
