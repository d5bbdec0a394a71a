/**
 * Claim lines (billing-rules §3, §4, §8-10): HCPCS units per payer profile, the NDC unit and its
 * exact quantity, the JW line, and the paper-form boxes the evaluation lays them out in.
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation } from './evaluate';
import type { Drug } from './packet/schema';
import type { DeepPartial } from './test-fixtures';
import { BRIUMVI_NDC11, evaluate, evaluateOn, findingsOf, profile, ruleIds, withDrug } from './test-fixtures';

type DrugPatch = DeepPartial<Drug>;
const lines = (drug: DrugPatch, overrides: Parameters<typeof withDrug>[1] = {}) => evaluate(withDrug(drug, overrides)).lines;
const noWaste: DrugPatch = { administration: { dose: { value: '150', unit: 'mg' } }, waste: { amount: { value: '0', unit: 'mg' }, reason: undefined, time: undefined } };
const opps = { careSetting: 'hospital-outpatient', ...profile('medicare-opps') } as const;

/** The CMS-1500 boxes as `evaluation.claimForm` lays them out. */
function professional(e: Evaluation) {
  const form = e.claimForm.strings;
  if (form.form !== 'CMS-1500') throw new Error(`expected a CMS-1500 claim, not ${form.form}`);
  return form;
}

/** The UB-04 boxes as `evaluation.claimForm` lays them out. */
function institutional(e: Evaluation) {
  const form = e.claimForm.strings;
  if (form.form !== 'UB-04') throw new Error(`expected a UB-04 claim, not ${form.form}`);
  return form;
}

/** Ultomiris 300 mg/30 mL single-dose vials (billing-rules §16 scenarios 1 and 2). */
const ultomiris = (date: string, dose = '2700', opened = '9'): DrugPatch => ({
  ndc: { input: '25682-0022-01', normalized: '25682002201' },
  brandName: 'Ultomiris', genericName: 'ravulizumab-cwvz', strength: '300 mg/30 mL', fdaApprovalDate: '2018-12-21',
  container: { type: 'single-dose', amount: { value: '300', unit: 'mg' }, volume: { value: '30', unit: 'mL' }, opened },
  administration: { dose: { value: dose, unit: 'mg' }, start: `${date}T09:00`, end: `${date}T11:30` },
  waste: { amount: { value: '0', unit: 'mg' }, reason: undefined, time: undefined },
  invoice: { ndc: '25682-0022-01' },
});

describe('the complete packet: Briumvi 100 mg given, 50 mg discarded (scenario 5)', () => {
  const [given, discarded] = evaluate(withDrug({})).lines;

  it('bills the given amount on line 1 without JW/JZ, and the waste on a JW line, 1 unit each', () => {
    expect(given).toMatchObject({ kind: 'administered', code: 'J3590', modifiers: [], units: 1, form: 'CMS-1500' });
    expect(discarded).toMatchObject({ kind: 'discarded', code: 'J3590', modifiers: ['JW'], units: 1 });
  });

  it('gives each line its own NDC quantity in mL: 4 mL given, 2 mL discarded', () => {
    expect(given!.ndc).toEqual({ qualifier: 'N4', ndc11: BRIUMVI_NDC11, unit: 'ML', quantity: '4' });
    expect(discarded!.ndc).toEqual({ qualifier: 'N4', ndc11: BRIUMVI_NDC11, unit: 'ML', quantity: '2' });
  });

  it('fills the CMS-1500 boxes: 24A shaded, 24D, 24G and the description of each line, Item 19 for the claim', () => {
    const form = professional(evaluate(withDrug({})));
    expect(form.lines[0]).toEqual({
      line: 1, drugIndex: 0, item24AShaded: `N4${BRIUMVI_NDC11} ML4`, item24D: 'J3590', item24G: '1', description: 'BRIUMVI UBLITUXIMAB-XIIY 100MG IV NDC 73150015006',
    });
    expect(form.lines[1]).toMatchObject({ line: 2, item24AShaded: `N4${BRIUMVI_NDC11} ML2`, item24D: 'J3590 JW', item24G: '1' });
    expect(form.lines[1]!.description).toMatch(/^BRIUMVI .*50MG DISCARDED NDC 73150015006$/);
    // Both descriptions together are longer than the 80 characters Item 19 holds.
    expect(form.item19).toBe('SEE ATTACHMENT');
  });

  it('never puts JW and JZ on the same line', () => {
    for (const line of evaluate(withDrug({})).lines) expect(line.modifiers.includes('JW') && line.modifiers.includes('JZ')).toBe(false);
  });
});

