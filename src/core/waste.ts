/**
 * Waste: whether JW/JZ apply to a drug, and what the waste record says (billing-rules §4).
 * JW: the amount discarded from a single-dose container goes on its own line, in whole billing
 * units (less than one unit is not billed). JZ: nothing billable was discarded, required from
 * 07/01/2023; claims without JW or JZ are returned from 10/01/2023. Neither for multi-dose
 * containers, packaged drugs, drugs supplied through DME, payers that do not use them, or C9399
 * where the contractor wants waste in the remarks.
 */
import type { DrugAmounts } from './amounts';
import { convertWith } from './amounts';
import type { DrugContext } from './context';
import { isBlank } from './context';
import { isoDay, minuteNumber } from './dates';
import type { CodeDecision } from './code-decision';
import type { UnitCounter } from './hcpcs-units';
import type { Amount } from './quantity';
import { amountForPeople, isZero } from './quantity';
import { finding } from './rules';

export const JZ_AVAILABLE_FROM = isoDay('2023-01-01');
export const JZ_REQUIRED_FROM = isoDay('2023-07-01');
/** Claims without the JW or JZ modifier they need may be returned as unprocessable from this date. */
export const JW_JZ_RETURNED_FROM = isoDay('2023-10-01');

export interface WastePlan {
  /** JW/JZ apply to this drug; when not, `notApplicable` says why, in words for the biller. */
  readonly applies: boolean;
  readonly notApplicable?: string;
  /** The amount discarded when there is one (a JW line, remarks, or less than one billing unit). */
  readonly discarded?: Amount;
  /** The waste record gives a readable amount (possibly 0). */
  readonly isRecorded?: boolean;
  /** A JW line bills the discarded amount. */
  readonly jw: boolean;
  /** Less than one billing unit was discarded: it is not billed (no JW line), and JZ applies. */
  readonly isBelowOneUnit: boolean;
  /** JZ goes on the drug line. */
  readonly jz: boolean;
  /** JZ may be added by the biller (January to June 2023, nothing discarded). */
  readonly jzOptional: boolean;
  /** Waste is told in the C9399 remarks instead of a JW line. */
  readonly inRemarks: boolean;
}

function notApplicableReason(ctx: DrugContext, decision: CodeDecision): string | undefined {
  if (decision.kind === 'not-billable' || decision.code === null) return 'no drug line is billed';
  if (ctx.drug.container?.type === 'multi-dose') return 'the container is multi-dose';
  if (ctx.drug.route === 'oral') return 'oral drugs are not billed from single-dose vials';
  if (ctx.packet.careSetting === 'dme-supplier') return 'a drug supplied through DME for use at home is outside JW/JZ';
  if (ctx.drug.isOnSelfAdministeredList === true && ctx.profile?.coversSelfAdministered === false) {
    return 'the drug is self-administered and not covered, so it is not paid separately';
  }
  if (!decision.isSeparatelyPayable) return 'the drug is packaged (not paid separately) under hospital outpatient rules';
  if (ctx.profile !== undefined && !ctx.profile.jwJz) return "this payer's profile does not use JW/JZ";
  return undefined;
}

const NO_WASTE_LINES = { jw: false, isBelowOneUnit: false, jz: false, jzOptional: false } as const;

/**
 * The amount discarded is not entered: from 10/01/2023 the claim would be returned without JW
 * or JZ (blocked); before, it is processed, with what goes missing said in a warning.
 */
function reportWasteMissing(ctx: DrugContext): void {
  const day = ctx.serviceDay, path = `${ctx.base}.waste.amount.value`;
  if (day === undefined || day >= JW_JZ_RETURNED_FROM) {
    ctx.findings.push(finding('wasteMissing', path));
    return;
  }
  ctx.findings.push(finding('wasteNotRecorded', path, {
    consequence: day >= JZ_REQUIRED_FROM
      ? 'JZ (nothing discarded) or JW (amount discarded) is required from 07/01/2023; claims without them are returned as unprocessable only from 10/01/2023.'
      : 'A discarded amount is billed on a JW line (required since 01/01/2017); without the amount only the dose given is billed.',
  }));
}

/** Whether a missing amount discarded still lets the claim go (before 10/01/2023). */
export function isWasteRecordOptional(ctx: DrugContext): boolean {
  return ctx.serviceDay !== undefined && ctx.serviceDay < JW_JZ_RETURNED_FROM;
}

/**
 * Works out the waste lines for a drug and checks the waste record against the dose and the
 * containers. `counter` counts the discarded amount in billing units (a JW line needs one at least).
 */
