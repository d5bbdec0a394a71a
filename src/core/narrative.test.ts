/**
 * The NOC description (billing-rules §6): template, 80-character limit and shortening order, the
 * biller's typed description, concentrations, and characters claims can carry.
 */
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import type { NarrativeInput } from './narrative';
import { claimText, institutionalRemarks, professionalNarrative, routeAbbreviation } from './narrative';
import { ROUTES } from './packet/schema';
import type { QuantityUnit, Route } from './packet/schema';
import { amountText } from './quantity';
import { customProfile, evaluate, findingsOf, profile, ruleIds, withDrug } from './test-fixtures';

const input = (patch: Partial<NarrativeInput> = {}): NarrativeInput => ({
  brand: 'Briumvi', generic: 'ublituximab-xiiy', ingredients: [],
  amount: { value: new Fraction(150), unit: 'mg' }, route: 'intravenous', ndcText: '73150015006', isWaste: false, maxLength: 80,
  ...patch,
});

describe('the §6 template', () => {
  it('writes BRAND GENERIC DOSEUNIT ROUTE NDC 11 digits (the §6 example, 49 characters)', () => {
    const { text, shortened } = professionalNarrative(input());
    expect(text).toBe('BRIUMVI UBLITUXIMAB-XIIY 150MG IV NDC 73150015006');
    expect(text).toHaveLength(49);
    expect(shortened).toEqual([]);
  });

  it('writes a waste line as BRAND DOSEUNIT DISCARDED NDC 11 digits', () => {
    expect(professionalNarrative(input({ amount: { value: new Fraction(50), unit: 'mg' }, isWaste: true })).text)
      .toBe('BRIUMVI 50MG DISCARDED NDC 73150015006');
  });

  it('writes the description the complete packet bills (scenario 5, line 1)', () => {
    expect(evaluate(withDrug({})).narrative).toBe('BRIUMVI UBLITUXIMAB-XIIY 100MG IV NDC 73150015006');
  });

  it('does not repeat a generic name equal to the brand, and works with either name alone', () => {
    expect(professionalNarrative(input({ generic: 'Briumvi' })).text).toBe('BRIUMVI 150MG IV NDC 73150015006');
    expect(professionalNarrative(input({ brand: '' })).text).toBe('UBLITUXIMAB-XIIY 150MG IV NDC 73150015006');
    expect(professionalNarrative(input({ generic: '' })).text).toBe('BRIUMVI 150MG IV NDC 73150015006');
  });

  it('leaves the NDC out when the payer does not want it (Noridian) and dashes it when asked', () => {
    expect(evaluate(withDrug({}, profile('medicare-part-b-noridian'))).narrative).toBe('BRIUMVI UBLITUXIMAB-XIIY 100MG IV');
    expect(evaluate(withDrug({}, { careSetting: 'hospital-outpatient', ...profile('medicare-opps') })).narrative).toContain('73150-0150-06');
  });

  it.each([
    ['intravenous', 'IV'], ['subcutaneous', 'SUBQ'], ['intramuscular', 'IM'], ['oral', 'PO'], ['inhalation', 'INH'], ['other', ''],
  ] as const)('abbreviates the route %s as %j', (route, abbreviation) => {
    expect(routeAbbreviation(route)).toBe(abbreviation);
  });

  it('abbreviates every route with claim-safe text', () => {
    for (const route of ROUTES) expect(claimText(routeAbbreviation(route))).toBe(routeAbbreviation(route));
    expect(routeAbbreviation(undefined)).toBe('');
  });

  it('lists compound ingredients with their amounts', () => {
    const text = professionalNarrative(input({
      brand: '', generic: '', ingredients: [{ name: 'Morphine', amount: '10MG' }, { name: 'Bupivacaine', amount: '5MG' }],
      amount: { value: new Fraction(20), unit: 'mL' }, route: 'intrathecal', ndcText: '',
    })).text;
    expect(text).toBe('MORPHINE 10MG BUPIVACAINE 5MG 20ML INTRATHECAL');
  });
});

