/**
 * The wizard for one draft: the stepper, the current step, its findings, and the save state.
 * The core evaluates the draft on every change; this component only shows what it returns.
 */
import type { ComponentType } from 'react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { applyAction, fieldAfterAction } from '../../core/actions';
import { evaluateClaim } from '../../core/evaluate';
import type { FindingAction } from '../../core/rules';
import type { ClaimPacket } from '../../core/packet/schema';
import { localToday } from '../../components/today';
import { downloadJson, packetFileName } from '../../components/download';
import type { Draft, SaveState } from '../../storage/use-draft';
import { useDraft } from '../../storage/use-draft';
import { ClaimStep } from './claim-step';
import { DocumentsStep } from './documents-step';
import { DoseStep } from './dose-step';
import { DrugStep } from './drug-step';
import { DrugSwitcher } from './drug-switcher';
import { FindingsPanel } from './findings-panel';
import { ModifiersStep } from './modifiers-step';
import { ReviewStep } from './review-step';
import { Stepper } from './stepper';
import { stepStates } from './step-state';
import type { StepId } from './steps';
import { drugOfPath, fieldId, STEPS, stepOfPath } from './steps';
import { WasteStep } from './waste-step';
import type { WizardData, WizardServices, WizardValue } from './wizard-context';
import { groupByPath, WizardContext, WizardStore } from './wizard-context';

/** Each step subscribes to the data it shows: re-rendering the wizard does not re-render the step. */
const STEP_VIEWS: Record<StepId, ComponentType> = {
  claim: memo(ClaimStep), drug: memo(DrugStep), dose: memo(DoseStep), waste: memo(WasteStep), modifiers: memo(ModifiersStep),
  documents: memo(DocumentsStep), review: memo(ReviewStep),
};

export function SaveIndicator({ save }: { save: SaveState }) {
  const text = save.kind === 'saving' ? 'Saving…' : save.kind === 'saved' ? 'All changes saved in this browser' : 'Not saved';
  return <p role="status" className={`text-sm ${save.kind === 'failed' ? 'font-semibold text-red-800' : 'text-slate-700'}`}>{text}</p>;
}

export function Wizard({ draftId, step, onStep, onClose, services }: {
  draftId: string;
  step: StepId;
  services: WizardServices;
  onStep: (step: StepId) => void;
  onClose: () => void;
}) {
  const draft = useDraft(draftId);
  if (draft.status === 'loading') return <p className="p-6">Opening the claim…</p>;
  if (draft.status === 'missing' || draft.packet === undefined) {
    return (
      <div className="p-6">
        <p>This claim is not in this browser (it may have been deleted).</p>
        <button type="button" onClick={onClose} className="mt-2 underline">Back to the claims</button>
      </div>
    );
  }
  return <WizardBody draftId={draftId} draft={draft} packet={draft.packet} step={step} onStep={onStep} onClose={onClose} services={services} />;
}