describe('HCPCS units per payer profile (§3)', () => {
  it('bills 1 unit for Medicare whatever the dose (scenario 18: 150 typed is blocked)', () => {
    expect(lines({ administration: { dose: { value: '150' } }, waste: { amount: { value: '0' } } }).map((l) => l.units)).toEqual([1]);
    const typed = evaluate(withDrug({ hcpcsUnitsOverride: '150' }));
    expect(findingsOf(typed, 'units.medicare-noc-one')).toMatchObject([{ severity: 'block', path: 'drugs.0.hcpcsUnitsOverride' }]);
    expect(ruleIds(evaluate(withDrug({ hcpcsUnitsOverride: '1' })))).toEqual([]);
  });

  it('bills NC Medicaid per mg, NDC quantity in UN per vial (Ultomiris 2700 mg = 9 vials), warning that a paper 24G holds 999', () => {
    const result = evaluateOn('2019-02-12', { ...profile('medicaid-nc'), diagnoses: [{ code: 'D59.5' }], drugs: [ultomiris('2019-02-12')] });
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatchObject({ code: 'J3590', units: 2700, ndc: { unit: 'UN', quantity: '9' } });
    expect(professional(result).lines[0]).toMatchObject({ item24AShaded: 'N425682002201 UN9', item24G: '2700' });
    expect(result.findings).toContainEqual(expect.objectContaining({
      rule: 'units.over-item-24g', severity: 'warn', path: 'drugs.0.administration.dose.value',
      message: expect.stringContaining('2700 HCPCS units do not fit Item 24G of a paper CMS-1500, which holds 3 digits (999 at most)'),
    }));
    const fits = evaluateOn('2019-02-12', { ...profile('medicaid-nc'), diagnoses: [{ code: 'D59.5' }], drugs: [ultomiris('2019-02-12', '900', '3')] });
    expect(fits.lines[0]).toMatchObject({ units: 900, ndc: { unit: 'UN', quantity: '3' } });
    expect(fits.findings.map((f) => f.rule)).not.toContain('units.over-item-24g');
  });

  it('bills the NC Medicaid JW line in mg discarded as well', () => {
    const [given, discarded] = lines({}, profile('medicaid-nc'));
    expect(given!.units).toBe(100);
    expect(discarded!.units).toBe(50);
    expect(given!.ndc!.unit).toBe('UN');
  });

  it('bills Alaska Medicaid in containers opened, and 3.5 mL from one vial as J3490 × 1, ML3.5 (scenario 7)', () => {
    const oneVialClaim = evaluate(withDrug({
      isBiologic: false, marketingCategory: 'NDA',
      container: { type: 'multi-dose', amount: { value: '50', unit: 'mg' }, volume: { value: '5', unit: 'mL' }, opened: '1' },
      administration: { dose: { value: '3.5', unit: 'mL' } }, waste: undefined,
    }, profile('medicaid-ak')));
    const oneVial = oneVialClaim.lines;
    expect(oneVial).toHaveLength(1);
    expect(oneVial[0]).toMatchObject({ code: 'J3490', units: 1 });
    expect(professional(oneVialClaim).lines[0]!.item24AShaded).toBe(`N4${BRIUMVI_NDC11} ML3.5`);
    const twoVials = lines({ container: { opened: '2' }, administration: { dose: { value: '250' } }, waste: { amount: { value: '50' } } }, profile('medicaid-ak'));
    expect(twoVials[0]!.units).toBe(2);
  });

  it('warns when typed units differ from the profile\'s, and refuses units that are not whole numbers', () => {
    const differs = evaluate(withDrug({ hcpcsUnitsOverride: '90' }, profile('medicaid-nc')));
    expect(findingsOf(differs, 'units.override-differs')).toMatchObject([{ severity: 'warn' }]);
    expect(differs.lines[0]!.units).toBe(90);
    for (const typed of ['0', '1.5', '-2', 'two']) {
      const invalid = evaluate(withDrug({ hcpcsUnitsOverride: typed }));
      expect(findingsOf(invalid, 'units.override-invalid'), typed).toHaveLength(1);
      expect(invalid.lines[0]!.units).toBe(1);
    }
  });
});

