/**
 * The imported reference files, kept in this browser's IndexedDB (database `noc-reference-data`).
 * Per file: its kind, period, file name, import time, row counts, and its rows in chunks of
 * CHUNK_ROWS, each chunk stored by column (see `compactRows`).
 *
 * At start only the tables the claim checks ask synchronously are read (crosswalks, prices, HCPCS,
 * ICD-10-CM, Purple Book). The FDA NDC Directory (about 250,000 packages and 130,000 products) is
 * never read whole: its rows are stored sorted by NDC (packages) and product id (products), the
 * first key of each chunk is kept with the file entry, and when the biller types an NDC its
 * labeler's packages and their products are read (`NdcDirectoryStore.load`), a few chunks each.
 *
 * Saving is all-or-nothing: the rows and the file entry are written in one transaction that
 * replaces the previous import of the same kind and period (see `storeKey`) only when every write
 * succeeds. A failed import never reaches this store, so previous data stay as they were.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import { openDB } from 'idb';
import type { ReferenceFileInfo } from '../../core/reference-data/coverage';
import type { Encoding } from '../../core/reference-data/decode';
import type { NdcDirectory } from '../../core/reference-data/memory-reference';
import type { Ndc11 } from '../../core/ndc';
import type { CompactRows } from '../../core/reference-data/snapshot';
import { compactRows, expandRows } from '../../core/reference-data/snapshot';
import type { NdcPackageRow, NdcProductRow, ReferenceKind, ReferenceTable } from '../../core/reference-data/tables';
import { storeKey } from '../../core/reference-data/tables';

/** What the app shows about an imported file. */
export interface ImportedFileInfo extends ReferenceFileInfo {
  readonly encoding: Encoding;
  readonly notes: readonly string[];
}

/** A table without its rows: kind, period (and fiscal year for ICD-10-CM). */
type TableHead = { readonly [K in keyof ReferenceTable as K extends 'rows' ? never : K]: ReferenceTable[K] } & { readonly fiscalYear?: number };

interface StoredFile {
  readonly info: ImportedFileInfo;
  readonly head: TableHead;
  readonly chunkCount: number;
  /** For the FDA directory: the first key (NDC or product id) of each chunk, rows sorted by it. */
  readonly fences?: readonly string[];
}

/** A chunk of rows: by column (`compact`), or as row objects (stores written before columns were used). */
type StoredChunk = { readonly compact: CompactRows } | { readonly rows: readonly unknown[] };

interface ReferenceDb extends DBSchema {
  files: { key: string; value: StoredFile };
  chunks: { key: [string, number]; value: StoredChunk };
}

/** Rows per stored chunk: small enough that reading one back is a short task. */
export const CHUNK_ROWS = 1000;
const NAME = 'noc-reference-data';
let opening: Promise<IDBPDatabase<ReferenceDb>> | undefined;

function database(): Promise<IDBPDatabase<ReferenceDb>> {
  opening ??= openDB<ReferenceDb>(NAME, 1, {
    upgrade(db) {
      db.createObjectStore('files');
      db.createObjectStore('chunks');
    },
  });
  return opening;
}

const chunkRange = (key: string) => IDBKeyRange.bound([key, 0], [key, Number.MAX_SAFE_INTEGER]);

/** The FDA directory kinds are looked up by key, never read whole: their rows are kept sorted by it. */
const LOOKUP_KEY: Partial<Record<ReferenceKind, (row: never) => string>> = {
  'fda-ndc-package': (r: NdcPackageRow) => r.ndc11,
  'fda-ndc-product': (r: NdcProductRow) => r.productId,
};

/** Details of a successful import that are not in the table. */
export interface ImportDetails {
  readonly fileName: string;
  readonly importedAt: string;
  readonly rejectedCount: number;
  readonly encoding: Encoding;
  readonly notes: readonly string[];
}

