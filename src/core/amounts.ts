/**
 * Reads the amounts of one drug (dose, container, waste) exactly, raising a finding for any value
 * that is typed but cannot be read. Blank values are not findings here: the checklist and the line
 * rules say what is still needed. The drug's strength (amount per volume, from the container or
 * the label) turns a dose given in mL into the amount it holds, and back.
 */
import Fraction from 'fraction.js';
import type { DrugContext } from './context';
import { memoize } from './memo';
import type { Quantity, QuantityUnit } from './packet/schema';
import type { Amount, DecimalProblem } from './quantity';
import { convert, isZero, parseDecimal, readAmount, unitKind } from './quantity';
import type { RuleKey } from './rules';
import { finding } from './rules';

export interface DrugAmounts {
  readonly dose?: Amount;
  readonly perContainer?: Amount;
  readonly volume?: Amount;
  readonly opened?: number;
  /** What the opened containers held in all: amount per container × containers opened. */
  readonly openedTotal?: Amount;
  readonly waste?: Amount;
  /** The waste value was typed (even if it could not be read). */
  readonly isWasteTyped: boolean;
  /** Amount per volume (150 mg in 6 mL): from the container's amount and volume, else the strength on the label. */
  readonly strength?: Strength;
}

export interface Strength {
  readonly amount: Amount;
  readonly volume: Amount;
  /** Where it comes from: the container's amount and volume, or the strength on the label. */
  readonly isFromLabel: boolean;
}

const STRENGTH_UNITS: Readonly<Record<string, QuantityUnit>> = { MG: 'mg', MCG: 'mcg', G: 'g', UNIT: 'units', UNITS: 'units', IU: 'IU' };
/** "150 mg/6 mL", "25 mg/mL", "10,000 units/mL", "100 mg per 10 mL" (thousands separated by commas, as labels print them). */
const STRENGTH = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)\s*(MG|MCG|G|UNITS?|IU)\s*(?:\/|PER)\s*(\d+(?:\.\d+)?|\.\d+)?\s*(ML|L)$/;

/** The strength written on the label, when it is one amount per volume. */
export const readStrength = memoize((text: string): Strength | undefined => {
  const m = STRENGTH.exec(text.trim().toUpperCase());
  if (m === null) return undefined;
  const amount = new Fraction(m[1]!.replace(/,/g, '')), volume = new Fraction(m[3] ?? '1');
  if (isZero(amount) || isZero(volume)) return undefined;
  return { amount: { value: amount, unit: STRENGTH_UNITS[m[2]!]! }, volume: { value: volume, unit: m[4] === 'L' ? 'L' : 'mL' }, isFromLabel: true };
});

/**
 * An amount in another unit: within its kind (mg to g), or between a volume and the amount it holds
 * (5.6 mL of 150 mg/6 mL is 140 mg) when the strength is known; `undefined` otherwise.
 */
export function convertWith(a: DrugAmounts, x: Amount, to: QuantityUnit): Amount | undefined {
  const direct = convert(x, to);
  if (direct !== undefined || a.strength === undefined) return direct;
  const { amount, volume } = a.strength;
  if (unitKind(x.unit) === 'volume') {
    const mL = convert(x, volume.unit)!;
    return convert({ value: mL.value.mul(amount.value).div(volume.value), unit: amount.unit }, to);
  }
  const same = convert(x, amount.unit);
  return same === undefined ? undefined : convert({ value: same.value.mul(volume.value).div(amount.value), unit: volume.unit }, to);
}

/** The amount of drug a quantity stands for: a volume turned into what it holds when the strength says (for descriptions and units). */
export function drugAmountOf(a: DrugAmounts, x: Amount): Amount {
  if (unitKind(x.unit) !== 'volume' || a.strength === undefined) return x;
  return convertWith(a, x, a.strength.amount.unit) ?? x;
}

const PROBLEM_TEXT: Record<DecimalProblem | 'zero', string> = {
  blank: 'is empty.',
  'not-a-number': 'must be a number, like 150 or 2.5.',
  separator: 'must be written without commas or spaces: 1500, not 1,500 (use a point for decimals: 2.5).',
  negative: 'cannot be negative.',
  'too-long': 'is too long to be a real amount.',
  zero: 'must be more than zero.',
};

export function problemText(problem: DecimalProblem | 'zero'): string {
  return PROBLEM_TEXT[problem];
}

type AmountRule = 'doseInvalid' | 'containerAmountInvalid' | 'containerVolumeInvalid' | 'wasteInvalid';

/** Reads one quantity; reports a typed value that cannot be read, or a zero where zero is wrong. */
function read(ctx: DrugContext, q: Quantity | undefined, rule: AmountRule, path: string, allowZero: boolean): Amount | undefined {
  const r = readAmount(q);
  if (r.ok) {
    if (!allowZero && isZero(r.amount.value)) {
      ctx.findings.push(finding(rule as RuleKey & AmountRule, `${path}.value`, { problem: problemText('zero') }));
      return undefined;
    }
    return r.amount;
  }
  if (r.problem !== 'blank' && r.problem !== 'no-unit') {
    ctx.findings.push(finding(rule, `${path}.value`, { problem: problemText(r.problem) }));
  }
  return undefined;
}

export function readDrugAmounts(ctx: DrugContext): DrugAmounts {
  const d = ctx.drug, b = ctx.base;
  const dose = read(ctx, d.administration?.dose, 'doseInvalid', `${b}.administration.dose`, false);
  const perContainer = read(ctx, d.container?.amount, 'containerAmountInvalid', `${b}.container.amount`, false);
  const volume = read(ctx, d.container?.volume, 'containerVolumeInvalid', `${b}.container.volume`, false);
  const waste = read(ctx, d.waste?.amount, 'wasteInvalid', `${b}.waste.amount`, true);
  const openedText = d.container?.opened?.trim() ?? '';
  let opened: number | undefined;
  if (openedText !== '') {
    const n: Fraction | DecimalProblem = parseDecimal(openedText);
    if (typeof n === 'string' || n.d !== 1n || n.n < 1n || n.n > 10_000n) ctx.findings.push(finding('containersOpenedInvalid', `${b}.container.opened`));
    else opened = Number(n.n);
  }
  const openedTotal = perContainer === undefined || opened === undefined ? undefined : { value: perContainer.value.mul(opened), unit: perContainer.unit };
  const isContainerStrength = perContainer !== undefined && volume !== undefined && unitKind(volume.unit) === 'volume'
    && (unitKind(perContainer.unit) === 'mass' || unitKind(perContainer.unit) === 'activity');
  const strength = isContainerStrength ? { amount: perContainer, volume, isFromLabel: false } : d.strength === undefined ? undefined : readStrength(d.strength);
  return { dose, perContainer, volume, opened, openedTotal, waste, isWasteTyped: (d.waste?.amount?.value?.trim() ?? '') !== '', strength };
}
