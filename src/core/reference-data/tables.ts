/**
 * Reference tables as the importers produce them and the app stores them: plain, serializable
 * data (IndexedDB, a worker message, a JSON file), one table per imported file. Dates, NDCs and
 * codes are branded (brands.ts): the importers validate them once, when they read the file.
 */
import type { HcpcsCode } from '../codes';
import type { IsoDate } from '../dates';
import type { Ndc11 } from '../ndc';

/** The dates a file applies to: a CMS quarter, a fiscal year, or for FDA snapshots the day it is as of. */
export interface Period {
  readonly from: IsoDate;
  readonly through: IsoDate;
  /** "October 2025", "FY2026", "as of 03/14/2025": how the biller recognises the file. */
  readonly label: string;
}

export interface CrosswalkRow {
  readonly code: HcpcsCode;
  readonly shortDescription: string;
  readonly labeler: string;
  /** 11 digits when the id is an NDC; `null` for CMS alternate ids (skin substitutes and the like). */
  readonly ndc11: Ndc11 | null;
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
  readonly ndc11: Ndc11 | null;
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
  readonly added: IsoDate;
  readonly effective: IsoDate;
  readonly terminated: IsoDate | null;
  readonly action: string;
  readonly isModifier: boolean;
}

/** ICD-10-CM order file: [code without dot, billable, short description, long description]. */
export type Icd10Row = readonly [code: string, billable: boolean, short: string, long: string];

/** One product of the FDA NDC Directory (product.txt), with the fields the wizard uses. */
export interface NdcProductRow {
  readonly productId: string;
  /** Labeler-product as published, e.g. `0002-0800` (4-4, 5-3 or 5-4). */
  readonly productNdc: string;
  /** "HUMAN PRESCRIPTION DRUG", "HUMAN OTC DRUG", … */
  readonly productType: string;
  readonly proprietaryName: string;
  readonly proprietaryNameSuffix: string;
  readonly nonproprietaryName: string;
  /** "INJECTION, SOLUTION", as published. */
  readonly dosageForm: string;
  /** Routes as published, several separated by `;`. */
  readonly routes: string;
  readonly marketingStart: IsoDate | null;
  readonly marketingEnd: IsoDate | null;
  /** "NDA", "ANDA", "BLA", "NDA AUTHORIZED GENERIC", "UNAPPROVED DRUG OTHER", … */
  readonly marketingCategory: string;
  /** "BLA761108", "NDA016964", … */
  readonly applicationNumber: string;
  readonly labeler: string;
  readonly substances: string;
  /** Strength numerators and units, several separated by `;` ("10", "mg/mL"). */
  readonly strength: string;
  readonly strengthUnit: string;
  /** FDA pharmacologic classes, e.g. "Kinase Inhibitor [EPC],Kinase Inhibitors [MoA]". */
  readonly pharmClasses: string;
}

/** One package of the FDA NDC Directory (package.txt). */
export interface NdcPackageRow {
  readonly productId: string;
  readonly ndc11: Ndc11;
  /** The package NDC as published (10 digits with hyphens). */
  readonly packageNdc: string;
  /** "1 VIAL, SINGLE-DOSE in 1 CARTON (73150-150-06)  > 6 mL in 1 VIAL, SINGLE-DOSE". */
  readonly description: string;
  readonly marketingStart: IsoDate | null;
  readonly marketingEnd: IsoDate | null;
  readonly isSample: boolean;
}

/** One licensed biological product presentation of the FDA Purple Book. */
export interface PurpleBookRow {
  readonly blaNumber: string;
  readonly applicant: string;
  /** Proprietary (brand) names, lower case as published, several separated by commas. */
  readonly proprietaryName: string;
  /** Proper (nonproprietary) name, e.g. "ravulizumab-cwvz". */
  readonly properName: string;
  /** "351(a)", "351(k) Biosimilar" or "351(k) Interchangeable". */
  readonly blaType: string;
  readonly strength: string;
  readonly dosageForm: string;
  readonly route: string;
  /** "Single-Dose Vial", "Multi-Dose Vial", "Pre-Filled Syringe", … */
  readonly presentation: string;
  readonly marketingStatus: string;
  readonly licensure: string;
  /** ISO date. */
  readonly approvalDate: IsoDate | null;
  readonly referenceProduct: string;
}

export type ReferenceTable =
  | { readonly kind: 'asp-crosswalk'; readonly period: Period; readonly rows: readonly CrosswalkRow[] }
  | { readonly kind: 'noc-crosswalk'; readonly period: Period; readonly rows: readonly NocCrosswalkRow[] }
  | { readonly kind: 'asp-pricing'; readonly period: Period; readonly rows: readonly PriceRow[] }
  | { readonly kind: 'noc-pricing'; readonly period: Period; readonly rows: readonly PriceRow[] }
  | { readonly kind: 'hcpcs'; readonly period: Period; readonly rows: readonly HcpcsRow[] }
  | { readonly kind: 'icd10-order'; readonly fiscalYear: number; readonly period: Period; readonly rows: readonly Icd10Row[] }
  | { readonly kind: 'fda-ndc-product'; readonly period: Period; readonly rows: readonly NdcProductRow[] }
  | { readonly kind: 'fda-ndc-package'; readonly period: Period; readonly rows: readonly NdcPackageRow[] }
  | { readonly kind: 'purple-book'; readonly period: Period; readonly rows: readonly PurpleBookRow[] };

export type ReferenceKind = ReferenceTable['kind'];

/** A table of one kind. */
export type TableOf<K extends ReferenceKind> = Extract<ReferenceTable, { kind: K }>;

export const KIND_NAMES: Record<ReferenceKind, string> = {
  'asp-crosswalk': 'CMS ASP NDC-HCPCS crosswalk',
  'noc-crosswalk': 'CMS NOC NDC-HCPCS crosswalk',
  'asp-pricing': 'CMS ASP payment-limit file',
  'noc-pricing': 'CMS NOC payment-limit file',
  hcpcs: 'CMS HCPCS Level II file',
  'icd10-order': 'CMS ICD-10-CM order file',
  'fda-ndc-product': 'FDA NDC Directory products (product.txt)',
  'fda-ndc-package': 'FDA NDC Directory packages (package.txt)',
  'purple-book': 'FDA Purple Book',
};

/**
 * How often a kind is published. Quarterly and fiscal-year files cover dates of service; an FDA
 * snapshot lists what is on the market the day it is downloaded, and a newer one replaces it.
 */
export const KIND_CADENCE: Record<ReferenceKind, 'quarterly' | 'fiscal-year' | 'snapshot'> = {
  'asp-crosswalk': 'quarterly',
  'noc-crosswalk': 'quarterly',
  'asp-pricing': 'quarterly',
  'noc-pricing': 'quarterly',
  hcpcs: 'quarterly',
  'icd10-order': 'fiscal-year',
  'fda-ndc-product': 'snapshot',
  'fda-ndc-package': 'snapshot',
  'purple-book': 'snapshot',
};

/**
 * The key under which an import is stored: a new import replaces the one with the same key. A
 * quarter (or fiscal year) is kept beside the others; an FDA snapshot replaces the previous one.
 */
export function storeKey(table: { readonly kind: ReferenceKind; readonly period: Period }): string {
  return KIND_CADENCE[table.kind] === 'snapshot' ? table.kind : `${table.kind}:${table.period.from}`;
}