describe('the 80-character limit and the shortening order', () => {
  const longGeneric = 'ublituximab-xiiy chimeric glycoengineered anti-CD20 immunoglobulin G1 monoclonal antibody';
  const longBrand = 'BRIUMVI EXTENDED TRADE NAME FOR A VERY LONG PRODUCT LABEL TITLE';

  it('shortens the generic name first and keeps the brand, dose, unit, route and NDC whole', () => {
    const { text, shortened } = professionalNarrative(input({ generic: longGeneric }));
    expect(text!.length).toBeLessThanOrEqual(80);
    expect(text).toMatch(/^BRIUMVI UBLITUXIMAB-XIIY /);
    expect(text).toMatch(/ 150MG IV NDC 73150015006$/);
    expect(shortened).toEqual(['generic name shortened']);
  });

  it('then shortens the brand, never the dose, the unit or the NDC', () => {
    const { text, shortened } = professionalNarrative(input({ brand: longBrand, generic: longGeneric }));
    expect(text!.length).toBeLessThanOrEqual(80);
    expect(text).toMatch(/^BRIUMVI EXTENDED/);
    expect(text).toMatch(/ 150MG IV NDC 73150015006$/);
    expect(text).not.toContain('UBLITUXIMAB');
    expect(shortened).toEqual(['generic name left out', 'brand name shortened']);
  });

  it('says, as a warning on the generic name, that the description was shortened', () => {
    const result = evaluate(withDrug({ genericName: longGeneric }));
    expect(result.narrative!.length).toBeLessThanOrEqual(80);
    const [f] = findingsOf(result, 'narrative.shortened');
    expect(f).toMatchObject({ severity: 'warn', path: 'drugs.0.genericName' });
    expect(f!.message).toContain('generic name shortened');
    expect(result.exportable).toBe(true);
  });

  it('follows a shorter limit from the payer profile', () => {
    const result = evaluate(withDrug({}, customProfile('medicare-part-b', { narrativeMaxLength: 40 })));
    expect(result.narrative!.length).toBeLessThanOrEqual(40);
    expect(result.narrative).toMatch(/100MG IV NDC 73150015006$/);
  });

  it('blocks when even the dose, unit and NDC do not fit', () => {
    expect(professionalNarrative(input({ maxLength: 20 })).text).toBeNull();
    const result = evaluate(withDrug({}, customProfile('medicare-part-b', { narrativeMaxLength: 20 })));
    expect(findingsOf(result, 'narrative.cannot-fit')[0]).toMatchObject({ severity: 'block', path: 'drugs.0.brandName' });
    expect(result.narrative).toBeNull();
  });

  it('property: the description fits, ends with the whole dose, route and NDC, and the brand is cut only after the generic is gone', () => {
    const name = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ -'), maxLength: 90 });
    const units: QuantityUnit[] = ['mg', 'mcg', 'g', 'mL', 'units', 'IU'];
    const amount = fc.tuple(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...units))
      .map(([n, scale, unit]) => ({ value: new Fraction(n).div(10 ** scale), unit }));
    const route = fc.constantFrom<Route>(...ROUTES);
    fc.assert(fc.property(name, name, amount, route, fc.integer({ min: 45, max: 120 }), (brand, generic, a, r, max) => {
      const n = input({ brand, generic, amount: a, route: r, maxLength: max });
      const { text, shortened } = professionalNarrative(n);
      const tail = [amountText(a), routeAbbreviation(r), 'NDC 73150015006'].filter((t) => t !== '').join(' ');
      if (text === null) {
        expect(tail.length).toBeGreaterThan(max - 1);
        return;
      }
      expect(text.length).toBeLessThanOrEqual(max);
      expect(text.endsWith(tail)).toBe(true);
      const brandText = claimText(brand);
      if (shortened.some((s) => s.startsWith('brand'))) {
        const hadGeneric = claimText(generic) !== '' && generic !== brand;
        if (hadGeneric) expect(shortened).toContain('generic name left out');
        expect(text.startsWith(brandText)).toBe(false);
      } else if (brandText !== '') {
        expect(text.startsWith(brandText)).toBe(true);
      }
    }), { numRuns: 1000 });
  });
});

