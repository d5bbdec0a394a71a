/**
 * The imported reference files, kept in this browser's IndexedDB (database `noc-reference-data`).
 * Per file: its kind, period, file name, import time, row counts, and its rows in chunks of
 * CHUNK_ROWS, so that reading them back never holds the page up for long.
 *
 * Saving is all-or-nothing: the rows and the file entry are written in one transaction that
 * replaces the previous import of the same kind and period (see `storeKey`) only when every write
 * succeeds. A failed import never reaches this store, so previous data stay as they were.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import { openDB } from 'idb';
import type { ReferenceFileInfo } from '../../core/reference-data/coverage';
import type { Encoding } from '../../core/reference-data/decode';
import { createReference } from '../../core/reference-data/memory-reference';
import type { ReferenceTable } from '../../core/reference-data/tables';
import { storeKey } from '../../core/reference-data/tables';
import type { ReferenceData } from '../../core/reference';

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
}

interface ReferenceDb extends DBSchema {
  files: { key: string; value: StoredFile };
  chunks: { key: [string, number]; value: { readonly rows: readonly unknown[] } };
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
  const { rows, ...head } = table;
  const info: ImportedFileInfo = {
    key, kind: table.kind, period: table.period, fileName: details.fileName, importedAt: details.importedAt,
    rowCount: rows.length, rejectedCount: details.rejectedCount, encoding: details.encoding, notes: details.notes,
  };
  const chunkCount = Math.ceil(rows.length / CHUNK_ROWS);
  const tx = db.transaction(['files', 'chunks'], 'readwrite');
  const chunks = tx.objectStore('chunks');
  const writes: Promise<unknown>[] = [];
  try {
    writes.push(chunks.delete(chunkRange(key)));
    for (let i = 0; i < chunkCount; i++) writes.push(chunks.put({ rows: rows.slice(i * CHUNK_ROWS, (i + 1) * CHUNK_ROWS) }, [key, i]));
    writes.push(tx.objectStore('files').put({ info, head, chunkCount }, key));
  } catch (error) {
    // A write refused at once (a value that cannot be stored) does not undo the others by itself.
    tx.abort();
    await Promise.allSettled([...writes, tx.done]);
    throw error;
  }
  await Promise.all([...writes, tx.done]);
  return info;
}

/** The imported files, newest period first. */
export async function listImports(): Promise<ImportedFileInfo[]> {
  const db = await database();
  const stored = await db.getAll('files');
  return stored.map((s) => s.info).sort((a, b) => b.period.from.localeCompare(a.period.from) || a.kind.localeCompare(b.kind));
}

/** Reads one stored table back, a chunk at a time. */
async function readTable(db: IDBPDatabase<ReferenceDb>, file: StoredFile): Promise<ReferenceTable> {
  const rows: unknown[] = [];
  for (let i = 0; i < file.chunkCount; i++) {
    const chunk = await db.get('chunks', [file.info.key, i]);
    if (chunk === undefined) throw new Error(`The stored ${file.info.fileName} is incomplete: import it again.`);
    for (const row of chunk.rows) rows.push(row);
  }
  // The head and rows were split from one ReferenceTable by saveImport; joined again they are one.
  return { ...file.head, rows } as ReferenceTable;
}

/** Every stored table as the `ReferenceData` `evaluateClaim` asks, with the list of files. */
export async function loadReference(): Promise<{ reference: ReferenceData; files: ImportedFileInfo[] }> {
  const db = await database();
  const stored = await db.getAll('files');
  const tables: ReferenceTable[] = [];
  for (const file of stored) tables.push(await readTable(db, file));
  return { reference: createReference(tables), files: await listImports() };
}
