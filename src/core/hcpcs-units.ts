/**
 * HCPCS units of a drug's lines (1500 Item 24G, SV104, FL46), one counter per drug, asked for the
 * administered line and for the discarded amount (billing-rules §3, §4; CPM17 §40):
 * - an unclassified code is billed as the payer profile says (1 unit, one per container, or per an
 *   amount such as 1 mg), or in its own unit (J1599, per 500 mg);
 * - a product-specific code is billed in its billing unit (crosswalk "HCPCS dosage" or descriptor).
 * Wherever a billing unit counts an amount, the dose is rounded up (a dose below one unit is 1 unit)
 * and the discarded amount down, so the units billed never exceed what the opened containers held;
 * a discarded amount below one unit is not billed (no JW line).
 */
import Fraction from 'fraction.js';
import type { DrugAmounts } from './amounts';
import { convertWith } from './amounts';
import type { BillingUnit } from './billing-unit';
import { descriptorBillingUnit, rangeText, readBillingUnit } from './billing-unit';
import { unclassifiedCode } from './codes';
import type { DrugContext } from './context';
import type { CodeDecision } from './code-decision';
import type { Amount } from './quantity';
import { amountForPeople, decimalText, isZero, parseDecimal, unitKind } from './quantity';
import type { SpecificCode } from './reference';

/** Units with how they were worked out, in words, and the field they come from (where a limit points). */
export interface Units {
  readonly units: number;
  readonly how: string;
  readonly path: string;
}

/** Why units cannot be worked out (for the biller), the field to fix, and whether the dose is outside the code's range. */
export interface UnitsProblem {
  readonly why: string;
  readonly path: string;
  readonly isOutsideRange?: boolean;
}

export interface UnitCounter {
  /** Units of the administered line (at least 1); `null` while the dose is still missing. */
  readonly administered: (dose: Amount | undefined) => Units | UnitsProblem | null;
  /** Units of a discarded amount: 0 when it is less than one billing unit (it is not billed). */
  readonly discarded: (waste: Amount) => Units | UnitsProblem;
}

type Rounding = 'up' | 'down';

const UNKNOWN_UNIT: BillingUnit = { kind: 'unreadable', text: '', why: 'no crosswalk or HCPCS file loaded for the date gives it' };

/** The billing unit of a product-specific code: the crosswalk's "HCPCS dosage", else its descriptor. */
export function specificBillingUnit(code: SpecificCode): BillingUnit {
  if (code.billingUnit !== undefined && code.billingUnit.trim() !== '') return readBillingUnit(code.billingUnit);
  return code.descriptor.trim() === '' ? UNKNOWN_UNIT : descriptorBillingUnit(code.descriptor);
}

/** "J0695 is billed per "75MG (…)" (why)", or "J1745's billing unit is not known (why)". */
function unreadableText(code: string, unit: Extract<BillingUnit, { kind: 'unreadable' }>): string {
  return unit.text === '' ? `${code}'s billing unit is not known (${unit.why})` : `${code} is billed per "${unit.text}" (${unit.why})`;
}

const whole = (value: Fraction, rounding: Rounding): number => {
  const n = Number((rounding === 'up' ? value.ceil() : value.floor()).n);
  return rounding === 'up' ? Math.max(1, n) : n;
};
const roundingWords = (rounding: Rounding) => (rounding === 'up' ? 'rounded up to a whole unit' : 'rounded down: a part of a unit discarded is not billed');

