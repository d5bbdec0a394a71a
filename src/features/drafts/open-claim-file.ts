/**
 * Opening a saved claim file (loaded on demand: it brings the packet reader).
 */
import { readExport } from '../../core/export/json-packet';
import { findAttachmentFile } from '../../storage/attachments';
import type { DraftRecord } from '../../storage/db';
import { database } from '../../storage/db';
import { newId } from '../../storage/drafts';

export type OpenedFile =
  | { readonly ok: true; readonly draft: DraftRecord; readonly missingFiles: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * Opens a claim file (a JSON export or a bare packet) as a new draft, exactly as saved. The
 * attachment files the file lists are linked again when this browser still has them (same id and
 * fingerprint); the others are named so the biller can attach them again.
 */
export async function openClaimFile(text: string): Promise<OpenedFile> {
  const read = readExport(text);
  if (!read.ok) return read;
  const now = new Date().toISOString();
  const id = newId();
  const record: DraftRecord = { id, packet: read.packet, createdAt: now, updatedAt: now, revision: 1 };
  const missingFiles: string[] = [];
  const found: { id: string; blob: Blob }[] = [];
  for (const a of read.packet.attachments ?? []) {
    const blob = a.id === undefined ? undefined : await findAttachmentFile(a.id, a.sha256);
    if (blob === undefined || a.id === undefined) missingFiles.push(a.fileName ?? 'a file with no name');
    else found.push({ id: a.id, blob });
  }
  const db = await database();
  const tx = db.transaction(['drafts', 'attachments'], 'readwrite');
  for (const file of found) await tx.objectStore('attachments').put({ draftId: id, id: file.id, blob: file.blob });
  await tx.objectStore('drafts').put(record);
  await tx.done;
  return { ok: true, draft: record, missingFiles };
}
