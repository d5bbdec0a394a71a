/**
 * Saving a file from the browser: made in memory and handed to the browser's download, never sent anywhere.
 */
import type { ClaimPacket } from '../core/packet/schema';

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadJson(fileName: string, data: unknown): void {
  downloadBlob(fileName, new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }));
}

/**
 * `claim-ACCT-1001-2023-03-10.json`: the account and date, made safe for a file name; a claim saved
 * before it is complete says so in its name (`claim-ACCT-1001-2023-03-10-DRAFT.json`).
 */
export function packetFileName(packet: ClaimPacket, extension = 'json', isDraft = false): string {
  const part = (text: string | undefined, fallback: string) => (text?.trim() || fallback).replace(/[^A-Za-z0-9._-]+/g, '-');
  return `claim-${part(packet.patient?.accountReference, 'draft')}-${part(packet.dates?.service, 'undated')}${isDraft ? '-DRAFT' : ''}.${extension}`;
}
