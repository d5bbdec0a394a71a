/**
 * The claim lines of the selected drug as the core builds them, shown live while the biller types.
 */
import type { ClaimLine } from '../../core/lines';
import { sameJson, useWizard, useWizardData } from './wizard-context';

function ndcText(line: ClaimLine, isNdcNeeded: boolean): string {
  // A compound without an NDC of its own has none on its line, and needs none.
  if (line.ndc === null) return isNdcNeeded ? 'needs a valid NDC' : 'none needed';
  return line.ndc.quantity === null ? `${line.ndc.unit}: not computed yet` : `${line.ndc.unit} ${line.ndc.quantity}`;
}

export function LinesPreview({ caption }: { caption: string }) {
  const { drugIndex } = useWizard();
  const drug = useWizardData((d) => d.evaluation.drugs[drugIndex], sameJson);
  const lines = drug?.lines ?? [];
  const isNdcNeeded = useWizardData((d) => d.evaluation.checklist.find((c) => c.id === 'ndc' && c.drugIndex === drugIndex)?.status !== 'not-needed');
  return (
    <section aria-label={caption} className="rounded-lg border border-blue-200 bg-blue-50 p-4" aria-live="polite">
      <h3 className="font-semibold">{caption}</h3>
      {lines.length === 0 ? (
        <p className="mt-1 text-sm">No drug line: {drug?.decision.reasons.at(-1) ?? 'the drug is not entered yet.'}</p>
      ) : (
        <table className="stack-table mt-2 w-full text-left text-sm">
          <thead>
            <tr className="border-b border-blue-200">
              <th scope="col" className="py-1 pr-3">Line</th>
              <th scope="col" className="py-1 pr-3">Code and modifiers</th>
              <th scope="col" className="py-1 pr-3">HCPCS units</th>
              <th scope="col" className="py-1">NDC quantity</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.kind} className="border-b border-blue-100 last:border-0">
                <td data-label="Line" className="py-1 pr-3">{line.kind === 'administered' ? 'Drug given' : 'Drug discarded'}</td>
                <td data-label="Code and modifiers" className="py-1 pr-3 font-mono">{[line.code, ...line.modifiers].join(' ')}</td>
                <td data-label="HCPCS units" className="py-1 pr-3">{line.units ?? 'not computed yet'}</td>
                <td data-label="NDC quantity" className="py-1 font-mono">{ndcText(line, isNdcNeeded)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {lines.some((l) => l.explanation.ndc !== null || l.explanation.units !== null) && (
        <dl className="mt-2 space-y-1 text-sm">
          {lines.map((line) => (
            <div key={line.kind}>
              <dt className="font-medium">{line.kind === 'administered' ? 'Drug given' : 'Drug discarded'}, worked out:</dt>
              {line.explanation.ndc !== null && <dd className="ml-4">NDC quantity {line.explanation.ndc}</dd>}
              {line.explanation.units !== null && <dd className="ml-4">HCPCS units {line.explanation.units}</dd>}
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
