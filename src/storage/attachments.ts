/**
 * Attachment files (invoices, orders, records): kept in IndexedDB beside the draft; the packet
 * holds their description and SHA-256 fingerprint only.
 */
import { isSha256 } from '../core/entries';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_SIZE_TEXT } from '../core/limits';
import { database } from './db';

/** Files a payer or auditor can read: PDF and common image types. */
export const ACCEPTED_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function saveAttachmentFile(draftId: string, id: string, blob: Blob): Promise<void> {
  await (await database()).put('attachments', { draftId, id, blob });
}

export async function getAttachmentFile(draftId: string, id: string): Promise<Blob | undefined> {
  return (await (await database()).get('attachments', [draftId, id]))?.blob;
}

export async function deleteAttachmentFile(draftId: string, id: string): Promise<void> {
  await (await database()).delete('attachments', [draftId, id]);
}

/**
 * A file kept in this browser under this attachment id (in any draft) whose fingerprint is the one
 * given: both must match. Without a valid fingerprint nothing matches, since another claim's file
 * can carry the same id.
 */
export async function findAttachmentFile(id: string, sha256: string | undefined): Promise<Blob | undefined> {
  if (!isSha256(sha256)) return undefined;
  const wanted = sha256.toLowerCase();
  for (const record of await (await database()).getAllFromIndex('attachments', 'id', id)) {
    if ((await sha256Hex(await record.blob.arrayBuffer())) === wanted) return record.blob;
  }
  return undefined;
}

/** Image types the PDF packet cannot place (pdf-lib embeds PNG and JPEG only): kept as PNG instead. */
const REDRAWN_AS_PNG: readonly string[] = ['image/gif', 'image/webp'];

/**
 * The file as it is kept: a GIF or WebP image is drawn again as a PNG (same pixels, first frame of
 * an animation), named `….png`, so that it goes into the PDF packet like any other page; other
 * files as they are. A string says why the image cannot be read.
 */
export async function keptFile(file: File): Promise<File | string> {
  if (!REDRAWN_AS_PNG.includes(file.type)) return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return `${file.name} cannot be read as an image. Save or scan it again as a PDF, PNG or JPEG, then attach it.`;
  }
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
  bitmap.close();
  const png = await canvas.convertToBlob({ type: 'image/png' });
  if (png.size > MAX_ATTACHMENT_BYTES) return `${file.name} is larger than ${MAX_ATTACHMENT_SIZE_TEXT} once kept as a PNG. Scan it at a lower resolution, then attach it.`;
  return new File([png], `${file.name.replace(/\.(gif|webp)$/i, '')}.png`, { type: 'image/png', lastModified: file.lastModified });
}

/** Why a file cannot be attached, in the biller's words; `undefined` when it can. */
export function attachmentProblem(file: File): string | undefined {
  if (!(ACCEPTED_TYPES as readonly string[]).includes(file.type)) {
    return `${file.name} is not a PDF or an image (PNG, JPEG, GIF, WebP). Scan or save it as a PDF, then attach it.`;
  }
  if (file.size > MAX_ATTACHMENT_BYTES) return `${file.name} is larger than ${MAX_ATTACHMENT_SIZE_TEXT}. Scan it at a lower resolution, then attach it.`;
  if (file.size === 0) return `${file.name} is empty.`;
  return undefined;
}
