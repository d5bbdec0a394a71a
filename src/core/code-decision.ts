/**
 * The code decision of one drug, as `decideCode` (decision.ts) makes it and the line builder, the
 * unit counter, the waste plan, the checks and the payment estimate read it. A file of its own, so
 * that those read the decision without importing the code that makes it.
 */
import type { HcpcsCode } from './codes';
import type { NameCheck } from './name-match';
import type { CrosswalkAnswer, SpecificCode } from './reference';

export type ClaimForm = 'CMS-1500' | 'UB-04';

/** What the row-1 check of a drug found beyond the crosswalk's codes (see own-code.ts). */
export interface OwnCodeCheck {
  /** `undefined`: no crosswalk loaded, or no valid NDC and date. */
  readonly crosswalk: CrosswalkAnswer | undefined;
  /** The name check; `undefined` without a HCPCS file or a valid date of service. */
  readonly names: NameCheck | undefined;
  /** The codes found by name that the biller set aside, with the reason given (blank until typed). */
  readonly setAside?: { readonly codes: readonly string[]; readonly reason: string };
}

export interface CodeDecision {
  /** The code to bill; `null` when the drug must not be billed under an unclassified code. */
  readonly code: HcpcsCode | null;
  readonly descriptor: string;
  /** unclassified: a NOC line is built; specific: the drug has its own code; not-billable: no drug line. */
  readonly kind: 'unclassified' | 'specific' | 'not-billable';
  /** Why, step by step, in the order the rules were applied. */
  readonly reasons: readonly string[];
  readonly form: ClaimForm;
  /** False for drugs packaged under hospital outpatient rules (reported, not paid separately). */
  readonly isSeparatelyPayable: boolean;
  /** The code the rules chose, when the biller overrode it. */
  readonly ruleCode?: string | null;
  /** The product-specific codes found for the NDC, when there are any. */
  readonly specificCodes?: readonly SpecificCode[];
  /** True when the crosswalk of the date's quarter is loaded whole (its silence on the NDC can be trusted). */
  readonly isVerified?: boolean;
  /** When the crosswalks list the NDC under no code in force: what else was checked (the name check), and what could not be. */
  readonly ownCode?: OwnCodeCheck;
  /** For a product-specific code (kind `specific`): the code billed, with its descriptor, billing unit and source. */
  readonly specific?: SpecificCode;
  /**
   * For a product-specific code: the biller chose to bill it (picked it among the NDC's codes, or
   * typed it as the code to bill). Until then the claim shows its lines, and export is blocked.
   */
  readonly isChosenByBiller?: boolean;
}
