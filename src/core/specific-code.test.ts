/**
 * A drug billed under its own code (billing-rules §1 row 1, §3, §4; CPM17 §40): the claim of that
 * code, its units in the code's billing unit (the dose rounded up, the discarded amount rounded down),
 * JZ when nothing billable was discarded from a single-dose container (from 7/1/2023), neither JW
 * nor JZ where they do not apply, and no description on the line. The Noridian JW/JZ examples
 * (J1745 infliximab, 10 mg) are the test cases.
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation } from './evaluate';
import type { ClaimPacket, Drug } from './packet/schema';
import type { SpecificCode } from './reference';
import type { DeepPartial, MemoryReferenceData } from './test-fixtures';
import { BRIUMVI_NDC11, evaluateOn, findingsOf, FIXTURE_REFERENCE_DATA, memoryReference, profile, ruleIds } from './test-fixtures';
import { knownHcpcsCode } from './codes';

const REMICADE_NDC11 = '57894003001';
const J1745: SpecificCode = { code: knownHcpcsCode('J1745'), descriptor: 'Injection, infliximab, excludes biosimilar, 10 mg', billingUnit: '10 MG', billUnitsPerItem: 10, source: 'CMS ASP NDC-HCPCS crosswalk' };
const withCodes = (crosswalk: MemoryReferenceData['crosswalk']) => memoryReference({ ...FIXTURE_REFERENCE_DATA, crosswalk });
const remicadeReference = withCodes({ [REMICADE_NDC11]: [J1745] });

/** Remicade from 100 mg single-dose vials, the biller having chosen J1745. */
function remicade(dose: string, discarded: string | undefined, opened = '4'): DeepPartial<Drug> {
  return {
    ndc: { input: '57894-0030-01', normalized: REMICADE_NDC11 }, brandName: 'Remicade', genericName: 'infliximab', strength: '100 mg',
    dosageForm: 'injection, powder, lyophilized, for solution', fdaApprovalDate: '1998-08-24',
    container: { type: 'single-dose', amount: { value: '100', unit: 'mg' }, volume: undefined, opened },
    administration: { dose: { value: dose, unit: 'mg' } },
    waste: discarded === undefined ? undefined : { amount: { value: discarded, unit: 'mg' } },
    specificCodeChoice: 'J1745', narrativeOverride: undefined, invoice: { ndc: '57894-0030-01' },
  };
}

/** The fixture's diagnosis G35 became a header on 10/1/2025 (FY2026): G35.A from then. */
const onDate = (date: string, drug: DeepPartial<Drug>, overrides: DeepPartial<ClaimPacket> = {}, reference = remicadeReference) =>
  evaluateOn(date, { ...(date >= '2025-10-01' ? { diagnoses: [{ code: 'G35.A' }] } : {}), ...overrides, drugs: [drug] }, reference);
const linesOf = (e: Evaluation) => e.lines.map((l) => ({ code: l.code, modifiers: [...l.modifiers], units: l.units, ndc: l.ndc?.quantity ?? null, narrative: l.narrative }));

