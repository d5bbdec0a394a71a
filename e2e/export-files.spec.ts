/**
 * Exports from the review step, checked as files: the PDF packet read with pdftotext and rendered
 * with pdftoppm (the NDC line, code, modifiers, units and description, then the attached invoice's
 * own pages), and the JSON claim file opened again from the claims list as the same claim.
 * Briumvi with a JW line (billing-rules §16 scenario 5); the invoice is a real two-page PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { buildClaim, expectStepValues, openAppOn, openStep, STEPS } from './support/claim';
import { loadExample } from './support/examples';
import { download, saveIn } from './support/download';
import { ATTACH, byLabel } from './support/fields';

const example = loadExample('05-briumvi-partial-dose-waste');
const invoiceEntry = example.packet.attachments?.find((a) => a.kind === 'invoice');
const packet = { ...example.packet, attachments: example.packet.attachments?.filter((a) => a.kind !== 'invoice') };

async function invoicePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const page of [1, 2]) doc.addPage([612, 792]).drawText(`MCKESSON INVOICE PAGE ${page} OF 2`, { x: 72, y: 700, size: 18, font });
  return Buffer.from(await doc.save());
}

test('the PDF packet shows the claim lines and then the attached invoice, and the JSON claim file opens as the same claim', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'noc-export-'));
  await openAppOn(page, example.expected.today);
  await buildClaim(page, packet, { stopAt: 'review' });
  await openStep(page, 'documents');
  const invoiceName = invoiceEntry?.fileName ?? 'invoice.pdf';
  await byLabel(page, ATTACH).setInputFiles({ name: invoiceName, mimeType: 'application/pdf', buffer: await invoicePdf() });
  // Its name says it is an invoice: the kind is suggested, and the two pages are counted.
  await expect(byLabel(page, `Kind of document for ${invoiceName}`)).toHaveValue('invoice');
  await expect(page.getByRole('list', { name: 'Files attached' }).getByRole('listitem').filter({ hasText: invoiceName })).toContainText('2 pages');
  await openStep(page, 'review');
  await expect(page.getByText('Export is blocked')).toHaveCount(0);

  const pdf = await saveIn(await download(page, 'Download the PDF packet'), dir);
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const expected of ['N473150015006 ML4', 'N473150015006 ML2', 'J3590 JW', 'BRIUMVI UBLITUXIMAB-XIIY 100MG IV NDC 73150015006', 'BRIUMVI 50MG DISCARDED NDC 73150015006']) {
    expect(text).toContain(expected);
  }
  const pages = text.split('\f').filter((p) => p.trim() !== '');
  const manifest = pages.findIndex((p) => p.includes('SHA-256'));
  const invoicePages = pages.map((p, i) => (p.includes('MCKESSON INVOICE PAGE') ? i : -1)).filter((i) => i >= 0);
  expect(manifest).toBeGreaterThan(0);
  expect(invoicePages).toHaveLength(2);
  expect(Math.min(...invoicePages)).toBeGreaterThan(manifest);
  for (const [i, p] of pages.entries()) expect(p, `page ${i + 1} has its number`).toContain(`Page ${i + 1} of ${pages.length}`);
  execFileSync('pdftoppm', ['-png', '-r', '40', pdf, join(dir, 'page')]);
  expect(readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'))).toHaveLength(pages.length);

  const json = await saveIn(await download(page, 'Save claim file'), dir);
  const saved = JSON.parse(readFileSync(json, 'utf8')) as { format: string; status: string; packet: { drugs?: unknown[] } };
  expect(saved.format).toBe('noc-claim-export');
  expect(saved.status).toBe('complete');

  await page.getByRole('button', { name: '← All claims' }).click();
  await page.getByLabel('Open a saved claim file (JSON)').setInputFiles(json);
  await expect(page.getByRole('heading', { name: /^Step 1 of 7/ })).toBeVisible();
  for (const { id } of STEPS) {
    if (id === 'review') continue;
    await openStep(page, id);
    await expectStepValues(page, id, { ...packet, attachments: [...(packet.attachments ?? []), { ...invoiceEntry, fileName: invoiceEntry?.fileName }] });
  }
  await openStep(page, 'review');
  const again = await saveIn(await download(page, 'Save claim file'), dir);
  expect((JSON.parse(readFileSync(again, 'utf8')) as { packet: unknown }).packet).toEqual(saved.packet);
});
