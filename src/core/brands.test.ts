/**
 * The brands (brands.ts): their validating constructors, the compile-time walls between them (the
 * `@ts-expect-error` lines fail `npm run typecheck` the day a brand stops refusing a value), and
 * that no source file but a brand's own module makes one with a cast.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lex, sourceFiles } from '../test-support/source-text';
import type { Plain } from './brands';
import type { HcpcsCode } from './codes';
import { asHcpcsCode, knownHcpcsCode, NOC } from './codes';
import type { DayNumber, IsoDate, MinuteNumber } from './dates';
import { addDays, asIsoDate, dayNumber, dayOf, isoDate, isoDay, isoOfDay, minuteNumber } from './dates';
import { formatCount } from './format';
import type { Ndc11 } from './ndc';
import { asNdc11, knownNdc11, parseNdc } from './ndc';
import { NO_REFERENCE } from './reference';

const takesNdc11 = (ndc11: Ndc11) => ndc11;
const takesCode = (code: HcpcsCode) => code;
const takesDate = (date: IsoDate) => date;
const takesDay = (day: DayNumber) => day;
const takesMinute = (minute: MinuteNumber) => minute;
const takesCount = (count: Plain<number>) => count;

describe('the brands at compile time', () => {
  const ndc11 = knownNdc11('00409156029');
  const code = knownHcpcsCode('J3490');
  const date = isoDate('2024-02-29');
  const day = isoDay('2024-02-29');
  const minute = minuteNumber('2024-02-29T09:30')!;

  it('refuses a plain string, a 10-digit NDC, a date or a code where an 11-digit NDC is wanted', () => {
    // @ts-expect-error a plain string is not an Ndc11
    takesNdc11('00409156029');
    // @ts-expect-error a 10-digit NDC is not an Ndc11
    takesNdc11('0409156029');
    // @ts-expect-error an IsoDate is not an Ndc11
    takesNdc11(date);
    // @ts-expect-error a HcpcsCode is not an Ndc11
    takesNdc11(code);
    // @ts-expect-error the reference looks an NDC up only as an Ndc11, never as typed text
    NO_REFERENCE.drugFacts('00409-1560-29');
    expect(takesNdc11(ndc11)).toBe('00409156029');
  });

  it('refuses a plain string, an NDC or a date where a HCPCS code is wanted', () => {
    // @ts-expect-error a plain string is not a HcpcsCode
    takesCode('J3490');
    // @ts-expect-error an Ndc11 is not a HcpcsCode
    takesCode(ndc11);
    // @ts-expect-error an IsoDate is not a HcpcsCode
    takesCode(date);
    // @ts-expect-error the reference answers for a HcpcsCode only
    NO_REFERENCE.codeValidity('J3490', date);
    expect(takesCode(NOC.J3490)).toBe(code);
  });

  it('refuses a plain string, an NDC or a code where a date is wanted, and a date where a day number is', () => {
    // @ts-expect-error a plain string is not an IsoDate
    takesDate('2024-02-29');
    // @ts-expect-error an Ndc11 is not an IsoDate
    takesDate(ndc11);
    // @ts-expect-error a HcpcsCode is not an IsoDate
    takesDate(code);
    // @ts-expect-error an IsoDate is not a DayNumber
    takesDay(date);
    // @ts-expect-error the reference answers on an IsoDate only
    NO_REFERENCE.crosswalkCodes(ndc11, '2024-02-29');
    expect(takesDate(isoOfDay(day))).toBe(date);
  });

  it('keeps day numbers, moments and counts apart', () => {
    // @ts-expect-error a count is not a day number
    takesDay(19782);
    // @ts-expect-error a moment is not a day number
    takesDay(minute);
    // @ts-expect-error a day number is not a moment
    takesMinute(day);
    // @ts-expect-error a day number is not a count of units
    takesCount(day);
    // @ts-expect-error a day number is not a number of days to add
    addDays(day, day);
    // @ts-expect-error a day number is not a count to print
    formatCount(day);
    expect(takesCount(day - isoDay('2024-01-01'))).toBe(59);
    expect(takesDay(addDays(day, 1))).toBe(isoDay('2024-03-01'));
  });
});

describe('asNdc11', () => {
  it('takes 11 digits and nothing else', () => {
    expect(asNdc11('00409156029')).toBe('00409156029');
    for (const text of ['0409156029', '004091560290', '00409-1560-29', ' 00409156029', '0040915602x', '', undefined, null]) expect(asNdc11(text)).toBeUndefined();
  });

  it('agrees with parseNdc, which reads the layouts a biller types', () => {
    const read = parseNdc('0409-1560-29');
    expect(read.ok && asNdc11(read.ndc.ndc11)).toBe('00409156029');
    expect(parseNdc('0409156029').ok).toBe(false);
  });

  it('throws on a typo in an NDC written in the code', () => {
    expect(() => knownNdc11('0409156029')).toThrow('not an 11-digit NDC: 0409156029');
  });
});

describe('asHcpcsCode', () => {
  it('reads HCPCS Level II and CPT codes, trimmed and upper-cased', () => {
    expect(asHcpcsCode('J3490')).toBe('J3490');
    expect(asHcpcsCode(' j3490 ')).toBe('J3490');
    expect(asHcpcsCode('96413')).toBe('96413');
    expect(asHcpcsCode('0591t')).toBe('0591T');
  });

  it.each(['J349', 'J34900', 'JJ490', 'J-490', '', '   ', undefined, null])('refuses %j', (text) => {
    expect(asHcpcsCode(text)).toBeUndefined();
  });

  it('throws on a code written in the code that is not one exactly as written', () => {
    expect(() => knownHcpcsCode('j3490')).toThrow('not a HCPCS code: j3490');
    expect(() => knownHcpcsCode('J349')).toThrow('not a HCPCS code: J349');
  });
});

describe('asIsoDate and isoDay', () => {
  it('takes a real calendar date, Feb 29 only in a leap year', () => {
    for (const text of ['2024-02-29', '2000-02-29', '2023-12-31', '1970-01-01']) expect(asIsoDate(text)).toBe(text);
    for (const text of ['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-1-05', ' 2024-01-05', '2024-01-05T10:00', '', undefined]) {
      expect(asIsoDate(text)).toBeUndefined();
    }
  });

  it('gives the day number of a date, and back', () => {
    const date = asIsoDate('2024-02-29')!;
    expect(dayOf(date)).toBe(dayNumber('2024-02-29'));
    expect(isoOfDay(dayOf(date))).toBe(date);
    expect(isoDay('1970-01-02')).toBe(1);
  });

  it('throws on a typo in a date written in the code', () => {
    expect(() => isoDay('2023-02-29')).toThrow('not a calendar date: 2023-02-29');
    expect(() => isoDate('2024-13-01')).toThrow('not a calendar date: 2024-13-01');
  });
});

/** Each brand, and the one module that may cast to it. */
const OWNERS: Readonly<Record<string, string>> = {
  Ndc11: 'ndc.ts', HcpcsCode: 'codes.ts', IsoDate: 'dates.ts', DayNumber: 'dates.ts', MinuteNumber: 'dates.ts',
};

describe('where brands are made', () => {
  it('only a brand\'s own module casts to it: everything else goes through its validating constructors', () => {
    const root = import.meta.dirname;
    const casts: string[] = [];
    for (const file of sourceFiles(`${root}/..`)) {
      const { code } = lex(readFileSync(file, 'utf8'));
      for (const m of code.matchAll(/\bas\s+(Ndc11|HcpcsCode|IsoDate|DayNumber|MinuteNumber)\b/g)) {
        const own = relative(root, file).split(sep).join('/');
        if (own !== OWNERS[m[1]!]) casts.push(`${relative(`${root}/..`, file)}: as ${m[1]}`);
      }
    }
    expect(casts).toEqual([]);
  });
});
