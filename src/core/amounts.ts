/**
 * Reads the amounts of one drug (dose, container, waste) exactly, raising a finding for any value
 * that is typed but cannot be read. Blank values are not findings here: the checklist and the line
 * rules say what is still needed.
 */
import type Fraction from 'fraction.js';
import type { DrugContext } from './context';
import type { Quantity } from './packet/schema';
import type { Amount, DecimalProblem } from './quantity';
import { isZero, parseDecimal, readAmount } from './quantity';
import type { RuleKey } from './rules';
import { finding } from './rules';

export interface DrugAmounts {
  readonly dose?: Amount;
  readonly perContainer?: Amount;
  readonly volume?: Amount;
  readonly opened?: number;
  /** What the opened containers held in all: amount per container × containers opened. */
  readonly openedTotal?: Amount;
  readonly waste?: Amount;
  /** The waste value was typed (even if it could not be read). */
  readonly isWasteTyped: boolean;
}

const PROBLEM_TEXT: Record<DecimalProblem | 'zero', string> = {
  blank: 'is empty.',
  'not-a-number': 'must be a number, like 150 or 2.5.',
  separator: 'must be written without commas or spaces: 1500, not 1,500 (use a point for decimals: 2.5).',
  negative: 'cannot be negative.',
  'too-long': 'is too long to be a real amount.',
  zero: 'must be more than zero.',
};

export function problemText(problem: DecimalProblem | 'zero'): string {
  return PROBLEM_TEXT[problem];
}

type AmountRule = 'doseInvalid' | 'containerAmountInvalid' | 'containerVolumeInvalid' | 'wasteInvalid';

/** Reads one quantity; reports a typed value that cannot be read, or a zero where zero is wrong. */
function read(ctx: DrugContext, q: Quantity | undefined, rule: AmountRule, path: string, allowZero: boolean): Amount | undefined {
  const r = readAmount(q);
  if (r.ok) {
    if (!allowZero && isZero(r.amount.value)) {
      ctx.findings.push(finding(rule as RuleKey & AmountRule, `${path}.value`, { problem: problemText('zero') }));
      return undefined;
    }
    return r.amount;
  }
  if (r.problem !== 'blank' && r.problem !== 'no-unit') {
    ctx.findings.push(finding(rule, `${path}.value`, { problem: problemText(r.problem) }));
  }
  return undefined;
}

export function readDrugAmounts(ctx: DrugContext): DrugAmounts {
  const d = ctx.drug, b = ctx.base;
  const dose = read(ctx, d.administration?.dose, 'doseInvalid', `${b}.administration.dose`, false);
  const perContainer = read(ctx, d.container?.amount, 'containerAmountInvalid', `${b}.container.amount`, false);
  const volume = read(ctx, d.container?.volume, 'containerVolumeInvalid', `${b}.container.volume`, false);
  const waste = read(ctx, d.waste?.amount, 'wasteInvalid', `${b}.waste.amount`, true);
  const openedText = d.container?.opened?.trim() ?? '';
  let opened: number | undefined;
  if (openedText !== '') {
    const n: Fraction | DecimalProblem = parseDecimal(openedText);
    if (typeof n === 'string' || n.d !== 1n || n.n < 1n || n.n > 10_000n) ctx.findings.push(finding('containersOpenedInvalid', `${b}.container.opened`));
    else opened = Number(n.n);
  }
  const openedTotal = perContainer === undefined || opened === undefined ? undefined : { value: perContainer.value.mul(opened), unit: perContainer.unit };
  return { dose, perContainer, volume, opened, openedTotal, waste, isWasteTyped: (d.waste?.amount?.value?.trim() ?? '') !== '' };
}
