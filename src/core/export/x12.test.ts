import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../evaluate';
import type { ClaimPacket } from '../packet/schema';
import { NO_REFERENCE } from '../reference';
import { completePacket, customProfile, evaluate, exampleReference, FIXTURE_TODAY } from '../test-fixtures';
import { layOutClaim } from './export-claim';
import type { X12Delimiters } from './x12';
import { x12Fragment } from './x12';

const read = (file: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples', file), 'utf8'));
const example = (name: string) => ({ packet: read(`${name}.json`) as ClaimPacket, today: read(`${name}.expected.json`).today as string });

/** Segments of a packet evaluated without reference data (any ICD-10-CM code of the right shape passes). */
function segmentsOf(packet: ClaimPacket, delimiters?: X12Delimiters): readonly string[] {
  const result = x12Fragment(evaluateClaim(packet, NO_REFERENCE, FIXTURE_TODAY), delimiters);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.value.segments;
}

/** The fragment of an example, evaluated on the day its expected outcome names. */
function exampleFragment(name: string) {
  const { packet, today } = example(name);
  return x12Fragment(evaluateClaim(packet, NO_REFERENCE, today));
}

describe('837 fragments', () => {
  it('writes a drug billed under its own code with no description in SV101-7 (example 31: J1745 × 35 and J1745-JW × 5)', () => {
    const { packet, today } = example('31-remicade-own-code-jw');
    const result = x12Fragment(evaluateClaim(packet, exampleReference(read('31-remicade-own-code-jw.expected.json').reference), today));
    expect(result).toEqual({ ok: true, value: { transaction: '837P', segments: [
      'LX*1~', 'SV1*HC:J1745*0*UN*35***1~', 'DTP*472*D8*20251105~', 'LIN**N4*57894003001~', 'CTP****3.5*UN~',
      'LX*2~', 'SV1*HC:J1745:JW*0*UN*5***1~', 'DTP*472*D8*20251105~', 'LIN**N4*57894003001~', 'CTP****0.5*UN~',
    ] } });
  });

  it('writes the 837I lines of a drug billed under its own code in hospital outpatient, with no remarks (example 33: J1162-JZ × 6)', () => {
    const { packet, today } = example('33-digifab-per-vial');
    const result = x12Fragment(evaluateClaim(packet, exampleReference(read('33-digifab-per-vial.expected.json').reference), today));
    expect(result).toEqual({ ok: true, value: { transaction: '837I', segments: [
      'LX*1~', 'SV2*0636*HC:J1162:JZ*0*UN*6~', 'DTP*472*D8*20251107~', 'LIN**N4*50633012011~', 'CTP****6*UN~',
    ] } });
  });

  it('writes the 837P service lines of example 05 exactly (drug line and JW line)', () => {
    expect(exampleFragment('05-briumvi-partial-dose-waste')).toEqual({
      ok: true,
      value: {
        transaction: '837P',
        segments: [
          'LX*1~',
          'SV1*HC:J3590:::::BRIUMVI UBLITUXIMAB-XIIY 100MG IV NDC 73150015006*0*UN*1***1~',
          'DTP*472*D8*20230310~',
          'LIN**N4*73150015006~',
          'CTP****4*ML~',
          'LX*2~',
          'SV1*HC:J3590:JW::::BRIUMVI 50MG DISCARDED NDC 73150015006*0*UN*1***1~',
          'DTP*472*D8*20230310~',
          'LIN**N4*73150015006~',
          'CTP****2*ML~',
        ],
      },
    });
  });

  it('writes the 837I fragment of example 02a exactly: claim-level remarks, then SV2 with revenue code 0636', () => {
    const result = exampleFragment('02a-ultomiris-opps-c9399');
    expect(result.ok && result.value.transaction).toBe('837I');
    expect(result.ok && result.value.segments).toEqual([
      'NTE*ADD*ULTOMIRIS 25682-0022-01 IV 01/15/19 2700MG ONCE (270 ML)~',
      'LX*1~',
      'SV2*0636*HC:C9399:::::ULTOMIRIS 25682-0022-01 IV 01/15/19 2700MG ONCE (270 ML)*0*UN*1~',
      'DTP*472*D8*20190115~',
      'LIN**N4*25682002201~',
      'CTP****270*ML~',
    ]);
  });

  it('adds REF*G1 for an approved prior authorization, NTE when the profile puts the description there, and every diagnosis pointer up to four', () => {
    const packet = completePacket({
      ...customProfile('medicare-part-b-palmetto', { narrativePlacement: 'NTE' }),
      diagnoses: [{ code: 'G35' }, { code: 'Z79.899' }, { code: 'R53.83' }, { code: 'D64.9' }, { code: 'E55.9' }],
      drugs: [{ priorAuth: { status: 'approved', number: 'PA-2023-0042', validFrom: '2023-01-01', validThrough: '2023-12-31' } }],
    });
    expect(segmentsOf(packet).slice(0, 6)).toEqual([
      'LX*1~',
      'SV1*HC:J3590:::::BRIUMVI UBLITUXIMAB-XIIY 100MG IV NDC 73150015006*0*UN*1***1:2:3:4~',
      'DTP*472*D8*20230310~',
      'REF*G1*PA-2023-0042~',
      'NTE*ADD*BRIUMVI UBLITUXIMAB-XIIY 100MG IV NDC 73150015006~',
      'LIN**N4*73150015006~',
    ]);
  });

  it('uses the delimiters of the receiving system', () => {
    expect(segmentsOf(completePacket(), { element: '|', component: '^', segment: '\n' }).slice(0, 5)).toEqual([
      'LX|1\n',
      'SV1|HC^J3590^^^^^BRIUMVI UBLITUXIMAB-XIIY 100MG IV NDC 73150015006|0|UN|1|||1\n',
      'DTP|472|D8|20230310\n',
      'LIN||N4|73150015006\n',
      'CTP||||4|ML\n',
    ]);
  });

  it('refuses a value that contains a delimiter, naming the value', () => {
    const result = x12Fragment(evaluate(completePacket()), { element: '*', component: '-', segment: '~' });
    expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/^"BRIUMVI UBLITUXIMAB-XIIY .*" contains "-", which this 837 uses as a delimiter/)] });
  });

  it('refuses delimiters that are not single distinct punctuation characters', () => {
    for (const delimiters of [{ element: '**', component: ':', segment: '~' }, { element: 'A', component: ':', segment: '~' }, { element: '*', component: '*', segment: '~' }]) {
      const result = x12Fragment(evaluate(completePacket()), delimiters);
      expect(result.ok, JSON.stringify(delimiters)).toBe(false);
    }
  });

  it('refuses a description longer than an 837 element holds, even when the payer profile allows it', () => {
    const packet = completePacket({
      ...customProfile('medicare-part-b-palmetto', { narrativeMaxLength: 120 }),
      drugs: [{ narrativeOverride: `BRIUMVI UBLITUXIMAB-XIIY 100MG IV NDC 73150015006 ${'INFUSED OVER SEVENTY MINUTES '.repeat(2)}`.trim() }],
    });
    const evaluation = evaluate(packet);
    expect(evaluation.exportable).toBe(true);
    expect(x12Fragment(evaluation)).toEqual({ ok: false, problems: [expect.stringMatching(/^Line 1: the description has 10\d characters; an 837 holds 80\./)] });
  });

  it('refuses a claim with a value left blank, and a claim that is not exportable', () => {
    const packet = completePacket();
    const evaluation = evaluate(packet);
    const lines = evaluation.lines.map((l) => ({ ...l, units: null }));
    const blank = { ...evaluation, lines, claimForm: layOutClaim(packet, lines, evaluation.profile, evaluation.decision.form) };
    expect(x12Fragment(blank)).toEqual({ ok: false, problems: [expect.stringContaining('Line 1: the units could not be computed'), expect.stringContaining('Line 2')] });
    const blocked = completePacket({ patient: { accountReference: '' } });
    expect(x12Fragment(evaluate(blocked))).toEqual({ ok: false, problems: [expect.stringContaining("patient's account")] });
  });
});
