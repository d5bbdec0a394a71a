/**
 * The built-in reference data (src/core/reference-data/builtin): a static file of the app's own
 * origin, fetched when the reference data are first needed (never part of the first bundle) and
 * kept by the service worker for offline use like every other built file. Its manifest is read
 * first: a table an imported file supersedes is never decoded.
 */
import type { ReferenceFileInfo } from '../../core/reference-data/coverage';
import type { Snapshot } from '../../core/reference-data/snapshot';
import { decodeSnapshot, snapshotFiles } from '../../core/reference-data/snapshot';
import type { Period, ReferenceKind, ReferenceTable } from '../../core/reference-data/tables';
import { storeKey } from '../../core/reference-data/tables';
import manifestUrl from '../../core/reference-data/builtin/manifest.json?url&no-inline';
import snapshotUrl from '../../core/reference-data/builtin/reference-snapshot.json?url';

export interface BuiltInReference {
  /** The built-in tables no imported file supersedes. */
  readonly tables: ReferenceTable[];
  /** Every built-in table's entry. */
  readonly files: ReferenceFileInfo[];
}

/** One fetch of a file of the app, kept for the page's life (the files do not change while it is open); a failed one is tried again next time. */
function once<T>(url: string): () => Promise<T> {
  let fetching: Promise<T> | undefined;
  return () => {
    fetching ??= fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`the built-in reference data could not be loaded (HTTP ${response.status})`);
      return (await response.json()) as T;
    }).catch((error: unknown) => {
      fetching = undefined;
      throw error;
    });
    return fetching;
  };
}

/** The manifest (3 KB) says which tables there are; the snapshot (5 MB) is read only when one is needed. */
const manifest = once<Pick<Snapshot, 'built' | 'sources'>>(manifestUrl);
const snapshot = once<Snapshot>(snapshotUrl);
const decoded = new Map<string, ReferenceTable>();

/**
 * The built-in data; tables whose store key is `superseded` (imported files of the same kind and
 * period) are not decoded, and when every table is superseded the snapshot is not even read.
 */
export async function loadBuiltIn(superseded: ReadonlySet<string>): Promise<BuiltInReference> {
  const start = performance.now();
  const listed = await manifest();
  const wanted = (t: { kind: ReferenceKind; period: Period }) => !superseded.has(storeKey(t));
  if (listed.sources.some((s) => wanted(s) && !decoded.has(storeKey(s)))) {
    for (const table of decodeSnapshot(await snapshot(), (t) => wanted(t) && !decoded.has(storeKey(t)))) decoded.set(storeKey(table), table);
  }
  const loaded = { tables: [...decoded.values()].filter(wanted), files: snapshotFiles(listed) };
  // Read by the benchmarks (bench/reference-browser.ts): fetching, parsing and decoding the snapshot.
  performance.measure('noc:built-in-reference', { start });
  return loaded;
}

/** Starts reading the list of built-in tables, so that it is there by the time the imported files are read. */
export function prefetchBuiltIn(): void {
  manifest().catch(() => undefined);
}
