import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DayNumber } from './dates';
import { addDays, addMonths, dayNumber, isoDay, dayOfMinute, minuteInDay, fiscalYear, isFederalHoliday, isoOfDay, minuteNumber, nextWorkday, shortUsDate, usDate } from './dates';

/** A number of days since 1970-01-01 as a day (fast-check draws plain integers). */
const asDay = (n: number): DayNumber => addDays(isoDay('1970-01-01'), n);
const day = (iso: string) => {
  const d = dayNumber(iso);
  if (d === undefined) throw new Error(`bad test date ${iso}`);
  return d;
};

describe('dayNumber', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(day('2024-03-01') - day('2024-02-28')).toBe(2);
    expect(day('2023-03-01') - day('2023-02-28')).toBe(1);
  });

  it.each(['2024-02-29', '2000-02-29', '2400-02-29'])('accepts leap day %s', (iso) => {
    expect(dayNumber(iso)).toBeTypeOf('number');
  });

  it.each(['2023-02-29', '1900-02-29', '2100-02-29'])('refuses %s (not a leap year)', (iso) => {
    expect(dayNumber(iso)).toBeUndefined();
  });

  it.each([
    '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-1-05', '2024/01/05', '05/01/2024', '2024-01-05T10:00',
    '', 'tomorrow', '２０２４-01-05', '2024-01-0x',
  ])('refuses %j', (text) => {
    expect(dayNumber(text)).toBeUndefined();
  });

  it('refuses undefined', () => {
    expect(dayNumber(undefined)).toBeUndefined();
  });

  it('property: isoOfDay and dayNumber are inverses', () => {
    fc.assert(fc.property(fc.integer({ min: day('1900-01-01'), max: day('2199-12-31') }).map(asDay), (n) => {
      const iso = isoOfDay(n);
      expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(dayNumber(iso)).toBe(n);
    }), { numRuns: 1000 });
  });
});

describe('addMonths', () => {
  it.each([
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2023-03-10', 12, '2024-03-10'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2025-01-15', -13, '2023-12-15'],
    ['2024-05-06', 0, '2024-05-06'],
  ])('%s + %i months = %s', (from, months, to) => {
    expect(isoOfDay(addMonths(day(from), months))).toBe(to);
  });
});

describe('nextWorkday', () => {
  it.each([
    ['2024-05-04', '2024-05-06'], // Saturday → Monday
    ['2024-05-05', '2024-05-06'], // Sunday → Monday
    ['2024-05-06', '2024-05-06'], // Monday stays
    ['2024-05-10', '2024-05-10'], // Friday stays
    ['1970-01-03', '1970-01-05'], // Saturday at the epoch
    ['1969-12-28', '1969-12-29'], // Sunday before the epoch
    ['2023-07-04', '2023-07-05'], // Independence Day (Tuesday) → Wednesday
    ['2021-12-31', '2022-01-03'], // New Year's Day 2022 (a Saturday) observed on Friday 12/31 → Monday
    ['2022-06-18', '2022-06-21'], // Saturday, Sunday Juneteenth, observed Monday → Tuesday
    ['2026-07-03', '2026-07-06'], // Independence Day 2026 (a Saturday) observed Friday → Monday
  ])('%s → %s', (from, to) => {
    expect(isoOfDay(nextWorkday(day(from)))).toBe(to);
  });

  it('is bounded: a day number beyond any calendar ends the search instead of looping', () => {
    for (const n of [Number.MAX_SAFE_INTEGER, 2 ** 60, -(2 ** 60)].map(asDay)) expect(Math.abs(nextWorkday(n) - n)).toBeLessThanOrEqual(4);
  });

  it('property: the result is a weekday that is not a federal holiday, at most four days later, and every day skipped is not a workday', () => {
    fc.assert(fc.property(fc.integer({ min: day('1950-01-01'), max: day('2150-12-31') }).map(asDay), (n) => {
      const w = nextWorkday(n);
      expect(w - n).toBeGreaterThanOrEqual(0);
      expect(w - n).toBeLessThanOrEqual(4);
      const weekday = (d: DayNumber) => new Date(`${isoOfDay(d)}T00:00:00Z`).getUTCDay();
      expect([1, 2, 3, 4, 5]).toContain(weekday(w));
      expect(isFederalHoliday(w)).toBe(false);
      for (let d = n; d < w; d = addDays(d, 1)) expect(weekday(d) === 0 || weekday(d) === 6 || isFederalHoliday(d)).toBe(true);
    }), { numRuns: 1000 });
  });

  it.each([
    ['2025-07-04', true], ['2026-07-03', true], ['2026-07-04', false], ['2021-12-31', true], ['2024-11-28', true],
    ['2024-05-27', true], ['2023-06-19', true], ['2020-06-19', false], ['2025-01-20', true], ['2024-11-11', true], ['2025-03-10', false],
  ])('%s is a federal holiday as observed: %s', (date, expected) => {
    expect(isFederalHoliday(day(date))).toBe(expected);
  });
});

describe('fiscalYear', () => {
  it.each([
    ['2025-09-30', 2025],
    ['2025-10-01', 2026],
    ['2026-09-30', 2026],
    ['2026-10-01', 2027],
    ['2024-12-31', 2025],
    ['2025-01-01', 2025],
  ])('%s is in FY%i', (iso, fy) => {
    expect(fiscalYear(day(iso))).toBe(fy);
  });
});

describe('minuteNumber, dayOfMinute and minuteInDay', () => {
  it('counts minutes from 1970-01-01T00:00', () => {
    expect(minuteNumber('1970-01-01T00:00')).toBe(0);
    expect(minuteNumber('2024-05-06T09:30')).toBe(day('2024-05-06') * 1440 + 9 * 60 + 30);
    expect(minuteNumber('2024-05-06T23:59')).toBe(day('2024-05-07') * 1440 - 1);
  });

  it('accepts seconds and milliseconds, which a datetime-local input may add', () => {
    expect(minuteNumber('2024-05-06T09:30:45')).toBe(minuteNumber('2024-05-06T09:30'));
    expect(minuteNumber('2024-05-06T09:30:45.123')).toBe(minuteNumber('2024-05-06T09:30'));
  });

  it.each([
    '2024-05-06T24:00', '2024-05-06T09:60', '2024-02-30T10:00', '2024-05-06', '2024-05-06 09:30', '2024-05-06T9:30', '2024-05-06T09:30Z', '',
  ])('refuses %j', (text) => {
    expect(minuteNumber(text)).toBeUndefined();
  });

  it('gives the day and the time of day of a valid date-time', () => {
    const minute = minuteNumber('2024-05-06T09:30')!;
    expect(isoOfDay(dayOfMinute(minute))).toBe('2024-05-06');
    expect(minuteInDay(minute)).toBe(9 * 60 + 30);
    expect(dayOfMinute(minuteNumber('1969-12-31T23:59')!)).toBe(day('1969-12-31'));
    expect(minuteInDay(minuteNumber('1969-12-31T23:59')!)).toBe(1439);
    expect(minuteNumber(undefined)).toBeUndefined();
  });
});

describe('date text', () => {
  it('writes US dates for billers and short dates for hospital remarks', () => {
    expect(usDate(day('2019-01-15'))).toBe('01/15/2019');
    expect(shortUsDate(day('2019-01-15'))).toBe('01/15/19');
    expect(shortUsDate(day('2000-12-31'))).toBe('12/31/00');
  });
});
