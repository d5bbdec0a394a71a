/**
 * What every drug-level check needs to know, read once per drug by `evaluateClaim`.
 */
import type { DayNumber, IsoDate } from './dates';
import { dayNumber } from './dates';
import type { Ndc } from './ndc';
import { fieldMeta } from './packet/paths';
import type { ClaimPacket, DocumentKind, Drug, PayerProfile } from './packet/schema';
import type { ReferenceData } from './reference';
import type { Finding } from './rules';
import { finding } from './rules';

export interface ClaimContext {
  readonly packet: ClaimPacket;
  readonly profile: PayerProfile | undefined;
  readonly reference: ReferenceData;
  /** The date of service when it is a valid date. */
  readonly dateOfService: IsoDate | undefined;
  readonly serviceDay: DayNumber | undefined;
  readonly findings: Finding[];
}

export interface DrugContext extends ClaimContext {
  readonly drug: Drug;
  readonly index: number;
  /** Path prefix of this drug in the packet: `drugs.0`. */
  readonly base: string;
  readonly ndc: Ndc | undefined;
  /** The biller's modifiers, trimmed and upper-cased, blanks removed. */
  readonly modifiers: readonly string[];
  /** Kinds of document this drug has: attached (to it or to the whole claim) or kept in the chart. */
  readonly documents: ReadonlySet<DocumentKind>;
}

/**
 * The text trimmed, or `undefined` when it is missing, empty or blank: the blank check that
 * narrows, so a caller holds a `string` after it and needs no `!`.
 */
export function filled(text: string | null | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** True for undefined, empty or blank text. */
export function isBlank(text: string | null | undefined): boolean {
  return filled(text) === undefined;
}

/** The day number of a date field; a date that is not a real one is reported at its field. */
export function checkDate(ctx: ClaimContext, path: string, value: string | undefined): DayNumber | undefined {
  const typed = filled(value);
  if (typed === undefined) return undefined;
  const day = dayNumber(typed);
  if (day === undefined) ctx.findings.push(finding('dateInvalid', path, { title: fieldMeta(path).title }));
  return day;
}

/** The kinds of attached file (with a fingerprint) by drug id, `''` for the claim's own: read once per packet. */
const attachedKinds = new WeakMap<ClaimPacket, Map<string, Set<DocumentKind>>>();

function attachedKindsOf(packet: ClaimPacket): Map<string, Set<DocumentKind>> {
  let byDrug = attachedKinds.get(packet);
  if (byDrug !== undefined) return byDrug;
  byDrug = new Map();
  for (const a of packet.attachments ?? []) {
    if (a.kind === undefined || isBlank(a.sha256)) continue;
    const key = a.drugId === undefined || isBlank(a.drugId) ? '' : a.drugId;
    const kinds = byDrug.get(key);
    if (kinds === undefined) byDrug.set(key, new Set([a.kind]));
    else kinds.add(a.kind);
  }
  attachedKinds.set(packet, byDrug);
  return byDrug;
}

/** The kinds of document a drug has: attachments with a fingerprint, and records attested as kept in the chart. */
export function documentKinds(packet: ClaimPacket, drug: Drug): Set<DocumentKind> {
  const kinds = new Set<DocumentKind>(drug.documentsOnFile ?? []);
  const byDrug = attachedKindsOf(packet);
  for (const kind of byDrug.get('') ?? []) kinds.add(kind);
  if (drug.id !== undefined && drug.id !== '') for (const kind of byDrug.get(drug.id) ?? []) kinds.add(kind);
  return kinds;
}

/** True when the drug has a document of this kind. */
export function hasDocument(ctx: DrugContext, kind: DocumentKind): boolean {
  return ctx.documents.has(kind);
}
