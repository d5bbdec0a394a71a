/**
 * What a claim carries (src/core/limits.ts): every text field has a length limit; a packet of
 * thousands of drugs, diagnoses, modifiers or files is evaluated without throwing and blocked at the
 * list; units and NDC quantities beyond what the claim form holds are blocked at the field they come
 * from, so the evaluation and every export agree, and no number is ever written in exponent form.
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { checkEvaluation } from '../test-support/evaluation-invariants';
import type { Evaluation } from './evaluate';
import { claimFormStrings } from './export/claim-form';
import { fhirClaim } from './export/fhir';
import { x12Fragment } from './export/x12';
import { CLAIM_SIZE, countText, MAX_UNITS, TEXT_LIMITS } from './limits';
import type { ClaimPacket } from './packet/schema';
import { ZClaimPacket } from './packet/schema';
import { completePacket, customProfile, evaluate, findingsOf, profile, replaced, withDrug } from './test-fixtures';

interface Def {
  readonly type: string;
  readonly innerType?: z.ZodMiniType;
  readonly shape?: Record<string, z.ZodMiniType>;
  readonly element?: z.ZodMiniType;
  readonly options?: readonly z.ZodMiniType[];
}

/** Every text field of the schema, `*` standing for a list index. */
function textFields(node: z.ZodMiniType, path: string[] = []): string[] {
  const def = node._zod.def as unknown as Def;
  switch (def.type) {
    case 'optional': case 'nullable': return textFields(def.innerType!, path);
    case 'string': return [path.join('.')];
    case 'array': return textFields(def.element!, [...path, '*']);
    case 'object': return Object.entries(def.shape!).flatMap(([k, v]) => textFields(v, [...path, k]));
    case 'union': return [...new Set(def.options!.flatMap((o) => textFields(o, path)))];
    default: return [];
  }
}

const EXPORTED_AT = '2023-03-20T10:00:00.000Z';
const drug = () => completePacket().drugs![0]!;

/** Every export of the claim: each is refused with exactly the evaluation's blocking findings. */
function expectEveryExportRefused(packet: ClaimPacket, result: Evaluation): void {
  const blocking = result.findings.filter((f) => f.severity === 'block').map((f) => f.message);
  for (const exported of [claimFormStrings(result), x12Fragment(result), fhirClaim(packet, result, EXPORTED_AT)]) {
    expect(exported).toEqual({ ok: false, problems: blocking });
  }
}

describe('text length', () => {
  it('gives every text field of the packet a limit, and names no field the packet does not have', () => {
    expect(Object.keys(TEXT_LIMITS).sort()).toEqual(textFields(ZClaimPacket).sort());
  });

  it('holds the account number to Item 26 of the CMS-1500 (14) and FL3a of the UB-04 (24)', () => {
    const office = (account: string) => findingsOf(evaluate(completePacket({ patient: { accountReference: account } })), 'text.too-long');
    expect(office('A'.repeat(14))).toEqual([]);
    expect(office('A'.repeat(15))).toEqual([expect.objectContaining({
      path: 'patient.accountReference', severity: 'block',
      message: 'Patient account number has 15 characters; Item 26 of the CMS-1500 (NUCC) holds 14. Shorten it.',
    })]);
    const opps = (account: string) => findingsOf(evaluate(completePacket({ careSetting: 'hospital-outpatient', ...profile('medicare-opps'), patient: { accountReference: account } })), 'text.too-long');
    expect(opps('A'.repeat(24))).toEqual([]);
    expect(opps('A'.repeat(25))).toEqual([expect.objectContaining({ path: 'patient.accountReference', message: expect.stringContaining('FL3a of the UB-04 (NUBC) holds 24') })]);
  });

  it('finds long text deep in the lists, at its own path, whatever the field', () => {
    const packet = completePacket({
      drugs: [{ marketingCategory: 'compounded', compoundIngredients: [{ name: 'Morphine' }, { name: 'M'.repeat(201) }], priorAuth: { number: 'P'.repeat(51) } }],
      attachments: [{ id: 'a', kind: 'order', fileName: `${'x'.repeat(252)}.pdf`, mediaType: 'application/pdf', size: 1, sha256: 'a'.repeat(64) }],
    });
    expect(findingsOf(evaluate(packet), 'text.too-long').map((f) => f.path).sort())
      .toEqual(['attachments.0.fileName', 'drugs.0.compoundIngredients.1.name', 'drugs.0.priorAuth.number']);
  });

  it('blocks a 200,000-character account number before it reaches any export', () => {
    const packet = completePacket({ patient: { accountReference: '7'.repeat(200_000) } });
    const result = evaluate(packet);
    expect(findingsOf(result, 'text.too-long')).toEqual([expect.objectContaining({ message: expect.stringContaining('has 200000 characters') })]);
    expectEveryExportRefused(packet, result);
  });
});

