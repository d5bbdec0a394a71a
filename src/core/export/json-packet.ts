/**
 * The JSON export: the claim packet as the biller left it (a draft, marked as such, or a complete
 * claim), its evaluation at export time, the
 * attachment manifest and the reference-data versions used, in one file that other systems and later
 * audits can read (`format: "noc-claim-export"`, `version: 1`). `readExport` reads it back (or a
 * bare claim packet) and returns the packet exactly as it was exported.
 */
import * as z from 'zod/mini';
import type { Evaluation } from '../evaluate';
import { fieldMeta } from '../packet/paths';
import type { ClaimPacket } from '../packet/schema';
import { DOCUMENT_KINDS, ZClaimPacket } from '../packet/schema';

/** The `format` and `version` of the export file this code writes and reads. */
export const EXPORT_FORMAT = 'noc-claim-export';
export const EXPORT_VERSION = 1;

/** One attached file as the export lists it (the file itself stays with the biller). */
const ZManifestEntry = z.object({
  id: z.nullable(z.string()),
  drugId: z.nullable(z.string()),
  name: z.nullable(z.string()),
  kind: z.nullable(z.enum(DOCUMENT_KINDS)),
  mediaType: z.nullable(z.string()),
  size: z.nullable(z.number()),
  sha256: z.nullable(z.string()),
});
/** One attached file in the export's manifest (`null` where the packet does not say). */
export type ManifestEntry = z.infer<typeof ZManifestEntry>;

const ZReferenceVersion = z.object({ kind: z.string(), label: z.string() });
/** A reference-data version the evaluation used: "CMS ASP NDC-HCPCS crosswalk" / "October 2025". */
export type ReferenceVersion = z.infer<typeof ZReferenceVersion>;

const ZSaved = z.object({
  /** Absent in files written before drafts were marked. */
  status: z.optional(z.enum(['draft', 'complete'])),
  exportedAt: z.string(),
  attachments: z.array(ZManifestEntry),
  reference: z.array(ZReferenceVersion),
});
/** What an export file says about itself besides the packet. */
export type SavedExport = z.infer<typeof ZSaved>;

/** The evaluation as recorded in the file. */
export type ExportedEvaluation = Pick<Evaluation, 'decision' | 'lines' | 'payment' | 'timelyFiling' | 'checklist' | 'findings' | 'exportable'> & {
  /** The claim-form strings (`evaluation.claimForm.strings`). */
  readonly claimForm: Evaluation['claimForm']['strings'];
};

/** The export file. */
export interface ClaimExportFile extends SavedExport {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  /** `draft` while a finding blocks the claim (saved to go on with it, never to send), `complete` once it is exportable. */
  readonly status: NonNullable<SavedExport['status']>;
  /** For a draft, what it is, in words, at the top of the file. */
  readonly note?: string;
  readonly packet: ClaimPacket;
  readonly evaluation: ExportedEvaluation;
}

/** The attachment manifest of a packet: name, kind, media type, size and SHA-256 of each file. */
export function attachmentManifest(packet: ClaimPacket): ManifestEntry[] {
  return (packet.attachments ?? []).map((a) => ({
    id: a.id ?? null, drugId: a.drugId ?? null, name: a.fileName ?? null, kind: a.kind ?? null,
    mediaType: a.mediaType ?? null, size: a.size ?? null, sha256: a.sha256 ?? null,
  }));
}

/** "DRAFT, NOT FOR SENDING: …": what a file of a claim that is not complete says first. */
export function draftNote(blocking: number): string {
  return `DRAFT, NOT FOR SENDING: this claim is not complete; ${blocking === 1 ? '1 problem blocks it' : `${blocking} problems block it`} (evaluation.findings). Open it in NOC Claim Wizard (claims list, "Open a saved claim file") to go on with it.`;
}

/**
 * Builds the export file; `exportedAt` is an ISO date-time, `reference` the versions the evaluation
 * used. Any claim can be saved: one that is not exportable is marked a draft, at the top of the file.
 */
