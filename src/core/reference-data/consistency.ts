/**
 * A reference file that contradicts itself is refused, with the line and the reason (the import is
 * all-or-nothing, so the data imported before stay): a published file never does, and one that
 * does would change answers silently (a code listed twice: the last row would win).
 * - The dates that say what a file covers (a CMS banner's quarter, the quarter of a HCPCS file, an
 *   ICD-10-CM fiscal year, the day an FDA file is as of) lie within 1990–2100.
 * - A crosswalk or payment-limit banner covers exactly one calendar quarter.
 * - A HCPCS file lists a code once for any date: two rows of a code with overlapping dates, or a
 *   code ended before it was added, are refused. Its row dates lie within 1980–2100: CMS dates its
 *   oldest codes January 1, 1982, before the HCPCS was in use, so the 1990 bound would refuse
 *   every published file.
 * - An FDA file is not as of a day after today (its listings are those of the day it was
 *   downloaded).
 */
import type { IsoDate } from '../dates';
import { dayOf, isoDate, usDate } from '../dates';
import { formatDate } from '../format';
import { fail, quarterPeriod } from './import-support';
import type { HcpcsRow, Period } from './tables';

/** The years a reference file's period lies in. */
export const PERIOD_YEARS = { first: 1990, last: 2100 } as const;
/** The years the dates of a HCPCS row lie in (its oldest codes are dated 1982). */
const HCPCS_ROW_YEARS = { first: 1980, last: 2100 } as const;

const year = (iso: string) => Number(iso.slice(0, 4));
const inYears = (iso: string, years: { first: number; last: number }) => year(iso) >= years.first && year(iso) <= years.last;
const LAST_DATE = isoDate('9999-12-31');
const shown = (iso: IsoDate) => usDate(dayOf(iso));

/** Refuses a period outside 1990–2100: `what` says what covers it ("the banner of this …"). */
export function checkPeriodYears(period: Pick<Period, 'from' | 'through'>, what: string, line?: number): void {
  if (inYears(period.from, PERIOD_YEARS) && inYears(period.through, PERIOD_YEARS)) return;
  const dates = period.from === period.through ? shown(period.from) : `${shown(period.from)} through ${shown(period.through)}`;
  fail(`${what} covers ${dates}, outside ${PERIOD_YEARS.first}–${PERIOD_YEARS.last}: no file CMS or the FDA publishes for the wizard covers such dates. Download the file again`, line);
}

/** Refuses a banner that does not cover exactly one calendar quarter. */
export function checkQuarter(period: Pick<Period, 'from' | 'through'>, kindName: string, line: number): void {
  checkPeriodYears(period, `the banner of this ${kindName}`, line);
  const quarter = quarterPeriod(period.from);
  if (period.from === quarter.from && period.through === quarter.through) return;
  fail(`this ${kindName} says it is effective from ${shown(period.from)} through ${shown(period.through)}, which is not one calendar quarter. CMS publishes it for one quarter (January–March, April–June, July–September or October–December): use the file as CMS publishes it`, line);
}

/** Refuses an FDA file as of a day after today, or outside 1990–2100. */
export function checkAsOf(asOf: IsoDate, today: string, kindName: string, line: number): void {
  checkPeriodYears({ from: asOf, through: asOf }, `this ${kindName}, as of its latest date,`, line);
  if (asOf > today) fail(`this ${kindName} lists a date, ${shown(asOf)}, after today (${formatDate(today)}), so the day it is as of would lie in the future: the file was edited, or this computer's date is wrong`, line);
}

/**
 * The check of a HCPCS file's rows as they come: dates within 1980–2100, a code not ended before
 * it was added, and never listed twice for the same dates.
 */
export function hcpcsRowCheck(): (line: number, row: HcpcsRow) => void {
  const seen = new Map<string, { line: number; added: IsoDate; terminated: IsoDate | null }[]>();
  return (line, row) => {
    for (const date of [row.added, row.effective, row.terminated]) {
      if (date !== null && !inYears(date, HCPCS_ROW_YEARS)) {
        fail(`code ${row.code} has the date ${shown(date)}, outside ${HCPCS_ROW_YEARS.first}–${HCPCS_ROW_YEARS.last}: the file was damaged or edited. Download it again from CMS`, line);
      }
    }
    if (row.terminated !== null && row.terminated < row.added) {
      fail(`code ${row.code} ends on ${shown(row.terminated)}, before it was added (${shown(row.added)}): the file was damaged or edited. Download it again from CMS`, line);
    }
    const key = `${row.isModifier ? 'modifier' : 'code'} ${row.code}`;
    const rows = seen.get(key) ?? [];
    const end = (t: IsoDate | null) => t ?? LAST_DATE;
    const twin = rows.find((r) => r.added <= end(row.terminated) && row.added <= end(r.terminated));
    if (twin !== undefined) {
      fail(`${key} is listed again, for dates that overlap those of line ${twin.line} (from ${shown(twin.added)} and from ${shown(row.added)}). A published file lists a code once for any date, so which row holds cannot be told. Download the file again from CMS`, line);
    }
    rows.push({ line, added: row.added, terminated: row.terminated });
    seen.set(key, rows);
  };
}