describe('NDC unit of measure (§3)', () => {
  it('uses ML for a liquid with a volume', () => {
    expect(lines({})[0]!.ndc!.unit).toBe('ML');
  });

  it('uses UN for tablets and other forms counted each', () => {
    const tablets = lines({
      isBiologic: false, marketingCategory: 'NDA', route: 'oral', dosageForm: 'tablet',
      container: { type: 'multi-dose', amount: { value: '250', unit: 'mg' }, volume: undefined, opened: undefined },
      administration: { dose: { value: '500', unit: 'mg' } }, waste: undefined,
    });
    expect(tablets[0]!.ndc).toMatchObject({ unit: 'UN', quantity: '2' });
  });

  it('uses GR for creams and ointments', () => {
    const cream = lines({
      isBiologic: false, marketingCategory: 'NDA', route: 'topical', dosageForm: 'cream',
      container: { type: 'multi-dose', amount: { value: '30', unit: 'g' }, volume: undefined, opened: '1' },
      administration: { dose: { value: '2500', unit: 'mg' } }, waste: undefined,
    });
    expect(cream[0]!.ndc).toMatchObject({ unit: 'GR', quantity: '2.5' });
  });

  it('uses F2 for a dose in international units with no volume', () => {
    const factor = lines({
      isBiologic: true, therapeuticClass: 'clotting-factor', dosageForm: 'kit',
      container: { type: 'single-dose', amount: { value: '1000', unit: 'IU' }, volume: undefined, opened: '2' },
      administration: { dose: { value: '2000', unit: 'IU' } }, waste: { amount: { value: '0', unit: 'IU' }, reason: undefined, time: undefined },
    });
    expect(factor[0]).toMatchObject({ code: 'J7199', ndc: { unit: 'F2', quantity: '2000' } });
  });

  it('follows the payer\'s override: UN per vial, or ME in mg', () => {
    expect(lines({ ...noWaste, ndcUnitOverride: 'UN' })[0]!.ndc).toMatchObject({ unit: 'UN', quantity: '1' });
    expect(lines({ ndcUnitOverride: 'ME' })[0]!.ndc).toMatchObject({ unit: 'ME', quantity: '100' });
  });

  it('counts containers (UN) for a profile whose NDC quantity basis is containers', () => {
    expect(lines(noWaste, profile('medicaid-nc'))[0]!.ndc).toMatchObject({ unit: 'UN', quantity: '1' });
  });
});

