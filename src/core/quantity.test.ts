import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import type { Amount } from './quantity';
import {
  addAmounts, amountForPeople, amountText, compareAmounts, convert, decimalText, MAX_NDC_QUANTITY, NDC_QUALIFIER_UNIT,
  needsRounding, parseDecimal, readAmount, unitKind, unitLabel,
} from './quantity';
import type { QuantityUnit } from './packet/schema';

const amount = (value: string, unit: QuantityUnit): Amount => {
  const v = parseDecimal(value);
  if (typeof v === 'string') throw new Error(`bad test value ${value}: ${v}`);
  return { value: v, unit };
};

describe('exact arithmetic', () => {
  it('adds 0.1 mL and 0.2 mL to exactly 0.3 mL', () => {
    const sum = addAmounts(amount('0.1', 'mL'), amount('0.2', 'mL'));
    expect(sum?.unit).toBe('mL');
    expect(sum?.value.equals(new Fraction(3, 10))).toBe(true);
    expect(decimalText(sum!.value, 20)).toBe('0.3');
    expect(compareAmounts(sum!, amount('0.3', 'mL'))).toBe(0);
  });

  it('keeps 100 mg of a 120 mg/1.7 mL vial exact (85/60 mL) until printing', () => {
    const ml = amount('100', 'mg').value.mul(amount('1.7', 'mL').value).div(amount('120', 'mg').value);
    expect(ml.equals(new Fraction(17, 12))).toBe(true);
    expect(needsRounding(ml)).toBe(true);
    expect(decimalText(ml)).toBe('1.417');
  });

  it('adds across units of one kind in the first amount\'s unit', () => {
    const sum = addAmounts(amount('1', 'g'), amount('250', 'mg'));
    expect(sum?.unit).toBe('g');
    expect(decimalText(sum!.value)).toBe('1.25');
  });

  it('refuses to add or compare across kinds', () => {
    expect(addAmounts(amount('1', 'mg'), amount('1', 'mL'))).toBeUndefined();
    expect(compareAmounts(amount('1', 'mg'), amount('1', 'mL'))).toBeUndefined();
    expect(compareAmounts(amount('1', 'IU'), amount('1', 'each'))).toBeUndefined();
  });

  it('compares amounts in different units of one kind', () => {
    expect(compareAmounts(amount('1', 'g'), amount('999', 'mg'))).toBe(1);
    expect(compareAmounts(amount('1', 'g'), amount('1000', 'mg'))).toBe(0);
    expect(compareAmounts(amount('999', 'mcg'), amount('1', 'mg'))).toBe(-1);
  });
});

describe('convert', () => {
  it.each([
    ['1', 'g', 'mg', '1000'],
    ['1', 'mg', 'mcg', '1000'],
    ['250', 'mcg', 'mg', '0.25'],
    ['1500', 'mg', 'g', '1.5'],
    ['1', 'g', 'mcg', '1000000'],
    ['2', 'L', 'mL', '2000'],
    ['30', 'mL', 'L', '0.03'],
    ['500', 'units', 'IU', '500'],
  ] as const)('%s %s is %s %s', (value, from, to, expected) => {
    const converted = convert(amount(value, from), to);
    expect(converted?.unit).toBe(to);
    expect(converted?.value.equals(new Fraction(expected))).toBe(true);
  });

  it.each([
    ['mg', 'mL'], ['mL', 'mg'], ['g', 'L'], ['IU', 'mg'], ['each', 'mL'], ['units', 'each'],
  ] as const)('refuses %s to %s (different kinds)', (from, to) => {
    expect(convert(amount('1', from), to)).toBeUndefined();
  });

  it('converts mg → mcg → mg without drift', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 6 }), (n, scale) => {
      const a: Amount = { value: new Fraction(n).div(10 ** scale), unit: 'mg' };
      const back = convert(convert(convert(a, 'mcg')!, 'g')!, 'mg')!;
      expect(back.value.equals(a.value)).toBe(true);
    }), { numRuns: 1000 });
  });
});

describe('units', () => {
  it('sorts units into kinds', () => {
    expect(['mg', 'mcg', 'g'].map((u) => unitKind(u as QuantityUnit))).toEqual(['mass', 'mass', 'mass']);
    expect(unitKind('mL')).toBe('volume');
    expect(unitKind('L')).toBe('volume');
    expect(unitKind('IU')).toBe('activity');
    expect(unitKind('units')).toBe('activity');
    expect(unitKind('each')).toBe('count');
  });

  it('labels units as claim descriptions write them', () => {
    expect(unitLabel('mg')).toBe('MG');
    expect(unitLabel('mL')).toBe('ML');
    expect(unitLabel('each')).toBe('EA');
  });

  it('maps each NDC qualifier to a unit of the right kind (X12 CTP05-1)', () => {
    expect(NDC_QUALIFIER_UNIT).toEqual({ F2: 'IU', GR: 'g', ME: 'mg', ML: 'mL', UN: 'each' });
  });
});

