/**
 * Waste (billing-rules §4): JW on its own line for an amount discarded from a single-dose container,
 * JZ when nothing was discarded (available 2023-01-01, required 2023-07-01), and the waste record.
 */
import { describe, expect, it } from 'vitest';
import type { Drug } from './packet/schema';
import type { DeepPartial } from './test-fixtures';
import { evaluate, evaluateOn, findingsOf, profile, ruleIds, withDrug } from './test-fixtures';

type DrugPatch = DeepPartial<Drug>;
/** The full 150 mg vial given: nothing discarded. */
const nothingDiscarded: DrugPatch = { administration: { dose: { value: '150', unit: 'mg' } }, waste: { amount: { value: '0', unit: 'mg' }, reason: undefined, time: undefined } };
const withJz: DrugPatch = { ...nothingDiscarded, modifiers: ['JZ'] };
const modifiersOf = (result: ReturnType<typeof evaluate>) => result.lines.map((l) => l.modifiers);

describe('JZ by date of service', () => {
  it.each(['2019-02-12', '2022-12-30', '2022-12-31'])('%s: JZ did not exist, so it is not added, and a typed JZ is refused', (date) => {
    const plain = evaluateOn(date, { drugs: [nothingDiscarded] });
    expect(modifiersOf(plain)).toEqual([[]]);
    expect(plain.exportable).toBe(true);
    const typed = evaluateOn(date, { drugs: [withJz] });
    expect(findingsOf(typed, 'modifier.jz-before-available')).toMatchObject([{ severity: 'block', path: 'drugs.0.modifiers.0' }]);
    expect(modifiersOf(typed)).toEqual([[]]);
  });

  it.each(['2023-01-01', '2023-02-20', '2023-06-30'])('%s: JZ is optional, so it is not added, and a typed JZ stays with a note', (date) => {
    const plain = evaluateOn(date, { drugs: [nothingDiscarded] });
    expect(modifiersOf(plain)).toEqual([[]]);
    expect(plain.exportable).toBe(true);
    const typed = evaluateOn(date, { drugs: [withJz] });
    expect(findingsOf(typed, 'modifier.jz-before-required')).toMatchObject([{ severity: 'warn', path: 'drugs.0.modifiers.0' }]);
    expect(modifiersOf(typed)).toEqual([['JZ']]);
    expect(typed.exportable).toBe(true);
  });

  it.each(['2023-07-01', '2023-10-02', '2026-08-03'])('%s: JZ is required and added when nothing was discarded', (date) => {
    const result = evaluateOn(date, { drugs: [nothingDiscarded], diagnoses: [{ code: 'C79.51' }] });
    expect(modifiersOf(result)).toEqual([['JZ']]);
    expect(result.exportable).toBe(true);
    // Typing it as well does not put it twice.
    expect(modifiersOf(evaluateOn(date, { drugs: [withJz], diagnoses: [{ code: 'C79.51' }] }))).toEqual([['JZ']]);
  });

  it('never adds JZ when something was discarded, and refuses a typed JZ then', () => {
    const result = evaluateOn('2024-05-06', { drugs: [{ modifiers: ['JZ'] }] });
    expect(modifiersOf(result)).toEqual([[], ['JW']]);
    expect(findingsOf(result, 'modifier.waste-automatic')).toMatchObject([{ severity: 'block', path: 'drugs.0.modifiers.0' }]);
  });
});

describe('JW and JZ together (scenario 19)', () => {
  it.each([['with waste', {}], ['without waste', nothingDiscarded]] as const)('are refused %s, and never end up on one line', (_label, drug) => {
    const result = evaluateOn('2024-05-06', { drugs: [{ ...drug, modifiers: ['JW', 'JZ'] }] });
    expect(result.findings.some((f) => f.severity === 'block' && f.path.startsWith('drugs.0.modifiers'))).toBe(true);
    for (const line of result.lines) expect(line.modifiers.includes('JW') && line.modifiers.includes('JZ')).toBe(false);
  });
});

