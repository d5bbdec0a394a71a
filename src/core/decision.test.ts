/**
 * The code decision, billing-rules §1: the rows in order (first match wins), one block per row,
 * then the biller's code overrides.
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation } from './evaluate';
import type { Drug } from './packet/schema';
import type { DeepPartial } from './test-fixtures';
import {
  BRIUMVI_NDC11, customProfile, evaluate, evaluateOn, FIXTURE_REFERENCE_DATA, findingsOf, memoryReference, profile, ruleIds, withDrug,
} from './test-fixtures';
import type { MemoryReferenceData } from './test-fixtures';
import { knownHcpcsCode } from './codes';

type DrugPatch = DeepPartial<Drug>;
type PacketPatch = Parameters<typeof withDrug>[1];

const decide = (drug: DrugPatch, overrides: PacketPatch = {}) => evaluate(withDrug(drug, overrides));
const opps = { careSetting: 'hospital-outpatient', ...profile('medicare-opps') } as const satisfies PacketPatch;
const commercial = profile('commercial');
/** A plain small-molecule injectable (NDA), not a biologic. */
const smallMolecule: DrugPatch = { isBiologic: false, marketingCategory: 'NDA' };
const referenceWith = (crosswalk: MemoryReferenceData['crosswalk']) => memoryReference({ ...FIXTURE_REFERENCE_DATA, crosswalk });

function expectNoLines(result: Evaluation): void {
  expect(result.lines).toEqual([]);
  expect(result.narrative).toBeNull();
}

