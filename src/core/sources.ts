/**
 * Where each rule comes from, by the document's real title (billing-rules.md "Source short names").
 * The confidence tag says how well the rule is sourced: V = CMS/NUCC/X12/FDA text or a MAC applying
 * it, S = secondary only, U = unverified or conflicting (such rules are warnings or payer switches,
 * never hard blocks). The tag is for the people who keep the rules; documents for a payer cite the
 * document and section only (`citation`).
 */

export interface Source {
  readonly document: string;
  readonly section: string;
  readonly confidence: 'V' | 'S' | 'U';
  /** True for a source kept by this project (its billing-rules notes, its field-length table), not a published one. */
  readonly isInternal?: true;
}

const src = (document: string) => (section: string, confidence: Source['confidence'] = 'V'): Source =>
  ({ document, section, confidence });

const internal = (document: string) => (section: string, confidence: Source['confidence'] = 'V'): Source =>
  ({ document, section, confidence, isInternal: true });

export const CPM17 = src('CMS Pub. 100-04, Medicare Claims Processing Manual, Chapter 17 "Drugs and Biologicals"');
export const CPM26 = src('CMS Pub. 100-04, Medicare Claims Processing Manual, Chapter 26 "Completing and Processing Form CMS-1500"');
export const CPM1 = src('CMS Pub. 100-04, Medicare Claims Processing Manual, Chapter 1 "General Billing Requirements"');
export const CPM30 = src('CMS Pub. 100-04, Medicare Claims Processing Manual, Chapter 30 "Financial Liability Protections"');
export const CFR424_44 = src('42 CFR 424.44, Time limits for filing claims');
export const BPM15 = src('CMS Pub. 100-02, Medicare Benefit Policy Manual, Chapter 15 "Covered Medical and Other Health Services"');
export const JWJZ = src('CMS, "Discarded Drugs and Biologicals – JW Modifier and JZ Modifier Policy Frequently Asked Questions"; MLN MM13056');
export const NUCC = src('NUCC, 1500 Health Insurance Claim Form Reference Instruction Manual (form version 02/12)');
export const X12 = src('ASC X12 005010X222A1 (837P) and 005010X223A2 (837I) Technical Reports Type 3, and X12 Requests for Interpretation');
export const NPI_SPEC = src('CMS, "Requirements for NPI Check Digit"');
export const ICD = src('CMS and NCHS, ICD-10-CM code files and Official Guidelines for Coding and Reporting');
export const CR8401 = src('CMS Change Request 8401, "Mandatory Reporting of an 8-Digit Clinical Trial Number on Claims"');
export const MAC_NOC = src('Medicare contractor (MAC) articles on unclassified (NOC) drug codes: WPS, CGS, Palmetto GBA, Noridian, Novitas, First Coast, NGS');
export const WPS_NOC = src('WPS Government Health Administrators, "J3490 (NOC) Billing Tips"');
export const FCSO_PRICING = src('First Coast Service Options, "Understanding local contractor pricing"');
export const FDA_NDC = src('FDA, National Drug Code format (21 CFR 207.35)');
export const NUBC = src('NUBC, Official UB-04 Data Specifications Manual');
export const RULES_DOC = internal('NOC Claim Wizard billing-rules.md');
/** The length of each text field, from the claim form box or 837 element that carries it (src/core/limits.ts). */
export const FIELD_LENGTHS = internal('Field lengths of the CMS-1500 (NUCC), the UB-04 (NUBC) and the 837 (ASC X12), tabled in src/core/limits.ts');

/** "CMS Pub. 100-04, …, Chapter 17 "Drugs and Biologicals", §40": a published source as a payer reads it; `undefined` for the project's own notes. */
export function citation(source: Source): string | undefined {
  return source.isInternal === true ? undefined : `${source.document}, ${source.section}`;
}