describe('JW', () => {
  it.each(['2019-02-12', '2023-03-10', '2024-05-06'])('%s: the discarded amount goes on its own JW line', (date) => {
    const result = evaluateOn(date, { diagnoses: [{ code: 'D59.5' }] });
    expect(result.lines.map((l) => [l.kind, l.modifiers])).toEqual([['administered', []], ['discarded', ['JW']]]);
  });

  it('accepts a typed JW without putting it twice or on the given line', () => {
    const result = evaluate(withDrug({ modifiers: ['jw'] }));
    expect(modifiersOf(result)).toEqual([[], ['JW']]);
    expect(result.exportable).toBe(true);
  });

  it('refuses a typed JW when nothing was discarded', () => {
    const result = evaluateOn('2024-05-06', { drugs: [{ ...nothingDiscarded, modifiers: ['JW'] }] });
    expect(findingsOf(result, 'modifier.waste-automatic')).toHaveLength(1);
    expect(modifiersOf(result)).toEqual([['JZ']]);
  });

  it('writes the amount discarded on the JW line: the NDC quantity in the unit typed, the description in the amount it holds', () => {
    const result = evaluate(withDrug({ waste: { amount: { value: '2', unit: 'mL' } } }));
    expect(result.lines[1]!.ndc).toMatchObject({ unit: 'ML', quantity: '2' });
    // 2 mL of 150 mg/6 mL.
    expect(result.lines[1]!.narrative).toBe('BRIUMVI 50MG DISCARDED NDC 73150015006');
    expect(ruleIds(result)).not.toContain('waste.mismatch');
  });

  it.each([
    ['a multi-dose container', { container: { type: 'multi-dose' } }, {}, /multi-dose/],
    ['a payer profile without JW/JZ', {}, profile('commercial'), /profile/],
    ['a packaged OPPS drug', { fdaApprovalDate: '2001-01-01' }, { careSetting: 'hospital-outpatient', ...profile('medicare-opps') }, /packaged/],
  ] as const)('refuses a typed JW for %s, saying why', (_label, drug, overrides, why) => {
    const result = evaluate(withDrug({ ...drug, modifiers: ['JW'] }, overrides));
    const [f] = findingsOf(result, 'modifier.waste-not-applicable');
    expect(f).toMatchObject({ severity: 'block', path: 'drugs.0.modifiers.0' });
    expect(f!.message).toMatch(why);
    expect(result.lines.flatMap((l) => l.modifiers)).not.toContain('JW');
  });
});

