/**
 * Invoices arrive as images too. A GIF or WebP image attached on the Documentation step is kept as
 * a PNG (the PDF packet places PNG and JPEG only), and goes into the PDF packet as a page, after the
 * manifest, like any other attachment; a GIF that is not an image is refused with the reason.
 * Briumvi with a JW line (billing-rules §16 scenario 5).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { buildClaim, openAppOn, openStep } from './support/claim';
import { loadExample } from './support/examples';
import { download, saveIn } from './support/download';
import { ATTACH, byLabel } from './support/fields';

const example = loadExample('05-briumvi-partial-dose-waste');
const packet = { ...example.packet, attachments: example.packet.attachments?.filter((a) => a.kind !== 'invoice') };

/** An image of the size of a scanned page, drawn and encoded by the browser itself. */
async function pageImage(page: Page, type: 'image/webp' | 'image/png'): Promise<Buffer> {
  const bytes = await page.evaluate(async (mediaType) => {
    const canvas = new OffscreenCanvas(850, 1100);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, 850, 1100);
    g.fillStyle = '#000';
    g.font = '40px sans-serif';
    g.fillText('INVOICE', 60, 120);
    return [...new Uint8Array(await (await canvas.convertToBlob({ type: mediaType })).arrayBuffer())];
  }, type);
  return Buffer.from(bytes);
}

// A 1 × 1 GIF (the smallest valid one).
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

test('GIF and WebP invoices are kept as PNG and go into the PDF packet as pages', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'noc-images-'));
  await openAppOn(page, example.expected.today);
  await buildClaim(page, packet, { stopAt: 'review' });
  await openStep(page, 'documents');
  const files = page.getByRole('list', { name: 'Files attached' });

  await byLabel(page, ATTACH).setInputFiles({ name: 'broken-invoice.gif', mimeType: 'image/gif', buffer: Buffer.from('not a picture') });
  await expect(page.getByText('broken-invoice.gif cannot be read as an image. Save or scan it again as a PDF, PNG or JPEG, then attach it.')).toBeVisible();
  await expect(files.getByRole('listitem').filter({ hasText: 'broken-invoice' })).toHaveCount(0);

  await byLabel(page, ATTACH).setInputFiles([
    { name: 'mckesson-invoice.webp', mimeType: 'image/webp', buffer: await pageImage(page, 'image/webp') },
    { name: 'invoice-page-2.GIF', mimeType: 'image/gif', buffer: GIF },
  ]);
  await expect(page.getByText('mckesson-invoice.webp is attached as Invoice, from its name: change the kind if it is something else. It is kept as mckesson-invoice.png, a PNG, so that it goes into the PDF packet.')).toBeVisible();
  await expect(files.getByRole('listitem').filter({ hasText: 'mckesson-invoice.png' })).toBeVisible();
  await expect(files.getByRole('listitem').filter({ hasText: 'invoice-page-2.png' })).toBeVisible();
  await expect(byLabel(page, 'Kind of document for mckesson-invoice.png')).toHaveValue('invoice');

  await openStep(page, 'review');
  await expect(page.getByText('Export is blocked')).toHaveCount(0);
  const pdf = await saveIn(await download(page, 'Download the PDF packet'), dir);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p) => p.trim() !== '');
  const manifest = pages.findIndex((p) => p.includes('SHA-256'));
  // Each image's entry in the manifest: a PNG, on a page of the packet (the other files are the journey's
  // stand-ins, not real documents).
  for (const name of ['mckesson-invoice.png', 'invoice-page-2.png']) {
    const entry = pages[manifest]!.split(/\n\s*\d+\. /).find((e) => e.startsWith(name));
    expect(entry, name).toMatch(/Media type\s+image\/png/);
    expect(entry, name).toMatch(/In this packet\s+Page \d+\b/);
  }
  // pdfimages lists each placed image with its page: the two images, on pages after the manifest.
  const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2)
    .map((row) => row.trim().split(/\s+/)).filter(([, , type]) => type === 'image') // not the transparency masks
    .map(([pageNumber, , , width, height]) => ({ page: Number(pageNumber), size: `${width}x${height}` }));
  expect(images.map((i) => i.size).sort()).toEqual(['1x1', '850x1100']);
  for (const image of images) expect(image.page).toBeGreaterThan(manifest + 1);
});
