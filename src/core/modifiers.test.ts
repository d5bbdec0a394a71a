/**
 * The biller's modifiers on drug lines (billing-rules §5).
 */
import { describe, expect, it } from 'vitest';
import type { Drug } from './packet/schema';
import type { DeepPartial } from './test-fixtures';
import { evaluate, evaluateOn, findingsOf, profile, ruleIds, withDrug } from './test-fixtures';

type DrugPatch = DeepPartial<Drug>;
const withModifiers = (modifiers: string[], drug: DrugPatch = {}, overrides: Parameters<typeof withDrug>[1] = {}) =>
  evaluate(withDrug({ ...drug, modifiers }, overrides));
const allDocuments = ['order', 'administration-record', 'waste-record', 'invoice', 'abn'] as const;

describe('shape', () => {
  it('trims and upper-cases modifiers and keeps their order', () => {
    const result = withModifiers([' u1 ', 'U2']);
    expect(result.lines[0]!.modifiers).toEqual(['U1', 'U2']);
    expect(result.exportable).toBe(true);
  });

  it('ignores blank entries', () => {
    expect(withModifiers(['', '  ']).findings).toEqual([]);
  });

  it.each(['J', 'JZZ', 'J-', '1'])('refuses %j (a modifier is two letters or digits)', (m) => {
    expect(findingsOf(withModifiers([m]), 'modifier.format')).toMatchObject([{ severity: 'block', path: 'drugs.0.modifiers.0' }]);
  });

  it('refuses a repeat, whatever the case', () => {
    expect(findingsOf(withModifiers(['U1', 'u1']), 'modifier.duplicate')).toMatchObject([{ severity: 'block', path: 'drugs.0.modifiers.1' }]);
  });
});

describe('at most 4 per line (X12 SV101-3..6)', () => {
  it('counts the JW the wizard adds', () => {
    expect(ruleIds(withModifiers(['U1', 'U2', 'U3']))).not.toContain('modifier.too-many');
    const five = withModifiers(['U1', 'U2', 'U3', 'U4']);
    expect(findingsOf(five, 'modifier.too-many')).toMatchObject([{ severity: 'block', path: 'drugs.0.modifiers' }]);
    expect(findingsOf(five, 'modifier.too-many')[0]!.message).toContain('5');
  });

  it('allows 4 on a line without waste modifiers', () => {
    const noWaste = evaluate(withDrug({ modifiers: ['U1', 'U2', 'U3', 'U4'], container: { type: 'multi-dose' }, waste: undefined }));
    expect(ruleIds(noWaste)).not.toContain('modifier.too-many');
  });

  it('counts the JZ the wizard adds', () => {
    const jz = evaluateOn('2024-05-06', { drugs: [{ modifiers: ['U1', 'U2', 'U3', 'U4'], administration: { dose: { value: '150' } }, waste: { amount: { value: '0' }, reason: undefined, time: undefined } }] });
    expect(ruleIds(jz)).toContain('modifier.too-many');
  });
});

describe('modifiers that do not belong on a drug line', () => {
  it.each(['25', '59', 'XE', 'XS'])('%s goes on the visit or administration code', (m) => {
    expect(findingsOf(withModifiers([m]), 'modifier.not-for-drug-line')).toMatchObject([{ severity: 'block' }]);
  });

  it.each(['KO', 'KP', 'KQ'])('%s is for DME unit-dose inhalation drugs only (scenario 14)', (m) => {
    expect(findingsOf(withModifiers([m]), 'modifier.dme-inhalation-only')).toMatchObject([{ severity: 'block' }]);
    const dme = withModifiers([m], { isBiologic: false, marketingCategory: 'NDA', route: 'inhalation' }, { careSetting: 'dme-supplier', ...profile('medicare-dme') });
    expect(ruleIds(dme)).not.toContain('modifier.dme-inhalation-only');
  });
});

describe('route modifiers JA/JB', () => {
  it('accepts JA on an intravenous drug and JB on a subcutaneous one', () => {
    expect(ruleIds(withModifiers(['JA']))).not.toContain('modifier.route-mismatch');
    expect(ruleIds(withModifiers(['JB'], { route: 'subcutaneous' }))).not.toContain('modifier.route-mismatch');
  });

  it('blocks a route modifier that contradicts the route', () => {
    expect(findingsOf(withModifiers(['JB']), 'modifier.route-mismatch')[0]?.message).toMatch(/subcutaneously/);
    expect(findingsOf(withModifiers(['JA'], { route: 'subcutaneous' }), 'modifier.route-mismatch')).toHaveLength(1);
  });
});