describe('NDC quantity exactness (§3)', () => {
  const jubereqVial: DrugPatch = { container: { amount: { value: '120', unit: 'mg' }, volume: { value: '1.7', unit: 'mL' } } };

  it('prints 100 mg of a 120 mg/1.7 mL vial as 1.417 ML, with a rounding warning giving the exact value', () => {
    const result = evaluate(withDrug({ ...jubereqVial, waste: { amount: { value: '20' } } }));
    expect(result.lines[0]!.ndc).toMatchObject({ unit: 'ML', quantity: '1.417' });
    expect(result.lines[1]!.ndc).toMatchObject({ unit: 'ML', quantity: '0.283' });
    const warnings = findingsOf(result, 'ndc.quantity-rounded');
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings[0]).toMatchObject({ severity: 'warn', path: 'drugs.0.administration.dose.value' });
    expect(warnings[0]!.message).toContain('1.416667');
    expect(warnings[0]!.message).toContain('1.417');
    expect(result.exportable).toBe(true);
  });

  it('does not warn when the quantity is exact (1.7 mL)', () => {
    const result = evaluate(withDrug({ ...jubereqVial, administration: { dose: { value: '120' } }, waste: { amount: { value: '0' }, reason: undefined, time: undefined } }));
    expect(result.lines[0]!.ndc!.quantity).toBe('1.7');
    expect(ruleIds(result)).not.toContain('ndc.quantity-rounded');
  });

  it('converts doses in other units of the same kind exactly (0.1 g of a 150 mg/6 mL vial = 4 mL)', () => {
    expect(lines({ administration: { dose: { value: '0.1', unit: 'g' } } })[0]!.ndc!.quantity).toBe('4');
  });

  it('leaves 24A blank rather than printing a quantity it could not compute', () => {
    const result = evaluate(withDrug({ strength: undefined, container: { amount: undefined } }));
    expect(result.lines[0]!.ndc!.quantity).toBeNull();
    expect(professional(result).lines[0]!.item24AShaded).toBe('');
    expect(result.exportable).toBe(false);
  });

  it('blocks an NDC quantity that rounds to zero or is too large for the claim', () => {
    expect(findingsOf(evaluate(withDrug({ administration: { dose: { value: '0.0004', unit: 'mL' } } })), 'ndc.quantity-zero')).toHaveLength(1);
    expect(findingsOf(evaluate(withDrug({ administration: { dose: { value: '100000000', unit: 'mL' } } })), 'ndc.quantity-too-large')).toHaveLength(1);
    expect(ruleIds(evaluate(withDrug({ administration: { dose: { value: '0.0005', unit: 'mL' } } })))).not.toContain('ndc.quantity-zero');
  });
});

describe('blank, never invalid: a line whose values cannot be computed blocks export', () => {
  it('blocks when the amount discarded is in a unit that cannot be converted (50 IU from a mg vial)', () => {
    const result = evaluate(withDrug({ waste: { amount: { value: '50', unit: 'IU' } } }));
    const jw = result.lines.find((l) => l.kind === 'discarded');
    if (jw !== undefined && jw.ndc !== null && jw.ndc.quantity === null) expect(result.exportable).toBe(false);
    expect(result.findings.some((f) => f.severity === 'block' && f.path.startsWith('drugs.0.waste.amount'))).toBe(true);
  });

  it('blocks when the amount discarded rounds to 0 in the NDC unit (0.0001 mL)', () => {
    const result = evaluate(withDrug({ waste: { amount: { value: '0.0001', unit: 'mL' } } }));
    expect(result.exportable).toBe(false);
    expect(result.lines.map((l) => l.narrative)).not.toContainEqual(expect.stringContaining(' 0ML '));
  });

  it('blocks when J1599 units per 500 mg cannot be computed from the dose (a dose in mL)', () => {
    const result = evaluate(withDrug({
      therapeuticClass: 'immune-globulin-iv', container: { type: 'multi-dose' }, waste: undefined,
      administration: { dose: { value: '4', unit: 'mL' } },
    }));
    expect(result.lines[0]!.code).toBe('J1599');
    if (result.lines[0]!.units === null) expect(result.exportable).toBe(false);
  });
});

