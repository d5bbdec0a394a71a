/**
 * The claim laid out once, and the one gate every claim export goes through (design.md "Blank,
 * never invalid"). `layOutClaim` (called by `evaluateClaim`, so every view reads the same layout)
 * checks every value a form or an export prints against the shape its box or element allows: a
 * value that fails is left blank (`null`) and named in `blanks`, and the paper-form strings (CMS-1500
 * Item 24A shaded, 24D, 24G and Item 19; UB-04 FL42 to FL46 and FL80) are written from the checked
 * values only. The gate (`readClaimForExport`) refuses a claim that is not exportable with its
 * blocking findings; the electronic formats (837, FHIR) also refuse a claim with a blank value
 * rather than send it with a hole in it.
 */
import { HCPCS_SHAPE } from '../codes';
import { filled, isBlank } from '../context';
import { dayNumber } from '../dates';
import type { ClaimForm } from '../code-decision';
import type { ClaimLine } from '../lines';
import type { Icd10Code } from '../icd10';
import { parseIcd10 } from '../icd10';
import { CLAIM_SIZE, MAX_UNITS } from '../limits';
import type { ClaimPacket, NdcUnitQualifier, PayerProfile } from '../packet/schema';
import { NDC_UNIT_QUALIFIERS } from '../packet/schema';
import type { Finding } from '../rules';

/** An export that could not be made, with the reasons a biller reads (one sentence each). */
export interface ExportRefusal {
  readonly ok: false;
  readonly problems: readonly string[];
}

/** The result of every claim export: the value, or the refusal. */
export type Exported<T> = { readonly ok: true; readonly value: T } | ExportRefusal;

/** The NDC of a line as every claim format carries it: 11 digits, unit qualifier, quantity. */
export interface ExportNdc {
  readonly ndc11: string;
  readonly unit: NdcUnitQualifier;
  /** Plain decimal, at most 8 digits before and 3 after the point, greater than 0. */
  readonly quantity: string;
}

/** One claim line with every printed value checked; `null` where the value failed its check. */
export interface ExportLine {
  /** 1-based line number on the claim. */
  readonly number: number;
  readonly drugIndex: number;
  readonly kind: 'administered' | 'discarded';
  /** An unclassified code (with a description) or the drug's own code (without one). */
  readonly codeKind: 'unclassified' | 'specific';
  readonly code: string | null;
  readonly modifiers: readonly string[] | null;
  readonly units: number | null;
  /** `null` when the line has no NDC (a compound without one) or its NDC failed the check. */
  readonly ndc: ExportNdc | null;
  /** SV101-7 / Item 19 description, or FL80 remarks on a UB-04 claim; none on a line of the drug's own code. */
  readonly narrative: string | null;
  /** The approved prior authorization number of the line's drug, when there is one. */
  readonly priorAuthNumber: string | null;
}

/** One CMS-1500 service line: Item 24A shaded (NDC), 24D (code and modifiers), 24G (units). */
export interface ProfessionalFormLine {
  readonly line: number;
  readonly drugIndex: number;
  /** `N4` + 11 digits, a space, unit qualifier + quantity (NUCC): `N473150015006 ML4`. */
  readonly item24AShaded: string;
  /** The code and its modifiers, separated by spaces: `J3590 JW`. */
  readonly item24D: string;
  readonly item24G: string;
  /** The line's own description (837P SV101-7); Item 19 is the claim's, combined. */
  readonly description: string;
}

/** One UB-04 service line: FL42 revenue code, FL43 NDC, FL44 code and modifiers, FL46 units. */
export interface InstitutionalFormLine {
  readonly line: number;
  readonly drugIndex: number;
  readonly fl42: string;
  /** `N4` + 11 digits + unit qualifier + quantity, no spaces: `N425682002201ML270`. */
  readonly fl43: string;
  readonly fl44: string;
  readonly fl46: string;
  /** The line's own remarks (837I SV202-7); FL80 is the claim's, combined. */
  readonly description: string;
}

/** Every box of the claim's form: each line's, then the claim's Item 19 (CMS-1500) or FL80 (UB-04). */
export type ClaimFormStrings =
  | { readonly form: 'CMS-1500'; readonly lines: readonly ProfessionalFormLine[]; readonly item19: string }
  | { readonly form: 'UB-04'; readonly lines: readonly InstitutionalFormLine[]; readonly fl80: string };

/** The claim as every form and export lays it out: each value checked, `null` where it failed. */
export interface ClaimLayout {
  readonly form: ClaimForm;
  /** ISO date of service, `''` until it is a valid date. */
  readonly serviceDate: string;
  readonly accountReference: string;
  readonly diagnoses: readonly Icd10Code[];
  readonly lines: readonly ExportLine[];
  /** The 8 digits of the ClinicalTrials.gov number, when the claim is for a trial. */
  readonly nctDigits: string | null;
  /** Values left blank because they failed their check, for the biller. */
  readonly blanks: readonly string[];
  /** Why no form can be sent yet (no payer profile, no date of service…); empty when one can. */
  readonly problems: readonly string[];
  /** The strings of the paper form, written from the checked values. */
  readonly strings: ClaimFormStrings;
}

