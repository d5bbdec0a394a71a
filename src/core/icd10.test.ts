import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIcd10 } from './icd10';

describe('parseIcd10', () => {
  it.each([
    ['D59.5', 'D595', 'D59.5'],
    ['C4A.0', 'C4A0', 'C4A.0'],
    ['G35.A', 'G35A', 'G35.A'],
    ['G35', 'G35', 'G35'],
    ['S72.001A', 'S72001A', 'S72.001A'],
    ['T36.0X1A', 'T360X1A', 'T36.0X1A'],
    ['U07.1', 'U071', 'U07.1'],
    ['Z00.6', 'Z006', 'Z00.6'],
    ['C79.51', 'C7951', 'C79.51'],
    ['D595', 'D595', 'D59.5'],
    ['d59.5', 'D595', 'D59.5'],
    ['g35.a', 'G35A', 'G35.A'],
    ['  C22.0 ', 'C220', 'C22.0'],
  ])('reads %j as %s, shown %s', (input, code, display) => {
    expect(parseIcd10(input)).toEqual({ code, display });
  });

  it.each([
    ['a dot after the 2nd character', 'D5.95'],
    ['a dot after the 4th character', 'D595.1'],
    ['two dots', 'D59..5'],
    ['two dots apart', 'S72.001.A'],
    ['a trailing dot', 'D59.'],
    ['a leading dot', '.D595'],
    ['a digit first', '159.5'],
    ['letters second and third', 'DDD.5'],
    ['too short', 'D5'],
    ['8 characters', 'S72.001AB'],
    ['a hyphen', 'D59-5'],
    ['a symbol', 'D59.5*'],
    ['empty', ''],
    ['ICD-9', '250.00'],
  ])('refuses %s (%j)', (_label, input) => {
    expect(parseIcd10(input)).toBeUndefined();
  });

  it('refuses undefined', () => {
    expect(parseIcd10(undefined)).toBeUndefined();
  });

  it('property: the display form reads back to the same code', () => {
    const alnum = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    const code = fc.tuple(
      fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), fc.constantFrom(...'0123456789'), alnum, fc.string({ unit: alnum, maxLength: 4 }),
    ).map(([a, b, c, rest]) => `${a}${b}${c}${rest}`);
    fc.assert(fc.property(code, (c) => {
      const parsed = parseIcd10(c);
      expect(parsed?.code).toBe(c);
      expect(parseIcd10(parsed!.display)).toEqual(parsed);
      expect(parseIcd10(c.toLowerCase())).toEqual(parsed);
    }), { numRuns: 1000 });
  });
});
