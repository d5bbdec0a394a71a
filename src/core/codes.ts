/**
 * The unclassified (NOC) HCPCS codes the wizard chooses from, with their descriptors and effective
 * dates as published in the CMS HCPCS Level II file (October 2025, ADD DT / TERM DT). The
 * `HcpcsCode` brand is made here and only here (brands.ts).
 */
import type { Brand } from './brands';
import type { DayNumber } from './dates';
import { isoDay } from './dates';

/** A HCPCS Level II code (letter + 4 digits) or a CPT code (5 digits, or 4 digits + letter), upper case. */
export type HcpcsCode = Brand<string, 'HcpcsCode'>;

/** A HCPCS Level II code (letter + 4 digits) or a CPT code (5 digits, or 4 digits + letter). */
export const HCPCS_SHAPE = /^(?:[A-Z]\d{4}|\d{4}[0-9A-Z])$/;

/** The text as a `HcpcsCode`, trimmed and upper-cased, when it has the shape of one; else `undefined`. */
export function asHcpcsCode(text: string | null | undefined): HcpcsCode | undefined {
  const code = text?.trim().toUpperCase();
  return code !== undefined && HCPCS_SHAPE.test(code) ? code as HcpcsCode : undefined;
}

/** A code written in the core's own tables: a typo is a programmer's error, so it throws when the module loads. */
export function knownHcpcsCode(text: string): HcpcsCode {
  const code = asHcpcsCode(text);
  if (code === undefined || code !== text) throw new Error(`not a HCPCS code: ${text}`);
  return code;
}

export interface UnclassifiedCode {
  readonly code: HcpcsCode;
  readonly descriptor: string;
  /** First date of service the code is valid for (ISO). */
  readonly from: string;
  /** Last date of service the code is valid for (ISO), when it was discontinued. */
  readonly through?: string;
  /** Hospital outpatient only (never on a physician or supplier claim). */
  readonly isInstitutionalOnly?: boolean;
  /** Codes whose descriptor carries a dose, billed in descriptor units rather than 1. */
  readonly billingUnit?: { readonly value: string; readonly unit: 'mg' };
}

const PUBLISHED = [
  { code: 'J3490', descriptor: 'Unclassified drugs', from: '1986-01-01' },
  { code: 'J3590', descriptor: 'Unclassified biologics', from: '2003-01-01' },
  { code: 'J9999', descriptor: 'Not otherwise classified, antineoplastic drugs', from: '1986-01-01' },
  { code: 'C9399', descriptor: 'Unclassified drugs or biologicals', from: '2004-01-01', isInstitutionalOnly: true },
  { code: 'J7999', descriptor: 'Compounded drug, not otherwise classified', from: '2016-01-01' },
  { code: 'Q9977', descriptor: 'Compounded drug, not otherwise classified', from: '2015-07-01', through: '2015-12-31' },
  { code: 'J8499', descriptor: 'Prescription drug, oral, non chemotherapeutic, NOS', from: '1995-01-01' },
  { code: 'J8999', descriptor: 'Prescription drug, oral, chemotherapeutic, NOS', from: '1995-01-01' },
  { code: 'J8597', descriptor: 'Antiemetic drug, oral, not otherwise specified', from: '2006-01-01' },
  { code: 'J3535', descriptor: 'Drug administered through a metered dose inhaler', from: '1994-01-01' },
  { code: 'J8498', descriptor: 'Antiemetic drug, rectal/suppository, not otherwise specified', from: '2006-01-01' },
  { code: 'J7699', descriptor: 'NOC drugs, inhalation solution administered through DME', from: '1993-01-01' },
  { code: 'J7799', descriptor: 'NOC drugs, other than inhalation drugs, administered through DME', from: '1993-01-01' },
  { code: 'J1599', descriptor: 'Injection, immune globulin, intravenous, non-lyophilized, NOS, 500 mg', from: '2011-01-01', billingUnit: { value: '500', unit: 'mg' } },
  { code: 'J7199', descriptor: 'Hemophilia clotting factor, not otherwise classified', from: '2000-01-01' },
  { code: 'J7599', descriptor: 'Immunosuppressive drug, not otherwise classified', from: '1996-01-01' },
  { code: 'A4641', descriptor: 'Radiopharmaceutical, diagnostic, not otherwise classified', from: '1994-01-01' },
  { code: 'A9698', descriptor: 'Non-radioactive contrast imaging material, not otherwise classified, per study', from: '2006-01-01' },
  { code: 'A9699', descriptor: 'Radiopharmaceutical, therapeutic, not otherwise classified', from: '2003-01-01' },
] as const satisfies readonly (Omit<UnclassifiedCode, 'code'> & { readonly code: string })[];

/** The text of an unclassified code the wizard knows. */
export type UnclassifiedCodeId = (typeof PUBLISHED)[number]['code'];

const TABLE: readonly UnclassifiedCode[] = PUBLISHED.map((c) => ({ ...c, code: knownHcpcsCode(c.code) }));

/** The unclassified codes by their text, for the rules that name one: `NOC.J3490`. */
export const NOC = Object.fromEntries(TABLE.map((c) => [c.code, c.code])) as Readonly<Record<UnclassifiedCodeId, HcpcsCode>>;

const BY_CODE = new Map<string, UnclassifiedCode>(TABLE.map((c) => [c.code, c]));

/** First and last day numbers of an unclassified code (see `dayNumber`). */
export const CODE_DAYS: ReadonlyMap<string, { readonly from: DayNumber; readonly through: DayNumber | undefined }> = new Map(
  TABLE.map((c) => [c.code, { from: isoDay(c.from), through: c.through === undefined ? undefined : isoDay(c.through) }]));

export function unclassifiedCode(code: string): UnclassifiedCode | undefined {
  return BY_CODE.get(code);
}

/** Codes that route-specific rules reserve (oral, DME): never valid for an injectable, and the reverse. */
export const ORAL_CODES: ReadonlySet<string> = new Set(['J8499', 'J8999', 'J8597']);
export const DME_CODES: ReadonlySet<string> = new Set(['J7699', 'J7799']);

