/**
 * Where each rule comes from (billing-rules.md "Source short names"). The confidence tag says how
 * well the rule is sourced: V = CMS/NUCC/X12/FDA text or a MAC applying it, S = secondary only,
 * U = unverified or conflicting (such rules are warnings or payer switches, never hard blocks).
 */

export interface Source {
  readonly document: string;
  readonly section: string;
  readonly confidence: 'V' | 'S' | 'U';
}

const src = (document: string) => (section: string, confidence: Source['confidence'] = 'V'): Source =>
  ({ document, section, confidence });

export const CPM17 = src('CMS Pub. 100-04 Medicare Claims Processing Manual, Ch. 17');
export const CPM26 = src('CMS Pub. 100-04 Medicare Claims Processing Manual, Ch. 26');
export const CPM1 = src('CMS Pub. 100-04 Medicare Claims Processing Manual, Ch. 1 §70; 42 CFR 424.44');
export const BPM15 = src('CMS Pub. 100-02 Medicare Benefit Policy Manual, Ch. 15');
export const JWJZ = src('CMS Discarded Drugs and Biologicals: JW and JZ Modifier Policy FAQs; MLN MM13056');
export const NUCC = src('NUCC 1500 Claim Form Reference Instruction Manual');
export const X12 = src('ASC X12 005010X222A1 / 005010X223A2 TR3s and RFIs');
export const NPI_SPEC = src('CMS Requirements for NPI Check Digit');
export const ICD = src('CMS/NCHS ICD-10-CM code files and guidelines');
export const CR8401 = src('CMS CR 8401 (clinical trial NCT number)');
export const MAC_NOC = src('MAC NOC billing articles (WPS, CGS, Palmetto, Noridian, Novitas, FCSO, NGS)');
export const FDA_NDC = src('FDA National Drug Code format (21 CFR 207.35)');
export const RULES_DOC = src('NOC Claim Wizard billing-rules.md');
export const NUBC = src('NUBC Official UB-04 Data Specifications Manual');
/** The length of each text field, from the claim form box or 837 element that carries it (src/core/limits.ts). */
export const FIELD_LENGTHS = src('Field lengths of the CMS-1500 (NUCC), the UB-04 (NUBC) and the 837 (ASC X12), tabled in src/core/limits.ts');