export function buildClaimExport(packet: ClaimPacket, evaluation: Evaluation, options: { exportedAt: string; reference: readonly ReferenceVersion[] }): ClaimExportFile {
  const { decision, lines, payment, timelyFiling, checklist, findings, exportable } = evaluation;
  const blocking = findings.filter((f) => f.severity === 'block').length;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    status: exportable ? 'complete' : 'draft',
    ...(exportable ? {} : { note: draftNote(blocking) }),
    exportedAt: options.exportedAt,
    packet,
    evaluation: { decision, lines, claimForm: evaluation.claimForm.strings, payment, timelyFiling, checklist, findings, exportable },
    attachments: attachmentManifest(packet),
    reference: [...options.reference],
  };
}

/** The export file as JSON text, indented for people who open it. */
export function claimExportJson(file: ClaimExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The packet read back, with what the export file said about itself (`null` for a bare packet). */
export type ReadExport =
  | { readonly ok: true; readonly packet: ClaimPacket; readonly saved: SavedExport | null }
  | { readonly ok: false; readonly message: string };

const fail = (message: string): ReadExport => ({ ok: false, message });
const NOT_OURS = 'This file is not a claim saved by NOC Claim Wizard. Open a file exported from the wizard (a claim export or a claim packet).';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why a file of this version cannot be read; `undefined` for version 1. */
function versionProblem(what: string, version: unknown): string | undefined {
  if (typeof version === 'number' && version > 1) {
    return `This file was saved by a newer version of NOC Claim Wizard (${what} version ${version}). Update the wizard to open it.`;
  }
  return version === 1 ? undefined : `This ${what} has no version this wizard can read. It may have been changed by another program.`;
}

function readPacket(value: unknown, notPacket: string): { ok: true; packet: ClaimPacket } | { ok: false; result: ReadExport } {
  if (!isRecord(value) || value.format !== 'noc-claim-packet') return { ok: false, result: fail(notPacket) };
  const problem = versionProblem('claim packet', value.version);
  if (problem !== undefined) return { ok: false, result: fail(problem) };
  const parsed = ZClaimPacket.safeParse(value);
  if (parsed.success) return { ok: true, packet: parsed.data };
  const path = parsed.error.issues[0]!.path.map(String).join('.');
  const { title, hint, written } = fieldMeta(path);
  return { ok: false, result: fail(`The claim in this file has a value the wizard cannot read: ${title}. ${hint} ${written}`.trim()) };
}

/** The text of a file without the byte-order mark some editors write first (JSON does not allow it). */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The claim a parsed claim file holds, not yet checked: the packet inside a JSON export, or else the
 * value itself (a bare packet, or anything, for `evaluateClaim` to report on). An export of a newer
 * version, or without a version, is refused with a message.
 */
export function claimOfFile(value: unknown): { readonly ok: true; readonly claim: unknown } | { readonly ok: false; readonly message: string } {
  if (!isRecord(value) || value.format !== EXPORT_FORMAT) return { ok: true, claim: value };
  const problem = versionProblem('claim export', value.version);
  return problem === undefined ? { ok: true, claim: value.packet } : { ok: false, message: problem };
}

/** Reads an export file, or a bare claim packet, from its JSON text (a byte-order mark before it is skipped). */
export function readExport(text: string): ReadExport {
  let value: unknown;
  try {
    value = JSON.parse(withoutByteOrderMark(text));
  } catch {
    return fail('This file is not a claim file the wizard can read: it is not JSON text. It may be damaged or cut short.');
  }
  if (!isRecord(value)) return fail(NOT_OURS);
  if (value.format === 'noc-claim-packet') {
    const bare = readPacket(value, NOT_OURS);
    return bare.ok ? { ok: true, packet: bare.packet, saved: null } : bare.result;
  }
  if (value.format !== EXPORT_FORMAT) return fail(NOT_OURS);
  const claim = claimOfFile(value);
  if (!claim.ok) return claim;
  const packet = readPacket(claim.claim, 'This claim export is damaged: the claim inside it cannot be read.');
  if (!packet.ok) return packet.result;
  const saved = ZSaved.safeParse(value);
  if (!saved.success) return fail('This claim export is damaged: its export date, attachment list or reference list cannot be read.');
  return { ok: true, packet: packet.packet, saved: saved.data };
}
