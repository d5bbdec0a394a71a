/**
 * The state of each step, derived from the evaluation and the fields each step owns (steps.ts),
 * never from where the biller has clicked:
 * - not started: nothing entered in the step's fields, and something is still needed there (or the
 *   steps before it are not complete yet, so it is too early to tell);
 * - in progress: something entered, and values still to fill in (blocking findings of kind `missing`);
 * - needs attention: a blocking finding says a value entered is wrong (the count is every blocking
 *   finding of the step);
 * - complete: nothing blocks on the step, and it was filled in, or it needs nothing once the steps
 *   before it are filled in (no waste for a multi-dose vial, no modifiers of the biller's own).
 * Review is complete only when the claim is exportable; until then it needs attention, with every
 * blocking finding of the claim counted. Warnings are counted apart (`checks`) and never block.
 */
import type { Evaluation } from '../../core/evaluate';
import { formatCount } from '../../core/format';
import type { ClaimPacket } from '../../core/packet/schema';
import type { StepId } from './steps';
import { STEPS, stepOfPath } from './steps';

export type StepState =
  | { readonly kind: 'not-started'; readonly checks: number }
  | { readonly kind: 'in-progress'; readonly toFill: number; readonly checks: number }
  | { readonly kind: 'needs-attention'; readonly problems: number; readonly checks: number }
  | { readonly kind: 'complete'; readonly checks: number };

/** A value counts as entered when it holds text, a number, a ticked box, or an entry that does. */
function isEntered(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return true;
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.some(isEntered);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(isEntered);
  return false;
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), root);
}

/** Whether anything is entered in a step's fields (a drug field in any drug; the list of drugs itself is not an entry). */
export function hasEntries(packet: ClaimPacket, step: StepId): boolean {
  const fields: readonly string[] = STEPS.find((s) => s.id === step)!.fields;
  return fields.some((field) => {
    if (field === 'drugs') return false;
    if (!field.startsWith('drugs.*.')) return isEntered(valueAt(packet, field.split('.')));
    const path = field.slice('drugs.*.'.length).split('.');
    return (packet.drugs ?? []).some((drug) => isEntered(valueAt(drug, path)));
  });
}

interface Counts {
  missing: number;
  invalid: number;
  checks: number;
}

/** The state of every step, in the order of the steps. */
export function stepStates(packet: ClaimPacket, evaluation: Pick<Evaluation, 'findings' | 'exportable'>): Record<StepId, StepState> {
  const counts = Object.fromEntries(STEPS.map((s) => [s.id, { missing: 0, invalid: 0, checks: 0 }])) as Record<StepId, Counts>;
  let blocking = 0;
  for (const f of evaluation.findings) {
    const c = counts[stepOfPath(f.path)];
    if (f.severity === 'warn') c.checks += 1;
    else {
      blocking += 1;
      if (f.kind === 'missing') c.missing += 1;
      else c.invalid += 1;
    }
  }
  const states = {} as Record<StepId, StepState>;
  /** The steps before are filled in: nothing left to fill, though a value may be wrong. */
  let isEarlierFilled = true;
  let isAnyStarted = false;
  for (const { id } of STEPS) {
    const { missing, invalid, checks } = counts[id];
    if (id === 'review') {
      states[id] = evaluation.exportable ? { kind: 'complete', checks }
        : !isAnyStarted && !hasEntries(packet, id) ? { kind: 'not-started', checks }
          : { kind: 'needs-attention', problems: blocking, checks };
      continue;
    }
    const isStarted = hasEntries(packet, id);
    isAnyStarted ||= isStarted;
    let state: StepState;
    if (invalid > 0) state = { kind: 'needs-attention', problems: invalid + missing, checks };
    else if (missing > 0) state = isStarted ? { kind: 'in-progress', toFill: missing, checks } : { kind: 'not-started', checks };
    else state = isStarted || isEarlierFilled ? { kind: 'complete', checks } : { kind: 'not-started', checks };
    states[id] = state;
    isEarlierFilled &&= missing === 0 && state.kind !== 'not-started';
  }
  return states;
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** The state in words: "in progress, 3 to fill in", "needs attention: 2 problems", "complete, 1 check". */
export function stepStateText(state: StepState): string {
  const checks = state.checks === 0 ? '' : `, ${plural(state.checks, 'check')}`;
  switch (state.kind) {
    case 'not-started': return `not started${checks}`;
    case 'in-progress': return `in progress, ${formatCount(state.toFill)} to fill in${checks}`;
    case 'needs-attention': return `needs attention: ${plural(state.problems, 'problem')}${checks}`;
    case 'complete': return `complete${checks}`;
  }
}
