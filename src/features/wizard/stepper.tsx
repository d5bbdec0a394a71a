/**
 * The steps, always visible, each with its state: complete, problems to fix, things to check.
 */
import type { Finding } from '../../core/rules';
import type { StepId } from './steps';
import { STEPS, stepOfPath } from './steps';

export interface StepCounts {
  readonly block: number;
  readonly warn: number;
}

export function countByStep(findings: readonly Finding[]): Record<StepId, StepCounts> {
  const counts = Object.fromEntries(STEPS.map((s) => [s.id, { block: 0, warn: 0 }])) as Record<StepId, { block: number; warn: number }>;
  for (const f of findings) counts[stepOfPath(f.path)][f.severity] += 1;
  return counts;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function Stepper({ current, counts, onSelect }: { current: StepId; counts: Record<StepId, StepCounts>; onSelect: (step: StepId) => void }) {
  return (
    <nav aria-label="Steps" className="print:hidden">
      <ol className="flex flex-wrap gap-2">
        {STEPS.map((step, i) => {
          const c = counts[step.id];
          const state = c.block > 0 ? plural(c.block, 'problem') : c.warn > 0 ? `complete, ${plural(c.warn, 'check')}` : 'complete';
          const isCurrent = step.id === current;
          return (
            <li key={step.id}>
              <button type="button" onClick={() => onSelect(step.id)} aria-current={isCurrent ? 'step' : undefined}
                className={`flex items-center gap-2 rounded-full border px-3 py-1.5 text-sm ${isCurrent ? 'border-blue-800 bg-blue-800 text-white' : 'border-slate-300 bg-white text-slate-900 hover:bg-slate-100'}`}>
                <span aria-hidden="true" className={`grid size-5 place-items-center rounded-full text-xs font-bold ${c.block > 0 ? 'bg-red-700 text-white' : 'bg-green-700 text-white'}`}>
                  {c.block > 0 ? '!' : '✓'}
                </span>
                <span>{i + 1}. {step.title}</span>
                <span className="sr-only">({state})</span>
                {c.block > 0 && <span aria-hidden="true" className={isCurrent ? 'text-red-100' : 'text-red-800'}>{c.block}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
