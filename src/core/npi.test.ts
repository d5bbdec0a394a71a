import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNpi, npiCheckDigit } from './npi';

describe('npiCheckDigit', () => {
  it('gives 3 for base 123456789 (billing-rules §13)', () => {
    expect(npiCheckDigit('123456789')).toBe(3);
  });

  it('equals the Luhn check digit of the base prefixed with 80840', () => {
    const luhn = (digits: string) => {
      let sum = 0;
      for (let i = 0; i < digits.length; i++) {
        let d = Number(digits[digits.length - 1 - i]);
        if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
      }
      return (10 - (sum % 10)) % 10;
    };
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 }), (base) => {
      expect(npiCheckDigit(base)).toBe(luhn(`80840${base}`));
    }), { numRuns: 1000 });
  });
});

describe('checkNpi', () => {
  it('accepts 1234567893 and refuses 1234567890 with the expected digit (scenario 21)', () => {
    expect(checkNpi('1234567893')).toEqual({ ok: true, npi: '1234567893', unusualPrefix: false });
    expect(checkNpi('1234567890')).toEqual({ ok: false, problem: 'check-digit', expected: 3 });
  });

  it('flags a valid NPI that does not start with 1 or 2', () => {
    const npi = `312345678${npiCheckDigit('312345678')}`;
    expect(checkNpi(npi)).toEqual({ ok: true, npi, unusualPrefix: true });
    expect(checkNpi(`212345678${npiCheckDigit('212345678')}`)).toMatchObject({ ok: true, unusualPrefix: false });
  });

  it('accepts spaces and hyphens between the digits', () => {
    expect(checkNpi(' 123-456-7893 ')).toMatchObject({ ok: true, npi: '1234567893' });
    expect(checkNpi('12345 67893')).toMatchObject({ ok: true, npi: '1234567893' });
  });

  it.each([
    ['9 digits', '123456789'],
    ['11 digits', '12345678931'],
    ['a letter', '12345678X3'],
    ['a dot', '1234567.893'],
  ])('refuses %s as a format problem', (_label, input) => {
    expect(checkNpi(input)).toEqual({ ok: false, problem: 'format' });
  });

  it('reports an empty NPI as empty, not as a format problem', () => {
    expect(checkNpi('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkNpi('  ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkNpi(undefined)).toEqual({ ok: false, problem: 'empty' });
  });

  it('property: base + its check digit is valid, and any other last digit is not', () => {
    const base = fc.tuple(fc.constantFrom('1', '2'), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 8, maxLength: 8 }))
      .map(([a, b]) => a + b);
    fc.assert(fc.property(base, fc.integer({ min: 0, max: 9 }), (b, last) => {
      const check = npiCheckDigit(b);
      expect(checkNpi(`${b}${check}`)).toEqual({ ok: true, npi: `${b}${check}`, unusualPrefix: false });
      if (last !== check) expect(checkNpi(`${b}${last}`)).toEqual({ ok: false, problem: 'check-digit', expected: check });
    }), { numRuns: 1000 });
  });

  it('property: changing any single digit of a valid NPI makes it invalid', () => {
    const base = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 });
    fc.assert(fc.property(base, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (b, position, delta) => {
      const npi = `${b}${npiCheckDigit(b)}`;
      const changed = npi.slice(0, position) + String((Number(npi[position]) + delta) % 10) + npi.slice(position + 1);
      expect(checkNpi(changed).ok).toBe(false);
    }), { numRuns: 1000 });
  });
});
