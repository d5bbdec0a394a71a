/**
 * The one gate every claim export goes through (design.md "Blank, never invalid"): a claim that is
 * not exportable is refused with its blocking findings, and every value an export prints is checked
 * once more here against the shape its box or element allows. A value that fails is left blank
 * (`null`) and named in `blanks`, so paper-form strings show an empty box rather than a wrong one,
 * and the electronic formats (837, FHIR) refuse rather than send a claim with a hole in it.
 */
import { HCPCS_SHAPE } from '../codes';
import { isBlank } from '../context';
import { dayNumber } from '../dates';
import type { ClaimForm } from '../decision';
import type { Evaluation } from '../evaluate';
import type { Icd10Code } from '../icd10';
import { parseIcd10 } from '../icd10';
import { CLAIM_SIZE, MAX_UNITS } from '../limits';
import type { ClaimPacket, NdcUnitQualifier, PayerProfile } from '../packet/schema';
import { NDC_UNIT_QUALIFIERS } from '../packet/schema';
import { resolveProfile } from '../payers';

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

/** A claim ready to print in any export format. */
export interface ExportClaim {
  readonly form: ClaimForm;
  /** ISO date of service. */
  readonly serviceDate: string;
  readonly accountReference: string;
  readonly diagnoses: readonly Icd10Code[];
  readonly lines: readonly ExportLine[];
  /** The 8 digits of the ClinicalTrials.gov number, when the claim is for a trial. */
  readonly nctDigits: string | null;
  readonly profile: PayerProfile;
  /** Values left blank because they failed their check, for the biller. */
  readonly blanks: readonly string[];
}

const MODIFIER = /^[A-Z0-9]{2}$/;
const NDC11 = /^\d{11}$/;
const NDC_QUANTITY = /^(?:0|[1-9]\d{0,7})(?:\.\d{0,2}[1-9])?$/;
const CLAIM_TEXT = /^[A-Z0-9 &'()+,\-./;=?%]+$/;
/** A prior authorization number as payers issue them: letters, digits and a few separators, 50 at most (REF02). */
const PRIOR_AUTH = /^[A-Za-z0-9][A-Za-z0-9 \-./]{0,49}$/;
const NCT = /^NCT(\d{8})$/;

/** The blocking findings of an evaluation, as the reasons an export is refused. */
export function refusalOf(evaluation: Evaluation): ExportRefusal {
  const problems = evaluation.findings.filter((f) => f.severity === 'block').map((f) => f.message);
  return { ok: false, problems: problems.length > 0 ? problems : ['This claim is not complete yet.'] };
}

function checked<T>(value: T, isValid: boolean, blank: string, blanks: string[]): T | null {
  if (isValid) return value;
  blanks.push(blank);
  return null;
}

function readNdc(line: Evaluation['lines'][number], label: string, blanks: string[]): ExportNdc | null {
  const ndc = line.ndc;
  if (ndc === null) return null;
  const isValid = NDC11.test(ndc.ndc11) && (NDC_UNIT_QUALIFIERS as readonly string[]).includes(ndc.unit)
    && ndc.quantity !== null && NDC_QUANTITY.test(ndc.quantity) && Number(ndc.quantity) > 0;
  return checked({ ndc11: ndc.ndc11, unit: ndc.unit, quantity: ndc.quantity ?? '' }, isValid,
    `${label}: the NDC, its unit or its quantity could not be confirmed, so the NDC line is left blank. Check the NDC, the dose and the container.`, blanks);
}

function priorAuthOf(packet: ClaimPacket, drugIndex: number, label: string, blanks: string[]): string | null {
  const pa = packet.drugs?.[drugIndex]?.priorAuth;
  if (pa?.status !== 'approved' || isBlank(pa.number)) return null;
  const number = pa.number!.trim();
  return checked(number, PRIOR_AUTH.test(number),
    `${label}: the prior authorization number has characters a claim cannot carry, so it is left blank. Type it as the payer issued it (letters, digits, hyphens).`, blanks);
}

/**
 * Reads an evaluated claim for export. Refuses a claim that is not exportable, or whose lines do not
 * all go on one claim form; otherwise returns every printed value checked (see `ExportClaim.blanks`).
 */
export function readClaimForExport(packet: ClaimPacket, evaluation: Evaluation): Exported<ExportClaim> {
  if (!evaluation.exportable) return refusalOf(evaluation);
  const profile = resolveProfile(packet);
  const form = evaluation.decision.form;
  if (profile === undefined) return { ok: false, problems: ['Choose the payer profile before exporting.'] };
  if (evaluation.lines.some((l) => l.form !== form)) {
    return { ok: false, problems: ['These drugs go on different claim forms (CMS-1500 and UB-04). Bill them on separate claims.'] };
  }
  const blanks: string[] = [];
  const serviceDate = packet.dates?.service?.trim() ?? '';
  const accountReference = packet.patient?.accountReference?.trim() ?? '';
  if (dayNumber(serviceDate) === undefined) return { ok: false, problems: ['Enter the date of service before exporting.'] };
  if (accountReference === '') return { ok: false, problems: ["Enter the patient's account number before exporting."] };
  const diagnoses = (packet.diagnoses ?? []).flatMap((d) => {
    if (isBlank(d.code)) return [];
    const code = parseIcd10(d.code);
    return checked(code, code !== undefined, `The diagnosis "${d.code!.trim()}" is not an ICD-10-CM code, so it is left out.`, blanks) ?? [];
  });
  const lines = evaluation.lines.map((line, i): ExportLine => {
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
      narrative: line.codeKind === 'specific' ? null : checked(line.narrative, line.narrative !== null && CLAIM_TEXT.test(line.narrative) && line.narrative.length <= profile.narrativeMaxLength,
        `${label}: the drug description could not be confirmed, so it is left blank. Check the drug name and the dose.`, blanks),
      priorAuthNumber: priorAuthOf(packet, line.drugIndex, label, blanks),
    };
  });
  const nct = NCT.exec(packet.clinicalTrial?.nctNumber?.trim().toUpperCase() ?? '');
  return {
    ok: true,
    value: { form, serviceDate, accountReference, diagnoses, lines, nctDigits: nct?.[1] ?? null, profile, blanks },
  };
}

/** The claim for an electronic format: refused when any value had to be left blank. */
export function readCompleteClaim(packet: ClaimPacket, evaluation: Evaluation): Exported<ExportClaim> {
  const read = readClaimForExport(packet, evaluation);
  if (!read.ok || read.value.blanks.length === 0) return read;
  return { ok: false, problems: read.value.blanks };
}
