/**
 * One import run: each file is read as a stream by the pure importer and, when it succeeds as a whole, saved
 * (replacing the previous import of the same kind and period). A file that fails is reported with
 * its message and saves nothing. The Web Worker runs this; it takes its `save` as a parameter so
 * it can be tested without a browser.
 */
import type { Rejected } from '../../core/reference-data/import';
import { importReferenceStream } from '../../core/reference-data/import';
import type { ReferenceTable } from '../../core/reference-data/tables';
import type { ImportDetails, ImportedFileInfo } from './store';

/** A file as the browser hands it over: its name and contents (a `File` is a `Blob`; it is read as a stream, never whole). */
export interface FileToImport {
  readonly name: string;
  readonly file: Blob;
}

/** The pieces of a blob as they are read. */
async function* pieces(blob: Blob): AsyncIterable<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
  } finally {
    reader.releaseLock();
  }
}

/** The result of one file, for the biller. */
export type ImportOutcome =
  | { readonly fileName: string; readonly ok: true; readonly info: ImportedFileInfo; readonly rowsRead: number; readonly rejected: readonly Rejected[] }
  | { readonly fileName: string; readonly ok: false; readonly message: string };

export interface ImportJobOptions {
  /** Today (ISO). */
  readonly today: string;
  /** Stores a successful import (the IndexedDB store in the app). */
  readonly save: (table: ReferenceTable, details: ImportDetails) => Promise<ImportedFileInfo>;
  /** Progress of one file, from 0 to 1. */
  readonly onProgress?: (fileIndex: number, done: number) => void;
}

/** Imports the files one after the other; never throws for a bad file. */
export async function runImportJob(files: readonly FileToImport[], options: ImportJobOptions): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const [index, file] of files.entries()) {
    const progress = (done: number) => options.onProgress?.(index, done);
    const source = { size: file.file.size, open: () => pieces(file.file) };
    const result = await importReferenceStream(file.name, source, { today: options.today, onProgress: (done) => progress(done * 0.9) });
    if (!result.ok) {
      outcomes.push({ fileName: file.name, ok: false, message: result.message });
      progress(1);
      continue;
    }
    try {
      const info = await options.save(result.table, {
        fileName: file.name, importedAt: new Date().toISOString(), rejectedCount: result.rejected.length,
        encoding: result.encoding, notes: result.notes,
      });
      outcomes.push({ fileName: file.name, ok: true, info, rowsRead: result.rowsRead, rejected: result.rejected });
    } catch (error) {
      outcomes.push({ fileName: file.name, ok: false, message: `The file was read but could not be saved in this browser (${(error as Error).message}). Your previous data are unchanged.` });
    }
    progress(1);
  }
  return outcomes;
}