function WizardBody({ draftId, draft, packet, step, onStep, onClose, services }: {
  draftId: string;
  services: WizardServices;
  draft: Draft;
  packet: ClaimPacket;
  step: StepId;
  onStep: (step: StepId) => void;
  onClose: () => void;
}) {
  const { reference } = services;
  const [drugIndex, setDrugIndex] = useState(0);
  const [attempted, setAttempted] = useState<ReadonlySet<StepId>>(new Set());
  // The field "Go to the field" asked for, until its step is shown; a new request re-runs the focus effect.
  const focusPath = useRef<string | undefined>(undefined);
  const [focusRequest, setFocusRequest] = useState(0);
  // Bumped when an action changes the packet under the step's form, so the form starts anew from it.
  const [formGeneration, setFormGeneration] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const today = localToday();
  const evaluation = useMemo(() => evaluateClaim(packet, reference, today), [packet, reference, today]);
  const isStepAttempted = attempted.has(step);
  const data: WizardData = useMemo(() => ({
    packet, evaluation, findingsByPath: groupByPath(evaluation.findings), isStepAttempted, states: stepStates(packet, evaluation),
  }), [packet, evaluation, isStepAttempted]);
  const [store] = useState(() => new WizardStore(data));
  store.replace(data);
  // Subscribers re-render synchronously, before the browser paints.
  useLayoutEffect(() => store.notify(), [store, data]);
  const drugCount = packet.drugs?.length ?? 0;
  const shownDrug = Math.min(drugIndex, Math.max(0, drugCount - 1));

  const goTo = useCallback((path: string) => {
    const drug = drugOfPath(path);
    if (drug !== undefined) setDrugIndex(drug);
    focusPath.current = path;
    onStep(stepOfPath(path));
    setFocusRequest((n) => n + 1);
  }, [onStep]);

  // Focus: a finding's field after "Go to the field", otherwise the heading of a newly opened step.
  // The field's step may open only with the address's next hashchange: the effect waits for it.
  useEffect(() => {
    const path = focusPath.current;
    if (path === undefined) {
      headingRef.current?.focus();
      return;
    }
    if (stepOfPath(path) !== step) return;
    focusPath.current = undefined;
    const target = fieldElement(path);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  }, [step, focusRequest]);

  // The button pressed goes away with the finding it resolved: the field the biller fills next
  // takes the focus (the reason for setting codes aside), else the step's heading.
  const takeAction = useCallback((action: FindingAction) => {
    draft.update((p) => applyAction(p, action));
    setFormGeneration((n) => n + 1);
    focusPath.current = fieldAfterAction(action);
    setFocusRequest((n) => n + 1);
  }, [draft.update]);

  const value: WizardValue = useMemo(() => ({ draftId, store, update: draft.update, drugIndex: shownDrug, step, goTo, takeAction, services }),
    [draftId, store, draft.update, shownDrug, step, goTo, takeAction, services]);
  const index = STEPS.findIndex((s) => s.id === step);
  const move = (to: number) => {
    setAttempted((a) => new Set(a).add(step));
    onStep(STEPS[to]!.id);
  };
  // While saving fails the claim lives only in this window: leaving it loses what was not saved.
  const unsaved = draft.save.kind === 'failed';
  const leave = () => {
    if (!unsaved || window.confirm(LEAVE_UNSAVED)) onClose();
  };
  // The header's links ("Claims", "Reference data") leave the claim too.
  useEffect(() => {
    if (!unsaved) return undefined;
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#/"]') : null;
      if (link !== null && !window.confirm(LEAVE_UNSAVED)) event.preventDefault();
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [unsaved]);
  const View = STEP_VIEWS[step];
  const isDrugStep = step !== 'claim' && step !== 'review';
  return (
    <WizardContext.Provider value={value}>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
          <button type="button" onClick={leave} className="text-blue-800 underline">← All claims</button>
          {services.referenceStatus(packet.dates?.service)}
          <div className="flex flex-wrap items-center gap-3">
            <SaveIndicator save={draft.save} />
            <SaveClaimFile onSave={() => services.saveClaimFile(packet, evaluation)} />
          </div>
        </div>
        {draft.save.kind === 'failed' && <SaveFailed message={draft.save.message} packet={packet} />}
        {draft.notice !== undefined && (
          <div role="alert" className="flex items-start justify-between gap-4 rounded border border-amber-400 bg-amber-50 p-3 print:hidden">
            <p>{draft.notice}</p>
            <button type="button" onClick={draft.dismissNotice} className="underline">Dismiss</button>
          </div>
        )}
        <Stepper current={step} states={data.states} onSelect={onStep} />
        <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
          <main className="min-w-0 space-y-4">
            <h2 ref={headingRef} tabIndex={-1} className="text-2xl font-bold">
              Step {index + 1} of {STEPS.length}: {STEPS[index]!.heading}
            </h2>
            {isDrugStep && <DrugSwitcher drugIndex={shownDrug} onSelect={setDrugIndex} allowAdd={step === 'drug'} />}
            <View key={`${draft.generation}-${formGeneration}-${step}-${shownDrug}`} />
            <div className="flex justify-between border-t border-slate-200 pt-4 print:hidden">
              {index > 0 ? <button type="button" onClick={() => move(index - 1)} className="rounded border border-slate-400 px-4 py-2 hover:bg-slate-100">Back</button> : <span />}
              {index < STEPS.length - 1 && (
                <button type="button" onClick={() => move(index + 1)} className="rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900">
                  Next: {STEPS[index + 1]!.title}
                </button>
              )}
            </div>
          </main>
          <aside aria-label="Findings" className="lg:sticky lg:top-4 lg:self-start">
            {/* Each step lists its findings from the first page. */}
            <FindingsPanel key={step} />
          </aside>
        </div>
      </div>
    </WizardContext.Provider>
  );
}

/**
 * "Save claim file": the claim as a file at any step, a draft until it is complete. What was saved
 * is said beside the button.
 */
function SaveClaimFile({ onSave }: { onSave: () => string }) {
  const [said, setSaid] = useState('');
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={() => setSaid(onSave())} className="rounded border border-blue-800 px-3 py-1.5 text-sm font-semibold text-blue-900 hover:bg-blue-50">
        Save claim file
      </button>
      <p role="status" className="max-w-md text-sm text-slate-700">{said}</p>
    </div>
  );
}

/**
 * The input that edits a packet path, or the nearest one above it: a file's fingerprint or id has no
 * input of its own, the list of attached files does.
 */
function fieldElement(path: string): HTMLElement | null {
  for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const element = document.getElementById(fieldId(p)) ?? document.getElementById(fieldId(`${p}.value`));
    if (element !== null) return element;
  }
  return null;
}

const LEAVE_UNSAVED = 'This claim is not saved in the browser. Leave it anyway? What you typed since it was last saved is lost, unless you downloaded a copy.';

/**
 * Saving failed (storage full): the draft stays in memory and can be downloaded, as a file the
 * claims list opens again ("Open a saved claim file").
 */
function SaveFailed({ message, packet }: { message: string; packet: ClaimPacket }) {
  return (
    <div role="alert" className="rounded border border-red-700 bg-red-50 p-3 print:hidden">
      <p className="font-semibold text-red-900">{message}</p>
      <button type="button" onClick={() => downloadJson(packetFileName(packet), packet)}
        className="mt-2 rounded bg-red-800 px-3 py-1.5 font-semibold text-white hover:bg-red-900">
        Download a copy of this claim (JSON)
      </button>
    </div>
  );
}