describe('claims larger than a claim can carry', () => {
  it('evaluates 20,000 drugs without throwing and blocks the list of drugs (837P: 50 service lines)', () => {
    const packet = completePacket({ drugs: replaced(Array.from({ length: 20_000 }, (_, i) => ({ ...drug(), id: `drug-${i}` }))) });
    const result = evaluate(packet);
    checkEvaluation(result, packet);
    expect(result.drugs).toHaveLength(20_000);
    expect(findingsOf(result, 'claim.too-many-lines')).toEqual([expect.objectContaining({
      path: 'drugs', severity: 'block',
      message: 'This claim has 20000 drugs, which take 40000 service lines; one claim carries at most 50. Bill the drugs on several claims of 50 lines or fewer.',
    })]);
    expectEveryExportRefused(packet, result);
  });

  it('evaluates 20,000 empty drugs (thousands of checklist findings each way)', () => {
    const packet = completePacket({ drugs: replaced(Array.from({ length: 20_000 }, () => ({}))) });
    const result = evaluate(packet);
    checkEvaluation(result, packet);
    expect(result.findings.length).toBeGreaterThan(100_000);
    expect(findingsOf(result, 'claim.too-many-lines')).toHaveLength(1);
  });

  it('takes 50 service lines, and tells a CMS-1500 of more than 6 lines how many paper forms it fills', () => {
    const copies = (n: number) => completePacket({ drugs: replaced(Array.from({ length: n }, (_, i) => ({ ...drug(), id: `drug-${i}` }))) });
    const three = evaluate(copies(3));
    expect(three.exportable).toBe(true);
    expect(findingsOf(three, 'claim.several-paper-forms')).toEqual([]);
    const twentyFive = evaluate(copies(25));
    expect(twentyFive.lines).toHaveLength(CLAIM_SIZE.serviceLines);
    expect(findingsOf(twentyFive, 'claim.too-many-lines')).toEqual([]);
    expect(findingsOf(twentyFive, 'claim.several-paper-forms')).toEqual([expect.objectContaining({ severity: 'warn', message: expect.stringContaining('these 50 lines fill 9 forms') })]);
    expect(twentyFive.exportable).toBe(true);
    expect(findingsOf(evaluate(copies(26)), 'claim.too-many-lines')).toHaveLength(1);
  });

  it('blocks 5,000 diagnoses at the list, 20,000 modifiers at the line, 20,000 files at the attachments', () => {
    const attachments = Array.from({ length: 20_000 }, (_, i) => ({ id: `f${i}`, kind: 'order' as const, fileName: `f${i}.pdf`, mediaType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) }));
    const packet = completePacket({
      diagnoses: replaced(Array.from({ length: 5_000 }, (_, i) => ({ code: `Z${String(i).padStart(2, '0')}.0` }))),
      drugs: [{ modifiers: Array.from({ length: 20_000 }, (_, i) => `U${i % 10}`) }],
      attachments: replaced(attachments),
    });
    const result = evaluate(packet);
    checkEvaluation(result, packet);
    expect(findingsOf(result, 'dx.too-many').map((f) => f.path)).toEqual(['diagnoses']);
    expect(findingsOf(result, 'modifier.too-many').map((f) => f.path)).toEqual(['drugs.0.modifiers']);
    expect(findingsOf(result, 'attachment.too-many')).toEqual([expect.objectContaining({
      path: 'attachments', message: expect.stringContaining('This claim lists 20000 attached files; a claim refers to at most 10.'),
    })]);
  });
});

