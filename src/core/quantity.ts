/**
 * Exact quantities with units. Amounts are rationals (fraction.js), so converting and adding never
 * drifts: 0.1 mL + 0.2 mL is exactly 0.3 mL, and 100 mg of a 120 mg/1.7 mL vial stays 85/60 mL
 * until it is rounded once, for printing.
 */
import Fraction from 'fraction.js';
import { memoize } from './memo';
import type { NdcUnitQualifier, Quantity, QuantityUnit } from './packet/schema';

export type UnitKind = 'mass' | 'volume' | 'activity' | 'count';

/** An exact amount with a unit. */
export interface Amount {
  readonly value: Fraction;
  readonly unit: QuantityUnit;
}

const UNITS: Record<QuantityUnit, { kind: UnitKind; perBase: Fraction; label: string }> = {
  mcg: { kind: 'mass', perBase: new Fraction(1, 1000), label: 'MCG' },
  mg: { kind: 'mass', perBase: new Fraction(1), label: 'MG' },
  g: { kind: 'mass', perBase: new Fraction(1000), label: 'G' },
  mL: { kind: 'volume', perBase: new Fraction(1), label: 'ML' },
  L: { kind: 'volume', perBase: new Fraction(1000), label: 'L' },
  units: { kind: 'activity', perBase: new Fraction(1), label: 'UNITS' },
  IU: { kind: 'activity', perBase: new Fraction(1), label: 'IU' },
  each: { kind: 'count', perBase: new Fraction(1), label: 'EA' },
};

export function unitKind(unit: QuantityUnit): UnitKind {
  return UNITS[unit].kind;
}

/** The unit as it is written in a claim description (`MG`, `ML`, `UNITS`). */
export function unitLabel(unit: QuantityUnit): string {
  return UNITS[unit].label;
}

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

export type DecimalProblem = 'blank' | 'separator' | 'negative' | 'not-a-number' | 'too-long';

/** Reads a typed decimal exactly. Commas are refused rather than guessed (1,500 or 1,5?). */
export function parseDecimal(text: string | undefined): Fraction | DecimalProblem {
  return parseDecimalText(text ?? '');
}

const parseDecimalText = memoize((text: string): Fraction | DecimalProblem => {
  const t = text.trim();
  if (t === '') return 'blank';
  if (t.length > 24) return 'too-long';
  if (DECIMAL.test(t)) return new Fraction(t);
  if (t.startsWith('-') && DECIMAL.test(t.slice(1))) return 'negative';
  if (/^[\d.,\s]+$/.test(t)) return 'separator';
  return 'not-a-number';
});

export type AmountResult = { ok: true; amount: Amount } | { ok: false; problem: DecimalProblem | 'no-unit' };

/** Reads an amount of dollars as typed: `6500.00` or `$6500.00` (no thousands separators). */
export function parseMoney(text: string | undefined): Fraction | DecimalProblem {
  return parseDecimal(text?.replace(/^\s*\$/, ''));
}

/** Reads a packet quantity; blank value or a missing unit is reported, never guessed. */
export function readAmount(q: Quantity | undefined): AmountResult {
  const value = parseDecimal(q?.value);
  if (typeof value === 'string') return { ok: false, problem: value };
  if (q?.unit === undefined) return { ok: false, problem: 'no-unit' };
  return { ok: true, amount: { value, unit: q.unit } };
}

/** Converts within one kind of unit (mg to g, L to mL); `undefined` across kinds. */
export function convert(amount: Amount, to: QuantityUnit): Amount | undefined {
  if (amount.unit === to) return amount;
  const from = UNITS[amount.unit], target = UNITS[to];
  if (from.kind !== target.kind) return undefined;
  return { value: amount.value.mul(from.perBase).div(target.perBase), unit: to };
}

/** Sum of two amounts of the same kind, in the first one's unit. */
export function addAmounts(a: Amount, b: Amount): Amount | undefined {
  const b2 = convert(b, a.unit);
  return b2 && { value: a.value.add(b2.value), unit: a.unit };
}

/** True for an exact zero (without building a second fraction to compare with). */
export function isZero(value: Fraction): boolean {
  return value.n === 0n;
}

/** Compares two amounts of the same kind (-1, 0, 1); `undefined` across kinds. */
export function compareAmounts(a: Amount, b: Amount): number | undefined {
  const b2 = convert(b, a.unit);
  return b2 && a.value.compare(b2.value);
}

/** Plain decimal text: at most `places` decimals (half up), no trailing zeros, no separators. */
export function decimalText(value: Fraction, places = 3): string {
  if (value.d === 1n) return value.s < 0n && value.n !== 0n ? `-${value.n}` : value.n.toString();
  const v = needsRounding(value, places) ? value.round(places) : value;
  const scale = POWERS_OF_TEN[places] ?? 10n ** BigInt(places);
  const digits = (v.n * (scale / v.d)).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = places === 0 ? '' : digits.slice(digits.length - places).replace(/0+$/, '');
  const sign = v.s < 0n && v.n !== 0n ? '-' : '';
  return fraction === '' ? sign + whole : `${sign}${whole}.${fraction}`;
}

/** True when the value has more decimals than `places` and printing would round it. */
export function needsRounding(value: Fraction, places = 3): boolean {
  return (POWERS_OF_TEN[places] ?? 10n ** BigInt(places)) % value.d !== 0n;
}

const POWERS_OF_TEN = [1n, 10n, 100n, 1000n, 10000n, 100000n, 1000000n];

/** `2700MG`, `1.5ML`: an amount as a total, as claim descriptions want it. */
export function amountText(amount: Amount): string {
  return decimalText(amount.value) + unitLabel(amount.unit);
}

/** NDC unit qualifiers and the packet unit each one counts in. */
export const NDC_QUALIFIER_UNIT: Record<NdcUnitQualifier, QuantityUnit> = {
  F2: 'IU', GR: 'g', ME: 'mg', ML: 'mL', UN: 'each',
};

/** Largest NDC quantity a claim can carry: 8 digits before the decimal point (NUCC). */
export const MAX_NDC_QUANTITY = new Fraction('99999999.999');

/** `2700 mg`, `1.5 mL`: an amount as a biller reads it. */
export function amountForPeople(amount: Amount): string {
  return `${decimalText(amount.value)} ${amount.unit}`;
}
