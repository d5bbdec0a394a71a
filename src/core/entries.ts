/**
 * The entries of the packet's lists: each drug and each attached file has an id of its own (files
 * and lines are linked to a drug by its id, stored files to an attachment by its id), and each
 * attached file a kind (what the document is) and the SHA-256 fingerprint that tells it from any
 * other file.
 */
import type { ClaimContext } from './context';
import { isBlank } from './context';
import { finding } from './rules';

const SHA256 = /^[0-9a-fA-F]{64}$/;

/** True for a SHA-256 written as 64 hexadecimal characters (either case). */
export function isSha256(text: string | undefined): text is string {
  return text !== undefined && SHA256.test(text);
}

/** The position of the first entry with each id; a later entry with the same id is reported at its own id. */
function checkUniqueIds(ids: readonly (string | undefined)[], report: (index: number, first: number) => void): void {
  const first = new Map<string, number>();
  ids.forEach((id, i) => {
    if (isBlank(id)) return;
    const seen = first.get(id!);
    if (seen === undefined) first.set(id!, i);
    else report(i, seen);
  });
}

export function checkEntries(ctx: ClaimContext): void {
  const drugs = ctx.packet.drugs ?? [];
  checkUniqueIds(drugs.map((d) => d.id), (i, first) => ctx.findings.push(finding('drugDuplicateId', `drugs.${i}`, { other: first + 1 })));
  const attachments = ctx.packet.attachments ?? [];
  const name = (i: number) => attachments[i]?.fileName?.trim() || `number ${i + 1}`;
  checkUniqueIds(attachments.map((a) => a.id), (i, first) => ctx.findings.push(finding('attachmentDuplicateId', `attachments.${i}.id`, { name: name(i), other: first + 1 })));
  attachments.forEach((a, i) => {
    if (a.kind === undefined) ctx.findings.push(finding('attachmentKindMissing', `attachments.${i}.kind`, { name: name(i) }));
    if (!isSha256(a.sha256)) ctx.findings.push(finding('attachmentFingerprint', `attachments.${i}.sha256`, { name: name(i) }));
  });
}
