/**
 * Where billers download each reference file, by the official page names on cms.gov and fda.gov
 * (the pages move; their names are what a search finds).
 */
import type { ReferenceKind } from './tables';

export interface DownloadSource {
  /** The kinds of file this download gives. */
  readonly kinds: readonly ReferenceKind[];
  readonly what: string;
  readonly page: string;
  readonly steps: string;
}

/** The files the wizard reads, in the order a biller would fetch them. */
export const DOWNLOAD_SOURCES: readonly DownloadSource[] = [
  {
    kinds: ['asp-crosswalk', 'asp-pricing'],
    what: 'ASP NDC-HCPCS crosswalk and ASP payment limits',
    page: 'CMS: Medicare Part B Drug Average Sales Price, "ASP Pricing Files"',
    steps: 'Download the quarter of the date of service (for example "October 2025 ASP Pricing File"), unzip it, and import the crosswalk CSV and the payment-limit CSV.',
  },
  {
    kinds: ['noc-crosswalk', 'noc-pricing'],
    what: 'NOC NDC-HCPCS crosswalk and NOC payment limits',
    page: 'CMS: Medicare Part B Drug Average Sales Price, "ASP Pricing Files" (the same quarterly download)',
    steps: 'Import the "NOC" CSV files of the same quarter: the payment limits for not otherwise classified drugs and their NDC crosswalk.',
  },
  {
    kinds: ['hcpcs'],
    what: 'HCPCS Level II codes',
    page: 'CMS: "HCPCS Quarterly Update"',
    steps: 'Download the alpha-numeric HCPCS file of the quarter, unzip it, and import the ANWEB text file (HCPC20xx_…_ANWEB….txt) or its Excel sheet saved as CSV.',
  },
  {
    kinds: ['icd10-order'],
    what: 'ICD-10-CM diagnosis codes',
    page: 'CMS: "ICD-10" → the fiscal year (for example "2026 ICD-10-CM") → "Code Descriptions in Tabular Order"',
    steps: 'Unzip it and import the order file (icd10cm_order_2026.txt), keeping its name: the name tells the fiscal year.',
  },
  {
    kinds: ['fda-ndc-product', 'fda-ndc-package'],
    what: 'FDA NDC Directory (drug names, forms, packages)',
    page: 'FDA: "National Drug Code Directory" → "NDC Database File - Text Version (Zip Format)"',
    steps: 'Unzip ndctext.zip and import product.txt and package.txt together.',
  },
  {
    kinds: ['purple-book'],
    what: 'FDA Purple Book (biologics and biosimilars)',
    page: 'FDA: "Purple Book: Database of Licensed Biological Products" → "Download Data"',
    steps: 'Download the full data file as CSV and import it as it is.',
  },
];

/** Where to download files of these kinds: "ASP NDC-HCPCS crosswalk and ASP payment limits from CMS: …". */
export function whereToDownload(kinds: readonly ReferenceKind[]): string {
  return DOWNLOAD_SOURCES.filter((s) => s.kinds.some((k) => kinds.includes(k))).map((s) => `${s.what} from ${s.page}`).join('; ');
}
