/**
 * Fuzzing (issue 6): 100,000 generated inputs in one run, valid, near-valid and hostile packets
 * (src/test-support/packet-arbitraries.ts), each through `evaluateClaim` and every export the
 * core makes: the JSON export and its reader, the claim-form strings, the 837 fragment and the
 * FHIR Claim. For every input: nothing throws; every finding points at a field of the schema; each
 * export succeeds, or is refused with the claim's blocking findings (or, for an exportable claim,
 * with reasons in sentences); what succeeds is well-formed (printable claim-form boxes, 837
 * segments, a FHIR R4 Claim that validates, a JSON file that reads back to the same packet).
 *
 * The PDF builder takes about 100 ms a packet, a thousand times longer than all of the above
 * together, so it has its own, smaller run of exportable packets with hostile text (every one of
 * which is printed): src/features/export/pdf.fuzz.test.ts.
 */
import type { ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Evaluation } from './evaluate';
import { evaluateClaim } from './evaluate';
import type { ClaimFormStrings } from './export/export-claim';
import { claimFormStrings } from './export/claim-form';
import { fhirClaim } from './export/fhir';
import { buildClaimExport, claimExportJson, readExport } from './export/json-packet';
import type { X12Fragment } from './export/x12';
import { x12Fragment } from './export/x12';
import type { ClaimPacket } from './packet/schema';
import { ZClaimPacket } from './packet/schema';
import { checkEvaluation, checkExport, checkMessage, checkNarrativeLength, holds, typedText } from '../test-support/evaluation-invariants';
import { fhirClaimValidator } from '../test-support/fhir-schema';
import type { Case } from '../test-support/packet-arbitraries';
import { EXPORTABLE_SEEDS, hostileCase, HUGE_OR_DEEP, isPacket, nearValidCase, validCase } from '../test-support/packet-arbitraries';
import { fixtureReference, FIXTURE_TODAY } from './test-fixtures';

/**
 * 100,000 runs in all, split by family. The file takes about two minutes on a 2-core machine
 * (vitest runs the test files one at a time there).
 */
const RUNS = { valid: 30_000, nearValid: 40_000, hostile: 30_000 };
/** A family that runs longer than this stops and fails (shrinking a failure on large inputs can take long). */
const TIME_LIMIT_MS = 300_000;
const TIMEOUT = TIME_LIMIT_MS + 60_000;
const EXPORTED_AT = '2023-03-20T10:00:00.000Z';
/** What a paper-form box or an 837 segment may hold: printable ASCII. */
const PRINTABLE = /^[\x20-\x7E]*$/;
const SEGMENT = /^[A-Z][A-Z0-9]{1,2}\*[\x20-\x7D]*~$/;

let validateFhir: ValidateFunction;
beforeAll(() => {
  validateFhir = fhirClaimValidator();
}, 60_000);

/** How often each outcome happened, so that a run that never reaches an export cannot pass unnoticed. */
interface Tally {
  runs: number;
  exportable: number;
  formWritten: number;
  x12Written: number;
  fhirWritten: number;
  /** Inputs that, saved as a file, the reader took as a claim, and those it refused with a message. */
  filesRead: number;
  filesRefused: number;
}

const newTally = (): Tally => ({ runs: 0, exportable: 0, formWritten: 0, x12Written: 0, fhirWritten: 0, filesRead: 0, filesRefused: 0 });

/** JSON text of a value, when it has one (not a BigInt, a cycle or a function). */
function jsonText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * The JSON export keeps any packet the wizard can hold (drafts included) and reads back to it; the
 * input itself, as a file of its own (even runs) or inside an export file (odd runs), is read as a
 * valid packet or refused with a message.
 */
function checkJson(input: unknown, packet: ClaimPacket | undefined, evaluation: Evaluation, typed: string, tally: Tally): void {
  if (packet !== undefined) {
    const text = claimExportJson(buildClaimExport(packet, evaluation, { exportedAt: EXPORTED_AT, reference: [] }));
    const read = readExport(text);
    holds(read.ok && isDeepStrictEqual(read.packet, JSON.parse(JSON.stringify(packet))), 'the JSON export did not read back to the same packet');
  }
  const text = jsonText(input);
  if (text === undefined) return;
  const read = readExport(tally.runs % 2 === 0 ? text : `{"format":"noc-claim-export","version":1,"exportedAt":"${EXPORTED_AT}","attachments":[],"reference":[],"packet":${text}}`);
  if (read.ok) {
    holds(isPacket(read.packet), 'a claim file read to something that is not a packet');
    tally.filesRead++;
  } else {
    checkMessage(read.message, 'reading a claim file', typed);
    tally.filesRefused++;
  }
}

function checkForm(form: ClaimFormStrings, evaluation: Evaluation): void {
  holds(form.lines.length === evaluation.lines.length, 'claim-form lines are not the claim lines');
  const boxes = form.form === 'CMS-1500'
    ? [form.item19, ...form.lines.flatMap((l) => [l.item24AShaded, l.item24D, l.item24G, l.description])]
    : [form.fl80, ...form.lines.flatMap((l) => [l.fl42, l.fl43, l.fl44, l.fl46, l.description])];
  for (const box of boxes) holds(PRINTABLE.test(box), `claim-form box "${box}"`);
}

