/**
 * The exact text of each paper-form box a biller types or copies into a practice-management system
 * or a clearinghouse portal (billing-rules §8 CMS-1500, §10 UB-04). Only checked values are printed;
 * a value that failed its check leaves its box blank (see `readClaimForExport`).
 */
import type { Evaluation } from '../evaluate';
import type { ClaimPacket } from '../packet/schema';
import type { ExportLine, Exported, ExportNdc } from './export-claim';
import { readClaimForExport } from './export-claim';

/** One CMS-1500 service line: Item 24A shaded (NDC), 24D (code and modifiers), 24G (units). */
export interface ProfessionalFormLine {
  readonly line: number;
  /** `N4` + 11 digits, a space, unit qualifier + quantity (NUCC): `N473150015006 ML4`. */
  readonly item24AShaded: string;
  /** The code and its modifiers, separated by spaces: `J3590 JW`. */
  readonly item24D: string;
  readonly item24G: string;
  /** The line's own description (837P SV101-7), whatever Item 19 ends up holding. */
  readonly description: string;
}

/** One UB-04 service line: FL42 revenue code, FL43 NDC, FL44 code and modifiers, FL46 units. */
export interface InstitutionalFormLine {
  readonly line: number;
  readonly fl42: string;
  /** `N4` + 11 digits + unit qualifier + quantity, no spaces: `N425682002201ML270`. */
  readonly fl43: string;
  readonly fl44: string;
  readonly fl46: string;
  /** The line's own remarks (837I SV202-7), whatever FL80 ends up holding. */
  readonly description: string;
}

/** Every box of the claim's form. */
export type ClaimFormStrings =
  | { readonly form: 'CMS-1500'; readonly lines: readonly ProfessionalFormLine[]; readonly item19: string }
  | { readonly form: 'UB-04'; readonly lines: readonly InstitutionalFormLine[]; readonly fl80: string };

/** What Item 19 or FL80 says when the descriptions do not fit (billing-rules §6, §8). */
export const SEE_ATTACHMENT = 'SEE ATTACHMENT';
/** NUCC Item 19: three blank spaces between two items. */
const ITEM_SEPARATOR = '   ';
/** Revenue code for drugs that need detailed coding (billing-rules §10). */
export const DRUG_REVENUE_CODE = '0636';

const codeText = (line: ExportLine) => (line.code === null ? '' : [line.code, ...(line.modifiers ?? [])].join(' '));
const unitsText = (line: ExportLine) => (line.units === null ? '' : String(line.units));
const ndcText = (ndc: ExportNdc | null, between: string) => (ndc === null ? '' : `N4${ndc.ndc11}${between}${ndc.unit}${ndc.quantity}`);

/**
 * The claim-level box (Item 19 or FL80): the `CT` trial number first when there is one, then every
 * distinct description, three spaces apart; `SEE ATTACHMENT` in place of the descriptions when they
 * do not fit in `max` characters.
 */
function combinedDescriptions(prefix: string | null, descriptions: readonly string[], max: number): string {
  const head = prefix === null ? [] : [prefix];
  const whole = [...head, ...new Set(descriptions.filter((d) => d !== ''))].join(ITEM_SEPARATOR);
  return whole.length <= max ? whole : [...head, SEE_ATTACHMENT].join(ITEM_SEPARATOR);
}

/** The paper-form strings of an exportable claim; refused (with the reasons) when it is not. */
export function claimFormStrings(packet: ClaimPacket, evaluation: Evaluation): Exported<ClaimFormStrings> {
  const read = readClaimForExport(packet, evaluation);
  if (!read.ok) return read;
  const claim = read.value;
  const descriptions = claim.lines.map((l) => l.narrative ?? '');
  if (claim.form === 'UB-04') {
    return {
      ok: true,
      value: {
        form: 'UB-04',
        lines: claim.lines.map((l, i) => ({
          line: l.number, fl42: DRUG_REVENUE_CODE, fl43: ndcText(l.ndc, ''), fl44: codeText(l), fl46: unitsText(l), description: descriptions[i]!,
        })),
        fl80: combinedDescriptions(null, descriptions, claim.profile.narrativeMaxLength),
      },
    };
  }
  return {
    ok: true,
    value: {
      form: 'CMS-1500',
      lines: claim.lines.map((l, i) => ({
        line: l.number, item24AShaded: ndcText(l.ndc, ' '), item24D: codeText(l), item24G: unitsText(l), description: descriptions[i]!,
      })),
      item19: combinedDescriptions(claim.nctDigits === null ? null : `CT${claim.nctDigits}`, descriptions, claim.profile.narrativeMaxLength),
    },
  };
}