describe('the Noridian JW/JZ examples (J1745 infliximab, 10 mg)', () => {
  it('350 mg given and 50 mg discarded from 4 × 100 mg vials: J1745 × 35 + J1745-JW × 5', () => {
    const result = onDate('2025-11-05', remicade('350', '50'));
    expect(linesOf(result)).toEqual([
      { code: 'J1745', modifiers: [], units: 35, ndc: '3.5', narrative: null },
      { code: 'J1745', modifiers: ['JW'], units: 5, ndc: '0.5', narrative: null },
    ]);
    expect(result.exportable).toBe(true);
  });

  it('nothing discarded from 4 × 100 mg vials: J1745-JZ × 40', () => {
    expect(linesOf(onDate('2025-11-05', remicade('400', '0')))).toEqual([{ code: 'J1745', modifiers: ['JZ'], units: 40, ndc: '4', narrative: null }]);
  });

  it('rounds the dose up and the discarded amount down, so the units never exceed what was opened (355 mg + 45 mg: 36 + 4)', () => {
    const result = onDate('2025-11-05', remicade('355', '45'));
    expect(result.lines.map((l) => [l.modifiers, l.units])).toEqual([[[], 36], [['JW'], 4]]);
    expect(result.lines[1]!.explanation.units).toBe('4 = 45 mg ÷ 10 mg per unit, rounded down: a part of a unit discarded is not billed');
  });

  it('a dose below one billing unit is 1 unit, with no JW line for the rest, and JZ (70 mg of a 100 mg unit, Noridian JZ)', () => {
    const per100 = withCodes({ [REMICADE_NDC11]: [{ ...J1745, billingUnit: '100 MG' }] });
    const result = onDate('2025-11-05', remicade('70', '30', '1'), {}, per100);
    expect(linesOf(result)).toEqual([{ code: 'J1745', modifiers: ['JZ'], units: 1, ndc: '0.7', narrative: null }]);
    expect(result.drugs[0]!.waste.explanation).toMatch(/^Less than one billing unit was discarded/);
    expect(ruleIds(result)).not.toContain('waste.reason-missing');
  });
});

describe('JZ by date of service (JWJZ: available 1/1/2023, required 7/1/2023, claims returned from 10/1/2023)', () => {
  it('is not added on 6/30/2023 (optional then), and is on 7/1/2023', () => {
    const before = onDate('2023-06-30', remicade('400', '0'));
    expect(before.lines[0]!.modifiers).toEqual([]);
    expect(before.drugs[0]!.waste.explanation).toMatch(/JZ was optional before 07\/01\/2023/);
    expect(onDate('2023-07-01', remicade('400', '0')).lines[0]!.modifiers).toEqual(['JZ']);
  });

  it('when the amount discarded is missing: a warning through 9/30/2023, a block from 10/1/2023', () => {
    const warned = onDate('2023-09-30', remicade('400', undefined));
    expect(findingsOf(warned, 'waste.amount-not-recorded')).toMatchObject([{ severity: 'warn' }]);
    expect(warned.exportable).toBe(true);
    const blocked = onDate('2023-10-01', remicade('400', undefined));
    expect(findingsOf(blocked, 'waste.amount-missing')).toMatchObject([{ severity: 'block' }]);
    expect(blocked.exportable).toBe(false);
  });

  it('is never on the same line as JW, and neither is on a multi-dose, packaged hospital outpatient, or DME claim', () => {
    const multiDose = onDate('2025-11-05', { ...remicade('350', '50'), container: { type: 'multi-dose' } });
    expect(multiDose.lines.map((l) => l.modifiers)).toEqual([[]]);
    const dme = onDate('2025-11-05', remicade('400', '0'), { careSetting: 'dme-supplier', ...profile('medicare-dme') });
    expect(dme.lines.map((l) => l.modifiers)).toEqual([[]]);
    expect(dme.drugs[0]!.waste.explanation).toMatch(/DME/);
    for (const result of [onDate('2025-11-05', remicade('350', '50')), onDate('2025-11-05', remicade('355', '45'))]) {
      for (const line of result.lines) expect(line.modifiers.includes('JW') && line.modifiers.includes('JZ')).toBe(false);
    }
  });

  it('is not added under hospital outpatient rules for a packaged code: a chosen unclassified code keeps its packaging', () => {
    const packaged = evaluateOn('2024-02-20', {
      careSetting: 'hospital-outpatient', ...profile('medicare-opps'),
      drugs: [{ fdaApprovalDate: '2001-01-01', administration: { dose: { value: '150', unit: 'mg' } }, waste: { amount: { value: '0', unit: 'mg' }, reason: undefined, time: undefined } }],
    });
    expect(packaged.decision).toMatchObject({ isSeparatelyPayable: false });
    expect(packaged.lines[0]!.modifiers).toEqual([]);
  });
});

