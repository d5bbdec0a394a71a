/**
 * The unclassified (NOC) HCPCS codes the wizard chooses from, with their descriptors and effective
 * dates as published in the CMS HCPCS Level II file (October 2025, ADD DT / TERM DT).
 */
import type { DayNumber } from './dates';
import { isoDay } from './dates';

export interface UnclassifiedCode {
  readonly code: string;
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

const TABLE: readonly UnclassifiedCode[] = [
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
];

const BY_CODE = new Map(TABLE.map((c) => [c.code, c]));

/** First and last day numbers of an unclassified code (see `dayNumber`). */
export const CODE_DAYS: ReadonlyMap<string, { readonly from: DayNumber; readonly through: DayNumber | undefined }> = new Map(
  TABLE.map((c) => [c.code, { from: isoDay(c.from), through: c.through === undefined ? undefined : isoDay(c.through) }]));

export function unclassifiedCode(code: string): UnclassifiedCode | undefined {
  return BY_CODE.get(code);
}

/** Codes that route-specific rules reserve (oral, DME): never valid for an injectable, and the reverse. */
export const ORAL_CODES: ReadonlySet<string> = new Set(['J8499', 'J8999', 'J8597']);
export const DME_CODES: ReadonlySet<string> = new Set(['J7699', 'J7799']);

/** A HCPCS Level II code (letter + 4 digits) or a CPT code (5 digits, or 4 digits + letter). */
export const HCPCS_SHAPE = /^(?:[A-Z]\d{4}|\d{4}[0-9A-Z])$/;
