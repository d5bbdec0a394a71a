/**
 * Step 7, review: the code decision and its reasons, the lines as they go on the claim form, the
 * payment estimate, the description, the checklist and every finding; the exports, blocked until
 * the core says the claim is complete; and the printable checklist. Everything shown is the
 * evaluation's (the same claim-form strings and payment estimate as the PDF and the command line).
 */
import { Section, TextArea } from './fields';
import type { ClaimFormStrings, ClaimLayout } from '../../core/export/export-claim';
import { formatCount } from '../../core/format';
import { ShowMore, useShownCount } from '../../components/show-more';
import type { Evaluation } from '../../core/evaluate';
import { CLAIM_SIZE } from '../../core/limits';
import type { Finding } from '../../core/rules';
import type { PaymentEstimate } from '../../core/reference-data/payment';
import { paymentText } from '../../core/reference-data/payment';
import { ChecklistView } from './checklist-view';
import { FindingLink, FINDINGS_PAGE } from './findings-panel';
import { PrintableChecklist } from './printable-checklist';
import { StepForm, useDrugStepForm } from './step-form';
import { ZReviewStep } from './step-forms';
import type { StepId } from './steps';
import { STEPS, stepOfPath } from './steps';
import { everything, useWizard, useWizardData } from './wizard-context';

/** Drugs reviewed at a time: as many as a claim carries; a claim file from elsewhere may hold thousands. */
const DRUGS_PAGE = CLAIM_SIZE.serviceLines;