/** Counts an amount in units of `per` (per unit, or per container), converting through the drug's strength when needed. */
function countIn(ctx: DrugContext, a: DrugAmounts, x: Amount, per: Amount, rounding: Rounding, who: string, amountPath: string, perWhat = 'per unit'): Units | UnitsProblem {
  const inUnit = convertWith(a, x, per.unit);
  if (inUnit === undefined) {
    const isVolume = unitKind(x.unit) === 'volume';
    return {
      why: isVolume
        ? `${who} per ${amountForPeople(per)} and this amount is in ${x.unit}: enter the drug amount and the volume of one container (or the strength on the drug step), so the wizard can convert it`
        : `${who} per ${amountForPeople(per)}, so the amount must be in a unit of ${unitKind(per.unit)} (not ${x.unit})`,
      path: !isVolume ? `${amountPath}.unit` : a.perContainer === undefined ? `${ctx.base}.container.amount.value` : `${ctx.base}.container.volume.value`,
    };
  }
  const shown = inUnit.unit === x.unit ? amountForPeople(x) : `${amountForPeople(x)} (${amountForPeople(inUnit)})`;
  return { units: whole(inUnit.value.div(per.value), rounding), how: `${shown} ÷ ${amountForPeople(per)} ${perWhat}, ${roundingWords(rounding)}`, path: `${amountPath}.value` };
}

/** The units of an unclassified line, per the code's own unit or the payer profile. */
function unclassifiedCounter(ctx: DrugContext, code: string, a: DrugAmounts): UnitCounter {
  const ownUnit = unclassifiedCode(code)?.billingUnit;
  const profileUnit = ctx.profile?.nocUnits.basis === 'amount' ? ctx.profile.nocUnits.per : undefined;
  const per = ownUnit ?? profileUnit;
  const dosePath = `${ctx.base}.administration.dose`, wastePath = `${ctx.base}.waste.amount`;
  if (per !== undefined) {
    const perValue = parseDecimal(per.value);
    const who = ownUnit === undefined ? 'this payer bills' : `${code} is billed`;
    if (typeof perValue === 'string' || isZero(perValue)) {
      const problem = { why: `the payer profile's billing unit ("${per.value} ${per.unit}") is not an amount. Correct the profile`, path: 'payer.profileId' };
      return { administered: () => problem, discarded: () => problem };
    }
    const perAmount = { value: perValue, unit: per.unit };
    return {
      administered: (x) => (x === undefined ? null : countIn(ctx, a, x, perAmount, 'up', who, dosePath)),
      discarded: (x) => countIn(ctx, a, x, perAmount, 'down', who, wastePath),
    };
  }
  const one = (path: string): Units => ({ units: 1, how: 'an unclassified line is billed as 1 unit; the dose goes in the description', path: `${path}.value` });
  if (ctx.profile?.nocUnits.basis === 'containers') {
    const openedPath = `${ctx.base}.container.opened`;
    return {
      administered: () => (a.opened === undefined
        ? { why: 'this payer bills one unit per container: enter how many containers were opened', path: openedPath }
        : { units: a.opened, how: 'one unit per container opened', path: openedPath }),
      discarded: () => one(wastePath),
    };
  }
  return { administered: () => one(dosePath), discarded: () => one(wastePath) };
}

/** The units of a product-specific code, in its billing unit. */
function specificCounter(ctx: DrugContext, specific: SpecificCode, a: DrugAmounts): UnitCounter {
  const unit = specificBillingUnit(specific);
  const code = specific.code;
  const dosePath = `${ctx.base}.administration.dose`, wastePath = `${ctx.base}.waste.amount`;
  const who = `${code} is billed`;
  switch (unit.kind) {
    case 'amount':
      return {
        administered: (x) => (x === undefined ? null : countIn(ctx, a, x, unit.per, 'up', who, dosePath)),
        discarded: (x) => countIn(ctx, a, x, unit.per, 'down', who, wastePath),
      };
    case 'container': {
      const per = unit.per ?? a.perContainer;
      const missing: UnitsProblem = { why: `${code} is billed per container (${unit.text}): enter the drug amount in one container`, path: `${ctx.base}.container.amount.value` };
      const perText = `${who} per container`, perWhat = `per container (${code} is billed ${unit.text.toLowerCase()})`;
      return {
        administered: (x) => (x === undefined ? null : per === undefined ? missing : countIn(ctx, a, x, per, 'up', perText, dosePath, perWhat)),
        discarded: (x) => (per === undefined ? missing : countIn(ctx, a, x, per, 'down', perText, wastePath, perWhat)),
      };
    }
    case 'dose':
      return {
        administered: (x) => (x === undefined ? null : { units: 1, how: `${code} is billed per dose given (${unit.text}): 1 unit`, path: `${dosePath}.value` }),
        discarded: () => ({ units: 0, how: `${code} is billed per dose given: a discarded part of a dose is not billed`, path: `${wastePath}.value` }),
      };
    case 'range':
      return {
        administered: (x) => (x === undefined ? null : inRange(ctx, a, x, unit, code)),
        discarded: () => ({ units: 0, how: `${code} is billed per dose given: a discarded part of a dose is not billed`, path: `${wastePath}.value` }),
      };
    case 'unreadable':
      return {
        administered: (x) => (x === undefined ? null : byContainerShare(specific, a, x, 'up', `${dosePath}.value`) ?? {
          why: `${unreadableText(code, unit)}. Enter the HCPCS units as the payer counts them (dose step)`,
          path: `${ctx.base}.hcpcsUnitsOverride`,
        }),
        discarded: (x) => byContainerShare(specific, a, x, 'down', `${wastePath}.value`) ?? {
          why: `${unreadableText(code, unit)}, so the amount discarded cannot be counted in it. ${unit.text === ''
            ? 'Import the CMS HCPCS file or the ASP crosswalk for the date of service (Reference data)'
            : 'Import the CMS ASP crosswalk that lists this NDC (it gives the billable units in one container) and enter the amount in one container'}`,
          path: `${wastePath}.value`,
        },
      };
  }
}

