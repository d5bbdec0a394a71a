/**
 * What the core needs to know from the CMS and FDA reference files. The core only asks; the
 * reference-data feature (importers, IndexedDB, built-in catalogue) answers. With nothing loaded
 * the core still works and says which checks it could not make.
 */
import type { HcpcsCode } from './codes';
import type { IsoDate } from './dates';
import type { Ndc11 } from './ndc';
import type { MarketingCategory, Quantity, Route } from './packet/schema';

/** A product-specific HCPCS code that describes a drug on a date. */
export interface SpecificCode {
  readonly code: HcpcsCode;
  readonly descriptor: string;
  /** The billing unit of the code as published ("10 MG", "1 UNIT"); free text in CMS files. */
  readonly billingUnit?: string;
  /** Billable units in one package of this NDC (CMS BILLUNITSPKG). */
  readonly billUnitsPerPackage?: number;
  /** Billable units in one item (vial, syringe) of the package (CMS BILLUNITS). */
  readonly billUnitsPerItem?: number;
  /** Where the match comes from, for the biller: "CMS ASP NDC-HCPCS crosswalk, October 2025". */
  readonly source: string;
}

export type CodeValidity =
  | { readonly status: 'valid'; readonly descriptor: string }
  | { readonly status: 'not-yet-effective'; readonly descriptor: string; readonly effective: IsoDate }
  | { readonly status: 'terminated'; readonly descriptor: string; readonly terminated: IsoDate }
  | { readonly status: 'unknown-code' };

export type DiagnosisStatus =
  | { readonly status: 'billable'; readonly description: string }
  | { readonly status: 'header'; readonly description: string; readonly billableChildren: readonly string[] }
  | { readonly status: 'not-found' };

/**
 * What the FDA files (or the built-in catalogue) say about one NDC. Fields are named like the
 * packet's drug fields so the drug step can prefill from them; a field is absent when the source
 * does not say (never guessed).
 */
export interface DrugFacts {
  readonly ndc11: Ndc11;
  readonly brandName?: string;
  readonly genericName?: string;
  /** "300 mg/30 mL" when the package gives the amount and volume, else the strength as published. */
  readonly strength?: string;
  /** Lower case, as the packet writes it: "injection, solution". */
  readonly dosageForm?: string;
  /** Set only when the product has exactly one route the packet knows. */
  readonly route?: Route;
  /** The routes as published ("INTRAMUSCULAR; INTRAVENOUS"). */
  readonly routesPublished?: string;
  /** Set only when the published category maps plainly onto the packet's categories. */
  readonly marketingCategory?: MarketingCategory;
  /** The category as published ("NDA AUTHORIZED GENERIC", "OTC MONOGRAPH DRUG", …). */
  readonly marketingCategoryPublished?: string;
  readonly labeler?: string;
  readonly isBiologic?: boolean;
  readonly isBiosimilar?: boolean;
  /** `true` when a source says so (FDA pharmacologic class, a J9 chemotherapy code); never `false` by absence. */
  readonly isAntineoplastic?: boolean;
  /** ISO date of the first FDA approval (biologics: the BLA's original licensure in the Purple Book). */
  readonly fdaApprovalDate?: string;
  /** ISO dates the package is marketed from and through (FDA NDC Directory). */
  readonly marketingStart?: string;
  readonly marketingEnd?: string;
  readonly container?: {
    readonly type?: 'single-dose' | 'multi-dose';
    readonly amount?: Quantity;
    readonly volume?: Quantity;
  };
  /** The FDA package description, as published. */
  readonly packageDescription?: string;
  /** Where the facts come from, one line per source, for the biller. */
  readonly sources: readonly string[];
  /** Facts the source could not confirm, by field name (built-in catalogue entries). */
  readonly unverified: readonly string[];
}

/** A CMS payment limit (the Medicare Part B allowance per billing unit). */
export interface PaymentLimit {
  /** The HCPCS code (ASP file) or the drug name (NOC file). */
  readonly key: string;
  readonly description: string;
  /** The billing unit the limit is per, as published: "10 MG", "1 UNIT". */
  readonly dosage: string;
  /** Dollars per billing unit as published ("225.107"); `null` when the file says N/A. */
  readonly perUnit: string | null;
  readonly notes: string;
  /** "CMS ASP payment-limit file, October 2025". */
  readonly source: string;
}

/** A package of a product, as far as choosing the containers a dose is drawn from goes. */
export interface ProductPackage {
  readonly ndc11: Ndc11;
  /** Drug amount in one container (vial, syringe) of the package. */
  readonly amount: Quantity;
  /** When the source says. */
  readonly containerType?: 'single-dose' | 'multi-dose';
  /** Where it comes from: "FDA NDC Directory, as of 03/14/2025", "CMS ASP NDC-HCPCS crosswalk, October 2025 (J9035)". */
  readonly source: string;
}

/** How to find a drug in the NOC payment-limit file: its NDC (through the NOC crosswalk) or its names. */
export interface NocDrug {
  readonly ndc11?: Ndc11;
  readonly names?: readonly string[];
}

/** A code that might have been the drug's but does not apply on the date, and why, for the biller (no final period). */
export interface SetAsideCode {
  readonly code: HcpcsCode;
  readonly why: string;
}

/**
 * What the CMS ASP NDC-HCPCS crosswalks say of an NDC on a date of service: every quarter loaded is
 * searched (an NDC missing from one quarter may be listed in another), and the HCPCS file decides
 * whether a code listed in another quarter was in force on the date.
 */