describe('conflicting pairs', () => {
  it.each([['JA', 'JB'], ['JG', 'TB'], ['GA', 'GZ'], ['Q0', 'Q1']])('%s and %s cannot be on one line', (a, b) => {
    const result = withModifiers([a, b], { documentsOnFile: [...allDocuments] }, { clinicalTrial: { nctNumber: 'NCT01234567' }, diagnoses: [{ code: 'G35' }, { code: 'Z00.6' }] });
    expect(findingsOf(result, 'modifier.conflict')).toMatchObject([{ severity: 'block', path: 'drugs.0.modifiers' }]);
  });

  it('warns that GY and GA/GZ rarely go together', () => {
    expect(findingsOf(withModifiers(['GY', 'GZ']), 'modifier.gy-with-ga-gz')).toMatchObject([{ severity: 'warn' }]);
    expect(ruleIds(withModifiers(['GY']))).not.toContain('modifier.gy-with-ga-gz');
  });
});

describe('340B: JG/TB from 2024-01-01', () => {
  const entity340b = { providers: { billing: { is340bEntity: true } } };

  it('does not ask for JG/TB before 2024', () => {
    expect(ruleIds(evaluateOn('2023-12-29', entity340b))).not.toContain('modifier.340b-missing');
  });

  it.each(['2024-01-01', '2024-01-02', '2025-06-02'])('asks a 340B entity for JG or TB on Medicare Part B lines on %s', (date) => {
    const result = evaluateOn(date, entity340b);
    expect(findingsOf(result, 'modifier.340b-missing')).toMatchObject([{ severity: 'warn', path: 'drugs.0.modifiers' }]);
  });

  it.each(['JG', 'TB'])('is satisfied by %s', (m) => {
    expect(ruleIds(evaluateOn('2024-01-02', { ...entity340b, drugs: [{ modifiers: [m] }] }))).not.toContain('modifier.340b-missing');
  });

  it('does not ask entities that are not 340B, nor other payers', () => {
    expect(ruleIds(evaluateOn('2024-01-02'))).not.toContain('modifier.340b-missing');
    expect(ruleIds(evaluateOn('2024-01-02', { ...entity340b, ...profile('commercial') }))).not.toContain('modifier.340b-missing');
  });

  it('warns when JG/TB is put on a claim to another payer', () => {
    expect(findingsOf(withModifiers(['TB'], {}, profile('commercial')), 'modifier.340b-not-medicare')).toMatchObject([{ severity: 'warn' }]);
    expect(ruleIds(withModifiers(['TB']))).not.toContain('modifier.340b-not-medicare');
  });
});

describe('clinical trials, KX, and unusual modifiers', () => {
  it('blocks Q0/Q1 without an NCT number, and accepts them with one', () => {
    expect(findingsOf(withModifiers(['Q1']), 'modifier.trial-without-nct')).toMatchObject([{ severity: 'block' }]);
    const withTrial = withModifiers(['Q1'], {}, { clinicalTrial: { nctNumber: 'NCT01234567', isQualifyingTrial: true }, diagnoses: [{ code: 'G35' }, { code: 'Z00.6' }] });
    expect(ruleIds(withTrial)).not.toContain('modifier.trial-without-nct');
    expect(withTrial.exportable).toBe(true);
  });

  it('warns that KX needs a policy that asks for it', () => {
    expect(findingsOf(withModifiers(['KX']), 'modifier.kx-policy')).toMatchObject([{ severity: 'warn' }]);
  });

  it('warns about a modifier not usually put on a drug line, but keeps it', () => {
    const result = withModifiers(['ZZ']);
    expect(findingsOf(result, 'modifier.unusual')).toMatchObject([{ severity: 'warn' }]);
    expect(result.lines[0]!.modifiers).toEqual(['ZZ']);
  });

  it.each(['JA', 'JB', 'GA', 'GY', 'U4', 'SL', 'JK'])('does not call %s unusual', (m) => {
    expect(ruleIds(withModifiers([m], { route: 'intravenous', documentsOnFile: [...allDocuments] }))).not.toContain('modifier.unusual');
  });
});

describe('self-administered drugs (BPM15 §50.2)', () => {
  it('blocks a drug on the SAD list for Medicare, unless billed with GY for a denial (scenario 16)', () => {
    const result = withModifiers([], { isOnSelfAdministeredList: true, route: 'subcutaneous' });
    expect(findingsOf(result, 'drug.self-administered-excluded')).toMatchObject([{ severity: 'block', path: 'drugs.0.isOnSelfAdministeredList' }]);
    expect(ruleIds(withModifiers(['GY'], { isOnSelfAdministeredList: true, route: 'subcutaneous' }))).not.toContain('drug.self-administered-excluded');
  });

  it('only warns for a payer that may cover it, and bills J3590 (scenario 16)', () => {
    const result = withModifiers([], { isOnSelfAdministeredList: true, route: 'subcutaneous' }, profile('commercial'));
    expect(findingsOf(result, 'drug.self-administered-check-contract')).toMatchObject([{ severity: 'warn' }]);
    expect(result.decision.code).toBe('J3590');
    expect(ruleIds(result)).not.toContain('drug.self-administered-excluded');
  });
});
