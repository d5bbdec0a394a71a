/**
 * Step 7, review: the code decision and its reasons, the lines as they go on the claim form, the
 * description, the checklist and every finding; the exports, blocked until the core says the
 * claim is complete; and the printable checklist.
 */
import { Section, TextArea } from './fields';
import type { ClaimLine } from '../../core/lines';
import type { PaymentEstimate } from '../../core/reference-data/payment';
import { estimatePayment } from '../../core/reference-data/payment';
import { ChecklistView } from './checklist-view';
import { FindingLink } from './findings-panel';
import { PrintableChecklist } from './printable-checklist';
import { StepForm, useDrugStepForm } from './step-form';
import { ZReviewStep } from './step-schemas';
import { STEPS, stepOfPath } from './steps';
import { everything, useWizard, useWizardData } from './wizard-context';

export function ReviewStep() {
  const { evaluation, packet } = useWizardData(everything);
  const { reference } = useWizard().services;
  const estimates = estimatePayment(packet, evaluation, reference);
  return (
    <div className="space-y-6">
      {evaluation.drugs.map((d) => (
        <Section key={d.index} title={`Drug ${d.index + 1}: ${packet.drugs?.[d.index]?.brandName || packet.drugs?.[d.index]?.genericName || 'not named yet'}`}>
          <p>
            <span className="font-semibold">Code: </span>
            {d.decision.code === null ? 'none: this drug is not billed' : <><span className="font-mono">{d.decision.code}</span> {d.decision.descriptor}</>}
          </p>
          <div>
            <p className="font-semibold">Why</p>
            <ol className="list-decimal space-y-1 pl-6">{d.decision.reasons.map((r) => <li key={r}>{r}</li>)}</ol>
          </div>
          {d.lines.length > 0 && <FormBoxes lines={d.lines} />}
          <PaymentView estimate={estimates.find((e) => e.drugIndex === d.index)} />
        </Section>
      ))}
      <Description />
      <Section title="Documentation checklist">
        <ChecklistView />
      </Section>
      <AllFindings />
      <ExportActions />
      <PrintableChecklist />
    </div>
  );
}

/** What the claim may pay, and where the figure comes from. */
function PaymentView({ estimate }: { estimate: PaymentEstimate | undefined }) {
  if (estimate === undefined) return null;
  return (
    <div>
      <p><span className="font-semibold">Payment estimate: </span>{estimate.amount === null ? 'none' : `$${estimate.amount}`} <span className="text-slate-700">({estimate.source})</span></p>
      <p className="text-sm text-slate-700">{estimate.explanation}</p>
      {estimate.notes.length > 0 && <ul className="list-disc pl-6 text-sm text-slate-700">{estimate.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
    </div>
  );
}

/** Each line's boxes as they will be filled on the paper form. */
const BOX_ORDER: Record<ClaimLine['form'], readonly string[]> = {
  'CMS-1500': ['24A shaded', '24D', '24G', '19'],
  'UB-04': ['FL42', 'FL43', 'FL44', 'FL46', 'FL80'],
};

function FormBoxes({ lines }: { lines: readonly ClaimLine[] }) {
  const form = lines[0]!.form;
  const boxes = BOX_ORDER[form];
  return (
    <table className="w-full text-left text-sm">
      <caption className="text-left font-semibold">{form === 'UB-04' ? 'UB-04 (837I) lines' : 'CMS-1500 (837P) lines'}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-1 pr-3">Line</th>
          {boxes.map((b) => <th key={b} scope="col" className="py-1 pr-3">{form === 'UB-04' ? b : /^\d/.test(b) ? `Item ${b}` : b}</th>)}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.kind} className="border-b border-slate-100 align-top">
            <th scope="row" className="py-1 pr-3 font-medium">{line.kind === 'administered' ? 'Drug given' : 'Drug discarded'}</th>
            {boxes.map((b) => <td key={b} className="py-1 pr-3 font-mono">{line.boxes[b] || '—'}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The description the wizard writes, and the biller's own wording if the payer wants another. */
function Description() {
  const { drugIndex } = useWizard();
  const { evaluation } = useWizardData(everything);
  const form = useDrugStepForm(ZReviewStep);
  return (
    <Section title="Drug description (Item 19 / SV101-7 / FL80)">
      <p>The wizard writes: <span className="font-mono">{evaluation.drugs[drugIndex]?.narrative ?? (evaluation.drugs[drugIndex]?.decision.code === null ? 'nothing: this drug is not billed' : 'not yet: complete the drug name and dose')}</span></p>
      <StepForm form={form} prefix={`drugs.${drugIndex}.`}>
        <TextArea name="narrativeOverride" label="Your own description (optional)" hint="Only if the payer asks for other wording. At most 80 characters; it must name the drug and give the total dose with its unit." />
      </StepForm>
    </Section>
  );
}

function AllFindings() {
  const { goTo } = useWizard();
  const { evaluation } = useWizardData(everything);
  if (evaluation.findings.length === 0) return null;
  return (
    <Section title="Everything the wizard found">
      {STEPS.map((s) => {
        const here = evaluation.findings.filter((f) => stepOfPath(f.path) === s.id);
        if (here.length === 0) return null;
        return (
          <div key={s.id}>
            <h4 className="font-semibold">{s.title}</h4>
            <ul className="mt-1 space-y-2">{here.map((f) => <FindingLink key={`${f.rule}@${f.path}`} finding={f} onGo={() => goTo(f.path)} />)}</ul>
          </div>
        );
      })}
    </Section>
  );
}

function ExportActions() {
  const { goTo, draftId, services } = useWizard();
  const { evaluation, packet } = useWizardData(everything);
  const blocking = evaluation.findings.filter((f) => f.severity === 'block');
  const isBlocked = !evaluation.exportable;
  return (
    <Section title="Export">
      {isBlocked && (
        <div id="export-blocked" className="rounded border border-red-700 bg-red-50 p-3">
          <p className="font-semibold text-red-900">Export is blocked until {blocking.length === 1 ? 'this is' : `these ${blocking.length} are`} fixed:</p>
          <ul className="mt-2 space-y-2">{blocking.map((f) => <FindingLink key={`${f.rule}@${f.path}`} finding={f} onGo={() => goTo(f.path)} />)}</ul>
        </div>
      )}
      <div className="print:hidden">
        {services.exportPanel({ draftId, packet, evaluation, blockedBy: isBlocked ? 'export-blocked' : undefined })}
      </div>
      <button type="button" onClick={() => window.print()} className="rounded border border-slate-500 px-4 py-2 font-semibold hover:bg-slate-100 print:hidden">
        Print the documentation checklist
      </button>
    </Section>
  );
}
