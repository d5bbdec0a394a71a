/**
 * The built-in reference data: a dated snapshot of the CMS and FDA files, read by the same
 * importers as the app and written compactly (`npm run reference:build`). It answers until the
 * biller imports files; an imported file supersedes the built-in table of its kind and period.
 *
 * Compact form: each table is stored by column. A column whose values repeat (labelers, units,
 * descriptions shared by many NDCs) is a list of distinct values and, per row, an index into it.
 * ICD-10-CM years are stored as the newest year whole and each other year as its differences from
 * it (a year changes a few hundred of its 98,000 codes). ICD-10-CM rows keep the short description
 * only, for both descriptions.
 */
import type { ReferenceFileInfo } from './coverage';
import type { Icd10Row, Period, ReferenceKind, ReferenceTable } from './tables';
import { storeKey } from './tables';

/** Raised when the stored form changes; a snapshot of another format is refused, never misread. */
export const SNAPSHOT_FORMAT = 2;

/** One source file of the snapshot, as published. */
export interface SnapshotSource {
  readonly file: string;
  readonly kind: ReferenceKind;
  readonly period: Period;
  readonly rows: number;
  readonly sha256: string;
}

/**
 * A column: every value in row order; or distinct values and each row's index into them; or, for
 * text that shares its start with the value before (codes, NDCs, descriptions in code order),
 * front-coded values (see `frontCode`).
 */
type Column = readonly unknown[] | { readonly values: readonly unknown[]; readonly index: readonly number[] } | { readonly front: readonly string[] };

type CompactTable =
  | { readonly kind: Exclude<ReferenceKind, 'icd10-order'>; readonly period: Period; readonly rows: CompactRows }
  | { readonly kind: 'icd10-order'; readonly period: Period; readonly fiscalYear: number; readonly codes: IcdColumns }
  | { readonly kind: 'icd10-order'; readonly period: Period; readonly fiscalYear: number; readonly base: number; readonly removed: readonly string[]; readonly added: IcdColumns };

/**
 * ICD-10-CM rows by column: codes, billable flags as a string of 0/1, short descriptions. Codes and
 * descriptions are front-coded: in code order each shares much of its start with the one before
 * ("Displaced fracture of shaft of right femur, …"), so each is written as one character telling
 * how many characters it shares (`0` for none, `1` for one, …) and the rest.
 */
interface IcdColumns {
  readonly code: readonly string[];
  readonly billable: string;
  readonly description: readonly string[];
}

export interface Snapshot {
  readonly format: number;
  /** "October 2025": the quarter the CMS files are for. */
  readonly label: string;
  /** ISO date the snapshot was built from its files. */
  readonly built: string;
  readonly sources: readonly SnapshotSource[];
  readonly tables: readonly CompactTable[];
}

const SHARED_BASE = 48;

function frontCode(values: readonly string[]): string[] {
  let previous = '';
  return values.map((value) => {
    let shared = 0;
    while (shared < previous.length && shared < value.length && previous[shared] === value[shared]) shared++;
    previous = value;
    return String.fromCharCode(SHARED_BASE + shared) + value.slice(shared);
  });
}

function frontDecode(coded: readonly string[]): string[] {
  let previous = '';
  return coded.map((c) => (previous = previous.slice(0, c.charCodeAt(0) - SHARED_BASE) + c.slice(1)));
}

function encodeColumn(values: readonly unknown[]): Column {
  const distinct = new Map<unknown, number>();
  const index = values.map((v) => {
    let i = distinct.get(v);
    if (i === undefined) { i = distinct.size; distinct.set(v, i); }
    return i;
  });
  if (distinct.size * 2 <= values.length) return { values: [...distinct.keys()], index };
  if (values.every((v) => typeof v === 'string')) {
    const front = frontCode(values as string[]);
    const length = (list: readonly string[]) => list.reduce((sum, v) => sum + v.length, 0);
    if (length(front) * 10 < length(values as string[]) * 7) return { front };
  }
  return values;
}

function decodeColumn(column: Column): readonly unknown[] {
  if (Array.isArray(column)) return column;
  if ('front' in column) return frontDecode(column.front);
  const { values, index } = column as { values: readonly unknown[]; index: readonly number[] };
  return index.map((i) => values[i]);
}

/** Rows of one table by column (objects by field name, tuples such as ICD-10-CM rows by position). */
export interface CompactRows {
  readonly fields: readonly string[];
  readonly tuples: boolean;
  readonly columns: readonly Column[];
}

export function compactRows(rows: readonly object[]): CompactRows {
  const tuples = Array.isArray(rows[0]);
  const fields = Object.keys(rows[0] ?? {});
  return { fields, tuples, columns: fields.map((f) => encodeColumn(rows.map((r) => (r as Record<string, unknown>)[f]))) };
}