describe('row 1: a product-specific code exists on the date of service', () => {
  const j2329 = referenceWith({
    [BRIUMVI_NDC11]: [{ code: knownHcpcsCode('J2329'), descriptor: 'Injection, ublituximab-xiiy, 1 mg', billingUnit: '1 MG', source: 'CMS ASP NDC-HCPCS crosswalk', from: '2023-07-01' }],
  });

  it('builds the claim of the specific code, and blocks it until the biller chooses to bill that code', () => {
    const result = evaluateOn('2023-08-07', {}, j2329);
    expect(result.decision).toMatchObject({ code: 'J2329', kind: 'specific', isChosenByBiller: false });
    const [f] = findingsOf(result, 'code.specific-code-exists');
    expect(f).toMatchObject({
      severity: 'block', path: 'drugs.0.ndc.input',
      message: 'This drug has its own code on the date of service: J2329 (Injection, ublituximab-xiiy, 1 mg, billed per 1 mg). '
        + 'An unclassified code is denied (CARC 189): bill J2329 instead (its lines: J2329 × 100, J2329 JW × 50).',
      actions: [{ kind: 'use-code', drugIndex: 0, code: 'J2329', label: 'Bill J2329 instead' }],
    });
    expect(result.exportable).toBe(false);
    // The lines of the specific code, without an unclassified description (billing-rules §6).
    expect(result.lines.map((l) => ({ code: l.code, codeKind: l.codeKind, modifiers: l.modifiers, units: l.units, narrative: l.narrative })))
      .toEqual([
        { code: 'J2329', codeKind: 'specific', modifiers: [], units: 100, narrative: null },
        { code: 'J2329', codeKind: 'specific', modifiers: ['JW'], units: 50, narrative: null },
      ]);
  });

  it('is exportable once the biller chooses the code, with the reason said', () => {
    const result = evaluateOn('2023-08-07', { drugs: [{ specificCodeChoice: 'J2329' }] }, j2329);
    expect(result.decision).toMatchObject({ code: 'J2329', kind: 'specific', isChosenByBiller: true });
    expect(result.decision.reasons).toContain('The biller chose to bill J2329 instead of an unclassified code.');
    expect(ruleIds(result)).not.toContain('code.specific-code-exists');
    expect(result.findings.filter((f) => f.severity === 'block')).toEqual([]);
    expect(result.exportable).toBe(true);
  });

  it('takes the code typed as the code to bill, when it is the one the crosswalk lists, as the same choice', () => {
    const result = evaluateOn('2023-08-07', { drugs: [{ codeOverride: { code: 'j2329' } }] }, j2329);
    expect(result.decision).toMatchObject({ code: 'J2329', isChosenByBiller: true });
    expect(result.exportable).toBe(true);
  });

  it('counts the units from the code\'s billing unit, rounded up (Ultomiris J1303, 10 mg)', () => {
    const result = evaluate(withDrug({
      ndc: { input: '25682-0022-01', normalized: '25682002201' }, brandName: 'Ultomiris', genericName: 'ravulizumab-cwvz',
      strength: '300 mg/30 mL', container: { amount: { value: '300', unit: 'mg' }, volume: { value: '30', unit: 'mL' }, opened: '10' },
      administration: { dose: { value: '2705', unit: 'mg' } }, waste: { amount: { value: '295', unit: 'mg' } },
    }), undefined, referenceWith({ '25682002201': [{ code: knownHcpcsCode('J1303'), descriptor: 'Injection, ravulizumab-cwvz, 10 mg', billingUnit: '10 MG', source: 'CMS' }] }));
    // 2705 mg ÷ 10 mg = 270.5, rounded up; 295 mg ÷ 10 mg = 29.5, rounded down: 300 units for the 3000 mg opened.
    expect(result.lines.map((l) => [l.modifiers, l.units])).toEqual([[[], 271], [['JW'], 29]]);
    expect(findingsOf(result, 'code.specific-code-exists')[0]?.message).toContain('(its lines: J1303 × 271, J1303 JW × 29)');
  });

  describe('an NDC the crosswalk lists under several codes (Retacrit: Q5105 for ESRD on dialysis, Q5106 for others)', () => {
    const retacrit = referenceWith({
      '00069130510': [
        { code: knownHcpcsCode('Q5105'), descriptor: 'Injection, epoetin alfa-epbx, biosimilar, (retacrit) (for esrd on dialysis), 100 units', billingUnit: '100 UNITS', source: 'CMS ASP NDC-HCPCS crosswalk, October 2025' },
        { code: knownHcpcsCode('Q5106'), descriptor: 'Injection, epoetin alfa-epbx, biosimilar, (retacrit) (for non-esrd use), 1000 units', billingUnit: '1000 UNITS', source: 'CMS ASP NDC-HCPCS crosswalk, October 2025' },
      ],
    });
    const retacritDrug = (specificCodeChoice?: string): DrugPatch => ({
      ndc: { input: '00069-1305-10', normalized: '00069130510' }, brandName: 'Retacrit', genericName: 'epoetin alfa-epbx', strength: '10,000 units/mL',
      container: { type: 'single-dose', amount: { value: '10000', unit: 'units' }, volume: { value: '1', unit: 'mL' }, opened: '1' },
      administration: { dose: { value: '10000', unit: 'units' } }, waste: { amount: { value: '0', unit: 'units' }, reason: undefined, time: undefined },
      specificCodeChoice,
    });
    const decideRetacrit = (choice?: string) => evaluateOn('2023-08-07', { drugs: [retacritDrug(choice)] }, retacrit);

    it('until the biller chooses, names every code, offers each, and points at the choice on the drug step', () => {
      const result = decideRetacrit();
      expect(result.decision).toMatchObject({ code: 'Q5105', kind: 'specific' });
      expect(result.decision.reasons).toContain('Which of them fits the patient is not chosen yet (on the drug step); Q5105 is shown meanwhile.');
      expect(findingsOf(result, 'code.specific-code-exists')).toEqual([expect.objectContaining({
        severity: 'block',
        path: 'drugs.0.specificCodeChoice',
        message: expect.stringMatching(/bill Q5105 instead \(its lines: Q5105 JZ × 100\)\. This NDC also maps to Q5106 \(Injection, epoetin alfa-epbx, biosimilar, \(retacrit\) \(for non-esrd use\), 1000 units\): choose the code that fits the patient\.$/),
        actions: [
          { kind: 'use-code', drugIndex: 0, code: 'Q5105', label: 'Bill Q5105 instead' },
          { kind: 'use-code', drugIndex: 0, code: 'Q5106', label: 'Bill Q5106 instead' },
        ],
      })]);
    });

    it('bills the chosen code in its own billing unit, with nothing blocked for the code', () => {
      const result = decideRetacrit('Q5106');
      expect(result.decision).toMatchObject({
        code: 'Q5106', kind: 'specific', descriptor: 'Injection, epoetin alfa-epbx, biosimilar, (retacrit) (for non-esrd use), 1000 units',
      });
      expect(result.decision.reasons).toContain('The biller chose to bill Q5106, the code that fits the patient, instead of an unclassified code.');
      expect(ruleIds(result)).not.toContain('code.specific-code-exists');
      expect(result.lines.map((l) => [l.code, l.modifiers, l.units])).toEqual([['Q5106', ['JZ'], 10]]);
    });

    it('reads the choice as typed in any case, and ignores one that is not among the codes (the NDC or date changed since)', () => {
      expect(decideRetacrit(' q5106 ').decision.code).toBe('Q5106');
      const stale = decideRetacrit('J2329');
      expect(stale.decision.code).toBe('Q5105');
      expect(findingsOf(stale, 'code.specific-code-exists')[0]?.path).toBe('drugs.0.specificCodeChoice');
    });

    it('needs no choice when the NDC has one code, and an old choice of another code is not a choice of it', () => {
      const result = evaluateOn('2023-08-07', { drugs: [{ specificCodeChoice: 'Q5106' }] }, j2329);
      expect(result.decision).toMatchObject({ code: 'J2329', isChosenByBiller: false });
      expect(result.decision.reasons.some((r) => /fits the patient/.test(r))).toBe(false);
      expect(findingsOf(result, 'code.specific-code-exists')[0]?.path).toBe('drugs.0.ndc.input');
    });
  });

  it('keeps the NOC code before the specific code is effective (scenario 3: Briumvi in February 2023)', () => {
    const result = evaluateOn('2023-02-20', {}, j2329);
    expect(result.decision.code).toBe('J3590');
    expect(ruleIds(result)).not.toContain('code.specific-code-exists');
  });

  it('wins over every later row (an investigational or OPPS drug with its own code is still blocked)', () => {
    expect(evaluateOn('2023-08-07', { drugs: [{ marketingCategory: 'investigational' }] }, j2329).decision.kind).toBe('specific');
    expect(evaluateOn('2023-08-07', opps, j2329).decision).toMatchObject({ code: 'J2329', kind: 'specific' });
  });

  it('warns when the crosswalk is not loaded, so the absence of a specific code is unverified', () => {
    const result = evaluate(withDrug({}), undefined, memoryReference({}));
    expect(findingsOf(result, 'code.not-verified')).toMatchObject([{ severity: 'warn', path: 'drugs.0.ndc.input' }]);
    expect(ruleIds(evaluate(withDrug({})))).not.toContain('code.not-verified');
  });
});