describe('the typed description', () => {
  const written = 'BRIUMVI UBLITUXIMAB-XIIY 100MG IV NDC 73150015006';

  it('replaces the written description on the given line only', () => {
    const result = evaluate(withDrug({ narrativeOverride: 'Briumvi 100mg IV NDC 73150015006' }));
    expect(result.lines[0]!.narrative).toBe('BRIUMVI 100MG IV NDC 73150015006');
    expect(result.lines[1]!.narrative).toMatch(/DISCARDED/);
    expect(result.exportable).toBe(true);
  });

  it('blocks a 95-character description and suggests the written one (scenario 22)', () => {
    const typed = `${written} ${'INFUSED OVER 100 MINUTES PER LABEL'} X`;
    expect(typed).toHaveLength(86);
    const ninetyFive = `${typed} ${'ABCDEFGH'}`;
    expect(ninetyFive).toHaveLength(95);
    const result = evaluate(withDrug({ narrativeOverride: ninetyFive }));
    const [f] = findingsOf(result, 'narrative.too-long');
    expect(f).toMatchObject({ severity: 'block', path: 'drugs.0.narrativeOverride' });
    expect(f!.message).toContain('95');
    expect(f!.message).toContain('80');
    expect(f!.message).toContain(written);
    expect(result.exportable).toBe(false);
  });

  it('accepts exactly 80 characters', () => {
    const eighty = `${written} ${'X'.repeat(80 - written.length - 1)}`;
    expect(eighty).toHaveLength(80);
    expect(ruleIds(evaluate(withDrug({ narrativeOverride: eighty })))).not.toContain('narrative.too-long');
  });

  it('blocks a description without the drug name (§13: "contains name + dose"; RARC M123)', () => {
    const result = evaluate(withDrug({ narrativeOverride: '100MG IV NDC 73150015006' }));
    expect(result.findings.filter((f) => f.severity === 'block' && f.path === 'drugs.0.narrativeOverride')).not.toEqual([]);
    expect(result.exportable).toBe(false);
    expect(ruleIds(evaluate(withDrug({ narrativeOverride: 'UBLITUXIMAB-XIIY 100MG IV NDC 73150015006' })))).toEqual([]);
  });

  it('blocks a description without the total dose and its unit', () => {
    expect(findingsOf(evaluate(withDrug({ narrativeOverride: 'BRIUMVI IV NDC 73150015006' })), 'narrative.no-dose')).toHaveLength(1);
  });

  it.each(['BRIUMVI 25MG/ML 100MG IV NDC 73150015006', 'BRIUMVI 25 MG/ML IV NDC 73150015006', 'BRIUMVI 25 mg / mL 100MG IV NDC 73150015006', 'BRIUMVI 100MG 25MCG/ML IV NDC 73150015006'])(
    'refuses a concentration: %j',
    (typed) => {
      expect(findingsOf(evaluate(withDrug({ narrativeOverride: typed })), 'narrative.concentration')).toMatchObject([{ severity: 'block' }]);
    },
  );

  it('allows a concentration for a compounded drug (Palmetto exception)', () => {
    const result = evaluate(withDrug({
      marketingCategory: 'compounded', isBiologic: false, brandName: '', genericName: 'Morphine/bupivacaine', route: 'intrathecal',
      narrativeOverride: 'MORPHINE 10 MG/ML BUPIVACAINE 5 MG/ML 20ML INTRATHECAL NDC 73150015006',
    }));
    expect(ruleIds(result)).not.toContain('narrative.concentration');
  });

  it('warns when the payer wants the NDC in the description and it is missing', () => {
    expect(findingsOf(evaluate(withDrug({ narrativeOverride: 'BRIUMVI 100MG IV' })), 'narrative.ndc-missing')).toMatchObject([{ severity: 'warn' }]);
    expect(ruleIds(evaluate(withDrug({ narrativeOverride: 'BRIUMVI 100MG IV' }, profile('medicare-part-b-wps'))))).not.toContain('narrative.ndc-missing');
    expect(ruleIds(evaluate(withDrug({ narrativeOverride: 'BRIUMVI 100MG IV NDC 73150-0150-06' })))).not.toContain('narrative.ndc-missing');
  });

  it('removes characters claims cannot carry, with a warning', () => {
    const result = evaluate(withDrug({ narrativeOverride: 'Briumvi* 100mg~ IV: NDC 73150015006 💉' }));
    expect(findingsOf(result, 'narrative.characters')).toMatchObject([{ severity: 'warn', path: 'drugs.0.narrativeOverride' }]);
    expect(result.lines[0]!.narrative).toBe('BRIUMVI 100MG IV NDC 73150015006');
  });
});