describe('the line of a specific code', () => {
  it('carries the NDC and its quantity as an unclassified line does, and no description', () => {
    const result = onDate('2025-11-05', remicade('350', '50'));
    expect(result.lines[0]).toMatchObject({ codeKind: 'specific', narrative: null, ndc: { qualifier: 'N4', ndc11: REMICADE_NDC11, unit: 'UN', quantity: '3.5' } });
    expect(result.narrative).toBeNull();
    const form = result.claimForm.strings;
    expect(form.form === 'CMS-1500' && form.lines[0]).toMatchObject({ item24AShaded: 'N457894003001 UN3.5', item24D: 'J1745', item24G: '35', description: '' });
    expect(form.form === 'CMS-1500' && form.item19).toBe('');
  });

  it('flags a description typed for it (Part A contractors return it), and leaves it off the line', () => {
    const result = onDate('2025-11-05', { ...remicade('400', '0'), narrativeOverride: 'REMICADE 400MG IV' });
    expect(findingsOf(result, 'narrative.on-specific-code')).toMatchObject([{ severity: 'block', path: 'drugs.0.narrativeOverride' }]);
    expect(result.lines[0]!.narrative).toBeNull();
  });

  it('drops from the checklist what only unclassified codes need (description, invoice for pricing), and keeps the rest', () => {
    const result = onDate('2025-11-05', remicade('400', '0'));
    const status = (id: string) => result.checklist.find((i) => i.id === id && i.drugIndex === 0)?.status;
    expect(status('narrative')).toBe('not-needed');
    expect(status('invoice')).toBe('not-needed');
    for (const id of ['ndc', 'order', 'dose-route-date', 'administration-record', 'container-type', 'medical-necessity', 'fda-status', 'waste-record']) {
      expect(status(id), id).toBe('done');
    }
  });

  it('needs prior authorization only when the payer asks for it for every drug, not "unclassified drugs"', () => {
    const medicaid = onDate('2025-11-05', remicade('400', '0'), profile('medicaid'));
    expect(medicaid.checklist.find((i) => i.id === 'prior-auth')?.status).toBe('not-needed');
  });
});

describe('billing units other than an amount', () => {
  const perVial = withCodes({ [REMICADE_NDC11]: [{ ...J1745, billingUnit: 'PER VIAL' }] });

  it('per container: counts the dose in containers of the amount one holds (rounded up), the discarded amount rounded down', () => {
    const result = onDate('2025-11-05', remicade('350', '50'), {}, perVial);
    expect(result.lines.map((l) => [l.modifiers, l.units])).toEqual([[['JZ'], 4]]);
    expect(result.lines[0]!.explanation.units).toBe('4 = 350 mg ÷ 100 mg per container (J1745 is billed per vial), rounded up to a whole unit');
  });

  it('per container: asks for the amount one container holds rather than guess it', () => {
    const result = onDate('2025-11-05', { ...remicade('350', '50'), strength: undefined, container: { amount: undefined } }, {}, perVial);
    expect(findingsOf(result, 'units.not-computable')).toMatchObject([{ path: 'drugs.0.container.amount.value', message: expect.stringContaining('enter the drug amount in one container') }]);
    expect(result.lines[0]!.units).toBeNull();
  });

  it('per dose: 1 unit whatever the amount, no part of a dose billed on a JW line', () => {
    const perDose = withCodes({ [REMICADE_NDC11]: [{ ...J1745, billingUnit: 'Per Therapeutic Dose' }] });
    expect(onDate('2025-11-05', remicade('350', '50'), {}, perDose).lines.map((l) => [l.modifiers, l.units])).toEqual([[['JZ'], 1]]);
  });

  it('by range: 1 unit for a dose inside the code\'s range, and a block naming the range for a dose outside it', () => {
    const upTo100 = withCodes({ [REMICADE_NDC11]: [{ ...J1745, billingUnit: 'Less than or equal to 100 MG' }] });
    expect(onDate('2025-11-05', remicade('100', '0', '1'), {}, upTo100).lines.map((l) => l.units)).toEqual([1]);
    const over = onDate('2025-11-05', remicade('350', '50'), {}, upTo100);
    expect(findingsOf(over, 'units.dose-outside-code-range')).toMatchObject([{
      severity: 'block', path: 'drugs.0.administration.dose.value',
      message: 'J1745 is billed for a dose of 100 mg or less; the dose given is 350 mg. Check the dose, or bill the code for this dose.',
    }]);
    const moreThan100 = withCodes({ [REMICADE_NDC11]: [{ ...J1745, billingUnit: 'Greater than 100 MG' }] });
    expect(findingsOf(onDate('2025-11-05', remicade('100', '0', '1'), {}, moreThan100), 'units.dose-outside-code-range')).toHaveLength(1);
  });

  it('unreadable (several ingredients): counted from the crosswalk\'s billable units in one container, else the biller types the units', () => {
    const combination = withCodes({ [REMICADE_NDC11]: [{ ...J1745, billingUnit: '75MG (50MG cft/25MG taz)', billUnitsPerItem: 20 }] });
    const counted = onDate('2025-11-05', remicade('350', '50'), {}, combination);
    // 350 mg ÷ 100 mg per container × 20 units = 70; 50 mg → 10.
    expect(counted.lines.map((l) => l.units)).toEqual([70, 10]);
    const noCount = withCodes({ [REMICADE_NDC11]: [{ ...J1745, billingUnit: '75MG (50MG cft/25MG taz)', billUnitsPerItem: undefined }] });
    const asked = onDate('2025-11-05', remicade('400', '0'), {}, noCount);
    expect(findingsOf(asked, 'units.not-computable')).toMatchObject([{ path: 'drugs.0.hcpcsUnitsOverride', message: expect.stringContaining('several ingredients') }]);
    const typed = onDate('2025-11-05', { ...remicade('400', '0'), hcpcsUnitsOverride: '53' }, {}, noCount);
    expect(typed.lines[0]!.units).toBe(53);
    expect(ruleIds(typed)).not.toContain('units.not-computable');
  });
});