export function expandRows(compact: CompactRows): unknown[] {
  const columns = compact.columns.map(decodeColumn);
  const { fields, tuples } = compact;
  const count = columns[0]?.length ?? 0;
  const rows = new Array<unknown>(count);
  for (let i = 0; i < count; i++) {
    // A tuple (an ICD-10-CM row) is an array indexed by its fields "0", "1", …
    const row = (tuples ? new Array<unknown>(fields.length) : {}) as Record<string, unknown>;
    for (let c = 0; c < fields.length; c++) row[fields[c]!] = columns[c]![i];
    rows[i] = row;
  }
  return rows;
}

const icdColumns = (rows: readonly Icd10Row[]): IcdColumns => ({
  code: frontCode(rows.map((r) => r[0])), billable: rows.map((r) => (r[1] ? '1' : '0')).join(''), description: frontCode(rows.map((r) => r[2])),
});
function icdRows(c: IcdColumns): Icd10Row[] {
  const codes = frontDecode(c.code), descriptions = frontDecode(c.description);
  return codes.map((code, i) => [code, c.billable[i] === '1', descriptions[i]!, descriptions[i]!]);
}
const sameIcdRow = (a: Icd10Row, b: Icd10Row) => a[1] === b[1] && a[2] === b[2];

/** The compact snapshot of imported tables (at most one per kind and period). */
export function encodeSnapshot(label: string, built: string, sources: readonly SnapshotSource[], tables: readonly ReferenceTable[]): Snapshot {
  const icd = tables.filter((t): t is Extract<ReferenceTable, { kind: 'icd10-order' }> => t.kind === 'icd10-order').sort((a, b) => b.fiscalYear - a.fiscalYear);
  const newest = icd[0];
  const newestByCode = new Map((newest?.rows ?? []).map((r) => [r[0], r]));
  const compact = tables.map((table): CompactTable => {
    if (table.kind !== 'icd10-order') return { kind: table.kind, period: table.period, rows: compactRows(table.rows) };
    if (table === newest) return { kind: table.kind, period: table.period, fiscalYear: table.fiscalYear, codes: icdColumns(table.rows) };
    const own = new Set(table.rows.map((r) => r[0]));
    return {
      kind: table.kind, period: table.period, fiscalYear: table.fiscalYear, base: newest!.fiscalYear,
      removed: newest!.rows.filter((r) => !own.has(r[0])).map((r) => r[0]),
      added: icdColumns(table.rows.filter((r) => { const n = newestByCode.get(r[0]); return n === undefined || !sameIcdRow(n, r); })),
    };
  });
  return { format: SNAPSHOT_FORMAT, label, built, sources, tables: compact };
}

/**
 * The tables of a snapshot, as the importers gave them (ICD-10-CM with short descriptions); only
 * those `wanted` are decoded (an imported file may supersede the others).
 */
export function decodeSnapshot(snapshot: Snapshot, wanted: (table: { kind: ReferenceKind; period: Period }) => boolean = () => true): ReferenceTable[] {
  if (snapshot.format !== SNAPSHOT_FORMAT) throw new Error(`the built-in reference data are in format ${snapshot.format}; this version of the wizard reads format ${SNAPSHOT_FORMAT}`);
  const icdYears = new Map<number, () => Icd10Row[]>();
  for (const t of snapshot.tables) {
    if ('codes' in t) {
      let rows: Icd10Row[] | undefined;
      icdYears.set(t.fiscalYear, () => (rows ??= icdRows(t.codes)));
    }
  }
  return snapshot.tables.filter(wanted).map((t) => {
    if ('codes' in t) return { kind: 'icd10-order', period: t.period, fiscalYear: t.fiscalYear, rows: icdYears.get(t.fiscalYear)!() };
    if ('base' in t) {
      const removed = new Set(t.removed);
      const changed = new Map(icdRows(t.added).map((r) => [r[0], r]));
      const rows = (icdYears.get(t.base)?.() ?? []).filter((r) => !removed.has(r[0])).map((r) => changed.get(r[0]) ?? r);
      const present = new Set(rows.map((r) => r[0]));
      for (const r of changed.values()) if (!present.has(r[0])) rows.push(r);
      return { kind: 'icd10-order', period: t.period, fiscalYear: t.fiscalYear, rows: rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) };
    }
    // Written by encodeSnapshot from a table of this kind: the same fields, row for row.
    return { kind: t.kind, period: t.period, rows: expandRows(t.rows) } as ReferenceTable;
  });
}

/** What the app lists about each built-in table, like an imported file's entry. */
export function snapshotFiles(snapshot: Pick<Snapshot, 'built' | 'sources'>): ReferenceFileInfo[] {
  return snapshot.sources.map((s) => ({
    key: storeKey(s), kind: s.kind, period: s.period, fileName: s.file, importedAt: snapshot.built, rowCount: s.rows, rejectedCount: 0, builtIn: true,
  }));
}

/**
 * The tables to answer from: every imported table, and each built-in table that no import of the
 * same kind and period (for an FDA file: of the same kind) supersedes.
 */
export function withBuiltIn<T extends { readonly kind: ReferenceKind; readonly period: Period }>(imported: readonly T[], builtIn: readonly T[]): T[] {
  const keys = new Set(imported.map(storeKey));
  return [...imported, ...builtIn.filter((t) => !keys.has(storeKey(t)))];
}
