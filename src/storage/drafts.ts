/**
 * Drafts: claim packets being built, kept in IndexedDB. Every change is saved; nothing a biller
 * typed is ever dropped by the wizard.
 */
import { dayNumber, usDate } from '../core/dates';
import { nextDosePacket } from '../core/next-dose';
import type { ClaimPacket } from '../core/packet/schema';
import type { DraftRecord } from './db';
import { database } from './db';

export function newId(): string {
  return crypto.randomUUID();
}

/** A packet with nothing entered yet, and one drug to start with. */
export function emptyPacket(id: string, now: string): ClaimPacket {
  return {
    format: 'noc-claim-packet', version: 1, id, createdAt: now, updatedAt: now,
    diagnoses: [{ code: '' }],
    drugs: [{ id: newId() }],
    attachments: [],
  };
}

export async function listDrafts(): Promise<DraftRecord[]> {
  const db = await database();
  return (await db.getAllFromIndex('drafts', 'updatedAt')).reverse();
}

export async function getDraft(id: string): Promise<DraftRecord | undefined> {
  return (await database()).get('drafts', id);
}

export async function createDraft(): Promise<DraftRecord> {
  const now = new Date().toISOString();
  const id = newId();
  const record: DraftRecord = { id, packet: emptyPacket(id, now), createdAt: now, updatedAt: now, revision: 1 };
  await (await database()).put('drafts', record);
  return record;
}

/**
 * Saves a packet as the next revision of its draft. With the draft's `createdAt` known, it is one
 * write, issued at once: what a page being closed or reloaded still gets done.
 */
export async function saveDraft(id: string, packet: ClaimPacket, revision: number, createdAt?: string): Promise<DraftRecord> {
  const db = await database();
  const now = new Date().toISOString();
  const created = createdAt ?? (await db.get('drafts', id))?.createdAt ?? now;
  const record: DraftRecord = { id, packet: { ...packet, updatedAt: now }, createdAt: created, updatedAt: now, revision };
  const tx = db.transaction('drafts', 'readwrite');
  const written = tx.store.put(record);
  // Commit now rather than when the write is acknowledged: a page being unloaded never hears back.
  tx.commit();
  await Promise.all([written, tx.done]);
  return record;
}

/** A new draft record made from a stored one: `make` gives its packet from the source's, its new id and now. */
async function draftFrom(id: string, make: (source: ClaimPacket, ids: { id: string; now: string }) => ClaimPacket) {
  const db = await database();
  const source = await db.get('drafts', id);
  if (source === undefined) return undefined;
  const now = new Date().toISOString();
  const made = newId();
  const record: DraftRecord = { id: made, packet: make(source.packet, { id: made, now }), createdAt: now, updatedAt: now, revision: 1 };
  return { db, record };
}

/** Copies a draft and its attachment files (the copy's attachment entries keep their ids). */
export async function duplicateDraft(id: string): Promise<DraftRecord | undefined> {
  const from = await draftFrom(id, (packet, { id: copyId, now }) => ({ ...packet, id: copyId, createdAt: now, updatedAt: now }));
  if (from === undefined) return undefined;
  const { db, record } = from;
  const tx = db.transaction(['drafts', 'attachments'], 'readwrite');
  for (const file of await tx.objectStore('attachments').index('draftId').getAll(id)) {
    await tx.objectStore('attachments').put({ ...file, draftId: record.id });
  }
  await tx.objectStore('drafts').put(record);
  await tx.done;
  return record;
}

/** Deletes a draft, its attachment files and the record of its exports. */
export async function deleteDraft(id: string): Promise<void> {
  const db = await database();
  const tx = db.transaction(['drafts', 'attachments', 'exports'], 'readwrite');
  for (const key of await tx.objectStore('attachments').index('draftId').getAllKeys(id)) await tx.objectStore('attachments').delete(key);
  for (const key of await tx.objectStore('exports').index('draftId').getAllKeys(id)) await tx.objectStore('exports').delete(key);
  await tx.objectStore('drafts').delete(id);
  await tx.done;
}

/** Starts the claim of the next dose from a draft (core `nextDosePacket`): a new draft, without files. */
export async function nextDoseDraft(id: string): Promise<DraftRecord | undefined> {
  const from = await draftFrom(id, (packet, ids) => nextDosePacket(packet, { ...ids, newDrugId: newId }));
  if (from === undefined) return undefined;
  await from.db.put('drafts', from.record);
  return from.record;
}

/** The first drug as a biller knows it: its brand or generic name, or else its NDC as typed. */
export function drugName(packet: ClaimPacket): string {
  const drug = packet.drugs?.[0];
  const ndc = drug?.ndc?.input?.trim();
  return drug?.brandName?.trim() || drug?.genericName?.trim() || (ndc ? `NDC ${ndc}` : 'Drug not entered');
}

/** How a draft is named in the list: account, drug and date of service (MM/DD/YYYY), as the biller entered them. */
export function draftTitle(packet: ClaimPacket): string {
  const account = packet.patient?.accountReference?.trim() || 'No account number';
  const service = packet.dates?.service?.trim();
  const day = dayNumber(service);
  const date = day === undefined ? service || 'no date of service' : usDate(day);
  return `${account} · ${drugName(packet)} · ${date}`;
}