describe('parseDecimal', () => {
  it.each([
    ['150', '150'], ['2.5', '2.5'], ['0.1', '0.1'], ['.5', '0.5'], ['5.', '5'], [' 42 ', '42'], ['007', '7'], ['1.500', '1.5'],
  ])('reads %j exactly as %s', (text, expected) => {
    const v = parseDecimal(text);
    expect(typeof v).not.toBe('string');
    expect((v as Fraction).equals(new Fraction(expected))).toBe(true);
  });

  it.each([
    ['', 'blank'], ['   ', 'blank'], [undefined, 'blank'],
    ['1,500', 'separator'], ['1,5', 'separator'], ['1 500', 'separator'], ['1.500,25', 'separator'],
    ['-5', 'negative'], ['-0.5', 'negative'],
    ['abc', 'not-a-number'], ['1e3', 'not-a-number'], ['150mg', 'not-a-number'], ['+5', 'not-a-number'], ['1.2.3', 'separator'],
    ['1'.repeat(25), 'too-long'],
  ] as const)('refuses %j as %s', (text, problem) => {
    expect(parseDecimal(text)).toBe(problem);
  });

  it('reads packet quantities: a blank value or a missing unit is reported, never guessed', () => {
    expect(readAmount({ value: '150', unit: 'mg' })).toMatchObject({ ok: true, amount: { unit: 'mg' } });
    expect(readAmount({ value: '150' })).toEqual({ ok: false, problem: 'no-unit' });
    expect(readAmount({ unit: 'mg' })).toEqual({ ok: false, problem: 'blank' });
    expect(readAmount({ value: '1,5', unit: 'mg' })).toEqual({ ok: false, problem: 'separator' });
    expect(readAmount(undefined)).toEqual({ ok: false, problem: 'blank' });
  });
});

describe('NDC quantity text', () => {
  it.each([
    ['4', '4'],
    ['270', '270'],
    ['1.7', '1.7'],
    ['2.50', '2.5'],
    ['1.2345', '1.235'],
    ['0.0005', '0.001'],
    ['2.0045', '2.005'],
    ['1.9995', '2'],
    ['1.23449', '1.234'],
    ['0.0004', '0'],
    ['12345678.5', '12345678.5'],
    ['99999999.999', '99999999.999'],
  ])('%s prints as %s (3 decimals, half up, no trailing zeros, no separators)', (exact, printed) => {
    expect(decimalText(new Fraction(exact))).toBe(printed);
  });

  it('prints repeating decimals rounded, never with fraction.js parentheses', () => {
    expect(decimalText(new Fraction(1, 3))).toBe('0.333');
    expect(decimalText(new Fraction(2, 3))).toBe('0.667');
    expect(decimalText(new Fraction(17, 12))).toBe('1.417');
  });

  it('says when printing rounds', () => {
    expect(needsRounding(new Fraction('1.125'))).toBe(false);
    expect(needsRounding(new Fraction('1.1255'))).toBe(true);
    expect(needsRounding(new Fraction(1, 3))).toBe(true);
    expect(needsRounding(new Fraction(1, 8))).toBe(false);
    expect(needsRounding(new Fraction(1, 16))).toBe(true);
  });

  it('writes amounts for descriptions and for people', () => {
    expect(amountText(amount('2700', 'mg'))).toBe('2700MG');
    expect(amountText(amount('1.50', 'mL'))).toBe('1.5ML');
    expect(amountText(amount('500', 'units'))).toBe('500UNITS');
    expect(amountForPeople(amount('2.50', 'mL'))).toBe('2.5 mL');
  });

  it('caps NDC quantities at 8 digits before the decimal point (NUCC)', () => {
    expect(MAX_NDC_QUANTITY.equals(new Fraction('99999999.999'))).toBe(true);
  });
});

describe('properties', () => {
  const digit = fc.constantFrom(...'0123456789');
  /** Canonical decimal text: no leading zeros, at most 3 decimals, no trailing zeros. */
  const canonicalDecimal = fc.tuple(
    fc.oneof(fc.constant('0'), fc.tuple(fc.constantFrom(...'123456789'), fc.string({ unit: digit, maxLength: 7 })).map(([a, b]) => a + b)),
    fc.oneof(fc.constant(''), fc.tuple(fc.string({ unit: digit, maxLength: 2 }), fc.constantFrom(...'123456789')).map(([a, b]) => a + b)),
  ).map(([int, frac]) => (frac === '' ? int : `${int}.${frac}`));

  it('decimal text round-trips: parse then print gives the same text', () => {
    fc.assert(fc.property(canonicalDecimal, (text) => {
      const v = parseDecimal(text);
      expect(typeof v).not.toBe('string');
      expect(decimalText(v as Fraction)).toBe(text);
      expect(needsRounding(v as Fraction)).toBe(false);
    }), { numRuns: 1000 });
  });

  it('padding a decimal with zeros or spaces does not change its value', () => {
    fc.assert(fc.property(canonicalDecimal, fc.nat({ max: 3 }), fc.nat({ max: 3 }), (text, lead, trail) => {
      const padded = `${' '.repeat(lead)}${'0'.repeat(lead)}${text}${text.includes('.') ? '0'.repeat(trail) : ''}`;
      const v = parseDecimal(padded);
      expect(typeof v).not.toBe('string');
      expect(decimalText(v as Fraction)).toBe(text);
    }), { numRuns: 1000 });
  });

  it('any decimal prints rounded half up to at most 3 decimals, without trailing zeros or separators', () => {
    const anyDecimal = fc.tuple(fc.string({ unit: digit, minLength: 1, maxLength: 8 }), fc.string({ unit: digit, maxLength: 8 }))
      .map(([int, frac]) => (frac === '' ? int : `${int}.${frac}`));
    fc.assert(fc.property(anyDecimal, (text) => {
      const v = parseDecimal(text) as Fraction;
      const printed = decimalText(v);
      expect(printed).toMatch(/^(?:0|[1-9]\d*)(?:\.\d{0,2}[1-9])?$/);
      const halfUp = v.mul(1000).add(new Fraction(1, 2)).floor().div(1000);
      expect(new Fraction(printed).equals(halfUp)).toBe(true);
    }), { numRuns: 1000 });
  });
});