describe('units and NDC quantities a claim form holds', () => {
  const perMicrogram = (value: string) => customProfile('medicaid-nc', { nocUnits: { basis: 'amount', per: { value, unit: 'mcg' } } });

  it('blocks, at the dose and the waste, the 19,990,000 units that check printed in 24G while the 837 and FHIR refused', () => {
    const packet = withDrug({ administration: { dose: { value: '99.95' } }, waste: { amount: { value: '50.05' } } }, perMicrogram('0.005'));
    const result = evaluate(packet);
    expect(findingsOf(result, 'units.too-large')).toEqual([
      expect.objectContaining({ severity: 'block', path: 'drugs.0.administration.dose.value', message: expect.stringContaining('19990000 HCPCS units are more than a claim line carries (9999999 at most)') }),
      expect.objectContaining({ severity: 'block', path: 'drugs.0.waste.amount.value', message: expect.stringContaining('10010000 HCPCS units') }),
    ]);
    const form = result.claimForm.strings;
    expect(form.form === 'CMS-1500' ? form.lines.map((l) => l.item24G) : []).toEqual(['', '']);
    expect(result.lines.map((l) => l.units)).toEqual([null, null]);
    expectEveryExportRefused(packet, result);
  });

  it('never writes a number in exponent notation, even for 10^27 units from a custom profile', () => {
    const packet = withDrug({}, perMicrogram('0.0000000000000000000001'));
    const result = evaluate(packet);
    expect(findingsOf(result, 'units.too-large')[0]!.message).toMatch(/^more than 9007199254740991 HCPCS units/);
    expect(JSON.stringify(result)).not.toMatch(/\de[+-]\d/);
    expect(countText(1e27)).toBe('more than 9007199254740991');
    expect(countText(MAX_UNITS)).toBe('9999999');
  });

  it('holds every line to 7 digits of units (UB-04 FL46), the same on both forms', () => {
    const opps = { careSetting: 'hospital-outpatient', ...customProfile('medicare-opps', { nocUnits: { basis: 'amount', per: { value: '0.00001', unit: 'mg' } } }) } as const;
    const tooLarge = (dose: string) => findingsOf(evaluate(withDrug({ administration: { dose: { value: dose } } }, opps)), 'units.too-large').filter((f) => f.path === 'drugs.0.administration.dose.value');
    expect(tooLarge('99.99999')).toEqual([]);
    expect(tooLarge('100')).toEqual([expect.objectContaining({ severity: 'block', message: expect.stringContaining('10000000 HCPCS units are more than a claim line carries') })]);
    expect(findingsOf(evaluate(withDrug({ hcpcsUnitsOverride: '1000' }, profile('commercial'))), 'units.too-large')).toEqual([]);
  });

  it('warns, without blocking, when the units do not fit Item 24G of a paper CMS-1500 (the 837P carries them)', () => {
    expect(findingsOf(evaluate(withDrug({ hcpcsUnitsOverride: '999' }, profile('commercial'))), 'units.over-item-24g')).toEqual([]);
    const typed = evaluate(withDrug({ hcpcsUnitsOverride: '1000' }, profile('commercial')));
    expect(findingsOf(typed, 'units.over-item-24g')).toEqual([expect.objectContaining({ severity: 'warn', path: 'drugs.0.hcpcsUnitsOverride' })]);
    expect(typed.lines[0]!.units).toBe(1000);
    const opps = { careSetting: 'hospital-outpatient', ...customProfile('medicare-opps', { nocUnits: { basis: 'amount', per: { value: '0.01', unit: 'mg' } } }) } as const;
    expect(findingsOf(evaluate(withDrug({}, opps)), 'units.over-item-24g')).toEqual([]);
  });

  it('warns when the NDC quantity does not fit the paper box: 6 characters on a Medicare CMS-1500, 9 in FL43 of the UB-04', () => {
    const inMg = (value: string, overrides = {}) => evaluate(withDrug({ ndcUnitOverride: 'ME', administration: { dose: { value } } }, overrides));
    expect(findingsOf(inMg('100.12'), 'ndc.quantity-over-medicare-24a')).toEqual([]);
    const long = inMg('100.125');
    expect(findingsOf(long, 'ndc.quantity-over-medicare-24a')).toEqual([expect.objectContaining({
      severity: 'warn',
      path: 'drugs.0.administration.dose.value',
      message: 'The NDC quantity 100.125 does not fit Item 24A of a paper Medicare CMS-1500, which holds 6 characters after the unit (decimal point included). Send this claim electronically (837P), where it fits.',
    })]);
    expect(long.lines[0]!.ndc?.quantity).toBe('100.125');
    expect(findingsOf(inMg('100.125', profile('commercial')), 'ndc.quantity-over-medicare-24a')).toEqual([]);
    const opps = { careSetting: 'hospital-outpatient', ...profile('medicare-opps') } as const;
    expect(findingsOf(inMg('1234567.5', opps), 'ndc.quantity-over-fl43')).toEqual([]);
    expect(findingsOf(inMg('12345678.5', opps), 'ndc.quantity-over-fl43')).toEqual([expect.objectContaining({ severity: 'warn' })]);
  });
});

