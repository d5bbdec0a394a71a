/**
 * The record of exports: which claims went out of the office (a payer export downloaded), when, and
 * the fingerprint of the claim then, so the claims list says "exported" only while it is unchanged.
 */
import type { ClaimPacket } from '../core/packet/schema';
import type { ExportRecord } from './db';
import { database } from './db';

/**
 * A fingerprint of what a claim says (its save times left out): FNV-1a over its JSON, 53 bits. It
 * tells a changed claim from the one exported; it is no protection against anyone.
 */
export function packetFingerprint(packet: ClaimPacket): string {
  const { updatedAt: _updated, createdAt: _created, ...content } = packet;
  const text = JSON.stringify(content);
  let high = 0x811c9dc5, low = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    high = Math.imul(high ^ c, 0x01000193) >>> 0;
    low = Math.imul(low ^ (c + i), 0x01000193) >>> 0;
  }
  return `${(high & 0x1fffff).toString(16)}${low.toString(16).padStart(8, '0')}`;
}

/** Records that a payer export of the claim was downloaded now. */
export async function recordExport(draftId: string, format: ExportRecord['format'], packet: ClaimPacket): Promise<void> {
  await (await database()).add('exports', { draftId, format, at: new Date().toISOString(), fingerprint: packetFingerprint(packet) });
}

/** The latest export of each claim, by draft id. */
export async function latestExports(): Promise<ReadonlyMap<string, ExportRecord>> {
  const latest = new Map<string, ExportRecord>();
  for (const record of await (await database()).getAll('exports')) {
    const seen = latest.get(record.draftId);
    if (seen === undefined || seen.at <= record.at) latest.set(record.draftId, record);
  }
  return latest;
}