/** A range code (Sublocade, 100 mg or less): 1 unit, when the dose is within its range. */
function inRange(ctx: DrugContext, a: DrugAmounts, x: Amount, unit: Extract<BillingUnit, { kind: 'range' }>, code: string): Units | UnitsProblem {
  const bound = (unit.low ?? unit.high)!;
  const dose = convertWith(a, x, bound.amount.unit);
  const outside = { why: `${code} is billed for a dose of ${rangeText(unit)}; the dose given is ${amountForPeople(x)}. Check the dose, or bill the code for this dose`, path: `${ctx.base}.administration.dose.value`, isOutsideRange: true };
  if (dose === undefined) return { ...outside, why: `${code} is billed for a dose of ${rangeText(unit)}: enter the dose in ${bound.amount.unit}`, isOutsideRange: false };
  const cmp = (b: typeof bound) => dose.value.compare(convertWith(a, b.amount, dose.unit)?.value ?? b.amount.value);
  if (unit.low !== undefined && (cmp(unit.low) < 0 || (cmp(unit.low) === 0 && !unit.low.isInclusive))) return outside;
  if (unit.high !== undefined && (cmp(unit.high) > 0 || (cmp(unit.high) === 0 && !unit.high.isInclusive))) return outside;
  return { units: 1, how: `${code} is billed per dose of ${rangeText(unit)}: 1 unit`, path: `${ctx.base}.administration.dose.value` };
}

/**
 * A billing unit the wizard cannot read, counted from the CMS crosswalk's billable units in one
 * container: (amount ÷ amount in one container) × units in one container. `undefined` without both.
 */
function byContainerShare(specific: SpecificCode, a: DrugAmounts, x: Amount, rounding: Rounding, path: string): Units | undefined {
  const perItem = specific.billUnitsPerItem;
  if (perItem === undefined || !(perItem > 0) || a.perContainer === undefined) return undefined;
  const same = convertWith(a, x, a.perContainer.unit);
  if (same === undefined) return undefined;
  const share = same.value.div(a.perContainer.value).mul(new Fraction(perItem));
  const units = whole(share, rounding);
  return {
    units,
    how: `${amountForPeople(x)} ÷ ${amountForPeople(a.perContainer)} per container × ${decimalText(new Fraction(perItem))} billable units per container (${specific.source}), ${roundingWords(rounding)}`,
    path,
  };
}

/** The unit counter of a drug's lines under its decision. */
export function unitCounter(ctx: DrugContext, decision: CodeDecision, a: DrugAmounts): UnitCounter {
  if (decision.kind === 'specific' && decision.specific !== undefined) return specificCounter(ctx, decision.specific, a);
  return unclassifiedCounter(ctx, decision.code ?? '', a);
}