describe('a dose given by volume (billing-rules §3)', () => {
  const j2329 = withCodes({ [BRIUMVI_NDC11]: [{ code: knownHcpcsCode('J2329'), descriptor: 'Injection, ublituximab-xiiy, 1mg', billingUnit: '1 MG', source: 'CMS' }] });

  it('is counted in the code\'s unit through the strength, the NDC quantity staying in mL', () => {
    const result = evaluateOn('2023-08-07', { drugs: [{ specificCodeChoice: 'J2329', administration: { dose: { value: '4', unit: 'mL' } }, waste: { amount: { value: '2', unit: 'mL' } } }] }, j2329);
    expect(result.lines.map((l) => [l.units, l.ndc?.unit, l.ndc?.quantity])).toEqual([[100, 'ML', '4'], [50, 'ML', '2']]);
    expect(result.lines[0]!.explanation.units).toBe('100 = 4 mL (100 mg) ÷ 1 mg per unit, rounded up to a whole unit');
    expect(result.exportable).toBe(true);
  });

  it('takes the strength from the label when the container has no volume, and asks for none', () => {
    const result = evaluateOn('2023-08-07', { drugs: [{
      specificCodeChoice: 'J2329', strength: '25 mg/mL', container: { volume: undefined },
      administration: { dose: { value: '4', unit: 'mL' } }, waste: { amount: { value: '50', unit: 'mg' } },
    }] }, j2329);
    expect(result.lines.map((l) => l.units)).toEqual([100, 50]);
    expect(ruleIds(result).filter((r) => r.startsWith('container.') || r.startsWith('units.'))).toEqual([]);
  });

  it('without a strength, says what would let the wizard convert it, at the field that is missing', () => {
    const result = evaluateOn('2023-08-07', { drugs: [{
      specificCodeChoice: 'J2329', strength: undefined, container: { volume: undefined },
      administration: { dose: { value: '4', unit: 'mL' } }, waste: { amount: { value: '0', unit: 'mg' } },
    }] }, j2329);
    expect(findingsOf(result, 'units.not-computable')).toMatchObject([{ path: 'drugs.0.container.volume.value' }]);
  });
});