describe('row 2: investigational drugs', () => {
  it('blocks an investigational drug for Medicare, with no drug line', () => {
    const result = decide({ marketingCategory: 'investigational' });
    expect(result.decision).toMatchObject({ code: null, kind: 'not-billable' });
    expect(findingsOf(result, 'code.investigational')).toMatchObject([{ severity: 'block', path: 'drugs.0.marketingCategory' }]);
    expectNoLines(result);
  });

  it('only warns for a commercial plan, and still picks the code', () => {
    const result = decide({ marketingCategory: 'investigational' }, commercial);
    expect(result.decision).toMatchObject({ code: 'J3590', kind: 'unclassified' });
    expect(findingsOf(result, 'code.investigational-check-plan')).toMatchObject([{ severity: 'warn' }]);
    expect(ruleIds(result)).not.toContain('code.investigational');
  });

  it('never bills a drug the sponsor supplied free, whatever the payer (scenario 11)', () => {
    for (const payer of [{}, commercial]) {
      const result = decide({ isSuppliedFreeBySponsor: true }, payer);
      expect(result.decision.kind).toBe('not-billable');
      expect(findingsOf(result, 'code.supplied-free')).toMatchObject([{ severity: 'block', path: 'drugs.0.isSuppliedFreeBySponsor' }]);
      expectNoLines(result);
    }
  });
});

describe('row 3: compounded drugs', () => {
  const compound: DrugPatch = { ...smallMolecule, marketingCategory: 'compounded', brandName: '', genericName: 'Morphine/bupivacaine' };

  it.each([
    ['2015-06-30', 'J3490'],
    ['2015-07-01', 'Q9977'],
    ['2015-08-10', 'Q9977'],
    ['2015-12-31', 'Q9977'],
    ['2016-01-01', 'J7999'],
    ['2016-01-05', 'J7999'],
    ['2024-05-06', 'J7999'],
  ])('Medicare, DOS %s → %s (scenario 9)', (date, code) => {
    expect(evaluateOn(date, { drugs: [compound] }).decision.code).toBe(code);
  });

  it.each([['commercial'], ['medicaid']])('uses J3490 for the %s profile', (id) => {
    expect(decide(compound, profile(id)).decision.code).toBe('J3490');
  });

  it('follows the profile switch (a custom Medicaid profile that wants J7999)', () => {
    expect(decide(compound, customProfile('medicaid', { compoundCode: 'J7999' })).decision.code).toBe('J7999');
  });

  it('wins over the route rows (an oral compound is still J7999)', () => {
    expect(decide({ ...compound, route: 'oral' }).decision.code).toBe('J7999');
  });

  it('needs the invoice: compounded drugs are paid from it (§3, §7)', () => {
    const result = decide({ ...compound, invoice: undefined, documentsOnFile: ['order', 'administration-record', 'waste-record'] });
    const item = result.checklist.find((i) => i.id === 'invoice');
    expect(item).toMatchObject({ requirement: 'conditional', status: 'missing' });
    expect(item?.reason).toMatch(/invoice/i);
  });
});

