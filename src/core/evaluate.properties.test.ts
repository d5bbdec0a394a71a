/**
 * Properties of `evaluateClaim` over arbitrary input (fast-check): it never throws; every finding
 * points at a field of the schema, has a known rule id and a readable message; `exportable` is
 * true exactly when nothing blocks; and what an exportable claim prints is valid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from './evaluate';
import { evaluateClaim } from './evaluate';
import { anything, applyEdits, deepEdits, MAXIMAL, packetShapedAnything, thousandsCase } from '../test-support/packet-arbitraries';
import { checkEvaluation, checkNarrativeLength } from '../test-support/evaluation-invariants';
import { CLAIM_SIZE } from './limits';
import type { ClaimPacket } from './packet/schema';
import { completePacket, customProfile, fixtureReference, FIXTURE_TODAY } from './test-fixtures';

const RUNS = 1000;
const TIMEOUT = 120_000;

/** Evaluates (an exception fails the property) and checks the invariants. */
function evaluateChecked(input: unknown, today = FIXTURE_TODAY): Evaluation {
  const result = evaluateClaim(input, fixtureReference(), today);
  checkEvaluation(result, input);
  return result;
}

// ── Properties ───────────────────────────────────────────────────────────────────────────────────

describe('evaluateClaim never throws and keeps its promises', () => {
  it('for any value at all', () => {
    fc.assert(fc.property(anything, (input) => { evaluateChecked(input); }), { numRuns: RUNS });
  }, TIMEOUT);

  it('for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (input) => { evaluateChecked(input); }), { numRuns: RUNS });
  }, TIMEOUT);

  it('for a packet header with arbitrary values in its fields', () => {
    fc.assert(fc.property(packetShapedAnything, (input) => { evaluateChecked(input); }), { numRuns: RUNS });
  }, TIMEOUT);

  it('for the complete packet with random deep edits (wrong types, huge numbers, unicode, long strings)', () => {
    fc.assert(fc.property(deepEdits, (list) => {
      const packet = applyEdits(MAXIMAL, list);
      checkNarrativeLength(packet, evaluateChecked(packet));
    }), { numRuns: RUNS });
  }, TIMEOUT);

  it('for the complete packet evaluated on any day', () => {
    const anyDay = fc.integer({ min: -40_000, max: 80_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(fc.property(anyDay, (today) => { evaluateChecked(completePacket(), today); }), { numRuns: RUNS });
  }, TIMEOUT);

  it('for a custom profile whose billing unit is 0 mg (no division by zero)', () => {
    const packet = completePacket(customProfile('medicaid-nc', { nocUnits: { basis: 'amount', per: { value: '0', unit: 'mg' } } }));
    evaluateChecked(packet);
  });

  it.each([['not a number', 'abc', 'mg'], ['blank', '', 'mg'], ['of another kind than the dose', '1', 'mL']] as const)(
    'for a custom profile whose billing unit is %s: export is blocked rather than leaving 24G blank',
    (_label, value, unit) => {
      const packet = completePacket(customProfile('medicaid-nc', { nocUnits: { basis: 'amount', per: { value, unit } } }));
      evaluateChecked(packet);
    },
  );

  it('for packets of thousands of drugs, diagnoses, modifiers, ingredients and files: each list beyond what a claim carries is blocked at the list', () => {
    fc.assert(fc.property(thousandsCase, ({ input, today, reference }) => {
      const result = evaluateClaim(input, reference, today);
      checkEvaluation(result, input);
      const packet = input as Required<Pick<ClaimPacket, 'drugs' | 'diagnoses' | 'attachments'>>;
      const pathsOf = (rule: string) => result.findings.filter((f) => f.rule === rule).map((f) => f.path);
      const lines = result.drugs.reduce((n, d) => n + Math.max(1, d.lines.length), 0);
      expect(pathsOf('claim.too-many-lines')).toEqual(lines > CLAIM_SIZE.serviceLines ? ['drugs'] : []);
      expect(pathsOf('dx.too-many')).toEqual(packet.diagnoses.length > CLAIM_SIZE.diagnoses ? ['diagnoses'] : []);
      expect(pathsOf('attachment.too-many')).toEqual(packet.attachments.length > CLAIM_SIZE.attachments ? ['attachments'] : []);
      const repeated = (ids: readonly (string | undefined)[], at: (i: number) => string) => ids.flatMap((id, i) => (ids.indexOf(id) < i ? [at(i)] : []));
      expect(pathsOf('drug.duplicate-id')).toEqual(repeated(packet.drugs.map((d) => d.id), (i) => `drugs.${i}`));
      expect(pathsOf('attachment.duplicate-id')).toEqual(repeated(packet.attachments.map((a) => a.id), (i) => `attachments.${i}.id`));
      if (result.exportable) expect(result.lines.length).toBeLessThanOrEqual(CLAIM_SIZE.serviceLines);
    }), { numRuns: 25 });
  }, TIMEOUT);

  it('the complete packet itself satisfies the invariants', () => {
    expect(evaluateChecked(completePacket()).exportable).toBe(true);
    evaluateChecked(MAXIMAL);
  });
});
