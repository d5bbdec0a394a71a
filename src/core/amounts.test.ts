/**
 * Doses by volume (billing-rules §3): the strength (amount per volume, from the container or the
 * label) turns a dose in mL into the amount it holds, for descriptions and per-amount units; the NDC
 * quantity stays in mL, and no value already entered is asked for again.
 */
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import type { DrugAmounts } from './amounts';
import { convertWith, drugAmountOf, readStrength } from './amounts';
import { evaluate, findingsOf, profile, ruleIds, withDrug } from './test-fixtures';

const amount = (value: string, unit: 'mg' | 'mL' | 'units' | 'g' | 'L') => ({ value: new Fraction(value), unit });
const text = (a: { value: Fraction; unit: string } | undefined) => a && `${a.value.toString()} ${a.unit}`;

describe('readStrength', () => {
  it.each([
    ['150 mg/6 mL', '150 mg', '6 mL'], ['25 mg/mL', '25 mg', '1 mL'], ['10,000 units/mL', '10000 units', '1 mL'],
    ['100 mg per 10 mL', '100 mg', '10 mL'], ['0.5 MG/ 2 ML', '0.5 mg', '2 mL'], ['1 g/L', '1 g', '1 L'],
  ])('reads %j as %s in %s', (label, a, v) => {
    const s = readStrength(label);
    expect([text(s?.amount), text(s?.volume), s?.isFromLabel]).toEqual([a, v, true]);
  });

  it.each(['200 mg/20 mL (10 mg/mL)', '0.5%', '1,5 mg/mL', '100 mg', 'mg/mL', '0 mg/mL', '5 mg/0 mL'])('does not guess from %j', (label) => {
    expect(readStrength(label)).toBeUndefined();
  });
});

describe('convertWith', () => {
  const a: DrugAmounts = { isWasteTyped: true, strength: { amount: amount('150', 'mg'), volume: amount('6', 'mL'), isFromLabel: false } };
  it('converts within a kind, and between a volume and the amount it holds', () => {
    expect(text(convertWith(a, amount('2', 'g'), 'mg'))).toBe('2000 mg');
    expect(text(convertWith(a, amount('5.6', 'mL'), 'mg'))).toBe('140 mg');
    expect(text(convertWith(a, amount('100', 'mg'), 'mL'))).toBe('4 mL');
    expect(text(convertWith(a, amount('0.006', 'L'), 'mg'))).toBe('150 mg');
    expect(convertWith(a, amount('100', 'units'), 'mL')).toBeUndefined();
    expect(convertWith({ isWasteTyped: true }, amount('4', 'mL'), 'mg')).toBeUndefined();
  });

  it('tells a volume as the amount it holds, and leaves any other amount as it is', () => {
    expect(text(drugAmountOf(a, amount('5.6', 'mL')))).toBe('140 mg');
    expect(text(drugAmountOf(a, amount('100', 'mg')))).toBe('100 mg');
    expect(text(drugAmountOf({ isWasteTyped: true }, amount('5.6', 'mL')))).toBe('5.6 mL');
  });
});

describe('a dose typed in mL', () => {
  const byVolume = { administration: { dose: { value: '5.6', unit: 'mL' as const } }, container: { opened: '1' }, waste: { amount: { value: '0.4', unit: 'mL' as const } } };

  it('is described by the amount it holds (140MG, not 5.6ML), the NDC quantity staying in mL', () => {
    const result = evaluate(withDrug(byVolume));
    expect(result.lines[0]!.narrative).toBe('BRIUMVI UBLITUXIMAB-XIIY 140MG IV NDC 73150015006');
    expect(result.lines[0]!.ndc).toMatchObject({ unit: 'ML', quantity: '5.6' });
    expect(result.lines[1]!.narrative).toBe('BRIUMVI 10MG DISCARDED NDC 73150015006');
    expect(ruleIds(result)).not.toContain('waste.mismatch');
  });

  it('gives a state Medicaid profile billing per mg its units, and asks for no container volume already entered (NC Medicaid)', () => {
    const result = evaluate(withDrug({ ...byVolume, priorAuth: { status: 'approved', number: 'PA-1' } }, profile('medicaid-nc')));
    expect(result.lines.map((l) => [l.units, l.ndc?.unit, l.ndc?.quantity])).toEqual([[140, 'UN', '0.933'], [10, 'UN', '0.067']]);
    for (const rule of ['units.not-computable', 'dose.unit-incompatible', 'container.volume-needed', 'container.amount-missing']) expect(ruleIds(result)).not.toContain(rule);
  });

  it('uses the strength on the label when the container has no amount or volume', () => {
    const result = evaluate(withDrug({ ...byVolume, strength: '25 mg/mL', container: { amount: undefined, volume: undefined } }));
    expect(result.lines[0]!.narrative).toBe('BRIUMVI UBLITUXIMAB-XIIY 140MG IV NDC 73150015006');
    expect(ruleIds(result)).not.toContain('container.amount-missing');
  });

  it('does not ask for the container\'s volume in a unit mismatch when it is entered', () => {
    const entered = findingsOf(evaluate(withDrug({ administration: { dose: { value: '5', unit: 'units' } } })), 'dose.unit-incompatible');
    expect(entered[0]?.message).toBe('This amount is in units but the container is described in mg. Use the same kind of unit.');
    const missing = findingsOf(evaluate(withDrug({ strength: undefined, container: { volume: undefined }, administration: { dose: { value: '5', unit: 'units' } } })), 'dose.unit-incompatible');
    expect(missing[0]?.message).toMatch(/or enter the container's volume\.$/);
  });

  it('without any strength, keeps the volume in the description and asks only for what is missing', () => {
    const result = evaluate(withDrug({ ...byVolume, strength: undefined, container: { volume: undefined } }, profile('medicaid-nc')));
    expect(result.lines[0]!.narrative).toMatch(/ 5\.6ML IV /);
    const asked = result.findings.filter((f) => f.severity === 'block').map((f) => [f.rule, f.path]);
    expect(asked).toContainEqual(['units.not-computable', 'drugs.0.container.volume.value']);
  });
});