/** A claim ready to print in any export format. */
export interface ExportClaim extends ClaimLayout {
  readonly profile: PayerProfile;
}

/** What the gate reads of an evaluation (see `evaluateClaim`). */
export interface EvaluatedClaim {
  readonly exportable: boolean;
  readonly findings: readonly Finding[];
  readonly profile: PayerProfile | undefined;
  readonly claimForm: ClaimLayout;
}

/** What Item 19 or FL80 says when the descriptions do not fit (billing-rules §6, §8). */
export const SEE_ATTACHMENT = 'SEE ATTACHMENT';
/** NUCC Item 19: three blank spaces between two items. */
const ITEM_SEPARATOR = '   ';
/** Revenue code for drugs that need detailed coding (billing-rules §10). */
export const DRUG_REVENUE_CODE = '0636';
/** The description length when no payer profile says otherwise (837 SV101-7). */
const DEFAULT_MAX_DESCRIPTION = 80;

const MODIFIER = /^[A-Z0-9]{2}$/;
const NDC11 = /^\d{11}$/;
const NDC_QUANTITY = /^(?:0|[1-9]\d{0,7})(?:\.\d{0,2}[1-9])?$/;
const CLAIM_TEXT = /^[A-Z0-9 &'()+,\-./;=?%]+$/;
/** A prior authorization number as payers issue them: letters, digits and a few separators, 50 at most (REF02). */
const PRIOR_AUTH = /^[A-Za-z0-9][A-Za-z0-9 \-./]{0,49}$/;
const NCT = /^NCT(\d{8})$/;

/** The blocking findings of an evaluation, as the reasons an export is refused. */
export function refusalOf(evaluation: Pick<EvaluatedClaim, 'findings'>): ExportRefusal {
  const problems = evaluation.findings.filter((f) => f.severity === 'block').map((f) => f.message);
  return { ok: false, problems: problems.length > 0 ? problems : ['This claim is not complete yet.'] };
}

function checked<T>(value: T, isValid: boolean, blank: string, blanks: string[]): T | null {
  if (isValid) return value;
  blanks.push(blank);
  return null;
}

function readNdc(line: ClaimLine, label: string, blanks: string[]): ExportNdc | null {
  const ndc = line.ndc;
  if (ndc === null) return null;
  const isValid = NDC11.test(ndc.ndc11) && (NDC_UNIT_QUALIFIERS as readonly string[]).includes(ndc.unit)
    && ndc.quantity !== null && NDC_QUANTITY.test(ndc.quantity) && Number(ndc.quantity) > 0;
  return checked({ ndc11: ndc.ndc11, unit: ndc.unit, quantity: ndc.quantity ?? '' }, isValid,
    `${label}: the NDC, its unit or its quantity could not be confirmed, so the NDC line is left blank. Check the NDC, the dose and the container.`, blanks);
}

function priorAuthOf(packet: ClaimPacket, drugIndex: number, label: string, blanks: string[]): string | null {
  const pa = packet.drugs?.[drugIndex]?.priorAuth;
  const number = filled(pa?.number);
  if (pa?.status !== 'approved' || number === undefined) return null;
  return checked(number, PRIOR_AUTH.test(number),
    `${label}: the prior authorization number has characters a claim cannot carry, so it is left blank. Type it as the payer issued it (letters, digits, hyphens).`, blanks);
}

const codeText = (line: ExportLine) => (line.code === null ? '' : [line.code, ...(line.modifiers ?? [])].join(' '));
const unitsText = (line: ExportLine) => (line.units === null ? '' : String(line.units));
const ndcText = (ndc: ExportNdc | null, between: string) => (ndc === null ? '' : `N4${ndc.ndc11}${between}${ndc.unit}${ndc.quantity}`);

/**
 * The claim-level box (Item 19 or FL80): the `CT` trial number first when there is one, then every
 * distinct description, three spaces apart; `SEE ATTACHMENT` in place of the descriptions when they
 * do not fit in `max` characters.
 */
function combinedDescriptions(prefix: string | null, descriptions: readonly string[], max: number): string {
  const head = prefix === null ? [] : [prefix];
  const whole = [...head, ...new Set(descriptions.filter((d) => d !== ''))].join(ITEM_SEPARATOR);
  return whole.length <= max ? whole : [...head, SEE_ATTACHMENT].join(ITEM_SEPARATOR);
}

function formStrings(form: ClaimForm, lines: readonly ExportLine[], nctDigits: string | null, max: number): ClaimFormStrings {
  const descriptions = lines.map((l) => l.narrative ?? '');
  if (form === 'UB-04') {
    return {
      form,
      lines: lines.map((l, i) => ({
        line: l.number, drugIndex: l.drugIndex, fl42: DRUG_REVENUE_CODE, fl43: ndcText(l.ndc, ''), fl44: codeText(l), fl46: unitsText(l), description: descriptions[i]!,
      })),
      fl80: combinedDescriptions(null, descriptions, max),
    };
  }
  return {
    form,
    lines: lines.map((l, i) => ({
      line: l.number, drugIndex: l.drugIndex, item24AShaded: ndcText(l.ndc, ' '), item24D: codeText(l), item24G: unitsText(l), description: descriptions[i]!,
    })),
    item19: combinedDescriptions(nctDigits === null ? null : `CT${nctDigits}`, descriptions, max),
  };
}

/**
 * Lays out the claim lines on the claim's form, every printed value checked (see `ClaimLayout`):
 * one function for every view and export, whichever code built the lines.
 */
export function layOutClaim(packet: ClaimPacket, claimLines: readonly ClaimLine[], profile: PayerProfile | undefined, form: ClaimForm): ClaimLayout {
  const problems: string[] = [];
  if (profile === undefined) problems.push('Choose the payer profile before exporting.');
  if (claimLines.some((l) => l.form !== form)) problems.push('These drugs go on different claim forms (CMS-1500 and UB-04). Bill them on separate claims.');
  const blanks: string[] = [];
  const typedDate = packet.dates?.service?.trim() ?? '';
  const serviceDate = dayNumber(typedDate) === undefined ? '' : typedDate;
  const accountReference = packet.patient?.accountReference?.trim() ?? '';
  if (serviceDate === '') problems.push('Enter the date of service before exporting.');
  if (accountReference === '') problems.push("Enter the patient's account number before exporting.");
  const maxDescription = profile?.narrativeMaxLength ?? DEFAULT_MAX_DESCRIPTION;
  const diagnoses = (packet.diagnoses ?? []).flatMap((d) => {
    if (isBlank(d.code)) return [];
    const code = parseIcd10(d.code);
    return checked(code, code !== undefined, `The diagnosis "${d.code!.trim()}" is not an ICD-10-CM code, so it is left out.`, blanks) ?? [];
  });
  const lines = claimLines.map((line, i): ExportLine => {
    const label = `Line ${i + 1}`;
    return {
      number: i + 1,
      drugIndex: line.drugIndex,
      kind: line.kind,
      codeKind: line.codeKind,
      code: checked(line.code, HCPCS_SHAPE.test(line.code), `${label}: the code "${line.code}" is not a HCPCS code, so it is left blank.`, blanks),
      modifiers: checked(line.modifiers, line.modifiers.length <= CLAIM_SIZE.modifiersPerLine && line.modifiers.every((m) => MODIFIER.test(m)),
        `${label}: the modifiers could not be confirmed (at most 4, two letters or digits each), so they are left blank.`, blanks),
      units: checked(line.units, line.units !== null && Number.isInteger(line.units) && line.units >= 1 && line.units <= MAX_UNITS,
        `${label}: the units could not be computed, so they are left blank.`, blanks),
      ndc: readNdc(line, label, blanks),
      narrative: line.codeKind === 'specific' ? null : checked(line.narrative, line.narrative !== null && CLAIM_TEXT.test(line.narrative) && line.narrative.length <= maxDescription,
        `${label}: the drug description could not be confirmed, so it is left blank. Check the drug name and the dose.`, blanks),
      priorAuthNumber: priorAuthOf(packet, line.drugIndex, label, blanks),
    };
  });
  const nctDigits = NCT.exec(packet.clinicalTrial?.nctNumber?.trim().toUpperCase() ?? '')?.[1] ?? null;
  return { form, serviceDate, accountReference, diagnoses, lines, nctDigits, blanks, problems, strings: formStrings(form, lines, nctDigits, maxDescription) };
}

/**
 * Reads an evaluated claim for export: refuses a claim that is not exportable or cannot go on a form
 * yet; otherwise returns its layout, every printed value checked (see `ExportClaim.blanks`).
 */
export function readClaimForExport(evaluation: EvaluatedClaim): Exported<ExportClaim> {
  if (!evaluation.exportable) return refusalOf(evaluation);
  const { claimForm, profile } = evaluation;
  if (claimForm.problems.length > 0 || profile === undefined) return { ok: false, problems: claimForm.problems };
  return { ok: true, value: { ...claimForm, profile } };
}

/** The claim for an electronic format: refused when any value had to be left blank. */
export function readCompleteClaim(evaluation: EvaluatedClaim): Exported<ExportClaim> {
  const read = readClaimForExport(evaluation);
  if (!read.ok || read.value.blanks.length === 0) return read;
  return { ok: false, problems: read.value.blanks };
}
