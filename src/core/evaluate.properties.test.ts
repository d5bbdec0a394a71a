/**
 * Properties of `evaluateClaim` over arbitrary input (fast-check): it never throws; every finding
 * points at a field of the schema, has a known rule id and a readable message; `exportable` is
 * true exactly when nothing blocks; and what an exportable claim prints is valid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_RULES } from './checklist';
import type { Evaluation } from './evaluate';
import { evaluateClaim } from './evaluate';
import { pathExists } from './packet/paths';
import {
  CARE_SETTINGS, CONTAINER_TYPES, DOCUMENT_KINDS, MARKETING_CATEGORIES, NDC_UNIT_QUALIFIERS, PAYER_KINDS, PRIOR_AUTH_STATUSES,
  QUANTITY_UNITS, ROUTES, THERAPEUTIC_CLASSES,
} from './packet/schema';
import { builtInProfiles } from './payers';
import { RULES } from './rules';
import { completePacket, customProfile, fixtureReference, FIXTURE_TODAY, deepMerge } from './test-fixtures';

const RUNS = 1000;
const TIMEOUT = 120_000;
const KNOWN_RULES = new Set([...Object.values(RULES).map((r) => r.id), ...CHECKLIST_RULES.map((r) => r.id)]);
const JARGON = /undefined|\[object Object\]|NaN|Invalid input|invalid_type|invalid_union|expected (?:string|number|boolean|object|array)|received|Zod/i;
const CLAIM_TEXT = /^[A-Z0-9 &'()+,\-./;=?%]*$/;

/** Everything that must hold for any evaluation, whatever the input. */
function checkInvariants(result: Evaluation): void {
  for (const f of result.findings) {
    expect(pathExists(f.path), `${f.rule} at "${f.path}"`).toBe(true);
    expect(KNOWN_RULES.has(f.rule) || /^packet\.[a-z-]+$/.test(f.rule), f.rule).toBe(true);
    expect(['block', 'warn']).toContain(f.severity);
    expect(f.message.trim(), f.rule).not.toBe('');
    expect(f.message, f.rule).not.toMatch(JARGON);
    expect(f.source.document.trim()).not.toBe('');
  }
  expect(result.exportable).toBe(!result.findings.some((f) => f.severity === 'block'));
  for (const line of result.lines) {
    expect(line.modifiers.includes('JW') && line.modifiers.includes('JZ')).toBe(false);
    if (line.units !== null) expect(Number.isInteger(line.units) && line.units >= 1, `units ${line.units}`).toBe(true);
    if (line.narrative !== null) expect(line.narrative).toMatch(CLAIM_TEXT);
    if (line.ndc?.quantity != null) {
      expect(line.ndc.quantity).toMatch(/^(?:0|[1-9]\d{0,7})(?:\.\d{0,2}[1-9])?$/);
      expect(Number(line.ndc.quantity)).toBeGreaterThan(0);
      expect(line.ndc.ndc11).toMatch(/^\d{11}$/);
    }
  }
  if (result.exportable) {
    // Blank, never invalid: an exportable claim has every printed value.
    expect(result.drugs.length).toBeGreaterThan(0);
    for (const drug of result.drugs) expect(drug.lines.length).toBeGreaterThan(0);
    for (const line of result.lines) {
      expect(line.units).not.toBeNull();
      expect(line.narrative).not.toBeNull();
      expect(line.modifiers.length).toBeLessThanOrEqual(4);
      if (line.ndc !== null) expect(line.ndc.quantity).not.toBeNull();
    }
  }
}

/** An exportable claim's descriptions fit the payer's limit (80 unless a custom profile says otherwise). */
function checkNarrativeLength(input: unknown, result: Evaluation): void {
  if (!result.exportable) return;
  const custom = (input as { payer?: { customProfile?: { narrativeMaxLength?: unknown } } }).payer?.customProfile?.narrativeMaxLength;
  const max = typeof custom === 'number' && custom > 80 ? custom : 80;
  for (const line of result.lines) expect(line.narrative!.length).toBeLessThanOrEqual(max);
}

