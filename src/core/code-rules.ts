/**
 * The conditions of billing-rules §1 that tie a code to a drug, written once. The decision applies
 * them in order to choose the code (decision.ts); a code the biller chooses is checked against every
 * one that applies to it (`brokenConditions`). Each condition's finding carries its source: one
 * tagged [V] blocks export, one tagged [S] or [U] is a warning that keeps the biller's reason.
 */
import { DME_CODES, ORAL_CODES, unclassifiedCode } from './codes';
import type { DrugContext } from './context';
import { isMedicare } from './payers';
import { dayNumber, isoDay } from './dates';
import type { RuleKey } from './rules';

const OPPS_NEW_DRUG_FROM = isoDay('2004-01-01');

/** Hospital outpatient or ASC, under a payer that uses C9399 for new drugs (OPPS). */
export function isOpps(ctx: DrugContext): boolean {
  const setting = ctx.packet.careSetting;
  return (setting === 'hospital-outpatient' || setting === 'asc') && ctx.profile?.usesC9399 === true;
}

/** FDA-approved on or after 01/01/2004 (OPPS "new drug"); `undefined` while the approval date is not entered. */
export function isApprovedFrom2004(ctx: DrugContext): boolean | undefined {
  const approval = dayNumber(ctx.drug.fdaApprovalDate);
  return approval === undefined ? undefined : approval >= OPPS_NEW_DRUG_FROM;
}

/** A diagnostic radiopharmaceutical or a contrast agent. */
export function isDiagnosticAgent(ctx: DrugContext): boolean {
  const c = ctx.drug.therapeuticClass;
  return c === 'diagnostic-radiopharmaceutical' || c === 'contrast-agent';
}

export function isOral(ctx: DrugContext): boolean {
  return ctx.drug.route === 'oral';
}

/** Supplied by a DME supplier for use through DME at home (billed to the DME MAC). */
export function isDmeSupplier(ctx: DrugContext): boolean {
  return ctx.packet.careSetting === 'dme-supplier';
}

export function isCompounded(ctx: DrugContext): boolean {
  return ctx.drug.marketingCategory === 'compounded';
}

/** A claim a C code may go on: hospital outpatient (UB-04) or ASC. */
export function allowsCCodes(ctx: DrugContext): boolean {
  const setting = ctx.packet.careSetting;
  return setting === 'hospital-outpatient' || setting === 'asc';
}

/** The unclassified codes of injectable and other non-oral, non-DME drugs (rows 13-15 and the special groups). */
const isGeneralUnclassified = (code: string) => unclassifiedCode(code) !== undefined && !ORAL_CODES.has(code) && !DME_CODES.has(code);
const COMPOUND_CODES: ReadonlySet<string> = new Set(['J7999', 'Q9977']);

/** Findings a broken condition raises; each takes the chosen code and the code the rules pick. */
export type ConditionRule = Extract<RuleKey,
  'overrideC9399OldDrug' | 'overrideC9399Diagnostic' | 'overrideCCodeProfessional' | 'overrideCompoundCodeNotCompounded'
  | 'overrideCompound' | 'overrideWrongRoute'>;

export interface CodeCondition {
  /** What the condition says, for tests and readers: "C9399 only under OPPS or in an ASC". */
  readonly says: string;
  readonly appliesTo: (code: string) => boolean;
  /** Whether the drug meets it; `undefined` while the packet does not say yet (not broken). */
  readonly isMet: (ctx: DrugContext) => boolean | undefined;
  /** The finding raised when a chosen code breaks it. */
  readonly broken: ConditionRule;
}

export const CODE_CONDITIONS: readonly CodeCondition[] = [
  { says: 'C9399 only for a drug FDA-approved on or after 01/01/2004', appliesTo: (c) => c === 'C9399', isMet: isApprovedFrom2004, broken: 'overrideC9399OldDrug' },
  { says: 'C9399 never for a diagnostic agent', appliesTo: (c) => c === 'C9399', isMet: (ctx) => !isDiagnosticAgent(ctx), broken: 'overrideC9399Diagnostic' },
  { says: 'C codes (C9399 included) only on hospital outpatient or ASC claims', appliesTo: (c) => c.startsWith('C'), isMet: allowsCCodes, broken: 'overrideCCodeProfessional' },
  { says: 'J7999 (Q9977 in 2015) only for a compounded preparation', appliesTo: (c) => COMPOUND_CODES.has(c), isMet: isCompounded, broken: 'overrideCompoundCodeNotCompounded' },
  {
    says: 'Medicare bills a compounded drug as J7999, not J3490 or J3590', appliesTo: (c) => c === 'J3490' || c === 'J3590',
    isMet: (ctx) => !(isCompounded(ctx) && isMedicare(ctx.profile)), broken: 'overrideCompound',
  },
  { says: 'oral NOC codes only for a drug given by mouth', appliesTo: (c) => ORAL_CODES.has(c), isMet: isOral, broken: 'overrideWrongRoute' },
  { says: 'a drug given by mouth only under an oral NOC code', appliesTo: isGeneralUnclassified, isMet: (ctx) => !isOral(ctx), broken: 'overrideWrongRoute' },
  { says: 'J7699/J7799 only for a drug supplied through DME', appliesTo: (c) => DME_CODES.has(c), isMet: isDmeSupplier, broken: 'overrideWrongRoute' },
  {
    says: 'a drug supplied through DME only under a DME or oral NOC code', appliesTo: isGeneralUnclassified,
    isMet: (ctx) => !isDmeSupplier(ctx), broken: 'overrideWrongRoute',
  },
];

/** The conditions a code breaks for this drug, each once per finding rule. */
export function brokenConditions(ctx: DrugContext, code: string): readonly CodeCondition[] {
  const seen = new Set<string>();
  return CODE_CONDITIONS.filter((c) => {
    if (!c.appliesTo(code) || c.isMet(ctx) !== false || seen.has(c.broken)) return false;
    seen.add(c.broken);
    return true;
  });
}