export function planWaste(ctx: DrugContext, decision: CodeDecision, amounts: DrugAmounts, counter: UnitCounter): WastePlan {
  const b = ctx.base;
  const reason = notApplicableReason(ctx, decision);
  if (reason !== undefined) {
    if (ctx.drug.container?.type === 'multi-dose' && amounts.waste !== undefined && !isZero(amounts.waste.value)) {
      ctx.findings.push(finding('wasteMultiDose', `${b}.waste.amount.value`));
    }
    return { applies: false, notApplicable: reason, ...NO_WASTE_LINES, inRemarks: false };
  }
  const inRemarks = decision.code === 'C9399' && ctx.profile?.c9399Waste === 'remarks';
  const isSingleDose = ctx.drug.container?.type === 'single-dose';
  if (!isSingleDose) {
    // The container type is still unknown: the checklist asks for it; nothing can be billed yet.
    return { applies: false, notApplicable: 'the container type is not chosen yet', ...NO_WASTE_LINES, inRemarks };
  }
  const waste = amounts.waste;
  if (!amounts.isWasteTyped) reportWasteMissing(ctx);
  else if (waste === undefined && ctx.drug.waste?.amount?.unit === undefined) ctx.findings.push(finding('wasteUnitMissing', `${b}.waste.amount.unit`));
  checkBalance(ctx, amounts);
  const discarded = waste !== undefined && !isZero(waste.value) ? waste : undefined;
  const units = discarded === undefined || inRemarks ? undefined : counter.discarded(discarded);
  const isBelowOneUnit = units !== undefined && 'units' in units && units.units === 0;
  const jw = discarded !== undefined && !inRemarks && !isBelowOneUnit;
  if (jw || (discarded !== undefined && inRemarks)) checkRecord(ctx);
  const day = ctx.serviceDay;
  const nothingBilled = waste !== undefined && (discarded === undefined || isBelowOneUnit);
  const jz = nothingBilled && !inRemarks && day !== undefined && day >= JZ_REQUIRED_FROM;
  const jzOptional = nothingBilled && !inRemarks && day !== undefined && day >= JZ_AVAILABLE_FROM && day < JZ_REQUIRED_FROM;
  return { applies: true, discarded, isRecorded: waste !== undefined, jw, isBelowOneUnit, jz, jzOptional, inRemarks };
}

/** The waste plan in words, for the waste step. */
export function explainWaste(plan: WastePlan): string {
  if (!plan.applies) return `No JW or JZ: ${plan.notApplicable ?? 'they do not apply'}.`;
  if (plan.isBelowOneUnit) {
    const jz = plan.jz ? ' The drug line carries JZ: no billable amount was discarded.' : '';
    return `Less than one billing unit was discarded: the dose is rounded up to a whole unit, which pays for it, so it is not billed again on a JW line.${jz}`;
  }
  if (plan.discarded !== undefined) {
    return plan.inRemarks
      ? 'Drug was discarded: this payer wants the amount in the remarks, not on a JW line.'
      : 'Drug was discarded: it is billed on a second line with JW.';
  }
  if (plan.isRecorded !== true) return 'JW/JZ apply to this single-dose container: enter the amount discarded (0 if none).';
  if (plan.inRemarks) return 'Nothing was discarded.';
  if (plan.jz) return 'Nothing was discarded: the drug line carries JZ.';
  if (plan.jzOptional) return 'Nothing was discarded. JZ was optional before 07/01/2023: you may add it on the Modifiers step.';
  return 'Nothing was discarded. No JZ: it is required only for dates of service from 07/01/2023.';
}

/** Dose + waste must equal what the opened single-dose containers held (a volume counted through the strength). */
function checkBalance(ctx: DrugContext, a: DrugAmounts): void {
  const opened = a.openedTotal;
  if (a.dose === undefined || a.waste === undefined || opened === undefined) return;
  const dose = convertWith(a, a.dose, opened.unit), waste = convertWith(a, a.waste, opened.unit);
  if (dose === undefined || waste === undefined || dose.value.add(waste.value).equals(opened.value)) return;
  const inDoseUnit = convertWith(a, opened, a.dose.unit) ?? opened;
  ctx.findings.push(finding('wasteMismatch', `${ctx.base}.waste.amount.value`, {
    given: amountForPeople(a.dose), discarded: amountForPeople(a.waste), opened: amountForPeople(inDoseUnit),
  }));
}

/** A billed discard needs its reason and time in the record. */
function checkRecord(ctx: DrugContext): void {
  const w = ctx.drug.waste, b = ctx.base;
  if (isBlank(w?.reason)) ctx.findings.push(finding('wasteReasonMissing', `${b}.waste.reason`));
  const typed = w?.time;
  if (typed === undefined || isBlank(typed)) {
    ctx.findings.push(finding('wasteTimeMissing', `${b}.waste.time`));
    return;
  }
  const time = minuteNumber(typed);
  if (time === undefined) {
    ctx.findings.push(finding('wasteTimeInvalid', `${b}.waste.time`));
    return;
  }
  const start = minuteNumber(ctx.drug.administration?.start);
  if (start !== undefined && time < start) ctx.findings.push(finding('wasteBeforeAdministration', `${b}.waste.time`));
}