describe('row 4: commercial products only mixed', () => {
  it('blocks the mixture in the office and under OPPS (scenario 10)', () => {
    for (const setting of [{}, opps]) {
      const result = decide({ isMixtureOfCommercialProducts: true }, setting);
      expect(result.decision).toMatchObject({ code: null, kind: 'not-billable' });
      expect(findingsOf(result, 'code.mixed-products')).toMatchObject([{ severity: 'block', path: 'drugs.0.isMixtureOfCommercialProducts' }]);
      expectNoLines(result);
    }
  });
});

describe('rows 5-6: hospital outpatient (OPPS)', () => {
  it('bills a drug approved on or after 2004-01-01 as C9399, 1 unit, on the UB-04 (scenario 2/4)', () => {
    const result = decide({}, opps);
    expect(result.decision).toMatchObject({ code: 'C9399', kind: 'unclassified', form: 'UB-04', isSeparatelyPayable: true });
    expect(result.lines[0]).toMatchObject({ code: 'C9399', units: 1, form: 'UB-04' });
    expect(result.exportable).toBe(true);
  });

  it.each([
    ['2004-01-01', 'C9399', true],
    ['2003-12-31', 'J3590', false],
  ])('approval %s → %s (separately payable: %s)', (approval, code, payable) => {
    const result = decide({ fdaApprovalDate: approval }, opps);
    expect(result.decision).toMatchObject({ code, isSeparatelyPayable: payable });
  });

  it('packages an old drug under J3490/J3590 with a warning, and without JW/JZ', () => {
    const result = decide({ ...smallMolecule, fdaApprovalDate: '1999-05-01' }, opps);
    expect(result.decision).toMatchObject({ code: 'J3490', isSeparatelyPayable: false });
    expect(findingsOf(result, 'code.opps-packaged')).toMatchObject([{ severity: 'warn', path: 'drugs.0.fdaApprovalDate' }]);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]!.modifiers).not.toContain('JW');
    expect(result.lines[0]!.modifiers).not.toContain('JZ');
  });

  it('asks for the approval date, which decides between C9399 and a packaged code', () => {
    const result = decide({ fdaApprovalDate: undefined }, opps);
    expect(result.decision.code).toBe('C9399');
    expect(findingsOf(result, 'drug.approval-date-needed')).toMatchObject([{ severity: 'block' }]);
  });

  it('lets an ASC use C9399 with the OPPS profile, but not with the Part B profile', () => {
    expect(decide({}, { careSetting: 'asc', ...profile('medicare-opps') }).decision.code).toBe('C9399');
    expect(decide({}, { careSetting: 'asc' }).decision.code).toBe('J3590');
  });

  it('never uses C9399 in the physician office', () => {
    expect(decide({}).decision.code).toBe('J3590');
  });

  it('never bills an oral drug under J3490/J3590, even in the hospital outpatient department', () => {
    const code = decide({ ...smallMolecule, route: 'oral' }, opps).decision.code;
    expect(code).not.toBe('J3490');
    expect(code).not.toBe('J3590');
  });
});

describe('row 7: radiopharmaceuticals and contrast', () => {
  it.each([
    ['diagnostic-radiopharmaceutical', 'A4641'],
    ['therapeutic-radiopharmaceutical', 'A9699'],
    ['contrast-agent', 'A9698'],
  ] as const)('%s → %s', (therapeuticClass, code) => {
    expect(decide({ ...smallMolecule, therapeuticClass }).decision.code).toBe(code);
  });

  it.each([
    ['diagnostic-radiopharmaceutical', 'A4641'],
    ['contrast-agent', 'A9698'],
  ] as const)('never uses C9399 for a diagnostic agent under OPPS: %s → %s ("Not C9399 for diagnostic agents")', (therapeuticClass, code) => {
    const result = decide({ ...smallMolecule, therapeuticClass, fdaApprovalDate: '2010-06-01' }, opps);
    expect(result.decision.code).not.toBe('C9399');
    expect(result.decision.code).toBe(code);
  });
});

