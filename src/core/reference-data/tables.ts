/**
 * Reference tables as the importers produce them and the app stores them: plain, serializable
 * data (IndexedDB, a worker message, a JSON file), one table per imported file.
 */

/** The dates a quarterly file applies to, read from its banner. */
export interface Period {
  readonly from: string;
  readonly through: string;
  /** "October 2025": how the file names its quarter. */
  readonly label: string;
}

export interface CrosswalkRow {
  readonly code: string;
  readonly shortDescription: string;
  readonly labeler: string;
  /** 11 digits when the id is an NDC; `null` for CMS alternate ids (skin substitutes and the like). */
  readonly ndc11: string | null;
  readonly id: string;
  readonly drugName: string;
  readonly dosage: string;
  readonly packageSize: string;
  readonly packageQuantity: string;
  readonly billUnits: string;
  readonly billUnitsPerPackage: string;
}

export interface NocCrosswalkRow {
  readonly genericName: string;
  readonly labeler: string;
  readonly ndc11: string | null;
  readonly id: string;
  readonly drugName: string;
  readonly dosage: string;
  readonly billUnits: string;
  readonly billUnitsPerPackage: string;
}

export interface PriceRow {
  /** HCPCS code (ASP file) or drug generic name (NOC file). */
  readonly key: string;
  readonly description: string;
  readonly dosage: string;
  /** Dollars per billing unit, as published; `null` when the file says N/A. */
  readonly paymentLimit: string | null;
  readonly notes: string;
}

export interface HcpcsRow {
  readonly code: string;
  readonly longDescription: string;
  readonly shortDescription: string;
  /** ISO dates. */
  readonly added: string;
  readonly effective: string;
  readonly terminated: string | null;
  readonly action: string;
  readonly isModifier: boolean;
}

/** ICD-10-CM order file: [code without dot, billable, short description, long description]. */
export type Icd10Row = readonly [code: string, billable: boolean, short: string, long: string];

export type ReferenceTable =
  | { readonly kind: 'asp-crosswalk'; readonly period: Period; readonly rows: readonly CrosswalkRow[] }
  | { readonly kind: 'noc-crosswalk'; readonly period: Period; readonly rows: readonly NocCrosswalkRow[] }
  | { readonly kind: 'asp-pricing'; readonly period: Period; readonly rows: readonly PriceRow[] }
  | { readonly kind: 'noc-pricing'; readonly period: Period; readonly rows: readonly PriceRow[] }
  | { readonly kind: 'hcpcs'; readonly period: Period; readonly rows: readonly HcpcsRow[] }
  | { readonly kind: 'icd10-order'; readonly fiscalYear: number; readonly period: Period; readonly rows: readonly Icd10Row[] };

export type ReferenceKind = ReferenceTable['kind'];

export const KIND_NAMES: Record<ReferenceKind, string> = {
  'asp-crosswalk': 'CMS ASP NDC-HCPCS crosswalk',
  'noc-crosswalk': 'CMS NOC NDC-HCPCS crosswalk',
  'asp-pricing': 'CMS ASP payment-limit file',
  'noc-pricing': 'CMS NOC payment-limit file',
  hcpcs: 'CMS HCPCS Level II file',
  'icd10-order': 'CMS ICD-10-CM order file',
};
