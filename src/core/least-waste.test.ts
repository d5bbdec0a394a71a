/**
 * Least waste (billing-rules §4; Noridian JEA, CPM17 §40): the combination of container sizes that
 * covers a dose with the least left over, and the warning when the containers opened wasted more.
 */
import Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leastWasteCombination } from './least-waste';
import type { ProductPackage } from './reference';
import { BRIUMVI_NDC11, evaluate, findingsOf, FIXTURE_REFERENCE_DATA, memoryReference, ruleIds, withDrug } from './test-fixtures';
import { knownNdc11 } from './ndc';

const f = (n: number | string) => new Fraction(n);
const sizes = (...amounts: number[]) => amounts.map((a, i) => ({ amount: f(a), ndc11: knownNdc11(`0000000000${i}`) }));
const counted = (dose: number, ...amounts: number[]) => {
  const c = leastWasteCombination(f(dose), sizes(...amounts));
  return c && { total: Number(c.total.valueOf()), counts: c.counts.map((n) => [Number(n.size.valueOf()), n.count]) };
};

describe('leastWasteCombination', () => {
  it.each([
    [500, [400, 100], 500, [[400, 1], [100, 1]]],
    [450, [150], 450, [[150, 3]]],
    [3000, [1100, 300], 3000, [[300, 10]]],
    [3300, [1100, 300], 3300, [[1100, 3]]],
    [250, [400, 100], 300, [[100, 3]]],
    [70, [100], 100, [[100, 1]]],
  ] as const)('covers %i with %j: %i in all', (dose, amounts, total, counts) => {
    expect(counted(dose, ...amounts)).toEqual({ total, counts });
  });

  it('works in fractions (2.5 mL and 1.7 mL syringes for 4.1 mL)', () => {
    const c = leastWasteCombination(f('4.1'), [{ amount: f('2.5'), ndc11: knownNdc11('00000000001') }, { amount: f('1.7'), ndc11: knownNdc11('00000000002') }])!;
    expect(c.total.toString()).toBe('4.2');
    expect(c.counts.map((n) => [n.size.toString(), n.count])).toEqual([['2.5', 1], ['1.7', 1]]);
  });

  it('gives up, rather than take long, when the sizes are too fine for the dose', () => {
    expect(leastWasteCombination(f(1_000_000), [{ amount: f('0.001'), ndc11: knownNdc11('00000000001') }, { amount: f(7), ndc11: knownNdc11('00000000002') }])).toBeUndefined();
  });

  it('property: the combination covers the dose, and no total between the dose and it can be made', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2000 }), fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 4 }), (dose, amounts) => {
      const c = leastWasteCombination(f(dose), sizes(...amounts))!;
      const total = Number(c.total.valueOf());
      expect(total).toBeGreaterThanOrEqual(dose);
      expect(c.counts.reduce((sum, n) => sum + Number(n.size.valueOf()) * n.count, 0)).toBe(total);
      // No exact total between the dose and the one found (checked by brute force on small cases).
      const reachable = new Set([0]);
      for (let t = 1; t < total; t++) if (amounts.some((a) => reachable.has(t - a))) reachable.add(t);
      for (let t = dose; t < total; t++) expect(reachable.has(t)).toBe(false);
    }), { numRuns: 200 });
  });
});

describe('the least-waste warning', () => {
  const hundredMgVial: ProductPackage = { ndc11: knownNdc11('73150010004'), amount: { value: '100', unit: 'mg' }, containerType: 'single-dose', source: 'FDA NDC Directory, test' };
  const withPackages = (packages: readonly ProductPackage[]) => memoryReference({ ...FIXTURE_REFERENCE_DATA, packages: { [BRIUMVI_NDC11]: packages } });

  it('names the combination that wastes less, what was opened, the waste avoided and where the sizes come from', () => {
    const result = evaluate(withDrug({}), undefined, withPackages([hundredMgVial]));
    expect(findingsOf(result, 'waste.least-waste')).toEqual([expect.objectContaining({
      severity: 'warn', path: 'drugs.0.container.opened',
      message: '1 × 100 mg (NDC 73150010004) would cover this dose with 50 mg less drug discarded than the 1 × 150 mg opened (50 mg discarded). '
        + 'Contractors expect the container sizes that waste least: check which containers were opened, and keep in the record why if these were. (Other sizes: FDA NDC Directory, test.)',
    })]);
    expect(result.exportable).toBe(true);
  });

  it('says nothing when the containers opened already waste least, or the other sizes are multi-dose, or none is known', () => {
    expect(ruleIds(evaluate(withDrug({ administration: { dose: { value: '150', unit: 'mg' } }, waste: { amount: { value: '0', unit: 'mg' }, reason: undefined, time: undefined } }), undefined, withPackages([hundredMgVial]))))
      .not.toContain('waste.least-waste');
    expect(ruleIds(evaluate(withDrug({}), undefined, withPackages([{ ...hundredMgVial, containerType: 'multi-dose' }])))).not.toContain('waste.least-waste');
    expect(ruleIds(evaluate(withDrug({})))).not.toContain('waste.least-waste');
  });

  it('compares a dose given by volume through the strength (4 mL of 150 mg/6 mL is 100 mg)', () => {
    const result = evaluate(withDrug({ administration: { dose: { value: '4', unit: 'mL' } }, waste: { amount: { value: '2', unit: 'mL' } } }), undefined, withPackages([hundredMgVial]));
    expect(findingsOf(result, 'waste.least-waste')).toHaveLength(1);
  });
});