describe('row 8: oral drugs', () => {
  it.each([
    ['an anticancer drug', { isAntineoplastic: true }, 'J8999'],
    ['an antiemetic', { therapeuticClass: 'antiemetic' }, 'J8597'],
    ['any other oral drug', {}, 'J8499'],
    ['an oral biologic', { isBiologic: true, marketingCategory: 'BLA' }, 'J8499'],
  ] as const)('%s → %s, never J3490/J3590 (§15 a, b)', (_label, patch, code) => {
    expect(decide({ ...smallMolecule, route: 'oral', ...patch }).decision.code).toBe(code);
  });

  it('warns that a non-chemo oral drug is usually self-administered and suggests GY (scenario 13)', () => {
    const result = decide({ ...smallMolecule, route: 'oral' });
    expect(findingsOf(result, 'code.oral-self-administered')).toMatchObject([{ severity: 'warn', path: 'drugs.0.route' }]);
    expect(findingsOf(result, 'modifier.gy-suggested')).toHaveLength(1);
    const withGy = decide({ ...smallMolecule, route: 'oral', modifiers: ['GY'] });
    expect(ruleIds(withGy)).not.toContain('modifier.gy-suggested');
  });

  it('bills an oral anticancer drug from a DME supplier as J8999 (scenario 12)', () => {
    expect(decide({ ...smallMolecule, route: 'oral', isAntineoplastic: true }, { careSetting: 'dme-supplier', ...profile('medicare-dme') }).decision.code).toBe('J8999');
  });
});

describe('row 9: drugs given through DME', () => {
  const dme = { careSetting: 'dme-supplier', ...profile('medicare-dme') } as const satisfies PacketPatch;

  it('bills an inhalation solution via a nebulizer as J7699 (scenario 14)', () => {
    expect(decide({ ...smallMolecule, route: 'inhalation' }, dme).decision.code).toBe('J7699');
  });

  it('bills another drug via a DME pump as J7799', () => {
    expect(decide({ ...smallMolecule, route: 'subcutaneous' }, dme).decision.code).toBe('J7799');
  });

  it('adds no JW/JZ for drugs used at home through DME', () => {
    const result = decide({ ...smallMolecule, route: 'inhalation' }, dme);
    expect(result.lines.map((l) => l.kind)).toEqual(['administered']);
    expect(result.checklist.find((i) => i.id === 'waste-record')?.status).toBe('not-needed');
  });
});

describe('row 10: metered-dose inhalers and rectal antiemetics', () => {
  it('bills a rectal antiemetic as J8498', () => {
    expect(decide({ ...smallMolecule, route: 'rectal', therapeuticClass: 'antiemetic' }).decision.code).toBe('J8498');
  });

  it('bills a metered-dose inhaler as J3535', () => {
    expect(decide({ ...smallMolecule, route: 'inhalation', dosageForm: 'aerosol, metered' }).decision.code).toBe('J3535');
  });
});

describe('row 11: immune globulin, clotting factor, immunosuppressive', () => {
  it.each([
    ['immune-globulin-iv', 'J1599'],
    ['clotting-factor', 'J7199'],
    ['immunosuppressive', 'J7599'],
  ] as const)('%s → %s', (therapeuticClass, code) => {
    expect(decide({ therapeuticClass }).decision.code).toBe(code);
  });

  it.each([
    ['25000', 'mg', 50],
    ['25', 'g', 50],
    ['1200', 'mg', 3],
    ['500', 'mg', 1],
    ['100', 'mg', 1],
  ] as const)('bills J1599 per 500 mg, rounded up: %s %s → %i units', (value, unit, units) => {
    const result = decide({
      therapeuticClass: 'immune-globulin-iv',
      container: { type: 'multi-dose', amount: { value: '50', unit: 'g' }, volume: { value: '500', unit: 'mL' }, opened: '1' },
      administration: { dose: { value, unit } },
      waste: undefined,
    });
    expect(result.lines[0]).toMatchObject({ code: 'J1599', units });
  });
});

describe('row 13: antineoplastic drugs', () => {
  it('bills a non-oral anticancer drug as J9999', () => {
    expect(decide({ ...smallMolecule, isAntineoplastic: true }).decision.code).toBe('J9999');
    expect(ruleIds(decide({ ...smallMolecule, isAntineoplastic: true }))).not.toContain('code.antineoplastic-biologic');
  });

  it('bills an anticancer biologic per profile: J9999 for Medicare, with a warning (scenario 6, Imjudo)', () => {
    const result = decide({ isAntineoplastic: true, brandName: 'Imjudo', genericName: 'tremelimumab-actl' });
    expect(result.decision.code).toBe('J9999');
    expect(findingsOf(result, 'code.antineoplastic-biologic')).toMatchObject([{ severity: 'warn', path: 'drugs.0.isAntineoplastic' }]);
    expect(findingsOf(result, 'code.antineoplastic-biologic')[0]!.message).toContain('J3590');
  });

  it('bills an anticancer biologic as J3590 when the profile says so', () => {
    const result = decide({ isAntineoplastic: true }, customProfile('medicare-part-b', { antineoplasticBiologicCode: 'J3590' }));
    expect(result.decision.code).toBe('J3590');
    expect(findingsOf(result, 'code.antineoplastic-biologic')[0]!.message).toContain('J9999');
  });
});

