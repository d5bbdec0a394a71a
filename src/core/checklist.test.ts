/**
 * The documentation checklist (billing-rules §7): each item required, conditional or not needed,
 * and what completes it.
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation } from './evaluate';
import type { Drug } from './packet/schema';
import type { DeepPartial } from './test-fixtures';
import {
  BRIUMVI_NDC11, customProfile, evaluate, evaluateOn, FIXTURE_REFERENCE_DATA, findingsOf, memoryReference, profile, replaced, withDrug,
} from './test-fixtures';
import { knownHcpcsCode } from './codes';

type DrugPatch = DeepPartial<Drug>;
const item = (result: Evaluation, id: string, drugIndex: number | null = 0) => {
  const found = result.checklist.find((i) => i.id === id && i.drugIndex === (id === 'provider' || id === 'clinical-trial' ? null : drugIndex));
  if (found === undefined) throw new Error(`no checklist item ${id}`);
  return found;
};
const check = (drug: DrugPatch, overrides: Parameters<typeof withDrug>[1] = {}) => evaluate(withDrug(drug, overrides));
const sha256 = 'f'.repeat(64);
const docsWithout = (...kinds: string[]) =>
  replaced((['order', 'administration-record', 'waste-record', 'invoice'] as const).filter((k) => !kinds.includes(k)));

describe('the complete packet', () => {
  const result = evaluate(withDrug({}));

  it('has every item done or not needed, and no checklist finding', () => {
    expect(result.checklist.filter((i) => i.status === 'missing')).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('lists the claim items, then each drug\'s items', () => {
    expect(result.checklist.map((i) => i.id)).toEqual([
      'provider', 'clinical-trial', 'ndc', 'order', 'dose-route-date', 'administration-times', 'administration-record',
      'lot-expiration', 'container-type', 'medical-necessity', 'fda-status', 'off-label', 'waste-record', 'invoice',
      'compound-ingredients', 'prior-auth', 'abn', 'narrative',
    ]);
  });

  it('keeps status and requirement consistent, with a reason for each item', () => {
    for (const i of result.checklist) {
      expect(i.status === 'not-needed').toBe(i.requirement === 'not-needed');
      expect(i.missing).toBeNull();
      expect(i.reason.trim()).not.toBe('');
      expect(i.rule).toBe(`checklist.${i.id}`);
    }
  });
});

describe('missing items', () => {
  it('raise one blocking finding each, with the label and what to do', () => {
    const result = check({ administration: { lot: '' } });
    const [f] = findingsOf(result, 'checklist.lot-expiration');
    expect(f).toMatchObject({ severity: 'block', path: 'drugs.0.administration.lot' });
    expect(f!.message).toBe('Lot number and expiration: Enter the lot number from the vial.');
    expect(item(result, 'lot-expiration')).toMatchObject({ status: 'missing', missing: 'enter the lot number from the vial' });
  });

  it('point at the first thing missing', () => {
    expect(item(check({ administration: { lot: '', expiration: '' } }), 'lot-expiration').path).toBe('drugs.0.administration.lot');
    expect(item(check({ administration: { expiration: '' } }), 'lot-expiration').path).toBe('drugs.0.administration.expiration');
  });

  it('do not repeat a blocking finding already on the same field', () => {
    const result = evaluate(withDrug({}, { providers: { billing: { npi: '1234567890' } } }));
    expect(item(result, 'provider')).toMatchObject({ status: 'missing', path: 'providers.billing.npi' });
    expect(findingsOf(result, 'provider.npi-check-digit')).toHaveLength(1);
    expect(findingsOf(result, 'checklist.provider')).toEqual([]);
    expect(result.exportable).toBe(false);
  });
});

describe('provider', () => {
  it.each([
    [{ rendering: { npi: '' } }, 'providers.rendering.npi'],
    [{ rendering: { credentials: '' } }, 'providers.rendering.credentials'],
    [{ billing: { name: '' } }, 'providers.billing.name'],
  ])('is missing for %j at %s', (providers, path) => {
    expect(item(evaluate(withDrug({}, { providers })), 'provider')).toMatchObject({ status: 'missing', path });
  });
});

describe('clinical trial', () => {
  it('is not needed without a trial', () => {
    expect(item(check({}), 'clinical-trial').status).toBe('not-needed');
  });

  it.each([
    ['an NCT number', {}, { clinicalTrial: { nctNumber: 'NCT01234567' } }],
    ['a drug supplied free by the sponsor', { isSuppliedFreeBySponsor: true }, {}],
    ['an investigational drug', { marketingCategory: 'investigational' }, {}],
    ['a Q1 modifier', { modifiers: ['q1'] }, {}],
  ] as const)('is needed with %s', (_label, drug, overrides) => {
    expect(item(check(drug, overrides), 'clinical-trial').requirement).toBe('conditional');
  });

  it('asks for the NCT number, then for diagnosis Z00.6, and is done with both (scenario 11)', () => {
    expect(item(check({ isSuppliedFreeBySponsor: true }), 'clinical-trial')).toMatchObject({ status: 'missing', path: 'clinicalTrial.nctNumber' });
    expect(item(check({}, { clinicalTrial: { nctNumber: 'NCT01234567' } }), 'clinical-trial')).toMatchObject({ status: 'missing', path: 'diagnoses' });
    const done = check({}, { clinicalTrial: { nctNumber: 'NCT01234567' }, diagnoses: [{ code: 'G35' }, { code: 'Z00.6' }] });
    expect(item(done, 'clinical-trial').status).toBe('done');
  });
});

describe('drug documents', () => {
  it.each(['order', 'administration-record'])('%s: required, done when kept in the chart or attached with its fingerprint', (kind) => {
    const missing = check({ documentsOnFile: docsWithout(kind) });
    expect(item(missing, kind)).toMatchObject({ requirement: 'required', status: 'missing', path: 'drugs.0.documentsOnFile' });
    const attached = evaluate(withDrug({ documentsOnFile: docsWithout(kind) }, { attachments: [{ id: 'a1', drugId: 'drug-1', kind: kind as 'order', fileName: 'x.pdf', sha256 }] }));
    expect(item(attached, kind).status).toBe('done');
    const forEveryDrug = evaluate(withDrug({ documentsOnFile: docsWithout(kind) }, { attachments: [{ id: 'a1', kind: kind as 'order', fileName: 'x.pdf', sha256 }] }));
    expect(item(forEveryDrug, kind).status).toBe('done');
    const noFingerprint = evaluate(withDrug({ documentsOnFile: docsWithout(kind) }, { attachments: [{ id: 'a1', drugId: 'drug-1', kind: kind as 'order', fileName: 'x.pdf' }] }));
    expect(item(noFingerprint, kind).status).toBe('missing');
  });
});

describe('dose, route and date; administration times', () => {
  it('asks for the dose unit and the route', () => {
    expect(item(check({ administration: { dose: { unit: undefined } } }), 'dose-route-date').path).toBe('drugs.0.administration.dose.unit');
    expect(item(check({ route: undefined }), 'dose-route-date').path).toBe('drugs.0.route');
  });

  it('needs the end of an infusion, but only the start of an injection', () => {
    expect(item(check({ administration: { end: undefined } }), 'administration-times')).toMatchObject({ status: 'missing', path: 'drugs.0.administration.end' });
    expect(item(check({ route: 'subcutaneous', administration: { end: undefined } }), 'administration-times').status).toBe('done');
    expect(item(check({ route: 'subcutaneous', administration: { start: undefined } }), 'administration-times').path).toBe('drugs.0.administration.start');
  });
});

describe('container type, medical necessity', () => {
  it('asks for the container type from the label', () => {
    expect(item(check({ container: { type: undefined } }), 'container-type')).toMatchObject({ status: 'missing', path: 'drugs.0.container.type' });
  });

  it('asks for a diagnosis, then for the statement', () => {
    expect(item(evaluate(withDrug({}, { diagnoses: replaced([]) })), 'medical-necessity').path).toBe('diagnoses');
    expect(item(evaluate(withDrug({}, { diagnoses: [{ code: 'not a code' }] })), 'medical-necessity').path).toBe('diagnoses');
    expect(item(check({ medicalNecessity: ' ' }), 'medical-necessity').path).toBe('drugs.0.medicalNecessity');
  });
});

describe('FDA status', () => {
  it('needs proof of approval for an approved drug: the date, the approval letter or the package insert', () => {
    expect(item(check({ fdaApprovalDate: undefined }), 'fda-status')).toMatchObject({ status: 'missing', path: 'drugs.0.fdaApprovalDate' });
    expect(item(check({ fdaApprovalDate: undefined, documentsOnFile: ['order', 'administration-record', 'waste-record', 'invoice', 'package-insert'] }), 'fda-status').status).toBe('done');
    expect(item(check({ fdaApprovalDate: undefined, documentsOnFile: ['order', 'administration-record', 'waste-record', 'invoice', 'fda-approval'] }), 'fda-status').status).toBe('done');
  });

  it('needs the marketing category', () => {
    expect(item(check({ marketingCategory: undefined }), 'fda-status').path).toBe('drugs.0.marketingCategory');
  });

  it('is not needed for a compounded drug', () => {
    expect(item(check({ marketingCategory: 'compounded' }), 'fda-status').status).toBe('not-needed');
  });
});

describe('off-label use', () => {
  it('is not needed for labeled use', () => {
    expect(item(check({}), 'off-label').status).toBe('not-needed');
  });

  it('needs the rationale (a blocking rule points at it)', () => {
    const result = check({ isOffLabel: true });
    expect(item(result, 'off-label')).toMatchObject({ status: 'missing', path: 'drugs.0.offLabelRationale' });
    expect(findingsOf(result, 'drug.off-label-rationale-missing')).toHaveLength(1);
  });

  it('needs compendia support for off-label anticancer use (BPM15 §50.4.5)', () => {
    const patch: DrugPatch = { isOffLabel: true, offLabelRationale: 'NCCN 2A', isAntineoplastic: true };
    expect(item(check(patch), 'off-label')).toMatchObject({ status: 'missing', path: 'drugs.0.documentsOnFile' });
    expect(item(check({ ...patch, documentsOnFile: ['order', 'administration-record', 'waste-record', 'invoice', 'compendia'] }), 'off-label').status).toBe('done');
    expect(item(check({ isOffLabel: true, offLabelRationale: 'Published case series' }), 'off-label').status).toBe('done');
  });
});

describe('waste record', () => {
  it('is not needed, with the reason, when JW/JZ do not apply', () => {
    const multiDose = item(check({ container: { type: 'multi-dose' } }), 'waste-record');
    expect(multiDose.status).toBe('not-needed');
    expect(multiDose.reason).toMatch(/multi-dose/);
  });

  it('asks for the amount discarded (0 if none) for a single-dose container from October 1, 2023, when claims without JW/JZ are returned', () => {
    expect(item(evaluateOn('2023-10-01', { drugs: [{ waste: undefined }] }), 'waste-record'))
      .toMatchObject({ requirement: 'conditional', status: 'missing', path: 'drugs.0.waste.amount.value' });
    expect(item(evaluateOn('2023-09-30', { drugs: [{ waste: undefined }] }), 'waste-record'))
      .toMatchObject({ status: 'not-needed', reason: expect.stringContaining('10/01/2023') });
  });

  it('needs the record but no JW line when less than one billing unit was discarded', () => {
    const j2329 = memoryReference({ ...FIXTURE_REFERENCE_DATA, crosswalk: { [BRIUMVI_NDC11]: [{ code: knownHcpcsCode('J2329'), descriptor: 'Injection, ublituximab-xiiy, 1mg', billingUnit: '1 MG', source: 'CMS' }] } });
    const result = evaluateOn('2023-08-07', { drugs: [{ specificCodeChoice: 'J2329', administration: { dose: { value: '149.5', unit: 'mg' } }, waste: { amount: { value: '0.5', unit: 'mg' } } }] }, j2329);
    expect(item(result, 'waste-record')).toMatchObject({ requirement: 'conditional', status: 'done' });
    expect(result.lines.map((l) => [l.modifiers, l.units])).toEqual([[['JZ'], 150]]);
  });
});

describe('invoice', () => {
  it('is needed when CMS lists no NOC payment limit, with each element in turn', () => {
    expect(item(check({ invoice: { supplier: '' } }), 'invoice').path).toBe('drugs.0.invoice.supplier');
    expect(item(check({ invoice: { date: 'yesterday' } }), 'invoice').path).toBe('drugs.0.invoice.date');
    expect(item(check({ invoice: { ndc: '' } }), 'invoice').path).toBe('drugs.0.invoice.ndc');
    expect(item(check({ invoice: { quantity: '' } }), 'invoice').path).toBe('drugs.0.invoice.quantity');
    expect(item(check({ invoice: { netCost: '' } }), 'invoice').path).toBe('drugs.0.invoice.netCost');
    expect(item(check({ documentsOnFile: docsWithout('invoice') }), 'invoice').path).toBe('attachments');
  });

  it('is not needed when CMS lists a NOC payment limit for the NDC', () => {
    const priced = memoryReference({ ...FIXTURE_REFERENCE_DATA, nocPriced: [BRIUMVI_NDC11] });
    expect(item(evaluate(withDrug({ invoice: undefined }), undefined, priced), 'invoice').status).toBe('not-needed');
  });

  it('is not needed for C9399 (95% of AWP) or a packaged drug', () => {
    const opps = { careSetting: 'hospital-outpatient', ...profile('medicare-opps') } as const;
    expect(item(check({ invoice: undefined }, opps), 'invoice').status).toBe('not-needed');
    expect(item(check({ invoice: undefined, fdaApprovalDate: '2000-01-01' }, opps), 'invoice').status).toBe('not-needed');
  });

  it('is needed for a compounded drug, even when the NDC is priced', () => {
    const priced = memoryReference({ ...FIXTURE_REFERENCE_DATA, nocPriced: [BRIUMVI_NDC11] });
    const result = evaluate(withDrug({ marketingCategory: 'compounded', invoice: undefined }), undefined, priced);
    expect(item(result, 'invoice')).toMatchObject({ requirement: 'conditional', status: 'missing' });
  });

  it('is not needed when no drug line is billed', () => {
    expect(item(check({ isMixtureOfCommercialProducts: true }), 'invoice').status).toBe('not-needed');
  });
});

describe('compound ingredients', () => {
  it('is needed for a compounded drug only', () => {
    expect(item(check({}), 'compound-ingredients').status).toBe('not-needed');
    expect(item(check({ marketingCategory: 'compounded' }), 'compound-ingredients').status).toBe('missing');
    const listed = check({ marketingCategory: 'compounded', compoundIngredients: [{ name: 'Morphine', ndc: '0409-1560-29', amount: { value: '10', unit: 'mg' } }] });
    expect(item(listed, 'compound-ingredients').status).toBe('done');
  });

  it('does not need the NDC of a compounded drug that has none', () => {
    expect(item(check({ marketingCategory: 'compounded', ndc: { input: '', normalized: '' } }), 'ndc').status).toBe('not-needed');
    expect(item(check({ ndc: { input: '', normalized: '' } }), 'ndc').status).toBe('missing');
  });
});

describe('prior authorization', () => {
  it('is not needed for Medicare fee-for-service (Part B drugs are not pre-authorized)', () => {
    expect(item(check({ priorAuth: undefined }), 'prior-auth').status).toBe('not-needed');
  });

  it('is needed for a plan that requires it, and done with the approval and its number', () => {
    const commercial = profile('commercial');
    expect(item(check({ priorAuth: undefined }, commercial), 'prior-auth')).toMatchObject({ status: 'missing', path: 'drugs.0.priorAuth.status' });
    expect(item(check({ priorAuth: { status: 'approved' } }, commercial), 'prior-auth').path).toBe('drugs.0.priorAuth.number');
    expect(item(check({ priorAuth: { status: 'approved', number: 'PA-778' } }, commercial), 'prior-auth').status).toBe('done');
    expect(item(check({ priorAuth: { status: 'not-required' } }, commercial), 'prior-auth').status).toBe('done');
  });

  it('follows the profile switch "always"', () => {
    expect(item(check({ priorAuth: undefined }, customProfile('medicare-part-b', { priorAuth: 'always' })), 'prior-auth').status).toBe('missing');
  });
});

describe('ABN', () => {
  it('is needed with GA, and done with the signed ABN on file', () => {
    expect(item(check({}), 'abn').status).toBe('not-needed');
    expect(item(check({ modifiers: ['GA'] }), 'abn')).toMatchObject({ status: 'missing', path: 'drugs.0.documentsOnFile' });
    expect(item(check({ modifiers: ['GA'], documentsOnFile: ['order', 'administration-record', 'waste-record', 'invoice', 'abn'] }), 'abn').status).toBe('done');
  });
});

describe('drug description', () => {
  it('is done when the description can be written, and asks for the dose otherwise', () => {
    expect(item(check({}), 'narrative').status).toBe('done');
    expect(item(check({ administration: { dose: { value: '' } } }), 'narrative')).toMatchObject({ status: 'missing', path: 'drugs.0.administration.dose.value' });
  });

  it('asks for the drug name when there is none', () => {
    expect(item(check({ brandName: '', genericName: '' }), 'narrative').path).toBe('drugs.0.brandName');
  });
});

describe('several drugs', () => {
  it('gives each drug its own items, pointing at its own fields', () => {
    const result = evaluate(withDrug({}, { drugs: [{}, { ...withDrug({}).drugs![0]!, id: 'drug-2', administration: { ...withDrug({}).drugs![0]!.administration, lot: '' } }] }));
    expect(item(result, 'lot-expiration', 0).status).toBe('done');
    expect(item(result, 'lot-expiration', 1)).toMatchObject({ status: 'missing', path: 'drugs.1.administration.lot' });
  });
});
