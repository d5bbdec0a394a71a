/**
 * Attached files on the Documentation step: a file dropped on the drop zone, files chosen with the
 * file button from the keyboard; the kind of each document is asked once it is in, suggested from
 * its name and changed on its row; each file shows its name, size, pages and a preview.
 */
import type { Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { buildClaim, openAppOn } from './support/claim';
import { loadExample } from './support/examples';
import { ATTACH, byLabel, sampleFile } from './support/fields';
import { keyboard } from './support/keyboard';

const example = loadExample('05-briumvi-partial-dose-waste');
const packet = { ...example.packet, attachments: [] };

async function pdfOf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([612, 792]).drawText(`PAGE ${i}`, { x: 72, y: 700, size: 18, font });
  return Buffer.from(await doc.save());
}

const files = (page: Page) => page.getByRole('list', { name: 'Files attached' }).locator(':scope > li');
const row = (page: Page, name: string) => files(page).filter({ hasText: name });

/** Drops files on the drop zone, as a file manager does. */
async function drop(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const transfer = await page.evaluateHandle(({ name, mimeType, bytes }) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }));
    return data;
  }, { name: file.name, mimeType: file.mimeType, bytes: [...file.buffer] });
  const zone = page.getByText('Drop files here');
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

test('files are dropped or chosen, asked what they are, and show their name, size, pages and a preview', async ({ page }) => {
  await openAppOn(page, example.expected.today);
  await buildClaim(page, packet, { stopAt: 'review' });
  await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /^6\. Documentation/ }).click();

  await test.step('a file dropped on the drop zone: its kind suggested from its name, its pages counted', async () => {
    await drop(page, { name: 'invoice-mckesson-2023-03-01.pdf', mimeType: 'application/pdf', buffer: await pdfOf(3) });
    await expect(page.getByRole('status').filter({ hasText: 'is attached as Invoice, from its name' })).toBeVisible();
    await expect(byLabel(page, 'Kind of document for invoice-mckesson-2023-03-01.pdf')).toHaveValue('invoice');
    await expect(row(page, 'invoice-mckesson-2023-03-01.pdf')).toContainText(/\d+ KB · 3 pages/);
  });

  await test.step('files chosen with the keyboard: an image gets a thumbnail, a file named for nothing is asked what it is', async () => {
    await keyboard.attach(page, ATTACH, sampleFile('scan0001.png', 'image/png'));
    await expect(row(page, 'scan0001.png')).toContainText('1 page (an image)');
    await expect(row(page, 'scan0001.png').getByRole('img')).toHaveCount(0);
    await expect(row(page, 'scan0001.png').locator('img')).toHaveAttribute('src', /^blob:/);
    const kind = byLabel(page, 'Kind of document for scan0001.png');
    await expect(kind).toHaveValue('');
    await expect(row(page, 'scan0001.png')).toContainText('Say what scan0001.png is');
    await expectNoAxeViolations(page, 'the attached files, one without a kind');
    await keyboard.select(page, 'Kind of document for scan0001.png', 'waste-record');
    await expect(row(page, 'scan0001.png')).not.toContainText('Say what scan0001.png is');
  });

  await test.step('the suggested kind can be changed, and each file opens in its preview', async () => {
    await byLabel(page, 'Kind of document for invoice-mckesson-2023-03-01.pdf').selectOption('order');
    await expect(page.getByRole('complementary', { name: 'Findings' })).toContainText('Invoice: Attach the invoice.');
    await byLabel(page, 'Kind of document for invoice-mckesson-2023-03-01.pdf').selectOption('invoice');
    await page.getByRole('button', { name: 'Preview invoice-mckesson-2023-03-01.pdf' }).click();
    await expect(page.getByRole('dialog', { name: 'Preview of invoice-mckesson-2023-03-01.pdf' }).locator('iframe')).toHaveAttribute('src', /^blob:/);
    await page.getByRole('button', { name: 'Close preview' }).click();
    await expect(page.getByRole('complementary', { name: 'Findings' })).toContainText('Nothing to fix on this step.');
  });

  await test.step('nothing shows the browser\'s bare "No file chosen"', async () => {
    await expect(page.getByText('No file chosen')).toHaveCount(0);
    await expect(page.getByText('Choose files', { exact: true })).toBeVisible();
  });
});