/** Stores an imported table, replacing the one of the same kind and period in one transaction. */
export async function saveImport(table: ReferenceTable, details: ImportDetails): Promise<ImportedFileInfo> {
  const db = await database();
  const key = storeKey(table);
  const { rows: unsorted, ...head } = table;
  const info: ImportedFileInfo = {
    key, kind: table.kind, period: table.period, fileName: details.fileName, importedAt: details.importedAt,
    rowCount: unsorted.length, rejectedCount: details.rejectedCount, encoding: details.encoding, notes: details.notes,
  };
  const lookupKey = LOOKUP_KEY[table.kind] as ((row: unknown) => string) | undefined;
  const rows = lookupKey === undefined ? unsorted : [...unsorted].sort((a, b) => (lookupKey(a) < lookupKey(b) ? -1 : lookupKey(a) > lookupKey(b) ? 1 : 0));
  const chunkCount = Math.ceil(rows.length / CHUNK_ROWS);
  const chunkRows = (i: number) => rows.slice(i * CHUNK_ROWS, (i + 1) * CHUNK_ROWS);
  const fences = lookupKey === undefined ? undefined : Array.from({ length: chunkCount }, (_, i) => lookupKey(rows[i * CHUNK_ROWS]));
  const tx = db.transaction(['files', 'chunks'], 'readwrite');
  const chunks = tx.objectStore('chunks');
  const writes: Promise<unknown>[] = [];
  try {
    writes.push(chunks.delete(chunkRange(key)));
    for (let i = 0; i < chunkCount; i++) writes.push(chunks.put({ compact: compactRows(chunkRows(i)) }, [key, i]));
    writes.push(tx.objectStore('files').put({ info, head, chunkCount, ...(fences === undefined ? {} : { fences }) }, key));
  } catch (error) {
    // A write refused at once (a value that cannot be stored) does not undo the others by itself.
    tx.abort();
    await Promise.allSettled([...writes, tx.done]);
    throw error;
  }
  await Promise.all([...writes, tx.done]);
  return info;
}

const byPeriod = (a: ImportedFileInfo, b: ImportedFileInfo) => b.period.from.localeCompare(a.period.from) || a.kind.localeCompare(b.kind);

/** The imported files, newest period first. */
export async function listImports(): Promise<ImportedFileInfo[]> {
  const db = await database();
  return (await db.getAll('files')).map((s) => s.info).sort(byPeriod);
}

const chunkRows = (chunk: StoredChunk): readonly unknown[] => ('compact' in chunk ? expandRows(chunk.compact) : chunk.rows);

async function readChunk(db: IDBPDatabase<ReferenceDb>, file: StoredFile, index: number): Promise<readonly unknown[]> {
  const chunk = await db.get('chunks', [file.info.key, index]);
  if (chunk === undefined) throw new Error(`The stored ${file.info.fileName} is incomplete: import it again.`);
  return chunkRows(chunk);
}

/** Reads one stored table back: its chunks in one request, then their rows. */
async function readTable(db: IDBPDatabase<ReferenceDb>, file: StoredFile): Promise<ReferenceTable> {
  const chunks = await db.getAll('chunks', chunkRange(file.info.key));
  if (chunks.length !== file.chunkCount) throw new Error(`The stored ${file.info.fileName} is incomplete: import it again.`);
  const rows: unknown[] = [];
  for (const chunk of chunks) for (const row of chunkRows(chunk)) rows.push(row);
  // The head and rows were split from one ReferenceTable by saveImport; joined again they are one.
  return { ...file.head, rows } as ReferenceTable;
}

/** The index of the chunk that can hold `key` in a file stored sorted by it: -1 when the key is before the first. */
function chunkOf(file: StoredFile, key: string): number {
  const fences = file.fences!;
  let lo = 0, hi = fences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (fences[mid]! <= key) lo = mid + 1; else hi = mid;
  }
  return lo - 1;
}

/**
 * Chunks of the labeler's packages read at most: a labeler with more packages than this (a few large
 * manufacturers) is read an NDC at a time, without its other container sizes.
 */
const MAX_LABELER_CHUNKS = 8;

