/**
 * A claim as the claims list shows it: its account, drug, codes, date of service and status, read
 * from the claim's evaluation (which the app makes with the reference data) and the record of its
 * exports. The status is one of:
 * - exported (with the date), while the claim is the one exported;
 * - ready: nothing blocks export;
 * - blocked (with the count): a value entered is wrong, or the claim cannot be billed as it is;
 * - draft (with what is left to fill in): only values still missing block it.
 */
import { dayNumber, usDate } from '../../core/dates';
import type { Evaluation } from '../../core/evaluate';
import { formatCount, formatTime } from '../../core/format';
import type { ClaimPacket } from '../../core/packet/schema';
import type { ExportRecord } from '../../storage/db';
import { draftTitle, drugName } from '../../storage/drafts';

export type ClaimStatus =
  | { readonly kind: 'exported'; readonly at: string; readonly format: ExportRecord['format'] }
  | { readonly kind: 'ready' }
  | { readonly kind: 'blocked'; readonly problems: number }
  | { readonly kind: 'draft'; readonly toFill: number };

export type StatusKind = ClaimStatus['kind'];

export interface ClaimRow {
  readonly id: string;
  /** "ACCT-1007 · Briumvi · 03/10/2023": names the claim on its buttons. */
  readonly title: string;
  readonly account: string;
  /** Brand or generic name of the first drug, or its NDC as typed. */
  readonly drug: string;
  readonly ndc: string;
  /** The codes billed, drug by drug ("J3590"; "J2329, J3490"); '' when none is decided yet. */
  readonly codes: string;
  /** MM/DD/YYYY, or '' when there is none yet. */
  readonly dateOfService: string;
  readonly status: ClaimStatus;
  /** The date of the last export (ISO) when the claim was changed since; the claim is then not "exported". */
  readonly changedSinceExport: string | null;
}

/** The status of a claim from its evaluation and its latest export (matched by the claim's fingerprint). */
export function claimStatus(evaluation: Pick<Evaluation, 'findings' | 'exportable'>, exported: ExportRecord | undefined, fingerprint: string): ClaimStatus {
  if (exported !== undefined && exported.fingerprint === fingerprint) return { kind: 'exported', at: exported.at, format: exported.format };
  if (evaluation.exportable) return { kind: 'ready' };
  const blocking = evaluation.findings.filter((f) => f.severity === 'block');
  return blocking.some((f) => f.kind !== 'missing') ? { kind: 'blocked', problems: blocking.length } : { kind: 'draft', toFill: blocking.length };
}

const EXPORT_NAMES: Record<ExportRecord['format'], string> = { pdf: 'PDF packet', fhir: 'FHIR Claim', x12: '837 fragment' };

/** "Exported 12/01/2026 (PDF packet)", "Ready to send", "Blocked: 2 problems", "Draft: 5 to fill in". */
export function statusText(status: ClaimStatus): string {
  switch (status.kind) {
    case 'exported': return `Exported ${exportDate(status.at)} (${EXPORT_NAMES[status.format]})`;
    case 'ready': return 'Ready to send';
    case 'blocked': return `Blocked: ${formatCount(status.problems)} problem${status.problems === 1 ? '' : 's'}`;
    case 'draft': return `Draft: ${formatCount(status.toFill)} to fill in`;
  }
}

/** The date of an export (an ISO date-time) as MM/DD/YYYY, on this computer's calendar. */
export function exportDate(at: string): string {
  return formatTime(at).slice(0, 10);
}

/** One claim's row of the list. */
export function claimRow(id: string, packet: ClaimPacket, evaluation: Pick<Evaluation, 'findings' | 'exportable' | 'drugs'>, exported: ExportRecord | undefined, fingerprint: string): ClaimRow {
  const status = claimStatus(evaluation, exported, fingerprint);
  const codes = [...new Set(evaluation.drugs.map((d) => d.decision.code).filter((c) => c !== null))].join(', ');
  const day = dayNumber(packet.dates?.service?.trim());
  return {
    id, title: draftTitle(packet), account: packet.patient?.accountReference?.trim() ?? '', drug: drugName(packet), ndc: packet.drugs?.[0]?.ndc?.input?.trim() ?? '',
    codes, dateOfService: day === undefined ? '' : usDate(day), status,
    changedSinceExport: exported !== undefined && status.kind !== 'exported' ? exported.at : null,
  };
}

/** Whether a row matches what the biller typed in the search box (account, drug, NDC, code or date, any case). */
export function matchesSearch(row: ClaimRow, search: string): boolean {
  const wanted = search.trim().toLowerCase();
  if (wanted === '') return true;
  return [row.title, row.account, row.drug, row.ndc, row.ndc.replace(/\D/g, ''), row.codes, row.dateOfService].some((text) => text.toLowerCase().includes(wanted));
}
