/**
 * The billing unit of a HCPCS code, as CMS publishes it: the "HCPCS dosage" of the ASP NDC-HCPCS
 * crosswalk ("10 MG", "UP TO 80 MG", "PER VIAL") or the end of the code's descriptor
 * ("Injection, ublituximab-xiiy, 1mg"). Most are an amount; the others are each read as what they
 * are (one unit per container, per dose, or for a range of doses) or left unreadable with the reason,
 * never guessed (billing-rules §3, §11).
 */
import Fraction from 'fraction.js';
import { memoize } from './memo';
import type { QuantityUnit } from './packet/schema';
import type { Amount } from './quantity';
import { amountForPeople, isZero } from './quantity';

/** A bound of a range billing unit ("less than or equal to 100 mg"). */
export interface RangeBound {
  readonly amount: Amount;
  readonly isInclusive: boolean;
}

export type BillingUnit =
  /** One unit per amount, or part of it: "10 MG", "UP TO 80 MG", "300 MCG (1500 IU)", "PER FACTOR VIII IU". */
  | { readonly kind: 'amount'; readonly text: string; readonly per: Amount }
  /** One unit per container (vial, applicator), whatever it holds; `per` when the text gives its amount. */
  | { readonly kind: 'container'; readonly text: string; readonly per?: Amount }
  /** One unit per dose given: "Per Therapeutic Dose", CAR-T cells "UP TO 200 million", days of therapy. */
  | { readonly kind: 'dose'; readonly text: string }
  /** One unit per dose, for doses within a range: "Less than or equal to 100 MG", "Greater than 100 MG". */
  | { readonly kind: 'range'; readonly text: string; readonly low?: RangeBound; readonly high?: RangeBound }
  /** A unit the wizard cannot count from a dose, and why (a combination of ingredients, square centimetres). */
  | { readonly kind: 'unreadable'; readonly text: string; readonly why: string };