describe('the waste record', () => {
  it('requires the amount discarded for a single-dose container (0 when nothing was) from October 1, 2023, when claims without JW/JZ are returned', () => {
    const on = (date: string, drug: Parameters<typeof withDrug>[0] = {}) => evaluateOn(date, { drugs: [{ ...drug, waste: undefined }] });
    const returned = on('2023-10-01');
    expect(findingsOf(returned, 'waste.amount-missing')).toMatchObject([{ severity: 'block', path: 'drugs.0.waste.amount.value' }]);
    expect(returned.lines[0]!.modifiers).toEqual([]);
    expect(ruleIds(on('2023-10-01', { container: { type: 'multi-dose' } }))).not.toContain('waste.amount-missing');
  });

  it('only warns before October 1, 2023: JZ missing from July 1 (required, not yet returned), JW not billed before', () => {
    const on = (date: string) => evaluateOn(date, { drugs: [{ waste: undefined }] });
    for (const date of ['2023-07-01', '2023-09-30']) {
      const result = on(date);
      expect(ruleIds(result), date).not.toContain('waste.amount-missing');
      expect(findingsOf(result, 'waste.amount-not-recorded'), date).toMatchObject([{ severity: 'warn', message: expect.stringContaining('JZ (nothing discarded) or JW (amount discarded) is required from 07/01/2023') }]);
      expect(result.exportable, date).toBe(true);
    }
    const before = findingsOf(on('2023-06-30'), 'waste.amount-not-recorded');
    expect(before).toMatchObject([{ severity: 'warn', message: expect.stringContaining('JW line (required since 01/01/2017)') }]);
  });

  it('does not default to JZ when part of the vial is unaccounted for (100 mg given from 150 mg, 0 discarded)', () => {
    const result = evaluateOn('2024-05-06', { drugs: [{ waste: { amount: { value: '0' } } }] });
    const [f] = findingsOf(result, 'waste.mismatch');
    expect(f).toMatchObject({ severity: 'block', path: 'drugs.0.waste.amount.value' });
    expect(f!.message).toContain('100 mg');
    expect(f!.message).toContain('150 mg');
    expect(result.exportable).toBe(false);
  });

  it('balances dose and waste across units and several containers', () => {
    expect(ruleIds(evaluate(withDrug({ waste: { amount: { value: '0.05', unit: 'g' } } })))).not.toContain('waste.mismatch');
    const twoVials = evaluate(withDrug({ container: { opened: '2' }, administration: { dose: { value: '250' } } }));
    expect(ruleIds(twoVials)).toEqual([]);
    expect(ruleIds(evaluate(withDrug({ container: { opened: '2' } })))).toContain('waste.mismatch');
  });

  it('needs the reason and the time of a billed discard, and warns when it is before the administration', () => {
    expect(findingsOf(evaluate(withDrug({ waste: { reason: ' ' } })), 'waste.reason-missing')).toHaveLength(1);
    expect(findingsOf(evaluate(withDrug({ waste: { time: '' } })), 'waste.time-missing')).toHaveLength(1);
    expect(findingsOf(evaluate(withDrug({ waste: { time: '2023-03-10 11:15' } })), 'waste.time-invalid')).toHaveLength(1);
    expect(findingsOf(evaluate(withDrug({ waste: { time: '2023-03-10T09:29' } })), 'waste.before-administration')).toMatchObject([{ severity: 'warn' }]);
    expect(ruleIds(evaluate(withDrug({ waste: { time: '2023-03-10T09:30' } })))).not.toContain('waste.before-administration');
  });

  it('needs no reason or time when nothing was discarded', () => {
    expect(ruleIds(evaluateOn('2024-05-06', { drugs: [nothingDiscarded] }))).toEqual([]);
  });

  it('needs the waste record on file when JW is billed', () => {
    const result = evaluate(withDrug({ documentsOnFile: ['order', 'administration-record', 'invoice'] }));
    expect(result.checklist.find((i) => i.id === 'waste-record')).toMatchObject({ status: 'missing', requirement: 'conditional' });
    expect(findingsOf(result, 'checklist.waste-record')).toHaveLength(1);
  });

  it('accepts an attached waste record for this drug (with its fingerprint)', () => {
    const sha256 = 'a'.repeat(64);
    const result = evaluate(withDrug(
      { documentsOnFile: ['order', 'administration-record', 'invoice'] },
      { attachments: [{ id: 'att-1', drugId: 'drug-1', kind: 'waste-record', fileName: 'waste.pdf', mediaType: 'application/pdf', size: 1000, sha256 }] },
    ));
    expect(result.checklist.find((i) => i.id === 'waste-record')?.status).toBe('done');
    const otherDrug = evaluate(withDrug(
      { documentsOnFile: ['order', 'administration-record', 'invoice'] },
      { attachments: [{ id: 'att-1', drugId: 'drug-2', kind: 'waste-record', fileName: 'waste.pdf', sha256 }] },
    ));
    expect(otherDrug.checklist.find((i) => i.id === 'waste-record')?.status).toBe('missing');
  });
});

describe('explainWaste, as the waste step shows it', () => {
  const explain = (drug: Parameters<typeof withDrug>[0], o: Parameters<typeof withDrug>[1] = {}) => evaluate(withDrug(drug, o)).drugs[0]!.waste;
  it('says a JW line is billed when drug was discarded', () => {
    expect(explain({})).toEqual({ applies: true, explanation: 'Drug was discarded: it is billed on a second line with JW.' });
  });
  it('says why JW/JZ do not apply to a multi-dose container', () => {
    expect(explain({ container: { type: 'multi-dose' } })).toEqual({ applies: false, explanation: 'No JW or JZ: the container is multi-dose.' });
  });
  it('asks for the amount when the waste record is empty', () => {
    expect(explain({ waste: { amount: { value: '' } } }).explanation).toContain('enter the amount discarded (0 if none)');
  });
  it('names JZ when nothing was discarded on or after 2023-07-01, and JZ as optional or absent before', () => {
    const nothing = { administration: { dose: { value: '150', unit: 'mg' as const } }, waste: { amount: { value: '0', unit: 'mg' as const } } };
    expect(evaluateOn('2023-07-03', { drugs: [nothing] }).drugs[0]!.waste.explanation).toBe('Nothing was discarded: the drug line carries JZ.');
    expect(evaluateOn('2023-03-10', { drugs: [nothing] }).drugs[0]!.waste.explanation).toContain('optional before 07/01/2023');
    expect(evaluateOn('2022-03-10', { drugs: [nothing] }).drugs[0]!.waste.explanation).toContain('No JZ');
  });
});