describe('claimText', () => {
  it.each([
    ['Élitek', 'ELITEK'],
    ['café  crème', 'CAFE CREME'],
    ['Ñandú', 'NANDU'],
    ['drug*name~x:y^z|w', 'DRUG NAME X Y Z W'],
    ['emoji 💉 inside', 'EMOJI INSIDE'],
    ['keep & \' ( ) + , - . / ; = ? %', 'KEEP & \' ( ) + , - . / ; = ? %'],
    ['  tabs\tand\nnewlines ', 'TABS AND NEWLINES'],
  ])('%j → %j', (text, expected) => {
    expect(claimText(text)).toBe(expected);
  });

  it('property: the result is upper case, trimmed, single-spaced and free of X12 delimiters', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
      const out = claimText(text);
      expect(out).toMatch(/^[A-Z0-9 &'()+,\-./;=?%]*$/);
      expect(out).toBe(out.trim());
      expect(out).not.toMatch(/ {2}/);
      expect(claimText(out)).toBe(out);
    }), { numRuns: 1000 });
  });

  it('writes accents in drug names without them in the written description', () => {
    expect(evaluate(withDrug({ brandName: 'Brïumvi™' })).narrative).toBe('BRIUMVI UBLITUXIMAB-XIIY 100MG IV NDC 73150015006');
  });
});

describe('hospital remarks (UB-04 FL80)', () => {
  const remarks = (patch: Partial<Parameters<typeof institutionalRemarks>[0]> = {}) => institutionalRemarks({
    ...input({ brand: 'Ultomiris', generic: 'ravulizumab-cwvz', amount: { value: new Fraction(2700), unit: 'mg' }, ndcText: '25682-0022-01' }),
    date: '01/15/19', frequency: 'once', ndcQuantity: '270 ML', wasteText: '', ...patch,
  });

  it('gives name, NDC with dashes, route, date, dose, frequency and quantity (scenario 2)', () => {
    expect(remarks().text).toBe('ULTOMIRIS 25682-0022-01 IV 01/15/19 2700MG ONCE (270 ML)');
  });

  it('adds the waste when the contractor wants it in the remarks', () => {
    expect(remarks({ wasteText: 'WASTE 300MG' }).text).toBe('ULTOMIRIS 25682-0022-01 IV 01/15/19 2700MG ONCE (270 ML) WASTE 300MG');
  });

  it('writes a JW line\'s remarks with the amount discarded', () => {
    expect(remarks({ isWaste: true, amount: { value: new Fraction(300), unit: 'mg' }, ndcQuantity: '30 ML' }).text)
      .toBe('ULTOMIRIS 25682-0022-01 01/15/19 300MG DISCARDED (30 ML)');
  });
});