export interface CrosswalkAnswer {
  /** Product-specific codes mapped to the NDC in some quarter and in force on the date. */
  readonly codes: readonly SpecificCode[];
  /** The quarters searched, newest first, a partial one marked so: "October 2025", "July 2026 (partial)". */
  readonly searched: readonly string[];
  /** The quarter of the date of service ("January 2019") and whether its crosswalk is loaded, and whole. */
  readonly dateQuarter: {
    readonly label: string;
    readonly status: 'complete' | 'partial' | 'missing';
    /** Why a partial crosswalk is taken for one: "26 rows, where a quarter's crosswalk has about 8,000". */
    readonly partial?: string;
  };
  /** Codes a crosswalk maps the NDC to that were not in force on the date, each with why. */
  readonly notInForce: readonly SetAsideCode[];
}

/** What a HCPCS long descriptor says beside the drug's name, read once when the index is built. */
export interface DescriptorQualifiers {
  /** "excludes biosimilar(s)": the reference product's code. */
  readonly excludesBiosimilar: boolean;
  /** "biosimilar": a biosimilar's code. */
  readonly isBiosimilar: boolean;
  /** What the product is "not therapeutically equivalent to": codes ("j0131") or brands ("maxipime"), lower case. */
  readonly notEquivalentTo: readonly string[];
  /** The descriptor's parenthesised words, lower case: brands, manufacturers, uses ("kanjinti", "fresenius kabi", "for esrd on dialysis"). */
  readonly parentheses: readonly string[];
  /** The routes the descriptor names ("injection", "oral", "inhalation"); `undefined` when it names none. */
  readonly routes: readonly Route[] | undefined;
  /** `true`: for compounded products only; `false`: for non-compounded products only; `undefined`: it does not say. */
  readonly compounded: boolean | undefined;
}

/** A drug code whose long descriptor carries a name looked for. */
export interface DescriptorHit {
  readonly code: HcpcsCode;
  readonly descriptor: string;
  /** ISO dates of the code's row in the HCPCS file. */
  readonly added: IsoDate;
  readonly terminated: IsoDate | null;
  /** `exact`: a part of the descriptor is the name; `within`: the name is part of a longer one ("dexamethasone sodium phosphate"). */
  readonly fit: 'exact' | 'within';
  /** The descriptor's words that carry the name, as published: "dexamethasone sodium phosphate", "kanjinti". */
  readonly phrase: string;
  /** The name was found in parentheses (a brand, as biosimilars' descriptors carry: "(kanjinti)"). */
  readonly isInParentheses: boolean;
  readonly qualifiers: DescriptorQualifiers;
}

/** The names the long descriptors of the drug codes of one HCPCS file carry, indexed once. */
export interface DescriptorNames {
  /** "CMS HCPCS Level II file, October 2025". */
  readonly source: string;
  /** The drug codes (never an unclassified one) whose descriptor carries the name as whole words, whatever their dates. */
  find(name: string): readonly DescriptorHit[];
}

export interface ReferenceData {
  /** What the crosswalks say of this NDC on the date; `undefined` when no crosswalk is loaded at all. */
  crosswalkCodes(ndc11: Ndc11, dateOfService: IsoDate): CrosswalkAnswer | undefined;
  /** The names in the HCPCS long descriptors of drug codes (newest HCPCS file); `undefined` without a HCPCS file. */
  descriptorNames(): DescriptorNames | undefined;
  /** Validity of a HCPCS code on a date; `undefined` when no HCPCS file covers the date. */
  codeValidity(code: HcpcsCode, dateOfService: IsoDate): CodeValidity | undefined;
  /** Billable status of an ICD-10-CM code (no dot) in the fiscal year of the date; `undefined` without that year's file. */
  diagnosis(code: string, dateOfService: IsoDate): DiagnosisStatus | undefined;
  /** True when CMS priced this NDC in the NOC payment-limit file covering the date (no invoice needed for pricing). */
  hasNocPrice(ndc11: Ndc11, dateOfService: IsoDate): boolean | undefined;
  /** True when the labeler (5 digits) takes part in the Medicaid Drug Rebate Program on the date; `undefined` without the CMS list. */
  isRebatingLabeler(labeler: string, dateOfService: IsoDate): boolean | undefined;
  /** FDA facts of an NDC (11 digits); `undefined` when no loaded file or catalogue entry knows it. */
  drugFacts(ndc11: Ndc11): DrugFacts | undefined;
  /**
   * The other packages of the same product (same drug and labeler, other container sizes) known on
   * the date, from the FDA NDC Directory, the CMS crosswalk or the catalogue; `undefined` when none
   * of them knows the NDC.
   */
  otherPackages(ndc11: Ndc11, dateOfService: IsoDate): readonly ProductPackage[] | undefined;
  /** The NOC payment limit of a drug on the date; `null` when the file has none for it, `undefined` without a NOC file for the date. */
  nocPaymentLimit(drug: NocDrug, dateOfService: IsoDate): PaymentLimit | null | undefined;
  /** The ASP payment limit of a HCPCS code on the date; `null` when the file has none, `undefined` without an ASP file for the date. */
  aspPaymentLimit(code: HcpcsCode, dateOfService: IsoDate): PaymentLimit | null | undefined;
}

/** No reference data loaded: every lookup answers "unknown". */
export const NO_REFERENCE: ReferenceData = {
  crosswalkCodes: () => undefined,
  descriptorNames: () => undefined,
  codeValidity: () => undefined,
  diagnosis: () => undefined,
  hasNocPrice: () => undefined,
  isRebatingLabeler: () => undefined,
  drugFacts: () => undefined,
  otherPackages: () => undefined,
  nocPaymentLimit: () => undefined,
  aspPaymentLimit: () => undefined,
};