/**
 * The FDA NDC Directory in this browser, read a labeler at a time: `load(ndc11)` reads the packages
 * of the NDC's labeler (where the other container sizes of its product are) and their products,
 * after which the synchronous `NdcDirectory` answers for them.
 */
export interface NdcDirectoryStore extends NdcDirectory {
  load(ndc11: Ndc11): Promise<void>;
}

function directoryStore(db: IDBPDatabase<ReferenceDb>, packages: StoredFile, products: StoredFile | undefined): NdcDirectoryStore {
  const packageByNdc = new Map<string, NdcPackageRow | undefined>();
  const productById = new Map<string, NdcProductRow | undefined>();
  const byLabeler = new Map<string, readonly NdcPackageRow[]>();
  const chunks = new Map<string, Promise<readonly unknown[]>>();
  const chunk = (file: StoredFile, index: number) => {
    const key = `${file.info.key}#${index}`;
    let read = chunks.get(key);
    if (read === undefined) chunks.set(key, (read = readChunk(db, file, index)));
    return read;
  };
  const find = async <R>(file: StoredFile, key: string, keyOf: (row: R) => string): Promise<R | undefined> => {
    const index = chunkOf(file, key);
    return index < 0 ? undefined : ((await chunk(file, index)) as R[]).find((r) => keyOf(r) === key);
  };
  /** The packages whose NDC starts with the labeler's 5 digits; `undefined` when they span too many chunks. */
  const labelerRows = async (labeler: string): Promise<NdcPackageRow[] | undefined> => {
    const first = Math.max(0, chunkOf(packages, `${labeler}000000`)), last = chunkOf(packages, `${labeler}999999`);
    if (last < first) return [];
    if (last - first + 1 > MAX_LABELER_CHUNKS) return undefined;
    const rows: NdcPackageRow[] = [];
    for (let i = first; i <= last; i++) for (const row of (await chunk(packages, i)) as NdcPackageRow[]) if (row.ndc11.startsWith(labeler)) rows.push(row);
    return rows;
  };
  return {
    label: packages.head.period.label,
    packageOf: (ndc11) => packageByNdc.get(ndc11),
    productOf: (id) => productById.get(id),
    labelerPackages: (ndc11) => byLabeler.get(ndc11.slice(0, 5)) ?? [],
    async load(ndc11) {
      if (packageByNdc.has(ndc11)) return;
      const labeler = ndc11.slice(0, 5);
      const rows = await labelerRows(labeler);
      if (rows !== undefined) {
        byLabeler.set(labeler, rows);
        for (const row of rows) packageByNdc.set(row.ndc11, row);
      }
      const pkg = packageByNdc.get(ndc11) ?? (rows === undefined ? await find<NdcPackageRow>(packages, ndc11, (r) => r.ndc11) : undefined);
      packageByNdc.set(ndc11, pkg);
      if (products === undefined) return;
      for (const id of new Set([...(rows ?? []), ...(pkg === undefined ? [] : [pkg])].map((r) => r.productId))) {
        if (!productById.has(id)) productById.set(id, await find<NdcProductRow>(products, id, (r) => r.productId));
      }
    },
  };
}

/** What the app reads from the store at start. */
export interface StoredReference {
  /** The tables read whole (every kind but the FDA directory stored by key). */
  readonly tables: ReferenceTable[];
  /** The FDA NDC Directory, read an NDC at a time; absent without an imported package file. */
  readonly directory: NdcDirectoryStore | undefined;
  readonly files: ImportedFileInfo[];
}

export async function loadStored(): Promise<StoredReference> {
  const db = await database();
  const stored = await db.getAll('files');
  const tables = await Promise.all(stored.filter((file) => file.fences === undefined).map((file) => readTable(db, file)));
  const keyed = (kind: ReferenceKind) => stored.find((f) => f.info.kind === kind && f.fences !== undefined);
  const packages = keyed('fda-ndc-package');
  return {
    tables,
    directory: packages === undefined ? undefined : directoryStore(db, packages, keyed('fda-ndc-product')),
    files: stored.map((s) => s.info).sort(byPeriod),
  };
}
