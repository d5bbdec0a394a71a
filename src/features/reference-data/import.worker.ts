/**
 * The Web Worker that imports reference files off the main thread: it decodes, parses and stores
 * each file (IndexedDB is open to workers), so the page only receives small progress and result
 * messages. Protocol: the page posts `ImportRequest` (the `File` objects, read here as streams); the
 * worker posts `ImportProgress` messages, then one `ImportDone` (or `ImportCrashed`).
 */
import type { FileToImport, ImportOutcome } from './import-job';
import { runImportJob } from './import-job';
import { saveImport } from './store';

export interface ImportRequest {
  readonly files: readonly FileToImport[];
  readonly today: string;
}
export interface ImportProgress { readonly type: 'progress'; readonly fileIndex: number; readonly done: number }
export interface ImportDone { readonly type: 'done'; readonly outcomes: readonly ImportOutcome[] }
export interface ImportCrashed { readonly type: 'crashed'; readonly message: string }
export type ImportMessage = ImportProgress | ImportDone | ImportCrashed;

/** The worker's side of `postMessage` (the app is type-checked with the DOM library, not the worker one). */
const scope = self as unknown as { onmessage: ((event: MessageEvent<ImportRequest>) => void) | null; postMessage(message: ImportMessage): void };

/** Progress is posted at most every PROGRESS_STEP of a file, to keep messages few. */
const PROGRESS_STEP = 0.02;

scope.onmessage = (event) => {
  const { files, today } = event.data;
  const last = new Map<number, number>();
  const onProgress = (fileIndex: number, done: number) => {
    if (done < 1 && done - (last.get(fileIndex) ?? -1) < PROGRESS_STEP) return;
    last.set(fileIndex, done);
    scope.postMessage({ type: 'progress', fileIndex, done });
  };
  runImportJob(files, { today, save: saveImport, onProgress })
    .then((outcomes) => scope.postMessage({ type: 'done', outcomes }))
    .catch((error: unknown) => scope.postMessage({ type: 'crashed', message: error instanceof Error ? error.message : String(error) }));
};
