/**
 * What every importer shares: the failure that stops an import (all-or-nothing) with the line at
 * fault, rows rejected with a reason, header columns found by name, and published date formats.
 */
import { addMonths, dayNumber, isoOfDay, usDate } from '../dates';
import type { Period } from './tables';

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
export function yyyymmdd(raw: string): string | null | undefined {
  if (raw === '') return null;
  if (!/^\d{8}$/.test(raw)) return undefined;
  const iso = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
  return dayNumber(iso) === undefined ? undefined : iso;
}

/** The period of a snapshot file: the single day it is as of. */
export function snapshotPeriod(asOf: string): Period {
  return { from: asOf, through: asOf, label: `as of ${usDate(dayNumber(asOf)!)}` };
}

/** The latest of some ISO dates (`undefined` when there is none). */
export function latestDate(dates: Iterable<string | null>): string | undefined {
  let latest: string | undefined;
  for (const d of dates) if (d !== null && (latest === undefined || d > latest)) latest = d;
  return latest;
}

/** Reports progress every `every` items, from `from` to `to` of the whole import. */
export function progressSteps(onProgress: ((done: number) => void) | undefined, total: number, from: number, to: number, every = 4096): (index: number) => void {
  if (onProgress === undefined || total === 0) return () => {};
  return (index) => {
    if (index % every === 0) onProgress(from + ((to - from) * index) / total);
  };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The calendar quarter holding a date, as CMS names its files: 2025-10-01 to 2025-12-31, "October 2025". */
export function quarterPeriod(iso: string): Period {
  const year = iso.slice(0, 4);
  const firstMonth = Math.floor((Number(iso.slice(5, 7)) - 1) / 3) * 3 + 1;
  const start = dayNumber(`${year}-${String(firstMonth).padStart(2, '0')}-01`)!;
  return { from: isoOfDay(start), through: isoOfDay(addMonths(start, 3) - 1), label: `${MONTH_NAMES[firstMonth - 1]} ${year}` };
}