function evaluateSafely(input: unknown): Evaluation {
  let result: Evaluation | undefined;
  expect(() => { result = evaluateClaim(input, fixtureReference(), FIXTURE_TODAY); }).not.toThrow();
  return result!;
}

// ── Arbitrary values ─────────────────────────────────────────────────────────────────────────────

const anything = fc.anything({
  withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true,
  withObjectString: true, withSparseArray: true, withTypedArray: true, maxDepth: 3,
});

const weirdNumber = fc.oneof(
  fc.double(), fc.integer(), fc.constantFrom(0, -0, 1, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, Number.NaN, Infinity, -Infinity, 0.1),
);
const longString = fc.oneof(
  fc.integer({ min: 81, max: 10_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 25, max: 500 }).map((n) => '9'.repeat(n)),
  fc.integer({ min: 81, max: 300 }).map((n) => 'Ω'.repeat(n)),
  fc.constant(`${'1'.repeat(30)}.5`),
);
const domainText = fc.constantFrom(
  '', ' ', '0', '0.0', '00', '-1', '1e3', '1,5', '1.2.3', '0.0001', '0.0005', '99999999.999', '100000000', '12345678901234567890123', '1.41666666',
  '2024-02-29', '2023-02-29', '2025-10-01', '1969-12-31', '0000-01-01', '9999-12-31', '2024-13-01', '2024-05-06T09:30', '2024-05-06T24:00',
  '0409156029', '0409-1560-29', '73150-0150-06', 'N4 73150015006', '123456-7890-12', '*0409-1560-29',
  'JW', 'JZ', 'jz', 'GA', 'GY', 'Q1', 'KX', '25', 'JG', 'TB', 'ZZ', 'J3490', 'C9399', 'Q9977', 'J7999', 'A0', '1234567893', '1234567890',
  'G35', 'G35.A', 'Z00.6', 'NCT01234567', '__proto__', 'constructor', '😀💉', 'e\u0301', '\u0000', '\uD800',
  ...CARE_SETTINGS, ...PAYER_KINDS, ...MARKETING_CATEGORIES, ...ROUTES, ...THERAPEUTIC_CLASSES, ...QUANTITY_UNITS, ...NDC_UNIT_QUALIFIERS,
  ...CONTAINER_TYPES, ...PRIOR_AUTH_STATUSES, ...DOCUMENT_KINDS, ...builtInProfiles().map((p) => p.id),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: domainText },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: longString },
  { weight: 2, arbitrary: weirdNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, [], {}, [[]], [{}]) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

// ── Mutating the complete packet ─────────────────────────────────────────────────────────────────

/** The complete packet with every optional part filled, so that random edits reach every field. */
const maximal = deepMerge(completePacket({
  ...customProfile('medicaid-nc', { timelyFiling: { days: 365 } }),
  providers: { ordering: { npi: '1245319599', name: 'Ann Order', credentials: 'NP' } },
  clinicalTrial: { nctNumber: 'NCT01234567', isQualifyingTrial: false },
  diagnoses: [{ code: 'G35' }, { code: 'Z00.6' }],
  attachments: [{ id: 'a1', drugId: 'drug-1', kind: 'invoice', fileName: 'inv.pdf', mediaType: 'application/pdf', size: 1200, sha256: 'a'.repeat(64) }],
  drugs: [{
    compoundIngredients: [{ name: 'Morphine', ndc: '0409-1560-29', amount: { value: '10', unit: 'mg' } }],
    ndcUnitOverride: 'ML', hcpcsUnitsOverride: '100', narrativeOverride: 'BRIUMVI 100MG IV NDC 73150015006',
    priorAuth: { status: 'approved', number: 'PA-1', validFrom: '2023-01-01', validThrough: '2023-12-31' },
    codeOverride: { code: 'J3590', reason: 'same' }, isOffLabel: true, offLabelRationale: 'Compendium',
  }],
}), {}) as Record<string, unknown>;

