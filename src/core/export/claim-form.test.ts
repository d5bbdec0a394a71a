import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../evaluate';
import { evaluateClaim } from '../evaluate';
import type { ClaimPacket } from '../packet/schema';
import { NO_REFERENCE } from '../reference';
import { completePacket, evaluate, exampleReference } from '../test-fixtures';
import { claimFormStrings } from './claim-form';
import type { ClaimLine } from '../lines';
import { layOutClaim } from './export-claim';

const read = (file: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples', file), 'utf8'));
const example = (name: string) => ({ packet: read(`${name}.json`) as ClaimPacket, today: read(`${name}.expected.json`).today as string });

/** The evaluation with other lines, laid out again as `evaluateClaim` lays out its own. */
function withLines(packet: ClaimPacket, evaluation: Evaluation, lines: readonly ClaimLine[]): Evaluation {
  return { ...evaluation, lines, claimForm: layOutClaim(packet, lines, evaluation.profile, evaluation.decision.form) };
}

function formOf(packet: ClaimPacket, evaluation: Evaluation = evaluate(packet)) {
  const result = claimFormStrings(evaluation);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.value;
}

function professionalForm(packet: ClaimPacket, evaluation: Evaluation = evaluate(packet)) {
  const form = formOf(packet, evaluation);
  if (form.form !== 'CMS-1500') throw new Error(`expected a CMS-1500 claim, got ${form.form}`);
  return form;
}

describe('claim-form strings', () => {
  it('prints the CMS-1500 boxes of example 05 (drug line and JW line) exactly', () => {
    const { packet, today } = example('05-briumvi-partial-dose-waste');
    expect(formOf(packet, evaluateClaim(packet, NO_REFERENCE, today))).toEqual({
      form: 'CMS-1500',
      lines: [
        { line: 1, drugIndex: 0, item24AShaded: 'N473150015006 ML4', item24D: 'J3590', item24G: '1', description: 'BRIUMVI UBLITUXIMAB-XIIY 100MG IV NDC 73150015006' },
        { line: 2, drugIndex: 0, item24AShaded: 'N473150015006 ML2', item24D: 'J3590 JW', item24G: '1', description: 'BRIUMVI 50MG DISCARDED NDC 73150015006' },
      ],
      // 49 + 3 + 38 characters do not fit in 80: the descriptions go on the attachment.
      item19: 'SEE ATTACHMENT',
    });
  });

  it('prints the UB-04 boxes of example 02a (C9399) exactly', () => {
    const { packet, today } = example('02a-ultomiris-opps-c9399');
    expect(formOf(packet, evaluateClaim(packet, NO_REFERENCE, today))).toEqual({
      form: 'UB-04',
      lines: [{ line: 1, drugIndex: 0, fl42: '0636', fl43: 'N425682002201ML270', fl44: 'C9399', fl46: '1', description: 'ULTOMIRIS 25682-0022-01 IV 01/15/19 2700MG ONCE (270 ML)' }],
      fl80: 'ULTOMIRIS 25682-0022-01 IV 01/15/19 2700MG ONCE (270 ML)',
    });
  });

  it('prints the lines of a drug billed under its own code with an empty description and Item 19 (example 31)', () => {
    const { packet, today } = example('31-remicade-own-code-jw');
    const form = professionalForm(packet, evaluateClaim(packet, exampleReference(read('31-remicade-own-code-jw.expected.json').reference), today));
    expect(form).toEqual({
      form: 'CMS-1500',
      lines: [
        { line: 1, drugIndex: 0, item24AShaded: 'N457894003001 UN3.5', item24D: 'J1745', item24G: '35', description: '' },
        { line: 2, drugIndex: 0, item24AShaded: 'N457894003001 UN0.5', item24D: 'J1745 JW', item24G: '5', description: '' },
      ],
      item19: '',
    });
  });

  it('combines the descriptions in Item 19 three spaces apart when they fit, the trial number first', () => {
    const packet = completePacket({ clinicalTrial: { nctNumber: 'NCT01234567', isQualifyingTrial: true }, diagnoses: [{ code: 'G35' }, { code: 'Z00.6' }] });
    const evaluation = evaluate(packet);
    const short = withLines(packet, evaluation, evaluation.lines.map((l, i) => ({ ...l, narrative: i === 0 ? 'BRIUMVI 100MG IV' : 'BRIUMVI 50MG DISCARDED' })));
    expect(professionalForm(packet, short).item19).toBe('CT01234567   BRIUMVI 100MG IV   BRIUMVI 50MG DISCARDED');
    expect(professionalForm(packet, evaluation).item19).toBe('CT01234567   SEE ATTACHMENT');
  });

  it('refuses a claim that is not exportable, with its blocking findings in biller language', () => {
    const packet = completePacket({ drugs: [{ ndc: { input: '0409156029', normalized: undefined } }] });
    const result = claimFormStrings(evaluate(packet));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(expect.stringContaining('10-digit NDC without hyphens'));
  });

  it('leaves a box blank rather than printing a value that fails its check', () => {
    const packet = completePacket();
    const evaluation = evaluate(packet);
    const broken = withLines(packet, evaluation, evaluation.lines.map((l, i) => (i === 0
      ? { ...l, ndc: { ...l.ndc!, quantity: '0' }, modifiers: ['J*'], units: 0 }
      : { ...l, code: 'J35', narrative: 'BRIUMVI 50MG ~ DISCARDED' })));
    const form = professionalForm(packet, broken);
    expect(form.lines[0]).toMatchObject({ item24AShaded: '', item24D: 'J3590', item24G: '' });
    expect(form.lines[1]).toMatchObject({ item24AShaded: 'N473150015006 ML2', item24D: '', description: '' });
    expect(form.item19).toBe('BRIUMVI UBLITUXIMAB-XIIY 100MG IV NDC 73150015006');
  });

  it('refuses lines that go on different claim forms', () => {
    const packet = completePacket();
    const evaluation = evaluate(packet);
    const mixed = withLines(packet, evaluation, evaluation.lines.map((l, i) => (i === 1 ? { ...l, form: 'UB-04' as const } : l)));
    expect(claimFormStrings(mixed)).toEqual({ ok: false, problems: [expect.stringContaining('different claim forms')] });
  });
});
