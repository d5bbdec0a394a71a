/**
 * Small attachment files for the PDF packet's tests and benchmark (not used by the app): a PDF with
 * numbered pages whose text can be found again, and a PNG image drawn pixel by pixel.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { AttachmentFile } from '../core/export/pdf/attachments';

/** An attachment file as the command line reads one: its bytes, media type and SHA-256. */
export function attachmentFile(bytes: Uint8Array, mediaType: string): AttachmentFile {
  return { bytes, mediaType, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A PDF of `pages` Letter pages, each saying "<title> page N of M". */
export async function samplePdf(title: string, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    doc.addPage([612, 792]).drawText(`${title} page ${i} of ${pages}`, { x: 72, y: 700, size: 18, font });
  }
  return doc.save();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function concat(parts: readonly (Uint8Array | readonly number[])[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const body = concat([[...type].map((c) => c.charCodeAt(0)), data]);
  return concat([u32(data.length), body, u32(crc32(body))]);
}

/** zlib data in stored (uncompressed) deflate blocks, so no compressor is needed. */
function zlibStored(raw: Uint8Array): Uint8Array {
  const parts: (Uint8Array | number[])[] = [[0x78, 0x01]];
  for (let at = 0; at < raw.length || at === 0; at += 0xffff) {
    const block = raw.subarray(at, at + 0xffff);
    const isLast = at + 0xffff >= raw.length;
    parts.push([isLast ? 1 : 0, block.length & 0xff, block.length >>> 8, ~block.length & 0xff, (~block.length >>> 8) & 0xff], block);
  }
  let a = 1, b = 0;
  for (const byte of raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  parts.push(u32(((b << 16) | a) >>> 0));
  return concat(parts);
}

/** An RGB PNG of `width` × `height` pixels: a blue field with a red diagonal band. */
export function samplePng(width: number, height: number): Uint8Array {
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width; x++) {
      const isBand = Math.abs(x * height - y * width) < width * height * 0.05;
      raw.set(isBand ? [220, 30, 30] : [40, 90, 200], row + 1 + x * 3);
    }
  }
  const header = new Uint8Array([...u32(width), ...u32(height), 8, 2, 0, 0, 0]);
  return concat([[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], chunk('IHDR', header), chunk('IDAT', zlibStored(raw)), chunk('IEND', new Uint8Array())]);
}