export function ReviewStep() {
  const { evaluation, packet } = useWizardData(everything);
  const layout = evaluation.claimForm;
  const drugs = useShownCount(evaluation.drugs.length, DRUGS_PAGE);
  return (
    <div className="space-y-6">
      {evaluation.drugs.slice(0, drugs.shown).map((d) => (
        <Section key={d.index} title={`Drug ${d.index + 1}: ${packet.drugs?.[d.index]?.brandName || packet.drugs?.[d.index]?.genericName || 'not named yet'}`}>
          <p>
            <span className="font-semibold">Code: </span>
            {d.decision.code === null ? 'none: this drug is not billed' : <><span className="font-mono">{d.decision.code}</span> {d.decision.descriptor}</>}
          </p>
          <div>
            <p className="font-semibold">Why</p>
            <ol className="list-decimal space-y-1 pl-6">{d.decision.reasons.map((r) => <li key={r}>{r}</li>)}</ol>
          </div>
          {d.lines.length > 0 && <FormBoxes layout={layout} drugIndex={d.index} />}
          <PaymentView estimate={evaluation.payment.find((e) => e.drugIndex === d.index)} />
        </Section>
      ))}
      <ShowMore shown={drugs.shown} total={evaluation.drugs.length} page={DRUGS_PAGE} what="drugs" onMore={drugs.showMore} />
      {evaluation.lines.length > 0 && <ClaimBox form={layout.strings} />}
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
      <p><span className="font-semibold">Payment estimate: </span>{paymentText(estimate)}</p>
      <p className="text-sm text-slate-700">{estimate.explanation}</p>
      {estimate.notes.length > 0 && <ul className="list-disc pl-6 text-sm text-slate-700">{estimate.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
    </div>
  );
}

/** Each line's boxes as they will be filled on the paper form, for one drug. */
function FormBoxes({ layout, drugIndex }: { layout: ClaimLayout; drugIndex: number }) {
  const form = layout.strings;
  const rows = (form.form === 'UB-04'
    ? form.lines.map((l) => ({ line: l.line, drugIndex: l.drugIndex, boxes: [l.fl42, l.fl43, l.fl44, l.fl46, l.description] }))
    : form.lines.map((l) => ({ line: l.line, drugIndex: l.drugIndex, boxes: [l.item24AShaded, l.item24D, l.item24G, l.description] })))
    .filter((row) => row.drugIndex === drugIndex);
  const heads = form.form === 'UB-04'
    ? ['FL42', 'FL43', 'FL44', 'FL46', 'Remarks (SV202-7)']
    : ['Item 24A shaded', 'Item 24D', 'Item 24G', 'Description (SV101-7)'];
  return (
    <table className="stack-table w-full text-left text-sm">
      <caption className="text-left font-semibold">{form.form === 'UB-04' ? 'UB-04 (837I) lines' : 'CMS-1500 (837P) lines'}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-1 pr-3">Line</th>
          {heads.map((h) => <th key={h} scope="col" className="py-1 pr-3">{h}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.line} className="border-b border-slate-100 align-top">
            <th scope="row" className="py-1 pr-3 font-medium">{layout.lines[row.line - 1]?.kind === 'discarded' ? 'Drug discarded' : 'Drug given'}</th>
            {row.boxes.map((value, i) => <td key={heads[i]} data-label={heads[i]} className="py-1 pr-3 font-mono break-all">{value || '—'}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the description box gets for a drug, in words. */
function writtenText(drug: Evaluation['drugs'][number] | undefined): string {
  if (drug?.narrative != null) return drug.narrative;
  if (drug?.decision.code == null) return 'nothing: this drug is not billed';
  if (drug.decision.kind === 'specific') return `nothing: ${drug.decision.code} is the drug's own code, whose line carries no description`;
  return 'not yet: complete the drug name and dose';
}

/** The claim-level box: Item 19 of the CMS-1500 or FL80 of the UB-04, every line's description combined. */
function ClaimBox({ form }: { form: ClaimFormStrings }) {
  const [name, text] = form.form === 'UB-04' ? ['FL80 remarks', form.fl80] : ['Item 19', form.item19];
  return (
    <Section id="claim-box" title={`${name} (the whole claim)`}>
      <p className="font-mono break-all">{text || '—'}</p>
      <p className="text-sm text-slate-700">
        Every line&apos;s description, three spaces apart{form.form === 'CMS-1500' ? ', after the trial number when there is one' : ''}; SEE ATTACHMENT when they do not fit, and the PDF packet is the attachment.
      </p>
    </Section>
  );
}

/** The description the wizard writes, and the biller's own wording if the payer wants another. */
function Description() {
  const { drugIndex } = useWizard();
  const { evaluation } = useWizardData(everything);
  const form = useDrugStepForm(ZReviewStep);
  return (
    <Section title="Drug description (SV101-7 / FL80 remarks)">
      <p>The wizard writes: <span className="font-mono">{writtenText(evaluation.drugs[drugIndex])}</span></p>
      <StepForm form={form} prefix={`drugs.${drugIndex}.`}>
        <TextArea name="narrativeOverride" />
      </StepForm>
    </Section>
  );
}

/** Findings as links to their fields, a page at a time. */
function FindingLinks({ findings, className }: { findings: readonly Finding[]; className: string }) {
  const { goTo } = useWizard();
  const listed = useShownCount(findings.length, FINDINGS_PAGE);
  return (
    <>
      <ul className={className}>{findings.slice(0, listed.shown).map((f) => <FindingLink key={`${f.rule}@${f.path}`} finding={f} onGo={() => goTo(f.path)} />)}</ul>
      <ShowMore shown={listed.shown} total={findings.length} page={FINDINGS_PAGE} what="findings" onMore={listed.showMore} />
    </>
  );
}

function AllFindings() {
  const { evaluation } = useWizardData(everything);
  if (evaluation.findings.length === 0) return null;
  const byStep = new Map<StepId, Finding[]>();
  for (const f of evaluation.findings) {
    const step = stepOfPath(f.path);
    const list = byStep.get(step);
    if (list === undefined) byStep.set(step, [f]);
    else list.push(f);
  }
  return (
    <Section title="Everything the wizard found">
      {STEPS.map((s) => {
        const here = byStep.get(s.id);
        if (here === undefined) return null;
        return (
          <div key={s.id}>
            <h4 className="font-semibold">{s.title}</h4>
            <FindingLinks findings={here} className="mt-1 space-y-2" />
          </div>
        );
      })}
    </Section>
  );
}

function ExportActions() {
  const { draftId, services } = useWizard();
  const { evaluation, packet } = useWizardData(everything);
  const blocking = evaluation.findings.filter((f) => f.severity === 'block');
  const isBlocked = !evaluation.exportable;
  return (
    <Section title="Export">
      {isBlocked && (
        <div id="export-blocked" className="rounded border border-red-700 bg-red-50 p-3">
          <p className="font-semibold text-red-900">Export is blocked until {blocking.length === 1 ? 'this is' : `these ${formatCount(blocking.length)} are`} fixed:</p>
          <FindingLinks findings={blocking} className="mt-2 space-y-2" />
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