describe('rows 14-15: biologics and any other drug', () => {
  it('bills a biologic as J3590', () => {
    expect(decide({}).decision).toMatchObject({ code: 'J3590', kind: 'unclassified', descriptor: 'Unclassified biologics' });
  });

  it('bills a biosimilar without a Q code as J3590', () => {
    expect(decide({ isBiologic: false, isBiosimilar: true, marketingCategory: 'BLA' }).decision.code).toBe('J3590');
    expect(decide({ isBiologic: false, isBiosimilar: true, marketingCategory: undefined }).decision.code).toBe('J3590');
  });

  it('bills any other injectable as J3490', () => {
    expect(decide(smallMolecule).decision).toMatchObject({ code: 'J3490', descriptor: 'Unclassified drugs' });
  });

  it.each(['intravitreal', 'intravesical', 'intrathecal', 'topical'] as const)('bills a %s small molecule as J3490 (J3490 has no route limit, §15 a)', (route) => {
    expect(decide({ ...smallMolecule, route }).decision.code).toBe('J3490');
  });

  it('gives the reasons step by step', () => {
    const reasons = decide({}).decision.reasons;
    expect(reasons.length).toBeGreaterThanOrEqual(2);
    expect(reasons.at(-1)).toMatch(/J3590/);
  });
});

describe('code validity on the date of service', () => {
  it('blocks a decided code the HCPCS file says is terminated on the DOS', () => {
    const reference = memoryReference({ ...FIXTURE_REFERENCE_DATA, hcpcs: { J3590: { descriptor: 'Unclassified biologics', terminated: '2022-12-31' } } });
    const result = evaluate(withDrug({}), undefined, reference);
    expect(findingsOf(result, 'code.not-effective')).toMatchObject([{ severity: 'block' }]);
  });

  it('accepts a decided code the HCPCS file lists as valid', () => {
    const reference = memoryReference({ ...FIXTURE_REFERENCE_DATA, hcpcs: { J3590: { descriptor: 'Unclassified biologics', effective: '2003-01-01' } } });
    expect(ruleIds(evaluate(withDrug({}), undefined, reference))).not.toContain('code.not-effective');
  });
});

describe('code overrides', () => {
  const because = 'Payer letter of 2023-01-05';

  it('applies a different unclassified code with a warning, and keeps the rules\' code', () => {
    const result = decide({ codeOverride: { code: 'j9999', reason: because } });
    expect(result.decision).toMatchObject({ code: 'J9999', ruleCode: 'J3590', kind: 'unclassified' });
    expect(findingsOf(result, 'code.override-differs')).toMatchObject([{ severity: 'warn', path: 'drugs.0.codeOverride.code' }]);
    expect(result.lines.every((l) => l.code === 'J9999')).toBe(true);
    expect(result.decision.reasons.at(-1)).toContain(because);
    expect(result.exportable).toBe(true);
  });

  it('changes nothing when the override is the code the rules chose', () => {
    const result = decide({ codeOverride: { code: 'J3590' } });
    expect(result.findings).toEqual([]);
    expect(result.decision.ruleCode).toBeUndefined();
  });

  it('blocks an injectable code for an oral drug, and an oral code for an injectable (wrong route)', () => {
    const oral = decide({ ...smallMolecule, route: 'oral', codeOverride: { code: 'J3490', reason: because } });
    expect(findingsOf(oral, 'code.override-wrong-route')).toMatchObject([{ severity: 'block', path: 'drugs.0.codeOverride.code' }]);
    expect(findingsOf(oral, 'code.override-wrong-route')[0]!.message).toContain('J8499');
    const injectable = decide({ codeOverride: { code: 'J8499', reason: because } });
    expect(findingsOf(injectable, 'code.override-wrong-route')).toHaveLength(1);
    const dme = decide({ ...smallMolecule, route: 'inhalation', codeOverride: { code: 'J3590', reason: because } }, { careSetting: 'dme-supplier', ...profile('medicare-dme') });
    expect(findingsOf(dme, 'code.override-wrong-route')).toHaveLength(1);
  });

  it('blocks a C code on a physician office claim', () => {
    const result = decide({ codeOverride: { code: 'C9399', reason: because } });
    expect(findingsOf(result, 'code.override-c-code-professional')).toMatchObject([{ severity: 'block' }]);
  });

  it('warns that Medicare bills compounds as J7999, not J3490', () => {
    const result = decide({ ...smallMolecule, marketingCategory: 'compounded', codeOverride: { code: 'J3490', reason: because } });
    expect(findingsOf(result, 'code.override-compound')).toMatchObject([{ severity: 'warn' }]);
    expect(decide({ ...smallMolecule, marketingCategory: 'compounded', codeOverride: { code: 'J3490', reason: because } }, commercial).decision.code).toBe('J3490');
  });

  it('blocks an override without a reason', () => {
    const result = decide({ codeOverride: { code: 'J9999', reason: '  ' } });
    expect(findingsOf(result, 'code.override-reason-missing')).toMatchObject([{ severity: 'block', path: 'drugs.0.codeOverride.reason' }]);
  });

  it('refuses an override when the drug is not billable, and builds no line', () => {
    for (const patch of [{ isMixtureOfCommercialProducts: true }, { marketingCategory: 'investigational' }, { isSuppliedFreeBySponsor: true }] as const) {
      const result = decide({ ...patch, codeOverride: { code: 'J3490', reason: because } });
      expect(findingsOf(result, 'code.override-not-billable')).toMatchObject([{ severity: 'block' }]);
      expect(result.decision.kind).toBe('not-billable');
      expectNoLines(result);
    }
  });

  it('refuses something that is not a HCPCS code', () => {
    const result = decide({ codeOverride: { code: 'J-3490', reason: because } });
    expect(findingsOf(result, 'code.override-invalid')).toMatchObject([{ severity: 'block' }]);
    expect(result.decision.code).toBe('J3590');
  });

  it('blocks a code outside its effective dates (Q9977 after 2015; J7999 before 2016)', () => {
    const q9977 = decide({ ...smallMolecule, marketingCategory: 'compounded', codeOverride: { code: 'Q9977', reason: because } });
    expect(findingsOf(q9977, 'code.not-effective')[0]?.message).toMatch(/12\/31\/2015/);
    const j7999 = evaluateOn('2015-08-10', { drugs: [{ ...smallMolecule, marketingCategory: 'compounded', codeOverride: { code: 'J7999', reason: because } }] });
    expect(findingsOf(j7999, 'code.not-effective')[0]?.message).toMatch(/01\/01\/2016/);
  });
});