describe('waste lines (§4)', () => {
  it('adds JZ to the single line when nothing was discarded, from 2023-07-01 (scenario 17, Jubereq)', () => {
    const result = evaluateOn('2026-08-03', {
      diagnoses: [{ code: 'C79.51' }],
      drugs: [{
        ndc: { input: '69448-022-63', normalized: '69448002263' }, brandName: 'Jubereq', genericName: 'denosumab-desu', route: 'subcutaneous',
        fdaApprovalDate: '2026-07-13', invoice: { ndc: '69448-022-63' },
        container: { amount: { value: '120', unit: 'mg' }, volume: { value: '1.7', unit: 'mL' } },
        administration: { dose: { value: '120', unit: 'mg' } }, waste: { amount: { value: '0' }, reason: undefined, time: undefined },
      }],
    });
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatchObject({ code: 'J3590', modifiers: ['JZ'], units: 1, ndc: { unit: 'ML', quantity: '1.7' } });
    expect(result.lines[0]!.narrative).toBe('JUBEREQ DENOSUMAB-DESU 120MG SUBQ NDC 69448002263');
    expect(professional(result).lines[0]).toMatchObject({ item24D: 'J3590 JZ', item24AShaded: 'N469448002263 ML1.7' });
    expect(result.exportable).toBe(true);
  });

  it('bills no JW line and no JZ for a multi-dose container (scenario 15)', () => {
    const result = evaluate(withDrug({ container: { type: 'multi-dose' } }));
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]!.modifiers).toEqual([]);
    expect(findingsOf(result, 'waste.multi-dose')).toMatchObject([{ severity: 'warn' }]);
    const zero = evaluateOn('2024-05-06', { drugs: [{ ...noWaste, container: { type: 'multi-dose' } }] });
    expect(zero.lines.map((l) => l.modifiers)).toEqual([[]]);
    expect(ruleIds(zero)).not.toContain('waste.multi-dose');
  });

  it('bills no JW/JZ when the profile does not use them (commercial)', () => {
    expect(evaluate(withDrug({}, profile('commercial'))).lines.map((l) => l.modifiers)).toEqual([[]]);
    const zero = evaluateOn('2024-05-06', { ...profile('commercial'), drugs: [noWaste] });
    expect(zero.lines.map((l) => l.modifiers)).toEqual([[]]);
  });

  it('bills C9399 waste on a JW line when the contractor wants it (Palmetto Part A)', () => {
    const result = evaluate(withDrug({}, opps));
    expect(result.lines.map((l) => l.kind)).toEqual(['administered', 'discarded']);
    expect(institutional(result).lines.map((l) => l.fl44)).toEqual(['C9399', 'C9399 JW']);
    expect(institutional(result).lines[1]).toMatchObject({ fl43: `N4${BRIUMVI_NDC11}ML2`, fl46: '1' });
  });

  it('tells C9399 waste in the remarks, with no JW line, when the contractor wants that (Visante)', () => {
    const result = evaluate(withDrug({}, { careSetting: 'hospital-outpatient', ...profile('medicare-opps-waste-in-remarks') }));
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]!.modifiers).toEqual([]);
    expect(institutional(result).fl80).toContain('WASTE 50MG');
  });

  it('repeats the biller\'s modifiers on the JW line after JW', () => {
    const result = evaluateOn('2024-05-06', { providers: { billing: { is340bEntity: true } }, drugs: [{ modifiers: ['JG'] }] });
    expect(result.lines.map((l) => l.modifiers)).toEqual([['JG'], ['JW', 'JG']]);
    expect(professional(result).lines[1]!.item24D).toBe('J3590 JW JG');
  });
});

describe('UB-04 boxes for C9399 (§10)', () => {
  it('fills FL42 0636, FL43, FL44, FL46 1 and the FL80 remarks (scenario 2, Ultomiris OPPS)', () => {
    const result = evaluateOn('2019-01-15', { ...opps, diagnoses: [{ code: 'D59.5' }], drugs: [ultomiris('2019-01-15')] });
    expect(result.lines).toHaveLength(1);
    const form = institutional(result);
    expect(form.lines).toEqual([{
      line: 1, drugIndex: 0, fl42: '0636', fl43: 'N425682002201ML270', fl44: 'C9399', fl46: '1', description: 'ULTOMIRIS 25682-0022-01 IV 01/15/19 2700MG ONCE (270 ML)',
    }]);
    expect(form.fl80).toBe('ULTOMIRIS 25682-0022-01 IV 01/15/19 2700MG ONCE (270 ML)');
  });
});

