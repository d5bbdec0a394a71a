/**
 * `<ReferenceDataScreen />`: where a biller imports the CMS and FDA files. Files are dropped on the
 * drop zone or chosen with the file button; each one gets a progress bar while the worker reads it,
 * then its result (rows read, rows rejected with their reasons, or the error in plain words). The
 * files already stored are listed, with where to download new ones. Self-contained: it needs only
 * a QueryClientProvider above it. No patient data is involved.
 */
import type { DragEvent } from 'react';
import { useId, useState } from 'react';
import type { ReferenceFileInfo } from '../../core/reference-data/coverage';
import { KIND_NAMES } from '../../core/reference-data/tables';
import { DOWNLOAD_SOURCES } from '../../core/reference-data/download-sources';
import type { ImportOutcome } from './import-job';
import { useImportReferenceFiles, useReferenceData } from './queries';
import { formatCount, formatTime } from '../../core/format';

interface FileRun {
  readonly name: string;
  readonly done: number;
  readonly outcome?: ImportOutcome;
}

const REJECTED_SHOWN = 50;

/** Reference files as a table: their kind, what they cover, the file's name, rows, and when an imported one was imported. */
function FilesTable({ files, nameHeading, isImported }: { files: readonly ReferenceFileInfo[]; nameHeading: string; isImported: boolean }) {
  return (
    <table className="mt-2 w-full border-collapse text-left text-sm">
      <thead>
        <tr className="border-b border-slate-400">
          <th scope="col" className="py-1 pr-3">File</th>
          <th scope="col" className="py-1 pr-3">Covers</th>
          <th scope="col" className="py-1 pr-3">{nameHeading}</th>
          <th scope="col" className="py-1 pr-3 text-right">Rows</th>
          {isImported && <th scope="col" className="py-1">Imported</th>}
        </tr>
      </thead>
      <tbody>
        {files.map((f) => (
          <tr key={f.key} className="border-b border-slate-200">
            <td className="py-1 pr-3">{KIND_NAMES[f.kind]}</td>
            <td className="py-1 pr-3">{f.period.label}<PartialNote file={f} /></td>
            <td className="py-1 pr-3 break-all">{f.fileName}</td>
            <td className="py-1 pr-3 text-right">{formatCount(f.rowCount)}</td>
            {isImported && <td className="py-1">{formatTime(f.importedAt)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OutcomeView({ outcome }: { outcome: ImportOutcome }) {
  if (!outcome.ok) return <p role="alert" className="mt-1 text-red-800"><span className="font-semibold">Not imported: </span>{outcome.message}</p>;
  const { info, rowsRead, rejected } = outcome;
  return (
    <div className="mt-1 text-slate-800">
      <p>
        <span className="font-semibold text-green-800">Imported: </span>
        {KIND_NAMES[info.kind]}, {info.period.label}. {formatCount(rowsRead)} {rowsRead === 1 ? 'row' : 'rows'} read, {formatCount(info.rowCount)} kept, {formatCount(rejected.length)} rejected.
      </p>
      {info.notes.map((n) => <p key={n} className="text-slate-700">{n}</p>)}
      {rejected.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer text-amber-900">Rows rejected and why</summary>
          <ul className="mt-1 list-disc pl-5">
            {rejected.slice(0, REJECTED_SHOWN).map((r) => <li key={r.line}>Line {r.line}: {r.reason}</li>)}
          </ul>
          {rejected.length > REJECTED_SHOWN && <p>… and {formatCount(rejected.length - REJECTED_SHOWN)} more.</p>}
        </details>
      )}
    </div>
  );
}

/** "Partial": a crosswalk that is a part of a quarter, kept and used, with why. */
function PartialNote({ file }: { file: ReferenceFileInfo }) {
  if (file.partial === undefined) return null;
  return <span className="block text-amber-900"><span className="font-semibold">Partial: </span>{file.partial}. An NDC it does not list may still have a code of its own.</span>;
}

/** The import screen: drop zone, per-file progress and results, stored files, download instructions. */
export function ReferenceDataScreen() {
  const inputId = useId();
  const { files, isLoading } = useReferenceData();
  const stored = files.filter((f) => f.builtIn !== true);
  const builtIn = files.filter((f) => f.builtIn === true);
  const importFiles = useImportReferenceFiles();
  const [runs, setRuns] = useState<readonly FileRun[]>([]);
  const [isDragging, setIsDragging] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function start(list: FileList | null) {
    const chosen = list === null ? [] : [...list];
    if (chosen.length === 0 || importFiles.isPending) return;
    setFailure(null);
    setRuns(chosen.map((f) => ({ name: f.name, done: 0 })));
    const files = chosen.map((f) => ({ name: f.name, file: f }));
    const onProgress = (index: number, done: number) => setRuns((rs) => rs.map((r, i) => (i === index ? { ...r, done } : r)));
    try {
      const outcomes = await importFiles.mutateAsync({ files, onProgress });
      setRuns((rs) => rs.map((r, i) => ({ ...r, done: 1, ...(outcomes[i] === undefined ? {} : { outcome: outcomes[i] }) })));
    } catch (error) {
      setFailure((error as Error).message);
    }
  }

  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setIsDragging(false);
    void start(event.dataTransfer.files);
  };

  return (
    <section aria-labelledby={`${inputId}-title`} className="space-y-6">
      <h2 id={`${inputId}-title`} className="text-2xl font-bold tracking-tight">Reference data</h2>
      <p className="max-w-prose text-slate-700">
        Import the files CMS and the FDA publish, exactly as downloaded. The wizard uses them to tell whether a drug already has
        its own HCPCS code, to check codes and diagnoses on the date of service, and to fill in drug facts from the NDC. They stay
        in this browser. A file that cannot be read is not imported, and the data you had stay as they were.
      </p>

      <label
        htmlFor={inputId}
        onDragOver={(e) => { e.preventDefault(); setIsDragging(true); }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={onDrop}
        className={`flex cursor-pointer flex-col items-center gap-2 rounded-lg border-2 border-dashed px-6 py-10 text-center focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-blue-700 ${isDragging ? 'border-blue-700 bg-blue-50' : 'border-slate-400 bg-white'}`}
      >
        <span id={`${inputId}-name`} className="font-semibold">Drop CMS or FDA files here, or choose files</span>
        <span id={`${inputId}-hint`} className="text-sm text-slate-600">CSV or text files (.csv, .txt). Unzip downloads first.</span>
        <input id={inputId} type="file" multiple accept=".csv,.txt,text/csv,text/plain" className="sr-only" disabled={importFiles.isPending}
          aria-labelledby={`${inputId}-name`} aria-describedby={`${inputId}-hint`}
          onChange={(e) => { void start(e.target.files); e.target.value = ''; }} />
      </label>

      {failure !== null && <p role="alert" className="text-red-800">{failure}</p>}

      {runs.length > 0 && (
        <section aria-label="This import" aria-live="polite">
          <h3 className="text-lg font-semibold">This import</h3>
          <ul className="mt-2 space-y-3">
            {runs.map((r, i) => (
              <li key={`${i}-${r.name}`} className="rounded border border-slate-300 bg-white p-3">
                <div className="flex items-center gap-3">
                  <span className="min-w-0 flex-1 truncate font-medium">{r.name}</span>
                  <progress className="h-2 w-40" max={1} value={r.done} aria-label={`Import progress of ${r.name}`} />
                </div>
                {r.outcome !== undefined && <OutcomeView outcome={r.outcome} />}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-label="Files in this browser">
        <h3 className="text-lg font-semibold">Files in this browser</h3>
        {isLoading ? <p role="status">Loading…</p> : stored.length === 0 ? (
          <p className="text-slate-700">None yet: the wizard uses its built-in reference data (below) and its built-in catalogue of drugs.</p>
        ) : (
          <FilesTable files={stored} nameHeading="Name" isImported />
        )}
      </section>

      {builtIn.length > 0 && (
        <section aria-label="Built-in reference data">
          <h3 className="text-lg font-semibold">Built-in reference data</h3>
          <p className="max-w-prose text-slate-700">
            The wizard comes with these CMS and FDA files, read when it was built. A file you import replaces the built-in data of its kind
            and period; import newer files each quarter.
          </p>
          <FilesTable files={builtIn} nameHeading="Built from" isImported={false} />
        </section>
      )}

      <section aria-label="Where to download the files">
        <h3 className="text-lg font-semibold">Where to download the files</h3>
        <dl className="mt-2 space-y-3">
          {DOWNLOAD_SOURCES.map((s) => (
            <div key={s.what}>
              <dt className="font-medium">{s.what}</dt>
              <dd className="text-slate-700">{s.page}. {s.steps}</dd>
            </div>
          ))}
        </dl>
      </section>
    </section>
  );
}
