/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) and local date-times (`YYYY-MM-DDTHH:mm`).
 * Dates are handled as whole days counted from 1970-01-01 (UTC), so no time zone ever moves a date.
 * The brands `IsoDate`, `DayNumber` and `MinuteNumber` are made here and only here (brands.ts).
 */
import type { Brand, Plain } from './brands';
import { memoize } from './memo';

/** A real calendar date written `YYYY-MM-DD`. */
export type IsoDate = Brand<string, 'IsoDate'>;
/** Days since 1970-01-01: a date, never a count of units or an index. */
export type DayNumber = Brand<number, 'DayNumber'>;
/** Minutes since 1970-01-01T00:00 (local time, no zone): a moment, never a duration. */
export type MinuteNumber = Brand<number, 'MinuteNumber'>;

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return (era * 146097 + doe - 719468) as DayNumber;
}

function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Day number of a valid ISO date, or `undefined` when the text is not a real calendar date. */
export function dayNumber(text: string | undefined): DayNumber | undefined {
  if (text === undefined || text.length !== 10 || text[4] !== '-' || text[7] !== '-') return undefined;
  const y = digits(text, 0, 4), mo = digits(text, 5, 2), d = digits(text, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return daysFromCivil(y, mo, d);
}

/** The text as an `IsoDate` when it is a real calendar date written `YYYY-MM-DD`, else `undefined`. */
export function asIsoDate(text: string | undefined): IsoDate | undefined {
  return dayNumber(text) === undefined ? undefined : text as IsoDate;
}

/** The day number of a date known to be valid. */
export function dayOf(date: IsoDate): DayNumber {
  return dayNumber(date) as DayNumber;
}

/**
 * The day number of a date written in the code (a constant table): a typo is a programmer's error,
 * so it throws when the module loads rather than leaving `undefined` to a check.
 */
export function isoDay(text: string): DayNumber {
  const day = dayNumber(text);
  if (day === undefined) throw new Error(`not a calendar date: ${text}`);
  return day;
}

/** `isoDay` for a date kept as text: the `IsoDate` of a date written in the code. */
export function isoDate(text: string): IsoDate {
  return isoOfDay(isoDay(text));
}

/** Minutes since 1970-01-01T00:00 of a valid local date-time, or `undefined`. */
export function minuteNumber(text: string | undefined): MinuteNumber | undefined {
  return text === undefined ? undefined : minuteOf(text);
}

const minuteOf = memoize((text: string): MinuteNumber | undefined => {
  const m = DATE_TIME.exec(text);
  if (m === null) return undefined;
  const day = dayNumber(m[1]);
  const h = Number(m[2]), min = Number(m[3]);
  if (day === undefined || h > 23 || min > 59) return undefined;
  return (day * 1440 + h * 60 + min) as MinuteNumber;
});

/** The day a moment falls on. */
export function dayOfMinute(minute: MinuteNumber): DayNumber {
  return Math.floor(minute / 1440) as DayNumber;
}

/** The minutes since midnight of a moment (0 … 1439). */
export function minuteInDay(minute: MinuteNumber): number {
  return minute - dayOfMinute(minute) * 1440;
}

/** The day `days` days after (before, when negative) a day. */
export function addDays(day: DayNumber, days: Plain<number>): DayNumber {
  return (day + days) as DayNumber;
}

/** Days from one day to another (negative when `to` is earlier). */
export function daysBetween(from: DayNumber, to: DayNumber): number {
  return to - from;
}

/** The later of two days. */
export function laterDay(a: DayNumber, b: DayNumber): DayNumber {
  return a >= b ? a : b;
}

/** Year, month and day of a day number (H. Hinnant's civil_from_days). */
function civilFromDays(day: DayNumber): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The ISO date of a day of the years 0000–9999 (every date the core reads, and the arithmetic on them). */
export function isoOfDay(day: DayNumber): IsoDate {
  const [y, m, d] = civilFromDays(day);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` as IsoDate;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Adds calendar months; the day is clamped to the target month (2024-02-29 + 12 months = 2025-02-28). */
export function addMonths(day: DayNumber, months: Plain<number>): DayNumber {
  const [y, m, d] = civilFromDays(day);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12), tm = total - ty * 12 + 1;
  return daysFromCivil(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** The last day of the `months`-th calendar month after the month of `day` (March 15 and 6: September 30). */
export function lastDayOfMonthAfter(day: DayNumber, months: Plain<number>): DayNumber {
  const [y, m] = civilFromDays(day);
  const total = y * 12 + (m - 1) + months + 1;
  const ty = Math.floor(total / 12);
  return addDays(daysFromCivil(ty, total - ty * 12 + 1, 1), -1);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekday(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The n-th given weekday of a month (n = -1: the last one). */
function nthWeekday(year: number, month: number, wanted: number, n: number): DayNumber {
  if (n > 0) {
    const first = daysFromCivil(year, month, 1);
    return addDays(first, ((wanted - weekday(first) + 7) % 7) + (n - 1) * 7);
  }
  const last = daysFromCivil(year, month, daysInMonth(year, month));
  return addDays(last, -((weekday(last) - wanted + 7) % 7));
}

/** A fixed-date holiday on a Saturday is observed the Friday before, on a Sunday the Monday after. */
function observed(day: DayNumber): DayNumber {
  const w = weekday(day);
  return w === 6 ? addDays(day, -1) : w === 0 ? addDays(day, 1) : day;
}

/** US federal holidays of a year as observed (5 U.S.C. 6103). */
const federalHolidays = memoize((yearText: string): ReadonlySet<DayNumber> => {
  const y = Number(yearText);
  const days = [
    observed(daysFromCivil(y, 1, 1)), nthWeekday(y, 1, 1, 3), nthWeekday(y, 2, 1, 3), nthWeekday(y, 5, 1, -1),
    observed(daysFromCivil(y, 7, 4)), nthWeekday(y, 9, 1, 1), nthWeekday(y, 10, 1, 2), observed(daysFromCivil(y, 11, 11)),
    nthWeekday(y, 11, 4, 4), observed(daysFromCivil(y, 12, 25)),
  ];
  if (y >= 2021) days.push(observed(daysFromCivil(y, 6, 19)));
  // New Year's Day of the next year can be observed on December 31.
  days.push(observed(daysFromCivil(y + 1, 1, 1)));
  return new Set(days);
});

export function isFederalHoliday(day: DayNumber): boolean {
  return federalHolidays(String(civilFromDays(day)[0])).has(day);
}

/** Non-workdays in a row are at most a weekend and the observed holiday beside it. */
const MAX_DAYS_OFF = 4;

/**
 * The same day, or the next one that is neither a weekend day nor a federal holiday (as observed).
 * Bounded: it looks at most a few days ahead, so a day number beyond any calendar cannot loop.
 */
export function nextWorkday(day: DayNumber): DayNumber {
  let d = day;
  for (let i = 0; i < MAX_DAYS_OFF && (weekday(d) === 0 || weekday(d) === 6 || isFederalHoliday(d)); i++) d = addDays(d, 1);
  return d;
}

/** US federal fiscal year of a date: FY2026 runs from 2025-10-01 to 2026-09-30. */
export function fiscalYear(day: DayNumber): number {
  const [y, m] = civilFromDays(day);
  return m >= 10 ? y + 1 : y;
}

/** The first and last days of a US federal fiscal year: FY2026 is 2025-10-01 through 2026-09-30. */
export function fiscalYearDates(year: number): { readonly from: IsoDate; readonly through: IsoDate } {
  return { from: isoOfDay(daysFromCivil(year - 1, 10, 1)), through: isoOfDay(daysFromCivil(year, 9, 30)) };
}

/** `MM/DD/YY`, as hospital remarks write a date. */
export function shortUsDate(day: DayNumber): string {
  const iso = isoOfDay(day);
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(2, 4)}`;
}

/** `MM/DD/YYYY`, as billers read a date. */
export function usDate(day: DayNumber): string {
  const iso = isoOfDay(day);
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}
