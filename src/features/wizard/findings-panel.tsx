/**
 * The current step's findings, problems first, each a link to the field to fix: the step's error
 * summary. It also says how much is left on the other steps.
 */
import { ShowMore, useShownCount } from '../../components/show-more';
import type { Finding } from '../../core/rules';
import { stepOfPath } from './steps';
import { isStillToFill, sameFindings, useWizard, useWizardData } from './wizard-context';

/** Findings listed at a time: a claim file from elsewhere can carry tens of thousands. */
export const FINDINGS_PAGE = 100;

export function FindingsPanel() {
  const { step, goTo } = useWizard();
  const isStepAttempted = useWizardData((d) => d.isStepAttempted);
  const findings = useWizardData((d) => d.evaluation.findings, sameFindings);
  const here = findings.filter((f) => stepOfPath(f.path) === step);
  const shown = isStepAttempted ? here : here.filter((f) => !isStillToFill(f));
  const hidden = here.length - shown.length;
  const sorted = [...shown].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1));
  const elsewhere = findings.filter((f) => f.severity === 'block' && stepOfPath(f.path) !== step).length;
  const listed = useShownCount(sorted.length, FINDINGS_PAGE);
  return (
    <section aria-labelledby="findings-title" className="rounded-lg border border-slate-300 bg-slate-50 p-4 print:hidden">
      <h2 id="findings-title" tabIndex={-1} className="text-lg font-semibold">On this step</h2>
      {sorted.length === 0 && hidden === 0 && <p className="mt-2 text-green-800">Nothing to fix on this step.</p>}
      {sorted.length > 0 && (
        <ul className="mt-2 space-y-2">
          {sorted.slice(0, listed.shown).map((f) => <FindingLink key={`${f.rule}@${f.path}`} finding={f} onGo={() => goTo(f.path)} />)}
        </ul>
      )}
      <ShowMore shown={listed.shown} total={sorted.length} page={FINDINGS_PAGE} what="findings" onMore={listed.showMore} />
      {hidden > 0 && <p className="mt-2 text-sm text-slate-700">{hidden} item{hidden === 1 ? '' : 's'} still to fill in on this step (shown when you move on).</p>}
      <p className="mt-3 text-sm text-slate-700">
        {elsewhere === 0 ? 'No problems on the other steps.' : `${elsewhere} problem${elsewhere === 1 ? '' : 's'} on other steps: see the step list above.`}
      </p>
    </section>
  );
}

/** A finding, a link to its field, and a button for each action that resolves it in one step ("Bill J2329 instead"). */
export function FindingLink({ finding, onGo }: { finding: Finding; onGo: () => void }) {
  const { takeAction } = useWizard();
  const isBlock = finding.severity === 'block';
  return (
    <li className={`rounded border-l-4 bg-white p-2 text-sm ${isBlock ? 'border-red-700' : 'border-amber-500'}`}>
      <span className="font-semibold">{isBlock ? 'Fix: ' : 'Check: '}</span>
      {finding.message}{' '}
      <button type="button" onClick={onGo} className="text-blue-800 underline hover:text-blue-950">
        Go to the field<span className="sr-only"> for this {isBlock ? 'problem' : 'check'}</span>
      </button>
      {finding.actions !== undefined && (
        <span className="mt-2 flex flex-wrap gap-2">
          {finding.actions.map((action) => (
            <button key={action.label} type="button" onClick={() => takeAction(action)}
              className="rounded bg-blue-800 px-3 py-1.5 font-semibold text-white hover:bg-blue-900">
              {action.label}
            </button>
          ))}
        </span>
      )}
    </li>
  );
}
