/**
 * The steps, each with its state (step-state.ts): not started, in progress, needs attention (with
 * the count), complete. On a narrow screen the list collapses to "Step 3 of 7: Dose and units" and a
 * button that shows every step to jump to.
 */
import { useId, useState } from 'react';
import type { StepState } from './step-state';
import { stepStateText } from './step-state';
import type { StepId } from './steps';
import { STEPS } from './steps';

/** The mark before a step's name: what its state looks like at a glance (the words are for screen readers and the title). */
function StateMark({ state }: { state: StepState }) {
  const base = 'grid size-5 shrink-0 place-items-center rounded-full text-xs font-bold';
  switch (state.kind) {
    case 'complete': return <span aria-hidden="true" className={`${base} bg-green-700 text-white`}>✓</span>;
    case 'needs-attention': return <span aria-hidden="true" className={`${base} bg-red-700 text-white`}>!</span>;
    case 'in-progress': return <span aria-hidden="true" className={`${base} border-2 border-blue-700 bg-white text-blue-800`}>…</span>;
    case 'not-started': return <span aria-hidden="true" className={`${base} border-2 border-slate-400 bg-white`} />;
  }
}

/** The count shown beside a step's name: problems, or values still to fill in. */
function count(state: StepState): number | undefined {
  return state.kind === 'needs-attention' ? state.problems : state.kind === 'in-progress' ? state.toFill : undefined;
}

export function Stepper({ current, states, onSelect }: { current: StepId; states: Record<StepId, StepState>; onSelect: (step: StepId) => void }) {
  const [isOpen, setIsOpen] = useState(false);
  const listId = useId();
  const index = STEPS.findIndex((s) => s.id === current);
  const select = (step: StepId) => {
    setIsOpen(false);
    onSelect(step);
  };
  return (
    <nav aria-label="Steps" className="print:hidden">
      <button type="button" aria-expanded={isOpen} aria-controls={listId} onClick={() => setIsOpen((o) => !o)}
        className="flex w-full items-center gap-2 rounded border border-slate-300 bg-white px-3 py-2 text-left text-sm sm:hidden">
        <StateMark state={states[current]} />
        <span className="grow">
          <span className="font-semibold">Step {index + 1} of {STEPS.length}: {STEPS[index]!.title}</span>
          <span className="block text-slate-700">{stepStateText(states[current])}</span>
        </span>
        <span className="shrink-0 text-blue-800 underline">{isOpen ? 'Hide the steps' : 'All steps'}</span>
      </button>
      <ol id={listId} className={`${isOpen ? 'mt-2 flex flex-col' : 'hidden'} gap-2 sm:mt-0 sm:flex sm:flex-row sm:flex-wrap`}>
        {STEPS.map((step, i) => {
          const state = states[step.id];
          const isCurrent = step.id === current;
          const shown = count(state);
          return (
            <li key={step.id}>
              <button type="button" onClick={() => select(step.id)} aria-current={isCurrent ? 'step' : undefined}
                className={`flex w-full items-center gap-2 rounded-full border px-3 py-1.5 text-sm ${isCurrent ? 'border-blue-800 bg-blue-50 font-semibold text-blue-950 ring-2 ring-blue-800' : 'border-slate-300 bg-white text-slate-900 hover:bg-slate-100'}`}>
                <StateMark state={state} />
                <span>{i + 1}. {step.title}</span>
                <span className="sr-only">({stepStateText(state)})</span>
                {shown !== undefined && <span aria-hidden="true" className={state.kind === 'needs-attention' ? 'text-red-800' : 'text-blue-800'}>{shown}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
