/**
 * The exact text of each paper-form box a biller types or copies into a practice-management system
 * or a clearinghouse portal (billing-rules §8 CMS-1500, §10 UB-04), as `evaluateClaim` laid it out
 * (`evaluation.claimForm`); refused, with the reasons, until the claim is exportable.
 */
import type { ClaimFormStrings, EvaluatedClaim, Exported } from './export-claim';
import { readClaimForExport } from './export-claim';

/** The paper-form strings of an exportable claim; refused (with the reasons) when it is not. */
export function claimFormStrings(evaluation: EvaluatedClaim): Exported<ClaimFormStrings> {
  const read = readClaimForExport(evaluation);
  return read.ok ? { ok: true, value: read.value.strings } : read;
}
