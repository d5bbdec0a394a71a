/**
 * The export gate: a claim complete but for its documents stays blocked, listing each missing
 * item as a link to its field, until the last one is supplied; then the export opens.
 * Jubereq in the office (billing-rules §16 scenario 17), without the invoice file and without the
 * signed order on record.
 */
import { expect, test } from './support/test';
import { buildClaim, openAppOn, openStep } from './support/claim';
import { loadExample, withDrug } from './support/examples';
import { ATTACH, byLabel, fillField } from './support/fields';
import { exportButton, expectChecklistItem, expectExportable, expectExportBlocked, followProblem } from './support/review';

const complete = loadExample('17a-jubereq-office-no-qcode');
const withoutOrder = withDrug(complete, (drug) => ({ ...drug, documentsOnFile: drug.documentsOnFile?.filter((d) => d !== 'order') }));
const packet = { ...withoutOrder.packet, attachments: complete.packet.attachments?.filter((a) => a.kind !== 'invoice') };
const invoice = complete.packet.attachments?.find((a) => a.kind === 'invoice');
const { expected } = complete;

const NO_ORDER = 'Signed order: Attach the signed order, or mark it as kept in the chart.';
const NO_INVOICE = 'Invoice: Attach the invoice.';

test('export stays blocked until the documentation checklist is complete', async ({ page }) => {
  await openAppOn(page, expected.today);
  await buildClaim(page, packet);
  await expectExportBlocked(page, [NO_ORDER, NO_INVOICE]);
  await expectChecklistItem(page, 'Signed order', 'Missing');
  await expectChecklistItem(page, 'Invoice', 'Missing');
  // A blocked export does nothing when pressed (Playwright would wait for it to be enabled: force the click).
  const download = page.waitForEvent('download', { timeout: 1000 }).then(() => 'downloaded', () => 'nothing');
  await exportButton(page).click({ force: true });
  expect(await download).toBe('nothing');

  await followProblem(page, NO_ORDER, 'Records and attachments');
  await byLabel(page, 'Signed order').check();
  await openStep(page, 'review');
  await expectChecklistItem(page, 'Signed order', 'Done');
  await expectExportBlocked(page, [NO_INVOICE]);

  await followProblem(page, NO_INVOICE, ATTACH);
  await fillField(page, { kind: 'file', value: { kind: 'invoice', fileName: invoice?.fileName ?? 'invoice.pdf', mediaType: 'application/pdf' } });
  await openStep(page, 'review');
  await expectChecklistItem(page, 'Invoice', 'Done');
  await expectExportable(page, packet);
});
