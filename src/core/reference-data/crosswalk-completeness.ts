/**
 * Whether a CMS ASP NDC-HCPCS crosswalk is a whole quarter or a part of one (a sample, the first
 * lines, an excerpt someone trimmed). A partial crosswalk is kept and used, but the wizard never
 * takes an NDC's absence from it as "no code of its own": the Reference data screen, the command
 * line's report and the coverage finding of each claim it would decide say it is partial.
 *
 * A crosswalk is partial when
 * - it has fewer than PARTIAL_CROSSWALK_ROWS rows: a quarter's crosswalk lists about 8,000 NDCs
 *   (October 2025: 8,245 rows), so one with under a quarter of that is not a whole quarter; or
 * - it lacks most (more than half) of the NDCs of the previous quarter loaded (the nearest earlier
 *   crosswalk that is not partial itself): from one quarter to the next CMS adds and drops a few
 *   hundred NDCs, never most of them.
 */
import { formatCount } from '../format';
import type { CrosswalkRow, Period, ReferenceTable } from './tables';
import { storeKey } from './tables';

/** Fewer rows than this and a crosswalk is not a whole quarter's (a quarter's has about 8,000). */
export const PARTIAL_CROSSWALK_ROWS = 2000;
/** Share of the previous quarter's NDCs a whole quarter keeps, at least. */
const KEPT_SHARE = 0.5;

/** Why a crosswalk of `rows` rows is partial by its size alone; `undefined` when its size is a quarter's. */
export function partialBySize(rows: number): string | undefined {
  return rows >= PARTIAL_CROSSWALK_ROWS ? undefined
    : `${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'}, where a quarter's crosswalk has about 8,000 (fewer than ${formatCount(PARTIAL_CROSSWALK_ROWS)} is taken for a part of one)`;
}

interface CrosswalkTable {
  readonly period: Period;
  readonly rows: readonly Pick<CrosswalkRow, 'ndc11'>[];
}

/** The crosswalks that are partial, each with why, in the biller's words. */
export function partialCrosswalks<T extends CrosswalkTable>(tables: readonly T[]): Map<T, string> {
  const partial = new Map<T, string>();
  const oldestFirst = [...tables].sort((a, b) => a.period.from.localeCompare(b.period.from));
  let previous: { table: T; ndcs: Set<string> } | undefined;
  for (const table of oldestFirst) {
    const bySize = partialBySize(table.rows.length);
    if (bySize !== undefined) { partial.set(table, bySize); continue; }
    const ndcs = new Set<string>();
    for (const row of table.rows) if (row.ndc11 !== null) ndcs.add(row.ndc11);
    if (previous !== undefined && previous.table.period.from < table.period.from) {
      let missing = 0;
      for (const ndc of previous.ndcs) if (!ndcs.has(ndc)) missing++;
      if (missing > previous.ndcs.size * (1 - KEPT_SHARE)) {
        partial.set(table, `it lacks ${formatCount(missing)} of the ${formatCount(previous.ndcs.size)} NDCs of the ${previous.table.period.label} crosswalk, where a quarter drops a few hundred`);
        continue;
      }
    }
    previous = { table, ndcs };
  }
  return partial;
}

/** The partial crosswalks among the tables in use, by store key (that of their file entries), each with why. */
export function partialByKey(tables: readonly ReferenceTable[]): Map<string, string> {
  const crosswalks = tables.filter((t): t is Extract<ReferenceTable, { kind: 'asp-crosswalk' }> => t.kind === 'asp-crosswalk');
  return new Map([...partialCrosswalks(crosswalks)].map(([table, why]) => [storeKey(table), why]));
}