const UNIT_WORDS: Readonly<Record<string, QuantityUnit>> = {
  MG: 'mg', MILLIGRAM: 'mg', MILLIGRAMS: 'mg',
  MCG: 'mcg', MICROGRAM: 'mcg', MICROGRAMS: 'mcg',
  G: 'g', GM: 'g', GRAM: 'g', GRAMS: 'g',
  ML: 'mL', CC: 'mL', L: 'L',
  UNIT: 'units', UNITS: 'units', 'USP UNIT': 'units', 'USP UNITS': 'units',
  IU: 'IU', 'I.U.': 'IU', 'FACTOR VIII IU': 'IU', 'FACTOR VIII I.U.': 'IU',
  EACH: 'each',
};
/** Units CMS bills in that no dose in this wizard is counted in. */
const FOREIGN_UNITS: readonly (readonly [RegExp, string])[] = [
  [/SQ\.? CM|SQUARE CE\w*METERS?/, 'square centimetres of product'],
  [/MEQ/, 'milliequivalents'],
  [/PFU/, 'plaque-forming units'],
  [/MILLICURIES?|MCI/, 'millicuries'],
];

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)`;
const UNIT = Object.keys(UNIT_WORDS).sort((a, b) => b.length - a.length).map((u) => u.replace(/\./g, '\\.')).join('|');
/** "10 MG", "1MG", "UP TO 80 MG", "PER 5 MG", "3 MILLION UNITS", "0.1 MG OF IRON", "1 I.U. VWF:RCO". */
const AMOUNT = new RegExp(`^(UP TO |PER )?${NUMBER}( MILLION)? ?(${UNIT})(?: OF [A-Z ]+| [A-Z]+:[A-Z]+)?$`);
/** "PER MILLIGRAM", "PER ML", "PER I.U.", "PER FACTOR VIII IU": one of the unit. */
const PER_UNIT = new RegExp(`^PER (${UNIT})$`);
const RANGE = new RegExp(`^(LESS THAN OR EQUAL TO|LESS THAN|GREATER THAN OR EQUAL TO|GREATER THAN|MORE THAN) ${NUMBER} ?(${UNIT})(?: [A-Z]+)?$`);
const CONTAINER = /^PER (?:(\d+(?:\.\d+)?) ?(MG|MCG|ML) )?(?:SINGLE-(?:USE|DOSE) )?(VIAL|APPLICATOR|AMPULE|SYRINGE|BOTTLE|KIT)$/;
const DOSE = /^PER (?:THERAPEUTIC |STUDY )?(?:DOSE|INFUSION|TREATMENT)\b|DAYS OF THERAPY$|^UP TO [\d.,]+ MILLION\b.*\bCELLS\b/;

/** Upper case, one space between words, no non-breaking spaces, no trailing blanks. */
const normal = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim().toUpperCase();
const numberOf = (text: string) => new Fraction(text.replace(/,/g, ''));
const amountOf = (value: string, million: boolean, unit: string): Amount =>
  ({ value: million ? numberOf(value).mul(1_000_000) : numberOf(value), unit: UNIT_WORDS[unit]! });

/** Reads one billing-unit phrase; `undefined` when it is not one. `text` is the phrase as published. */
function readPhrase(phrase: string, text: string): BillingUnit | undefined {
  if (DOSE.test(phrase)) return { kind: 'dose', text };
  const container = CONTAINER.exec(phrase);
  if (container !== null) {
    return container[1] === undefined ? { kind: 'container', text } : { kind: 'container', text, per: amountOf(container[1], false, container[2]!) };
  }
  const per = PER_UNIT.exec(phrase);
  if (per !== null) return { kind: 'amount', text, per: { value: new Fraction(1), unit: UNIT_WORDS[per[1]!]! } };
  const amount = AMOUNT.exec(phrase);
  if (amount !== null) {
    const value = amountOf(amount[2]!, amount[3] !== undefined, amount[4]!);
    return isZero(value.value) ? undefined : { kind: 'amount', text, per: value };
  }
  const range = RANGE.exec(phrase);
  if (range !== null) {
    const bound = { amount: amountOf(range[2]!, false, range[3]!), isInclusive: range[1]!.includes('EQUAL') };
    return range[1]!.startsWith('LESS') ? { kind: 'range', text, high: bound } : { kind: 'range', text, low: bound };
  }
  const foreign = FOREIGN_UNITS.find(([re]) => re.test(phrase));
  if (foreign !== undefined) return { kind: 'unreadable', text, why: `it counts ${foreign[1]}, not an amount of drug a dose is measured in` };
  return undefined;
}

/** A parenthesis after an amount: another name for the same amount ("(1500 IU)") or a note ("(rituximab)"), unless it lists ingredients. */
const NOTE = /^(.+?) \(([^)]*)\)$/;
/** Two amounts joined: "2.5 MG/0.5 MG", "3 MG & 3 MG", "5MG-1MG", "2 MG - 3 MG", "(50MG cft/25MG taz)". */
const COMBINATION = /\/|&| AND |\d ?- ?\d|MG ?- ?\d|\dMG-/;
const SEVERAL_INGREDIENTS = 'one unit counts several ingredients together, so it cannot be counted from one dose';

/** Reads a crosswalk "HCPCS dosage" (or any one billing-unit text). */
export const readBillingUnit = memoize((published: string): BillingUnit => {
  const text = published.replace(/[\s\u00a0]+/g, ' ').trim();
  const phrase = normal(text);
  if (phrase === '') return { kind: 'unreadable', text, why: 'no billing unit is given' };
  if (DOSE.test(phrase)) return { kind: 'dose', text };
  const note = NOTE.exec(phrase);
  const main = note === null ? phrase : note[1]!;
  if (COMBINATION.test(phrase)) return { kind: 'unreadable', text, why: SEVERAL_INGREDIENTS };
  return readPhrase(main, text) ?? { kind: 'unreadable', text, why: 'the wizard does not read this wording as an amount, a container or a dose' };
});

/** Commas that separate clauses, not the thousands of "100,000 units". */
const CLAUSE_SEPARATOR = /,(?!\d{3}(?:\D|$))/;

/**
 * The billing unit a HCPCS descriptor ends with ("Injection, infliximab, excludes biosimilar, 10 mg").
 * Notes in parentheses are set aside; a descriptor naming amounts of several ingredients is unreadable.
 */
export const descriptorBillingUnit = memoize((descriptor: string): BillingUnit => {
  const text = descriptor.replace(/[\s\u00a0]+/g, ' ').trim();
  const clauses = normal(text.replace(/\([^)]*\)/g, ' ')).split(CLAUSE_SEPARATOR).map((c) => c.trim().replace(/^BUT /, '')).filter((c) => c !== '');
  if (clauses.some((c) => COMBINATION.test(c) && /\d/.test(c) && !DOSE.test(c))) return { kind: 'unreadable', text, why: SEVERAL_INGREDIENTS };
  const read = clauses.flatMap((c) => readPhrase(c, c.toLowerCase()) ?? []);
  if (read.length === 0) return { kind: 'unreadable', text, why: 'its descriptor does not end with a billing unit the wizard can read' };
  const ranges = read.filter((u): u is Extract<BillingUnit, { kind: 'range' }> => u.kind === 'range');
  if (ranges.length === read.length) {
    const low = ranges.find((r) => r.low !== undefined)?.low, high = ranges.find((r) => r.high !== undefined)?.high;
    return { kind: 'range', text: ranges.map((r) => r.text).join(', '), ...(low && { low }), ...(high && { high }) };
  }
  if (read.filter((u) => u.kind === 'amount').length > 1) return { kind: 'unreadable', text, why: SEVERAL_INGREDIENTS };
  return read[read.length - 1]!;
});

/** "per 10 mg", "per vial", "per dose", "per dose of 100 mg or less": the billing unit in the biller's words. */
export function billingUnitText(unit: BillingUnit): string {
  switch (unit.kind) {
    case 'amount': return `per ${amountForPeople(unit.per)}`;
    case 'container': return unit.per === undefined ? 'per container (vial)' : `per container of ${amountForPeople(unit.per)}`;
    case 'dose': return 'per dose given';
    case 'range': return `per dose of ${rangeText(unit)}`;
    case 'unreadable': return `per "${unit.text}"`;
  }
}

/** "more than 100 mg", "100 mg or less", "more than 3 mg and 6 mg or less". */
export function rangeText(unit: Extract<BillingUnit, { kind: 'range' }>): string {
  const low = unit.low === undefined ? undefined : `${unit.low.isInclusive ? '' : 'more than '}${amountForPeople(unit.low.amount)}${unit.low.isInclusive ? ' or more' : ''}`;
  const high = unit.high === undefined ? undefined : `${amountForPeople(unit.high.amount)}${unit.high.isInclusive ? ' or less' : ''}`;
  const highText = high === undefined ? undefined : unit.high!.isInclusive ? high : `less than ${high}`;
  return [low, highText].filter((t) => t !== undefined).join(' and ');
}
