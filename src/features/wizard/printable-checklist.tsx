/**
 * The documentation checklist on paper: the claim summary, each drug's lines as the claim form
 * carries them (the evaluation's claim-form strings), each item with its state and reason, and lines
 * for a signature and date. Rendered beside the app and shown only when printing.
 */
import { createPortal } from 'react-dom';
import type { ClaimFormStrings } from '../../core/export/export-claim';
import { formatCount } from '../../core/format';
import { CLAIM_SIZE } from '../../core/limits';
import type { FactRow } from '../../core/export/claim-facts';
import { claimFacts, drugTitle } from '../../core/export/claim-facts';
import { everything, useWizardData } from './wizard-context';

const STATE: Record<string, string> = { done: 'Done', missing: 'MISSING', 'not-needed': 'Not needed' };

/** Drugs printed: as many as a claim carries (a claim file from elsewhere may hold thousands). */
const PRINTED_DRUGS = CLAIM_SIZE.serviceLines;

/** A drug's lines as the claim form carries them: code and modifiers × units · NDC box · description. */
function formLines(form: ClaimFormStrings, drugIndex: number): string[] {
  const lines = form.form === 'UB-04'
    ? form.lines.map((l) => ({ drugIndex: l.drugIndex, boxes: [l.fl44, l.fl46, l.fl43, l.description] }))
    : form.lines.map((l) => ({ drugIndex: l.drugIndex, boxes: [l.item24D, l.item24G, l.item24AShaded, l.description] }));
  return lines.filter((l) => l.drugIndex === drugIndex).map(({ boxes: [code, units, ndc, description] }) => `${code} × ${units || '?'} · ${ndc} · ${description}`);
}

export function PrintableChecklist() {
  const { packet, evaluation } = useWizardData(everything);
  const drugs = packet.drugs ?? [];
  const printed = evaluation.drugs.slice(0, PRINTED_DRUGS);
  const items = evaluation.drugs.length > PRINTED_DRUGS ? evaluation.checklist.filter((c) => c.drugIndex === null || c.drugIndex < PRINTED_DRUGS) : evaluation.checklist;
  // The claim's facts as the PDF packet gives them (dates MM/DD/YYYY), and the profile it is billed under.
  const summary: readonly FactRow[] = [...claimFacts(packet, evaluation), ['Payer profile', evaluation.profile?.name ?? 'not chosen']];
  return createPortal(
    <article className="hidden p-4 text-black print:block">
      <h1 className="text-2xl font-bold">Documentation checklist: unclassified drug claim</h1>
      <p className="text-sm">Printed from NOC Claim Wizard. {evaluation.exportable ? 'The claim is complete.' : 'The claim is NOT complete yet: see the missing items.'}</p>
      <table className="mt-3 w-full border-collapse text-sm">
        <tbody>{summary.map(([k, v]) => <tr key={k}><th className="w-48 border p-1 text-left">{k}</th><td className="border p-1">{v}</td></tr>)}</tbody>
      </table>
      {evaluation.drugs.length > PRINTED_DRUGS && (
        <p className="mt-3 font-semibold">
          This claim has {formatCount(evaluation.drugs.length)} drugs, more than one claim carries: the first {PRINTED_DRUGS} are printed.
        </p>
      )}
      {printed.map((d) => (
        <div key={d.index} className="mt-3 break-inside-avoid">
          <h2 className="font-bold">{drugTitle(drugs[d.index], d.index)} · NDC {drugs[d.index]?.ndc?.input || '—'} · Code {d.decision.code ?? 'not billed'}</h2>
          <ul className="font-mono text-sm">{formLines(evaluation.claimForm.strings, d.index).map((l) => <li key={l}>{l}</li>)}</ul>
        </div>
      ))}
      <table className="mt-4 w-full border-collapse text-sm">
        <thead><tr><th className="border p-1 text-left">Item</th><th className="border p-1 text-left">Drug</th><th className="border p-1 text-left">State</th><th className="border p-1 text-left">Why</th><th className="w-16 border p-1">✓</th></tr></thead>
        <tbody>
          {items.map((c) => (
            <tr key={`${c.id}-${c.drugIndex ?? 'claim'}`} className="break-inside-avoid align-top">
              <td className="border p-1">{c.label}</td>
              <td className="border p-1">{c.drugIndex === null ? 'Claim' : `Drug ${c.drugIndex + 1}`}</td>
              <td className="border p-1 font-semibold">{STATE[c.status]}</td>
              <td className="border p-1">{c.reason}{c.missing === null ? '' : ` Still needed: ${c.missing}.`}</td>
              <td className="border p-1" />
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-10 grid grid-cols-2 gap-10 text-sm">
        <p className="border-t border-black pt-1">Checked by (signature)</p>
        <p className="border-t border-black pt-1">Date</p>
      </div>
    </article>,
    document.body,
  );
}
