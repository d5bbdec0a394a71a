/**
 * What the core needs to know from the CMS and FDA reference files. The core only asks; the
 * reference-data feature (importers, IndexedDB, built-in catalogue) answers. With nothing loaded
 * the core still works and says which checks it could not make.
 */

/** A product-specific HCPCS code that describes a drug on a date. */
export interface SpecificCode {
  readonly code: string;
  readonly descriptor: string;
  /** The billing unit of the code as published ("10 MG", "1 UNIT"); free text in CMS files. */
  readonly billingUnit?: string;
  /** Billable units in one package of this NDC (CMS BILLUNITSPKG). */
  readonly billUnitsPerPackage?: number;
  /** Where the match comes from, for the biller: "CMS ASP NDC-HCPCS crosswalk, October 2025". */
  readonly source: string;
}

export type CodeValidity =
  | { readonly status: 'valid'; readonly descriptor: string }
  | { readonly status: 'not-yet-effective'; readonly descriptor: string; readonly effective: string }
  | { readonly status: 'terminated'; readonly descriptor: string; readonly terminated: string }
  | { readonly status: 'unknown-code' };

export type DiagnosisStatus =
  | { readonly status: 'billable'; readonly description: string }
  | { readonly status: 'header'; readonly description: string; readonly billableChildren: readonly string[] }
  | { readonly status: 'not-found' };

export interface ReferenceData {
  /** Specific codes mapped to this NDC and effective on the date; `undefined` when no crosswalk covers the date. */
  specificCodes(ndc11: string, dateOfService: string): readonly SpecificCode[] | undefined;
  /** Validity of a HCPCS code on a date; `undefined` when no HCPCS file covers the date. */
  codeValidity(code: string, dateOfService: string): CodeValidity | undefined;
  /** Billable status of an ICD-10-CM code (no dot) in the fiscal year of the date; `undefined` without that year's file. */
  diagnosis(code: string, dateOfService: string): DiagnosisStatus | undefined;
  /** True when CMS priced this NDC in the NOC payment-limit file covering the date (no invoice needed for pricing). */
  hasNocPrice(ndc11: string, dateOfService: string): boolean | undefined;
  /** True when the labeler (5 digits) takes part in the Medicaid Drug Rebate Program on the date; `undefined` without the CMS list. */
  isRebatingLabeler(labeler: string, dateOfService: string): boolean | undefined;
}

/** No reference data loaded: every lookup answers "unknown". */
export const NO_REFERENCE: ReferenceData = {
  specificCodes: () => undefined,
  codeValidity: () => undefined,
  diagnosis: () => undefined,
  hasNocPrice: () => undefined,
  isRebatingLabeler: () => undefined,
};
