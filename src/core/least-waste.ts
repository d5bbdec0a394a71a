/**
 * Least waste (billing-rules §4; Noridian JEA, CPM17 §40): contractors expect the combination of
 * single-dose container sizes that covers the dose with the least drug discarded. When the same
 * product comes in other sizes (ReferenceData.otherPackages) and another combination would have
 * discarded less than the containers opened, the biller is warned, with that combination and the
 * waste it avoids.
 */
import type { Ndc11 } from './ndc';
import Fraction from 'fraction.js';
import type { DrugAmounts } from './amounts';
import { convertWith } from './amounts';
import type { DrugContext } from './context';
import type { QuantityUnit } from './packet/schema';
import type { Amount } from './quantity';
import { amountForPeople, convert, isZero, readAmount } from './quantity';
import { finding } from './rules';
import type { WastePlan } from './waste';

/** A container size the dose can be drawn from, and the NDC it comes in. */
interface Size {
  readonly amount: Fraction;
  readonly ndc11: Ndc11;
}

/** How many containers of each size. */
export interface Combination {
  readonly counts: readonly { readonly size: Fraction; readonly ndc11: Ndc11; readonly count: number }[];
  readonly total: Fraction;
}

/** Search steps at most: beyond, the sizes are too fine for the dose and the check is skipped. */
const MAX_STEPS = 20_000;

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * The combination of sizes that covers `dose` with the least left over, with the fewest containers
 * among those; `undefined` when the sizes are too fine to search (more than `MAX_STEPS` steps).
 */
export function leastWasteCombination(dose: Fraction, sizes: readonly Size[]): Combination | undefined {
  if (sizes.length === 0 || dose.s < 0n || isZero(dose)) return undefined;
  // Whole steps: every size and the dose as multiples of one step (the sizes' greatest common divisor).
  const denominator = [dose, ...sizes.map((s) => s.amount)].reduce((l, f) => (l * f.d) / gcd(l, f.d), 1n);
  const whole = sizes.map((s) => s.amount.mul(denominator).n);
  const step = whole.reduce(gcd);
  const steps = whole.map((w) => Number(w / step));
  const target = Number(dose.mul(denominator).div(step).ceil().n);
  const limit = target + steps.reduce((a, b) => Math.max(a, b), 0);
  if (!Number.isSafeInteger(limit) || limit > MAX_STEPS) return undefined;
  // fewest[t]: fewest containers whose contents add up to exactly t steps; from[t]: the size added last.
  const fewest = new Int32Array(limit + 1).fill(-1), from = new Int32Array(limit + 1).fill(-1);
  fewest[0] = 0;
  for (let t = 1; t <= limit; t++) {
    for (let i = 0; i < steps.length; i++) {
      const before = t - steps[i]!;
      if (before >= 0 && fewest[before]! >= 0 && (fewest[t]! < 0 || fewest[before]! + 1 < fewest[t]!)) {
        fewest[t] = fewest[before]! + 1;
        from[t] = i;
      }
    }
  }
  let best = target;
  while (best <= limit && fewest[best]! < 0) best++;
  if (best > limit) return undefined;
  const counts = sizes.map(() => 0);
  for (let t = best; t > 0; t -= steps[from[t]!]!) counts[from[t]!]!++;
  return {
    counts: sizes.map((s, i) => ({ size: s.amount, ndc11: s.ndc11, count: counts[i]! })).filter((c) => c.count > 0),
    total: new Fraction(best).mul(new Fraction(step)).div(new Fraction(denominator)),
  };
}

/** "1 × 400 mg (NDC 50242006101) + 1 × 100 mg (NDC 50242006001)". */
function combinationText(c: Combination, unit: QuantityUnit): string {
  return c.counts.map((n) => `${n.count} × ${amountForPeople({ value: n.size, unit })} (NDC ${n.ndc11})`).join(' + ');
}

/** Warns when other container sizes of the product would have covered the dose with less waste. */
export function checkLeastWaste(ctx: DrugContext, waste: WastePlan, a: DrugAmounts): void {
  const { perContainer, opened, dose } = a;
  if (!waste.applies || perContainer === undefined || opened === undefined || dose === undefined || ctx.ndc === undefined || ctx.dateOfService === undefined) return;
  const others = ctx.reference.otherPackages(ctx.ndc.ndc11, ctx.dateOfService);
  if (others === undefined || others.length === 0) return;
  const given = convertWith(a, dose, perContainer.unit);
  const openedTotal = perContainer.value.mul(opened);
  if (given === undefined || given.value.compare(openedTotal) > 0) return;
  const sizes: Size[] = [{ amount: perContainer.value, ndc11: ctx.ndc.ndc11 }];
  const sources = new Set<string>();
  for (const p of others) {
    const read = readAmount(p.amount);
    const amount: Amount | undefined = read.ok ? convert(read.amount, perContainer.unit) : undefined;
    if (p.containerType === 'multi-dose' || amount === undefined || isZero(amount.value) || sizes.some((s) => s.amount.equals(amount.value))) continue;
    sizes.push({ amount: amount.value, ndc11: p.ndc11 });
    sources.add(p.source);
  }
  if (sizes.length < 2) return;
  const best = leastWasteCombination(given.value, sizes);
  if (best === undefined || best.total.compare(openedTotal) >= 0) return;
  const unit = perContainer.unit;
  ctx.findings.push(finding('wasteLeastWaste', `${ctx.base}.container.opened`, {
    better: combinationText(best, unit),
    opened: `the ${opened} × ${amountForPeople(perContainer)} opened (${amountForPeople({ value: openedTotal.sub(given.value), unit })} discarded)`,
    avoided: amountForPeople({ value: openedTotal.sub(best.total), unit }),
    sources: [...sources].join('; '),
  }));
}
