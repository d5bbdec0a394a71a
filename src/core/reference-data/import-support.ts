/**
 * What every importer shares: the failure that stops an import (all-or-nothing) with the line at
 * fault, rows rejected with a reason, header columns found by name, and published date formats.
 */
import type { IsoDate } from '../dates';
import { addDays, addMonths, asIsoDate, dayOf, isoDay, isoOfDay, usDate } from '../dates';
import type { Period, ReferenceTable } from './tables';

/** A row the importer could not use, with its line and the reason in the biller's words. */
export interface Rejected {
  readonly line: number;
  readonly reason: string;
}

/** Thrown inside an importer; `importReferenceFile` turns it into `{ ok: false, message }`. */
export class ImportFailure extends Error {}

/** Stops the import: nothing of the file is kept. */
export function fail(message: string, line?: number): never {
  throw new ImportFailure(line === undefined ? message : `Line ${line}: ${message}`);
}

/** A header row: its line and its cells as published. */
export interface HeaderRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** Header cells made comparable: non-breaking spaces made spaces, trimmed, upper case. */
export function headerNames(cells: readonly string[]): string[] {
  return cells.map((c) => c.replace(/\u00a0/g, ' ').trim().toUpperCase());
}

/** Maps field names to header positions; header names vary by quarter, so each field accepts several. */
export function columns<F extends string>(header: HeaderRow, names: Record<F, readonly (string | RegExp)[]>, kindName: string): Record<F, number> {
  const cells = headerNames(header.cells);
  const out = {} as Record<F, number>;
  const missing: string[] = [];
  for (const field of Object.keys(names) as F[]) {
    const index = cells.findIndex((c) => names[field].some((n) => (typeof n === 'string' ? c === n.toUpperCase() : n.test(c))));
    if (index === -1) missing.push(String(names[field][0]));
    out[field] = index;
  }
  if (missing.length > 0) fail(`the ${kindName} header has no column ${missing.join(', ')}`, header.line);
  return out;
}

/** The cell at a column, or empty text past the end of a short row. */
export const cell = (cells: readonly string[], i: number): string => cells[i] ?? '';

/** `YYYYMMDD` as CMS and FDA write dates: the ISO date, `null` when blank, `undefined` when not a date. */
export function yyyymmdd(raw: string): IsoDate | null | undefined {
  if (raw === '') return null;
  if (!/^\d{8}$/.test(raw)) return undefined;
  return asIsoDate(`${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`);
}

/** The period of a snapshot file: the single day it is as of. */
export function snapshotPeriod(asOf: IsoDate): Period {
  return { from: asOf, through: asOf, label: `as of ${usDate(dayOf(asOf))}` };
}

/** The latest of some ISO dates (`undefined` when there is none). */
export function latestDate(dates: Iterable<IsoDate | null>): IsoDate | undefined {
  let latest: IsoDate | undefined;
  for (const d of dates) if (d !== null && (latest === undefined || d > latest)) latest = d;
  return latest;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The calendar quarter holding a date, as CMS names its files: 2025-10-01 to 2025-12-31, "October 2025". */
export function quarterPeriod(iso: IsoDate): Period {
  const year = iso.slice(0, 4);
  const firstMonth = Math.floor((Number(iso.slice(5, 7)) - 1) / 3) * 3 + 1;
  const start = isoDay(`${year}-${String(firstMonth).padStart(2, '0')}-01`);
  return { from: isoOfDay(start), through: isoOfDay(addDays(addMonths(start, 3), -1)), label: `${MONTH_NAMES[firstMonth - 1]} ${year}` };
}

/**
 * A copy of a value that does not keep the text it was read from alive: JavaScript engines may
 * represent a slice of a long string as a view on it, which would keep every piece of the file
 * that a kept value came from. Short strings are copied by the engine already; a JSON round trip
 * gives a plain string of its own (and, measured, the smallest one).
 */
function detach(value: string): string {
  return value.length < 13 ? value : (JSON.parse(JSON.stringify(value)) as string);
}

/** Values of a column looked at before deciding whether the column's values repeat. */
const TRIAL_VALUES = 2000;

/**
 * The values of one import, each cut loose from the text it was read from, and kept once when
 * its column repeats values: the rows of a file repeat labelers, descriptions and units thousands
 * of times. A column whose first values do not repeat at least four times on average (NDCs,
 * package descriptions, product ids) is not pooled, which would only cost time and memory.
 */
export function valuePool(): (value: string, column: number) => string {
  const pool = new Map<string, string>();
  const seen: number[] = [], hits: number[] = [];
  return (value, column) => {
    if (value.length < 2) return value;
    const count = seen[column] ?? 0;
    if (count >= TRIAL_VALUES && hits[column]! * 4 < count * 3) return detach(value);
    if (count < TRIAL_VALUES) seen[column] = count + 1;
    const kept = pool.get(value);
    if (kept !== undefined) {
      if (count < TRIAL_VALUES) hits[column] = (hits[column] ?? 0) + 1;
      return kept;
    }
    const own = detach(value);
    pool.set(own, own);
    return own;
  };
}

/** Lines of text pushed in pieces (LF or CR LF), numbered from 1. */
export interface LineReader {
  push(text: string): void;
  /** The text is over: a last line without a line break after it is handed on (marked so). */
  end(): void;
}

export function lineReader(onLine: (text: string, line: number, unterminated?: true) => void): LineReader {
  let pending = '';
  let line = 0;
  return {
    push(text) {
      let start = 0;
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
        const whole = pending === '' ? text.slice(start, i) : pending + text.slice(start, i);
        pending = '';
        onLine(whole.endsWith('\r') ? whole.slice(0, -1) : whole, ++line);
        start = i + 1;
      }
      pending += text.slice(start);
    },
    end() {
      if (pending === '') return;
      const last = pending;
      pending = '';
      onLine(last, ++line, true);
    },
  };
}

export interface ImportOptions {
  /** Today (ISO). Two-digit years of the Purple Book are read so that no approval lies in the future. */
  readonly today: string;
  /** Called with the share of the work done, from 0 to 1. */
  readonly onProgress?: (done: number) => void;
}

/** What a reader of one file format gives back once the text is over. */
export interface Parsed {
  readonly table: ReferenceTable;
  readonly notes?: readonly string[];
  /** Rows read but left out without fault (exact repeats the publisher is known to make). */
  readonly repeated?: number;
}

/** A reader of one file format: the text pushed in pieces, the table once it is over. Throws `ImportFailure`. */
export interface FormatReader {
  push(text: string): void;
  finish(): Parsed;
}

/** What every format reader of one import shares. */
export interface ReadContext {
  readonly options: ImportOptions;
  readonly rejected: Rejected[];
  /** Keeps a value of a column, once per import when the column repeats values (see `valuePool`). */
  readonly keep: (value: string, column: number) => string;
  /** Called as soon as the reader knows the kind of the file (its size limit is checked then). */
  readonly identified: (kind: ReferenceTable['kind']) => void;
}
