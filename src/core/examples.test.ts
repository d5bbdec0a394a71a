/**
 * The worked scenarios of billing-rules §16 as example packets (examples/NN-slug.json), each with the
 * outcome the rules call for (examples/NN-slug.expected.json). Every example is evaluated as of its
 * expected `today`, with the reference data its expected file describes, and checked field by field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { evaluateClaim } from './evaluate';
import type { Evaluation } from './evaluate';
import { ZClaimPacket } from './packet/schema';
import type { DiagnosisStatus, ReferenceData } from './reference';
import { NO_REFERENCE } from './reference';
import type { Severity } from './rules';

const EXAMPLES = resolve(import.meta.dirname, '../../examples');

const ZExpectedLine = z.strictObject({
  code: z.string(),
  modifiers: z.array(z.string()),
  units: z.nullable(z.number()),
  ndc: z.nullable(z.strictObject({ unit: z.string(), quantity: z.nullable(z.string()) })),
  /** Checked only when given: the exact description a scenario prints. */
  narrative: z.optional(z.string()),
});

const ZExpected = z.strictObject({
  scenario: z.string(),
  /** The evaluation date: a realistic submission date shortly after the date of service. */
  today: z.string(),
  /** Reference data loaded for this example; absent means none (NO_REFERENCE). */
  reference: z.optional(z.strictObject({
    /** Present (even empty) means a crosswalk covering every date is loaded. */
    specificCodes: z.optional(z.array(z.strictObject({
      ndc11: z.string(), code: z.string(), descriptor: z.string(), billingUnit: z.optional(z.string()),
      from: z.string(), through: z.optional(z.string()),
    }))),
    /** ICD-10-CM codes (with or without the dot) and their status on the date of service. */
    diagnoses: z.optional(z.record(z.string(), z.strictObject({
      status: z.enum(['billable', 'header', 'not-found']),
      description: z.optional(z.string()),
      billableChildren: z.optional(z.array(z.string())),
    }))),
    /** Present means the Medicaid Drug Rebate Program labeler list is loaded: these labelers take part. */
    rebatingLabelers: z.optional(z.array(z.string())),
  })),
  exportable: z.boolean(),
  decision: z.strictObject({ code: z.nullable(z.string()), kind: z.enum(['unclassified', 'specific', 'not-billable']) }),
  lines: z.array(ZExpectedLine),
  /** Exactly the rule ids found with severity `block`. */
  blocks: z.array(z.string()),
  /** Rule ids that must be among the warnings (others may appear too). */
  warns: z.optional(z.array(z.string())),
  note: z.optional(z.string()),
});
type Expected = z.infer<typeof ZExpected>;
type ExpectedLine = z.infer<typeof ZExpectedLine>;

const readJson = (file: string): unknown => JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'));
const isExpectedFile = (f: string) => f.endsWith('.expected.json');
const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();
const packetNames = files.filter((f) => !isExpectedFile(f)).map((f) => f.slice(0, -'.json'.length));
const expectedNames = files.filter(isExpectedFile).map((f) => f.slice(0, -'.expected.json'.length));

/** A small in-memory ReferenceData answering only what the expected file describes. */
function referenceFrom(r: Expected['reference']): ReferenceData {
  if (r === undefined) return NO_REFERENCE;
  const diagnoses = new Map(Object.entries(r.diagnoses ?? {}).map(([code, d]) => [code.replace('.', ''), d]));
  return {
    ...NO_REFERENCE,
    specificCodes: (ndc11, dos) => r.specificCodes
      ?.filter((c) => c.ndc11 === ndc11 && c.from <= dos && (c.through === undefined || dos <= c.through))
      .map(({ code, descriptor, billingUnit }) => ({ code, descriptor, billingUnit, source: 'example reference data' })),
    diagnosis: (code): DiagnosisStatus | undefined => {
      const d = r.diagnoses === undefined ? undefined : diagnoses.get(code);
      if (d === undefined) return undefined;
      if (d.status === 'not-found') return { status: 'not-found' };
      if (d.status === 'header') return { status: 'header', description: d.description ?? '', billableChildren: d.billableChildren ?? [] };
      return { status: 'billable', description: d.description ?? '' };
    },
    isRebatingLabeler: (labeler) => r.rebatingLabelers?.includes(labeler),
  };
}

/** The parts of the lines an example pins down; the narrative only where the example gives one. */
function lineView(actual: Evaluation['lines'], expected: readonly ExpectedLine[]) {
  return actual.map((l, i) => ({
    code: l.code,
    modifiers: [...l.modifiers].sort(),
    units: l.units,
    ndc: l.ndc === null ? null : { unit: l.ndc.unit, quantity: l.ndc.quantity },
    ...(expected[i]?.narrative === undefined ? {} : { narrative: l.narrative }),
  }));
}
const sortedModifiers = (lines: readonly ExpectedLine[]) => lines.map((l) => ({ ...l, modifiers: [...l.modifiers].sort() }));
const ruleIds = (e: Evaluation, severity: Severity) => [...new Set(e.findings.filter((f) => f.severity === severity).map((f) => f.rule))].sort();

describe('examples folder', () => {
  it('has an expected file for every packet, and a packet for every expected file', () => {
    expect(packetNames.length).toBeGreaterThan(0);
    expect(expectedNames).toEqual(packetNames);
  });
});

describe.each(packetNames)('%s', (name) => {
  const packet = readJson(`${name}.json`);
  const expected = ZExpected.parse(readJson(`${name}.expected.json`));
  const evaluation = evaluateClaim(packet, referenceFrom(expected.reference), expected.today);

  it('parses with ZClaimPacket, with no field left unread', () => {
    const parsed = ZClaimPacket.safeParse(packet);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toEqual(packet);
  });

  it('decides the code', () => {
    expect({ code: evaluation.decision.code, kind: evaluation.decision.kind }).toEqual(expected.decision);
  });

  it('builds the lines', () => {
    expect(lineView(evaluation.lines, expected.lines)).toEqual(sortedModifiers(expected.lines));
  });

  it('blocks exactly the expected rules', () => {
    expect(ruleIds(evaluation, 'block')).toEqual([...new Set(expected.blocks)].sort());
  });

  it('raises the expected warnings', () => {
    expect(ruleIds(evaluation, 'warn')).toEqual(expect.arrayContaining(expected.warns ?? []));
  });

  it(`is ${expected.exportable ? '' : 'not '}exportable`, () => {
    expect(evaluation.exportable).toBe(expected.exportable);
  });
});