describe('a chosen code meets the same conditions as the rules\' choice (billing-rules §1)', () => {
  const because = 'Payer letter of 2023-01-05';
  const oppsOverride = (drug: DrugPatch) => decide({ ...drug, codeOverride: { code: 'C9399', reason: because } }, opps);

  it('blocks C9399 under OPPS for a drug approved before January 1, 2004, and accepts it from that day (CPM17 §90.3)', () => {
    const before = oppsOverride({ fdaApprovalDate: '2003-12-31' });
    expect(before.decision.ruleCode).toBe('J3590');
    expect(findingsOf(before, 'code.override-c9399-old-drug')).toMatchObject([{ severity: 'block', path: 'drugs.0.codeOverride.code' }]);
    expect(before.exportable).toBe(false);
    const onTheDay = decide({ fdaApprovalDate: '2004-01-01' }, opps);
    expect(onTheDay.decision.code).toBe('C9399');
    expect(ruleIds(oppsOverride({ fdaApprovalDate: '2004-01-01' }))).not.toContain('code.override-c9399-old-drug');
  });

  it('warns, keeping the reason, when C9399 is chosen for a diagnostic agent ([S]: their own NOC codes)', () => {
    const result = oppsOverride({ therapeuticClass: 'diagnostic-radiopharmaceutical' });
    expect(result.decision).toMatchObject({ code: 'C9399', ruleCode: 'A4641' });
    expect(findingsOf(result, 'code.override-c9399-diagnostic')).toMatchObject([{ severity: 'warn' }]);
    expect(result.decision.reasons.at(-1)).toContain(because);
  });

  it('blocks J7999 for a drug that is not compounded, and accepts it for one that is', () => {
    expect(findingsOf(decide({ codeOverride: { code: 'J7999', reason: because } }), 'code.override-compound-code-not-compounded')).toMatchObject([{ severity: 'block' }]);
    const compounded = decide({ ...smallMolecule, marketingCategory: 'compounded', codeOverride: { code: 'J7999', reason: because } }, commercial);
    expect(ruleIds(compounded)).not.toContain('code.override-compound-code-not-compounded');
  });

  it('blocks J7699/J7799 outside a DME supplier claim, and an injectable code on one', () => {
    expect(findingsOf(decide({ codeOverride: { code: 'J7799', reason: because } }), 'code.override-wrong-route')).toMatchObject([{ severity: 'block' }]);
    const dme = decide({ ...smallMolecule, route: 'subcutaneous', codeOverride: { code: 'J3490', reason: because } }, { careSetting: 'dme-supplier', ...profile('medicare-dme') });
    expect(dme.decision.ruleCode).toBe('J7799');
    expect(findingsOf(dme, 'code.override-wrong-route')).toHaveLength(1);
  });

  it('blocks an unclassified code chosen while the drug has its own code (CARC 189), and keeps the drug\'s code', () => {
    const j2329 = referenceWith({ [BRIUMVI_NDC11]: [{ code: knownHcpcsCode('J2329'), descriptor: 'Injection, ublituximab-xiiy, 1mg', billingUnit: '1 MG', source: 'CMS', from: '2023-07-01' }] });
    const result = evaluateOn('2023-08-07', { drugs: [{ codeOverride: { code: 'J3590', reason: because } }] }, j2329);
    expect(result.decision.code).toBe('J2329');
    expect(findingsOf(result, 'code.override-specific-exists')).toMatchObject([{ severity: 'block' }]);
  });

  it('checks a chosen code against its effective dates: blocked the day before it starts and the day after it ends, accepted on both days', () => {
    const hcpcs = memoryReference({ ...FIXTURE_REFERENCE_DATA, hcpcs: { J2329: { descriptor: 'Injection, ublituximab-xiiy, 1mg', effective: '2023-07-01', terminated: '2030-06-30' } } });
    const on = (date: string) => evaluateOn(date, { drugs: [{ ...smallMolecule, codeOverride: { code: 'J2329', reason: because } }] }, hcpcs);
    expect(findingsOf(on('2023-06-30'), 'code.not-effective')).toMatchObject([{ severity: 'block', message: expect.stringContaining('2023-07-01') }]);
    expect(ruleIds(on('2023-07-01'))).not.toContain('code.not-effective');
    expect(ruleIds(on('2030-06-30'))).not.toContain('code.not-effective');
    expect(findingsOf(on('2030-07-01'), 'code.not-effective')).toMatchObject([{ severity: 'block', message: expect.stringContaining('2030-06-30') }]);
  });

  it('builds the claim of a product-specific code the biller typed, its billing unit read from the HCPCS descriptor', () => {
    const hcpcs = memoryReference({ ...FIXTURE_REFERENCE_DATA, crosswalk: undefined, hcpcs: { J2329: { descriptor: 'Injection, ublituximab-xiiy, 1mg', effective: '2023-07-01' } } });
    const result = evaluateOn('2023-08-07', { drugs: [{ codeOverride: { code: 'J2329', reason: 'NDC not yet in the crosswalk; payer confirmed J2329' } }] }, hcpcs);
    expect(result.decision).toMatchObject({ code: 'J2329', kind: 'specific', ruleCode: 'J3590', isChosenByBiller: true, descriptor: 'Injection, ublituximab-xiiy, 1mg' });
    expect(result.lines.map((l) => [l.code, l.modifiers, l.units, l.narrative])).toEqual([['J2329', [], 100, null], ['J2329', ['JW'], 50, null]]);
    // The descriptor of J2329 names ublituximab-xiiy: typing it confirms the code the name check found, nothing differs.
    expect(findingsOf(result, 'code.override-differs')).toEqual([]);
    expect(result.exportable).toBe(true);
  });

  it('warns when the typed code is neither the crosswalk\'s nor one whose descriptor names the drug', () => {
    const hcpcs = memoryReference({ ...FIXTURE_REFERENCE_DATA, crosswalk: undefined, hcpcs: { J1303: { descriptor: 'Injection, ravulizumab-cwvz, 10 mg', effective: '2019-10-01' } } });
    const result = evaluateOn('2023-08-07', { drugs: [{ codeOverride: { code: 'J1303', reason: 'payer instruction' } }] }, hcpcs);
    expect(result.decision).toMatchObject({ code: 'J1303', kind: 'specific', isChosenByBiller: true, descriptor: 'Injection, ravulizumab-cwvz, 10 mg' });
    expect(findingsOf(result, 'code.override-differs')).toHaveLength(1);
  });

  it('warns when the crosswalk for the date lists the NDC under no such code', () => {
    const result = decide({ codeOverride: { code: 'J1745', reason: because } });
    expect(findingsOf(result, 'code.override-not-in-crosswalk')).toMatchObject([{ severity: 'warn' }]);
    // Without the HCPCS file the billing unit is unknown: the units wait for it, saying what to do.
    expect(findingsOf(result, 'units.not-computable').map((f) => [f.path, f.message])).toEqual([
      ['drugs.0.hcpcsUnitsOverride', "The HCPCS units cannot be worked out: J1745's billing unit is not known (no crosswalk or HCPCS file loaded for the date gives it). Enter the HCPCS units as the payer counts them (dose step)."],
      ['drugs.0.waste.amount.value', "The HCPCS units cannot be worked out: J1745's billing unit is not known (no crosswalk or HCPCS file loaded for the date gives it), so the amount discarded cannot be counted in it. Import the CMS HCPCS file or the ASP crosswalk for the date of service (Reference data)."],
    ]);
  });
});
