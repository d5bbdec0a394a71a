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
import type { Severity } from './rules';
import { exampleReference, ZExampleReference } from './test-fixtures';

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
  /** Reference data loaded for this example; absent means none (NO_REFERENCE). See `exampleReference`. */
  reference: z.optional(ZExampleReference),
  exportable: z.boolean(),
  decision: z.strictObject({ code: z.nullable(z.string()), kind: z.enum(['unclassified', 'specific', 'not-billable']) }),
  lines: z.array(ZExpectedLine),
  /** Exactly the rule ids found with severity `block`. */
  blocks: z.array(z.string()),
  /** Rule ids that must be among the warnings (others may appear too). */
  warns: z.optional(z.array(z.string())),
  note: z.optional(z.string()),
});
type ExpectedLine = z.infer<typeof ZExpectedLine>;

const readJson = (file: string): unknown => JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'));
const isExpectedFile = (f: string) => f.endsWith('.expected.json');
const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();
const packetNames = files.filter((f) => !isExpectedFile(f)).map((f) => f.slice(0, -'.json'.length));
const expectedNames = files.filter(isExpectedFile).map((f) => f.slice(0, -'.expected.json'.length));

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
  const evaluation = evaluateClaim(packet, exampleReference(expected.reference), expected.today);

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
