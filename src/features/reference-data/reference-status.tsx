/**
 * `<ReferenceStatus today dateOfService? />`: the header line "Built-in reference data: October 2025"
 * (or "Reference data as of …" once newer files are imported) with the
 * warnings a biller needs (files older than the current quarter, a date of service the files do
 * not cover). Reads the store through `useReferenceData` (needs a QueryClientProvider).
 */
import { referenceCoverage } from '../../core/reference-data/coverage';
import { useReferenceData } from './queries';

export interface ReferenceStatusProps {
  /** Today (ISO), to tell whether the files are current. */
  readonly today: string;
  /** The claim's date of service (ISO), when there is one, to tell whether the files cover it. */
  readonly dateOfService?: string;
}

/** "Built-in reference data: October 2025", with its warnings in an expandable list. */
export function ReferenceStatus({ today, dateOfService }: ReferenceStatusProps) {
  const { files, isLoading, error, builtInError } = useReferenceData();
  if (isLoading) return <p className="text-sm text-slate-600" role="status">Loading reference data…</p>;
  const coverage = referenceCoverage(files, today, dateOfService);
  const warnings = coverage.messages.filter((m) => m.severity === 'warning');
  const headline = coverage.asOf === undefined ? 'No reference data imported' : coverage.isBuiltIn ? `Built-in reference data: ${coverage.asOf}` : `Reference data as of ${coverage.asOf}`;
  return (
    <section aria-label="Reference data status" className="text-sm">
      {error !== null && <p role="alert" className="text-red-800">The stored reference data could not be read ({error.message}). The built-in catalogue is used meanwhile.</p>}
      {builtInError !== null && <p role="alert" className="text-red-800">The wizard's built-in reference data could not be loaded ({builtInError}). Reload the page; until then only the files you imported are used.</p>}
      {coverage.messages.length === 0 ? (
        <p className="text-slate-700">{headline}</p>
      ) : (
        <details className="group">
          <summary className={`cursor-pointer rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 ${warnings.length > 0 ? 'text-amber-900' : 'text-slate-700'}`}>
            {headline}
            {warnings.length > 0 && <span className="font-semibold"> · {warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`}</span>}
          </summary>
          <ul className="mt-1 max-w-prose list-disc space-y-1 pl-5">
            {coverage.messages.map((m) => (
              <li key={m.text} className={m.severity === 'warning' ? 'text-amber-900' : 'text-slate-700'}>{m.text}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
