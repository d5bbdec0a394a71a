/**
 * The built-in reference data (src/core/reference-data/builtin): a static file of the app's own
 * origin, fetched when the reference data are first needed (never part of the first bundle) and
 * kept by the service worker for offline use like every other built file.
 */
import type { ReferenceFileInfo } from '../../core/reference-data/coverage';
import type { Snapshot } from '../../core/reference-data/snapshot';
import { decodeSnapshot, snapshotFiles } from '../../core/reference-data/snapshot';
import type { ReferenceTable } from '../../core/reference-data/tables';
import snapshotUrl from '../../core/reference-data/builtin/reference-snapshot.json?url';

export interface BuiltInReference {
  readonly tables: ReferenceTable[];
  readonly files: ReferenceFileInfo[];
}

let loading: Promise<BuiltInReference> | undefined;

/** The built-in data, read once per page (they do not change while it is open); a failed read is tried again next time. */
export function loadBuiltIn(): Promise<BuiltInReference> {
  loading ??= fetchBuiltIn().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function fetchBuiltIn(): Promise<BuiltInReference> {
  const start = performance.now();
  const response = await fetch(snapshotUrl);
  if (!response.ok) throw new Error(`the built-in reference data could not be loaded (HTTP ${response.status})`);
  const snapshot = (await response.json()) as Snapshot;
  const loaded = { tables: decodeSnapshot(snapshot), files: snapshotFiles(snapshot) };
  // Read by the benchmarks (bench/reference-browser.ts): fetching, parsing and decoding the snapshot.
  performance.measure('noc:built-in-reference', { start });
  return loaded;
}