describe('Briumvi first dose, a full vial, before JZ was required (scenario 3)', () => {
  it('bills J3590 × 1 with ML6 and no JZ', () => {
    const result = evaluateOn('2023-02-20', { drugs: [noWaste] });
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatchObject({ code: 'J3590', modifiers: [], units: 1, ndc: { unit: 'ML', quantity: '6' } });
    expect(result.lines[0]!.narrative).toBe('BRIUMVI UBLITUXIMAB-XIIY 150MG IV NDC 73150015006');
    expect(result.exportable).toBe(true);
  });
});

describe('Imjudo, an anticancer biologic (scenario 6)', () => {
  it('bills J9999 × 1 with ML15 for 300 mg from a 300 mg/15 mL vial', () => {
    const result = evaluateOn('2023-03-01', {
      diagnoses: [{ code: 'C22.0' }],
      drugs: [{
        brandName: 'Imjudo', genericName: 'tremelimumab-actl', isAntineoplastic: true,
        container: { amount: { value: '300', unit: 'mg' }, volume: { value: '15', unit: 'mL' } },
        administration: { dose: { value: '300', unit: 'mg' } }, waste: { amount: { value: '0' }, reason: undefined, time: undefined },
      }],
    });
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatchObject({ code: 'J9999', units: 1, ndc: { unit: 'ML', quantity: '15' } });
    expect(result.lines[0]!.narrative).toMatch(/^IMJUDO TREMELIMUMAB-ACTL 300MG IV NDC /);
  });
});

describe('office claims for Ultomiris before JZ existed (scenario 1)', () => {
  it('bills J3590 × 1 with ML270 and no JZ', () => {
    const result = evaluateOn('2019-02-12', { diagnoses: [{ code: 'D59.5' }], drugs: [ultomiris('2019-02-12')] });
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatchObject({ code: 'J3590', modifiers: [], units: 1, ndc: { unit: 'ML', quantity: '270' } });
    expect(result.lines[0]!.narrative).toBe('ULTOMIRIS RAVULIZUMAB-CWVZ 2700MG IV NDC 25682002201');
    expect(result.exportable).toBe(true);
  });
});

describe('how each line was worked out, in words', () => {
  it('explains the NDC quantity through the concentration and the units as 1 per unclassified line', () => {
    const [given, discarded] = lines({});
    expect(given!.explanation).toEqual({
      ndc: 'ML 4 = 100 mg × 6 mL ÷ 150 mg per container',
      units: '1 = an unclassified line is billed as 1 unit; the dose goes in the description',
    });
    expect(discarded!.explanation.ndc).toBe('ML 2 = 50 mg × 6 mL ÷ 150 mg per container');
  });
  it('explains units per billing unit (NC Medicaid, 1 unit = 1 mg) and containers (Alaska Medicaid)', () => {
    expect(lines({}, profile('medicaid-nc'))[0]!.explanation.units).toBe('100 = 100 mg ÷ 1 mg per unit, rounded up to a whole unit');
    expect(lines({}, profile('medicaid-ak'))[0]!.explanation.units).toBe('1 = one unit per container opened');
  });
  it('says when the quantity was rounded to 3 decimals', () => {
    const jubereq = { container: { amount: { value: '120', unit: 'mg' as const }, volume: { value: '1.7', unit: 'mL' as const }, opened: '1' }, waste: { amount: { value: '20', unit: 'mg' as const } } };
    expect(lines(jubereq)[0]!.explanation.ndc).toBe('ML 1.417 = 100 mg × 1.7 mL ÷ 120 mg per container (1.416667, rounded to 3 decimals)');
  });
  it('has no NDC quantity to explain while the dose is missing (the 1 unit does not depend on it)', () => {
    expect(lines({ administration: { dose: undefined } })[0]!.explanation).toEqual({ ndc: null, units: '1 = an unclassified line is billed as 1 unit; the dose goes in the description' });
    expect(lines({ administration: { dose: undefined } }, profile('medicaid-nc'))[0]!.explanation).toEqual({ ndc: null, units: null });
  });
});