describe('drug and attachment entries', () => {
  const file = (id: string, sha256: string | undefined) => ({ id, kind: 'order' as const, fileName: `${id}.pdf`, mediaType: 'application/pdf', size: 10, sha256 });

  it('blocks a second drug or file with the same id at the second one, naming the first', () => {
    const result = evaluate(completePacket({
      drugs: replaced([{ ...drug(), id: 'x' }, { ...drug(), id: 'y' }, { ...drug(), id: 'x' }]),
      attachments: replaced([file('a', 'a'.repeat(64)), file('a', 'b'.repeat(64))]),
    }));
    expect(findingsOf(result, 'drug.duplicate-id')).toEqual([expect.objectContaining({ path: 'drugs.2', message: expect.stringContaining('same identifier as drug 1') })]);
    expect(findingsOf(result, 'attachment.duplicate-id')).toEqual([expect.objectContaining({ path: 'attachments.1.id', message: expect.stringContaining('a.pdf has the same identifier as attached file 1') })]);
  });

  it('takes a SHA-256 of 64 hexadecimal characters in either case, and nothing else', () => {
    const shaFindings = (sha256: string | undefined) => findingsOf(evaluate(completePacket({ attachments: replaced([file('a', sha256)]) })), 'attachment.sha256-format');
    expect(shaFindings('AbC0'.repeat(16))).toEqual([]);
    for (const bad of ['zz', '', undefined, 'a'.repeat(63), 'a'.repeat(65), `${'a'.repeat(63)}g`]) {
      expect(shaFindings(bad).map((f) => f.path), String(bad)).toEqual(['attachments.0.sha256']);
    }
  });

  it('blocks an NDC whose labeler code is 00000, and reads real product and package codes of zeros', () => {
    const ndcFindings = (input: string) => evaluate(withDrug({ ndc: { input, normalized: undefined } })).findings.filter((f) => f.path === 'drugs.0.ndc.input' && f.severity === 'block');
    expect(ndcFindings('00000-0000-00').map((f) => f.rule)).toEqual(['ndc.zero-segment']);
    expect(ndcFindings('0000-1560-29').map((f) => f.rule)).toEqual(['ndc.zero-segment']);
    expect(ndcFindings('08213-0000-09')).toEqual([]);
    expect(ndcFindings('00006-3025-00')).toEqual([]);
  });
});