/** Every path in a value, objects and lists included. */
function pathsOf(v: unknown, prefix: string[] = []): string[][] {
  const here = prefix.length === 0 ? [] : [prefix];
  if (typeof v !== 'object' || v === null) return here;
  return [...here, ...Object.entries(v).flatMap(([k, child]) => pathsOf(child, [...prefix, k]))];
}
const PATHS = pathsOf(maximal);

function setAt(root: Record<string, unknown>, path: readonly string[], v: unknown, remove: boolean): void {
  let node: Record<string, unknown> = root;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else node[last] = v;
}

const edit = fc.record({
  path: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...PATHS) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom('0', '1', '5', 'extra', '__proto__')).map(([p, k]) => [...p, k]) },
  ),
  value,
  remove: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

/** Random edits; the packet is built inside the property so that a failure reports the edits only. */
const edits = fc.array(edit, { minLength: 1, maxLength: 8 });

function applyEdits(list: readonly { path: string[]; value: unknown; remove: boolean }[]): Record<string, unknown> {
  const packet = deepMerge(maximal, {}) as Record<string, unknown>;
  for (const e of list) setAt(packet, e.path, e.value, e.remove);
  return packet;
}

/** A packet header that passes the first gate, with arbitrary values where the fields go. */
const packetShapedAnything = fc.record({
  top: fc.dictionary(fc.constantFrom('id', 'careSetting', 'payer', 'dates', 'patient', 'providers', 'diagnoses', 'clinicalTrial', 'attachments', 'extra'), anything),
  drugs: fc.array(fc.dictionary(fc.constantFrom(...Object.keys((maximal.drugs as Record<string, unknown>[])[0]!)), anything), { maxLength: 3 }),
}).map(({ top, drugs }) => ({ ...top, format: 'noc-claim-packet', version: 1, drugs }));

// ── Properties ───────────────────────────────────────────────────────────────────────────────────

describe('evaluateClaim never throws and keeps its promises', () => {
  it('for any value at all', () => {
    fc.assert(fc.property(anything, (input) => checkInvariants(evaluateSafely(input))), { numRuns: RUNS });
  }, TIMEOUT);

  it('for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (input) => checkInvariants(evaluateSafely(input))), { numRuns: RUNS });
  }, TIMEOUT);

  it('for a packet header with arbitrary values in its fields', () => {
    fc.assert(fc.property(packetShapedAnything, (input) => checkInvariants(evaluateSafely(input))), { numRuns: RUNS });
  }, TIMEOUT);

  it('for the complete packet with random deep edits (wrong types, huge numbers, unicode, long strings)', () => {
    fc.assert(fc.property(edits, (list) => {
      const packet = applyEdits(list);
      const result = evaluateSafely(packet);
      checkInvariants(result);
      checkNarrativeLength(packet, result);
    }), { numRuns: RUNS });
  }, TIMEOUT);

  it('for the complete packet evaluated on any day', () => {
    const anyDay = fc.integer({ min: -40_000, max: 80_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(fc.property(anyDay, (today) => {
      let result: Evaluation | undefined;
      expect(() => { result = evaluateClaim(completePacket(), fixtureReference(), today); }).not.toThrow();
      checkInvariants(result!);
    }), { numRuns: RUNS });
  }, TIMEOUT);

  it('for a custom profile whose billing unit is 0 mg (no division by zero)', () => {
    const packet = completePacket(customProfile('medicaid-nc', { nocUnits: { basis: 'amount', per: { value: '0', unit: 'mg' } } }));
    checkInvariants(evaluateSafely(packet));
  });

  it.each([['not a number', 'abc', 'mg'], ['blank', '', 'mg'], ['of another kind than the dose', '1', 'mL']] as const)(
    'for a custom profile whose billing unit is %s: export is blocked rather than leaving 24G blank',
    (_label, value, unit) => {
      const packet = completePacket(customProfile('medicaid-nc', { nocUnits: { basis: 'amount', per: { value, unit } } }));
      checkInvariants(evaluateSafely(packet));
    },
  );

  it('the complete packet itself satisfies the invariants', () => {
    checkInvariants(evaluateSafely(completePacket()));
    checkInvariants(evaluateSafely(maximal));
  });
});
