/**
 * `importInWorker(files, onProgress)`: imports reference files in a Web Worker and resolves with
 * one outcome per file once they are read and stored. The files are handed to the worker as
 * `File` objects (a reference, not their contents): the worker reads them as streams, so the page
 * never holds a file's bytes, and its own work is limited to small progress messages.
 */
import type { FileToImport, ImportOutcome } from './import-job';
import type { ImportMessage, ImportRequest } from './import.worker';

/** Today in the browser's time zone (ISO). */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Imports and stores the files; `onProgress(fileIndex, done)` reports each file from 0 to 1. */
export function importInWorker(files: readonly FileToImport[], onProgress?: (fileIndex: number, done: number) => void): Promise<ImportOutcome[]> {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ImportOutcome[]>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ImportMessage>) => {
      const message = event.data;
      if (message.type === 'progress') { onProgress?.(message.fileIndex, message.done); return; }
      worker.terminate();
      if (message.type === 'done') resolve([...message.outcomes]);
      else reject(new Error(`The import stopped unexpectedly (${message.message}). Your previous reference data are unchanged.`));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`The import could not run in this browser (${event.message}). Your previous reference data are unchanged.`));
    };
    const request: ImportRequest = { files, today: localToday() };
    worker.postMessage(request);
  });
}