function checkX12(fragment: X12Fragment): void {
  holds(fragment.segments.length > 0, 'an empty 837 fragment');
  for (const segment of fragment.segments) holds(SEGMENT.test(segment), `837 segment "${segment}"`);
}

/** One input through the evaluation and every export. */
function runCase({ input, reference, today }: Case, tally: Tally): void {
  const evaluation = evaluateClaim(input, reference, today);
  const typed = typedText(input);
  checkEvaluation(evaluation, input);
  checkNarrativeLength(input, evaluation);
  const parsed = ZClaimPacket.safeParse(input);
  holds(!evaluation.exportable || parsed.success, 'an exportable claim that is not a valid packet');
  // What the wizard holds is a parsed packet; anything else goes to the exports as it is, and must be refused.
  const packet = parsed.success ? parsed.data : (input as ClaimPacket);
  checkJson(input, parsed.success ? parsed.data : undefined, evaluation, typed, tally);
  const form = checkExport('claim-form strings', claimFormStrings(evaluation), evaluation, typed);
  if (form !== undefined) checkForm(form, evaluation);
  const x12 = checkExport('837 fragment', x12Fragment(evaluation), evaluation, typed);
  if (x12 !== undefined) checkX12(x12);
  const fhir = checkExport('FHIR Claim', fhirClaim(packet, evaluation, EXPORTED_AT), evaluation, typed);
  if (fhir !== undefined) holds(validateFhir(fhir), `the FHIR Claim does not validate: ${JSON.stringify(validateFhir.errors?.slice(0, 3))}`);
  tally.runs++;
  if (evaluation.exportable) tally.exportable++;
  if (form !== undefined) tally.formWritten++;
  if (x12 !== undefined) tally.x12Written++;
  if (fhir !== undefined) tally.fhirWritten++;
}

function fuzz(cases: fc.Arbitrary<Case>, numRuns: number): Tally {
  const tally = newTally();
  // A family that takes too long (shrinking a failure can) stops and fails rather than holding up CI.
  fc.assert(fc.property(cases, (c) => runCase(c, tally)), { numRuns, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: true });
  return tally;
}

/**
 * Each family must reach what it is for. The floors are about half the shares measured over the
 * 100,000 runs (exportable: valid 18%, near-valid 14%, hostile 3%; every exportable claim but a few
 * with an odd prior authorization number or account number is written in every format; claim files
 * read: valid 100%, near-valid 59%, hostile 8%, the others refused with a message).
 */
function expectShares(tally: Tally, runs: number, shares: { exportable: number; written: number }): void {
  expect(tally.runs).toBe(runs);
  expect(tally.exportable).toBeGreaterThan(runs * shares.exportable);
  for (const written of [tally.formWritten, tally.x12Written, tally.fhirWritten]) expect(written).toBeGreaterThan(runs * shares.written);
}

describe('fuzzing: evaluateClaim and every core export, 100,000 inputs', () => {
  it('has exportable seeds for the near-valid packets to start from', () => {
    expect(EXPORTABLE_SEEDS.length).toBeGreaterThanOrEqual(15);
  });

  it(`${RUNS.valid.toLocaleString('en-US')} valid packets (the worked examples with free text, sizes, flags and optional parts changed)`, () => {
    const tally = fuzz(validCase, RUNS.valid);
    expectShares(tally, RUNS.valid, { exportable: 0.09, written: 0.08 });
    // Every valid packet is a claim file the reader takes back.
    expect(tally.filesRefused).toBe(0);
  }, TIMEOUT);

  it(`${RUNS.nearValid.toLocaleString('en-US')} near-valid packets (edge quantities and dates, Unicode, right-to-left, emoji, markup, 10,000 characters, wrong types, missing parts, attached files with hostile names, repeated ids or odd fingerprints)`, () => {
    const tally = fuzz(nearValidCase, RUNS.nearValid);
    expectShares(tally, RUNS.nearValid, { exportable: 0.07, written: 0.06 });
    expect(tally.exportable).toBeLessThan(RUNS.nearValid * 0.5);
    expect(tally.filesRead).toBeGreaterThan(RUNS.nearValid * 0.2);
    expect(tally.filesRefused).toBeGreaterThan(RUNS.nearValid * 0.2);
  }, TIMEOUT);

  it(`${RUNS.hostile.toLocaleString('en-US')} hostile inputs (anything, any JSON, wrong values at any depth, prototype keys, deep nesting)`, () => {
    const tally = fuzz(hostileCase, RUNS.hostile);
    expectShares(tally, RUNS.hostile, { exportable: 0.015, written: 0.012 });
    expect(tally.filesRead).toBeGreaterThan(RUNS.hostile * 0.02);
    expect(tally.filesRefused).toBeGreaterThan(RUNS.hostile * 0.5);
  }, TIMEOUT);

  it.each(HUGE_OR_DEEP)('and once each, input too large or too deep for every run: %s', (_name, input) => {
    const tally = newTally();
    runCase({ input, today: FIXTURE_TODAY, reference: fixtureReference() }, tally);
    expect(tally.runs).toBe(1);
  });
});
