/**
 * The built-in reference data (src/core/reference-data/builtin): a static file of the app's own
 * origin, fetched when the reference data are first needed (never part of the first bundle) and
 * kept by the service worker for offline use like every other built file.
 */
import type { ReferenceFileInfo } from '../../core/reference-data/coverage';
import type { Snapshot } from '../../core/reference-data/snapshot';
import { decodeSnapshot, snapshotFiles } from '../../core/reference-data/snapshot';
import type { Period, ReferenceKind, ReferenceTable } from '../../core/reference-data/tables';
import { storeKey } from '../../core/reference-data/tables';
import snapshotUrl from '../../core/reference-data/builtin/reference-snapshot.json?url';

export interface BuiltInReference {
  /** The built-in tables no imported file supersedes. */
  readonly tables: ReferenceTable[];
  /** Every built-in table's entry. */
  readonly files: ReferenceFileInfo[];
}

let fetching: Promise<Snapshot> | undefined;
const decoded = new Map<string, ReferenceTable>();

/** The snapshot, fetched once per page (it does not change while the page is open); a failed fetch is tried again next time. */
function snapshot(): Promise<Snapshot> {
  fetching ??= fetch(snapshotUrl).then(async (response) => {
    if (!response.ok) throw new Error(`the built-in reference data could not be loaded (HTTP ${response.status})`);
    return (await response.json()) as Snapshot;
  }).catch((error: unknown) => {
    fetching = undefined;
    throw error;
  });
  return fetching;
}

/** The built-in data; tables whose store key is `superseded` (imported files of the same kind and period) are not decoded. */
export async function loadBuiltIn(superseded: ReadonlySet<string>): Promise<BuiltInReference> {
  const start = performance.now();
  const data = await snapshot();
  const wanted = (t: { kind: ReferenceKind; period: Period }) => !superseded.has(storeKey(t));
  for (const table of decodeSnapshot(data, (t) => wanted(t) && !decoded.has(storeKey(t)))) decoded.set(storeKey(table), table);
  const loaded = { tables: [...decoded.values()].filter(wanted), files: snapshotFiles(data) };
  // Read by the benchmarks (bench/reference-browser.ts): fetching, parsing and decoding the snapshot.
  performance.measure('noc:built-in-reference', { start });
  return loaded;
}
