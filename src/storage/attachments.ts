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

/** Why a file cannot be attached, in the biller's words; `undefined` when it can. */
export function attachmentProblem(file: File): string | undefined {
  if (!(ACCEPTED_TYPES as readonly string[]).includes(file.type)) {
    return `${file.name} is not a PDF or an image (PNG, JPEG, GIF, WebP). Scan or save it as a PDF, then attach it.`;
  }
  if (file.size > MAX_ATTACHMENT_BYTES) return `${file.name} is larger than ${MAX_ATTACHMENT_SIZE_TEXT}. Scan it at a lower resolution, then attach it.`;
  if (file.size === 0) return `${file.name} is empty.`;
  return undefined;
}
