/**
 * Claim packets for the property tests and the fuzzing (fast-check), in three families, each case
 * with the day and the reference data it is evaluated with:
 * - **valid**: schema-valid packets grown from every worked example (examples/) and the complete
 *   test packet by edits that keep them valid (any text where text is free, sizes, flags, optional
 *   parts removed);
 * - **near-valid**: an exportable packet with a few values pushed to the edge: zero, negative and
 *   huge quantities, dates in 1900 and 2999, Unicode, right-to-left text, emoji, HTML and script,
 *   10,000-character strings, wrong types, missing parts, no drug or several;
 * - **hostile**: anything at all, any JSON, a packet header with arbitrary values in its fields,
 *   the complete packet with wrong values at any depth, prototype keys, deep nesting;
 * and, for the slow PDF builder, exportable packets whose free text is hostile; file names an
 * attachment could have (paths out of the folder, links, special files: see attachment-folder.ts);
 * and packets of thousands of drugs, diagnoses, modifiers, ingredients and attached files.
 * Test-only code (tsconfig.test.json); the app never imports it.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateClaim } from '../core/evaluate';
import type { ClaimPacket } from '../core/packet/schema';
import {
  CARE_SETTINGS, CONTAINER_TYPES, DOCUMENT_KINDS, MARKETING_CATEGORIES, NDC_UNIT_QUALIFIERS, PAYER_KINDS, PRIOR_AUTH_STATUSES,
  QUANTITY_UNITS, ROUTES, THERAPEUTIC_CLASSES, ZClaimPacket,
} from '../core/packet/schema';
import { builtInProfiles } from '../core/payers';
import type { ReferenceData } from '../core/reference';
import type { ExampleReference } from '../core/test-fixtures';
import {
  completePacket, customProfile, deepMerge, exampleReference, FIXTURE_REFERENCE_DATA, fixtureReference, FIXTURE_TODAY, memoryReference, packetOn, plusDays,
} from '../core/test-fixtures';
import { FOLDER_ENTRIES } from './attachment-folder';

/** What one run evaluates: the input (a packet or anything else), as of `today`, against `reference`. */
export interface Case {
  readonly input: unknown;
  readonly today: string;
  readonly reference: ReferenceData;
}

/** A starting packet with the day and the reference data its outcome was worked out for. */
export interface Seed {
  readonly name: string;
  readonly packet: ClaimPacket;
  readonly today: string;
  readonly reference: ReferenceData;
}

type Path = readonly (string | number)[];

/**
 * The fixture's reference data with a HCPCS file whose descriptors name the complete packet's
 * drug (J2329, ublituximab-xiiy, from 7/1/2023) and others, so that the name check reads every
 * generated name.
 */
const namedReference = () => memoryReference({
  ...FIXTURE_REFERENCE_DATA,
  hcpcs: {
    J2329: { descriptor: 'Injection, ublituximab-xiiy, 1mg', effective: '2023-07-01' },
    Q5117: { descriptor: 'Injection, trastuzumab-anns, biosimilar, (kanjinti), 10 mg', effective: '2019-10-01' },
    J0134: { descriptor: 'Injection, acetaminophen (fresenius kabi), not therapeutically equivalent to j0131, 10 mg', effective: '2023-01-01' },
    Q5102: { descriptor: 'Injection, infliximab, biosimilar, 10 mg', effective: '2016-07-01', terminated: '2018-03-31' },
  },
});
const NAMED_DATE = '2023-08-07';

// ── Seeds ────────────────────────────────────────────────────────────────────────────────────────

const EXAMPLES = join(import.meta.dirname, '../../examples');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'));

/** Every example packet (as of its expected "today", with the reference data its expected file describes) and the complete test packet. */
export const SEEDS: readonly Seed[] = [
  ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json')).sort().map((f) => {
    const expected = readJson(f.replace(/\.json$/, '.expected.json')) as { today: string; reference?: ExampleReference };
    return { name: f, packet: readJson(f) as ClaimPacket, today: expected.today, reference: exampleReference(expected.reference) };
  }),
  {
    name: 'complete packet with a custom profile and an ordering provider',
    packet: completePacket({
      ...customProfile('medicaid-nc', { timelyFiling: { days: 365 } }),
      providers: { ordering: { npi: '1245319599', name: 'Ann Order', credentials: 'NP' } },
    }),
    today: FIXTURE_TODAY,
    reference: fixtureReference(),
  },
  { name: 'complete packet whose drug a HCPCS descriptor names (J2329 from 7/1/2023)', packet: packetOn(NAMED_DATE), today: plusDays(NAMED_DATE, 10), reference: namedReference() },
  {
    name: 'the same, the code set aside with a reason',
    packet: packetOn(NAMED_DATE, { drugs: [{ dismissedCodeMatch: { codes: ['J2329'], reason: 'Another formulation' } }] }),
    today: plusDays(NAMED_DATE, 10),
    reference: namedReference(),
  },
];

const isExportable = (seed: Seed, packet: unknown = seed.packet) => evaluateClaim(packet, seed.reference, seed.today).exportable;

/** The seeds that are exportable as they stand: where near-valid edits start. */
export const EXPORTABLE_SEEDS: readonly Seed[] = SEEDS.filter((s) => isExportable(s));

// ── Paths and edits ──────────────────────────────────────────────────────────────────────────────

/** Every leaf (a value that is not an object or a list) with its path. */
function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (typeof value !== 'object' || value === null) return [{ path, value }];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, Array.isArray(value) ? Number(k) : k]));
}

/** Every path in a value, objects and lists included (not the root). */
function allPaths(value: unknown, prefix: Path = []): Path[] {
  const here = prefix.length === 0 ? [] : [prefix];
  if (typeof value !== 'object' || value === null) return here;
  return [...here, ...Object.entries(value).flatMap(([k, child]) => allPaths(child, [...prefix, Array.isArray(value) ? Number(k) : k]))];
}

/** A copy of `root` with the value at `path` replaced (`undefined`: removed); `root` itself when the path is gone. */
function withValue(root: unknown, path: Path, value: unknown): unknown {
  const copy = deepMerge(root, {}) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) return root;
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  // An own property even for "__proto__", as JSON.parse makes it from a file (assigning it would
  // replace the prototype instead: a list would lose its methods).
  if (value === undefined) delete node[last];
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A list of edits, applied in turn; the seed is copied, never changed. */
export interface Edit {
  readonly path: Path;
  readonly value: unknown;
}

/** The seed with the edits applied in turn; an edit is dropped when `keep` refuses its result. */
export function applyEdits(seed: unknown, edits: readonly Edit[], keep: (packet: unknown) => boolean = () => true): unknown {
  let packet = seed;
  for (const e of edits) {
    const next = withValue(packet, e.path, e.value);
    if (keep(next)) packet = next;
  }
  return packet;
}

export const isPacket = (value: unknown): boolean => ZClaimPacket.safeParse(value).success;

// ── Values ───────────────────────────────────────────────────────────────────────────────────────

/** Ten thousand characters of one kind (letters, Arabic, emoji, markup, digits). */
const tenThousand = fc.constantFrom('A', 'ش', '💉', '<script>', '9', 'é ').map((unit) => unit.repeat(Math.ceil(10_000 / unit.length)).slice(0, 10_000));

/** Text a biller might paste, and text an attacker might. */
const EDGE_TEXT = [
  '', ' ', '\t\n', '\r\n', '0', '-1', '-0.5', '0.0000001', '1e308', '-1e308', '99999999999999999999', 'NaN', 'Infinity', '1,5', '１２３',
  // Right-to-left, bidirectional overrides, combining marks, invisible characters.
  'مرحبا بالعالم', 'עברית', '\u202Egnp.exe\u202C', '\u200F\u200E', 'e\u0301', 'Z\u0351\u0337\u0353', '\u200B', '\uFEFF', 'ǅ', 'ß', 'İ',
  // Scripts that each take another shaping engine: Tifinagh, Devanagari, Thai, Hangul, Han.
  'ⵜⴰⵎⴰⵣⵉⵖⵜ', 'हिन्दी', 'ภาษาไทย', '한국어', '中文',
  // Emoji: single, joined, flags and skin tones.
  '💉😀', '👨‍👩‍👧‍👦', '🏳️‍🌈', '👍🏽', '🇺🇸',
  // Markup, script and injection.
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', 'javascript:alert(1)', '{{constructor.constructor("alert(1)")()}}',
  '${7*7}', "' OR 1=1 --", '</script><script>alert(1)</script>', '&lt;b&gt;', '%00', '\\', '"', '\u0000', '\u001B[31m', '\uD800', '\uFFFD',
  // Delimiters of the claim formats, and words that are not what they look like.
  '*', ':', '~', '^', '|', 'N4', 'JW', 'JZ', '__proto__', 'constructor', 'undefined', 'null',
] as const;

const edgeText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...EDGE_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: tenThousand },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...EDGE_TEXT), fc.constantFrom('BRIUMVI ', 'Dana Lee ', 'ACCT-1 ')).map(([a, b]) => b + a) },
);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const NUMBER_TEXT = /^-?\d+(?:\.\d+)?$/;

const edgeDate = fc.constantFrom('1900-01-01', '1899-12-31', '2999-12-31', '3000-01-01', '0000-01-01', '9999-12-31', '2024-02-30', '2023-13-01', '20230310', '03/10/2023', '2023-3-1');
const edgeDateTime = fc.constantFrom('1900-01-01T00:00', '2999-12-31T23:59', '2023-03-10T24:00', '2023-03-10T09:60', '2023-03-10', '2023-03-10 09:30', '2023-03-10T09:30:00Z');
const edgeNumberText = fc.constantFrom('0', '-0', '00', '-1', '-150', '0.0001', '0.001', '1e3', '1E-7', '150.', '.5', '99999999', '100000000', '1e308', '12345678901234567890.123', '1.41666666666666666666');
const edgeNumber = fc.constantFrom(0, -0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, Number.NaN, Infinity, -Infinity);

/** A value of the wrong type for wherever it lands. */
const wrongType = fc.constantFrom<unknown>(null, 0, -1, 1e308, true, false, '', 'x', [], {}, [[]], [{}], { value: '1' }, ['JW']);

/** An edge value for a leaf, shaped after the value it replaces. */
function edgeFor(current: unknown): fc.Arbitrary<unknown> {
  if (typeof current === 'string') {
    if (DATE.test(current)) return fc.oneof({ weight: 3, arbitrary: edgeDate }, { weight: 1, arbitrary: edgeText });
    if (DATE_TIME.test(current)) return fc.oneof({ weight: 3, arbitrary: edgeDateTime }, { weight: 1, arbitrary: edgeText });
    if (NUMBER_TEXT.test(current)) return fc.oneof({ weight: 3, arbitrary: edgeNumberText }, { weight: 1, arbitrary: edgeText });
    return edgeText;
  }
  if (typeof current === 'number') return edgeNumber;
  if (typeof current === 'boolean') return fc.oneof(fc.boolean(), fc.constantFrom('true', 'no', 1));
  return wrongType;
}

// ── Valid packets ────────────────────────────────────────────────────────────────────────────────

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('', ' ', '😀💉', 'e\u0301', '\u0000', '"\\</script>'));

/** The edits that keep a seed valid: any text where text is free (told from choices by trying), sizes, flags, removals. */
function validEdits(seed: ClaimPacket) {
  const all = leaves(seed);
  const free = all.filter((l) => typeof l.value === 'string' && isPacket(withValue(seed, l.path, 'any text ✓'))).map((l) => l.path);
  const sizes = all.filter((l) => l.path.at(-1) === 'size').map((l) => l.path);
  const flags = all.filter((l) => typeof l.value === 'boolean').map((l) => l.path);
  const optional = allPaths(seed).filter((path) => isPacket(withValue(seed, path, undefined)));
  const kinds = [[free, anyText], [sizes, fc.nat()], [flags, fc.boolean()], [optional, fc.constant(undefined)]] as const;
  return {
    counts: { free: free.length, sizes: sizes.length, flags: flags.length, optional: optional.length },
    edit: fc.oneof(...kinds.filter(([paths]) => paths.length > 0)
      .map(([paths, value]) => fc.record({ path: fc.constantFrom(...paths), value: value as fc.Arbitrary<unknown> }))),
  };
}

const VALID_EDITS = SEEDS.map((s) => validEdits(s.packet));

/** How many paths of each kind the valid edits reach, over all seeds. */
export function validEditCounts(): { free: number; sizes: number; flags: number; optional: number } {
  const total = (key: 'free' | 'sizes' | 'flags' | 'optional') => VALID_EDITS.reduce((n, e) => n + e.counts[key], 0);
  return { free: total('free'), sizes: total('sizes'), flags: total('flags'), optional: total('optional') };
}

/**
 * A schema-valid packet: a seed with up to 12 edits, each valid on its own (an edit below a part an
 * earlier one removed is dropped), so that their sum is valid too.
 */
export const validCase: fc.Arbitrary<Case> = fc.integer({ min: 0, max: SEEDS.length - 1 }).chain((i) => {
  const seed = SEEDS[i]!;
  return fc.array(VALID_EDITS[i]!.edit, { maxLength: 12 })
    .map((edits): Case => ({ input: applyEdits(seed.packet, edits), today: seed.today, reference: seed.reference }));
});

// ── Attachment file names (the command line's --attachments folder) ──────────────────────────────

/**
 * File names a claim file could list for its attachments: the names in the test folder
 * (src/test-support/attachment-folder.ts: files, a folder, a FIFO, links), paths out of the folder
 * in both separators, names of nothing, and any text.
 */
export const attachmentFileName: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...Object.keys(FOLDER_ENTRIES)) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '', '.', '..', '../outside/secret.pdf', '..\\outside\\secret.pdf', 'link-folder/secret.pdf', './invoice.pdf', 'invoice.pdf/', 'scans/',
      '/etc/passwd', '../../../../etc/passwd', '../dev/zero', '/dev/zero', 'C:\\Windows\\win.ini', 'invoice.pdf\u0000', 'missing.pdf',
      'INVOICE.PDF', ' invoice.pdf', '%2e%2e%2foutside%2fsecret.pdf', '..pdf', 'x'.repeat(300),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(
      fc.array(fc.constantFrom('..', '.', '', 'files', 'outside', 'secret.pdf', 'invoice.pdf', 'link-folder'), { minLength: 2, maxLength: 5 }),
      fc.constantFrom('/', '\\'),
    ).map(([parts, separator]) => parts.join(separator)),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

/** An attached file as a claim file from elsewhere might list it: any name, drug, kind, size and fingerprint. */
const listedAttachment = fc.record({
  drugId: fc.constantFrom('drug-1', 'drug-2', 'other', ''),
  kind: fc.constantFrom(...DOCUMENT_KINDS),
  fileName: attachmentFileName,
  mediaType: fc.constantFrom('application/pdf', 'image/png', 'text/html', ''),
  size: fc.nat(),
  sha256: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.constantFrom('', 'zz', 'A'.repeat(64), 'a'.repeat(65))),
}, { requiredKeys: [] });


// ── Near-valid packets ───────────────────────────────────────────────────────────────────────────

/** Drugs: none, the same one twice, or five of them. */
function drugLists(seed: ClaimPacket): fc.Arbitrary<Edit> {
  const drug = seed.drugs?.[0] ?? {};
  return fc.constantFrom<Edit>(
    { path: ['drugs'], value: [] },
    { path: ['drugs'], value: [drug, { ...drug, id: 'drug-2' }] },
    { path: ['drugs'], value: Array.from({ length: 5 }, (_, i) => ({ ...drug, id: `drug-${i + 1}` })) },
  );
}

/** Attached files as another system might list them: hostile names, repeated ids, odd fingerprints, more than ten. */
const attachmentLists: fc.Arbitrary<Edit> = fc.array(fc.record({ id: fc.constantFrom('att-1', 'att-2', 'att-3'), file: listedAttachment }), { minLength: 1, maxLength: 12 })
  .map((list): Edit => ({ path: ['attachments'], value: list.map(({ id, file }) => ({ ...file, id })) }));

function nearValidEdits(seed: ClaimPacket): fc.Arbitrary<Edit> {
  const all = leaves(seed).filter((l) => l.path.length > 0);
  const paths = allPaths(seed);
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...all).chain((l) => edgeFor(l.value).map((value): Edit => ({ path: l.path, value }))) },
    { weight: 2, arbitrary: fc.constantFrom(...paths).map((path): Edit => ({ path, value: undefined })) },
    { weight: 1, arbitrary: drugLists(seed) },
    { weight: 1, arbitrary: attachmentLists },
  );
}

const NEAR_VALID_EDITS = EXPORTABLE_SEEDS.map((s) => nearValidEdits(s.packet));

/** An exportable seed with one to four values pushed to the edge (the packet may stop being valid). */
export const nearValidCase: fc.Arbitrary<Case> = fc.integer({ min: 0, max: EXPORTABLE_SEEDS.length - 1 }).chain((i) => {
  const seed = EXPORTABLE_SEEDS[i]!;
  return fc.array(NEAR_VALID_EDITS[i]!, { minLength: 1, maxLength: 4 })
    .map((edits): Case => ({ input: applyEdits(seed.packet, edits), today: seed.today, reference: seed.reference }));
});

// ── Hostile input ────────────────────────────────────────────────────────────────────────────────

export const anything = fc.anything({
  withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true,
  withObjectString: true, withSparseArray: true, withTypedArray: true, maxDepth: 3,
});

const weirdNumber = fc.oneof(fc.double(), fc.integer(), edgeNumber, fc.constantFrom(1, 0.1));
const longString = fc.oneof(
  fc.integer({ min: 81, max: 10_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 25, max: 500 }).map((n) => '9'.repeat(n)),
  fc.integer({ min: 81, max: 300 }).map((n) => 'Ω'.repeat(n)),
  fc.constant(`${'1'.repeat(30)}.5`),
  tenThousand,
);
/** Values that mean something somewhere in a packet: choices, codes, dates, NDCs, amounts. */
const domainText = fc.constantFrom(
  '', ' ', '0', '0.0', '00', '-1', '1e3', '1,5', '1.2.3', '0.0001', '0.0005', '99999999.999', '100000000', '12345678901234567890123', '1.41666666',
  '2024-02-29', '2023-02-29', '2025-10-01', '1969-12-31', '1900-01-01', '2999-12-31', '0000-01-01', '9999-12-31', '2024-13-01', '2024-05-06T09:30', '2024-05-06T24:00',
  '0409156029', '0409-1560-29', '73150-0150-06', 'N4 73150015006', '123456-7890-12', '*0409-1560-29',
  'JW', 'JZ', 'jz', 'GA', 'GY', 'Q1', 'KX', '25', 'JG', 'TB', 'ZZ', 'J3490', 'C9399', 'Q9977', 'J7999', 'A0', '1234567893', '1234567890',
  'G35', 'G35.A', 'Z00.6', 'NCT01234567', '__proto__', 'constructor', '😀💉', 'e\u0301', '\u0000', '\uD800',
  ...CARE_SETTINGS, ...PAYER_KINDS, ...MARKETING_CATEGORIES, ...ROUTES, ...THERAPEUTIC_CLASSES, ...QUANTITY_UNITS, ...NDC_UNIT_QUALIFIERS,
  ...CONTAINER_TYPES, ...PRIOR_AUTH_STATUSES, ...DOCUMENT_KINDS, ...builtInProfiles().map((p) => p.id),
);
/** Any value a field could be given: meaningful text, edge text, long text, odd numbers, wrong types, JSON. */
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: domainText },
  { weight: 2, arbitrary: edgeText },
  { weight: 1, arbitrary: longString },
  { weight: 2, arbitrary: weirdNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: wrongType },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** The complete packet with every optional part filled, so that random edits reach every field. */
export const MAXIMAL = deepMerge(completePacket({
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
    specificCodeChoice: 'J2329', dismissedCodeMatch: { codes: ['J2329'], reason: 'Another salt' },
  }],
}), {}) as Record<string, unknown>;

const MAXIMAL_PATHS = allPaths(MAXIMAL);
const MAXIMAL_DRUG = (MAXIMAL.drugs as Record<string, unknown>[])[0]!;

/** A random edit of the maximal packet: any value (or none) at any path, or one level below it. */
const deepEdit: fc.Arbitrary<Edit> = fc.record({
  path: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...MAXIMAL_PATHS) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...MAXIMAL_PATHS), fc.constantFrom('0', '1', '5', 'extra', '__proto__')).map(([p, k]) => [...p, k]) },
  ),
  value: fc.oneof({ weight: 4, arbitrary: fieldValue }, { weight: 1, arbitrary: fc.constant(undefined) }),
});

/** One to eight deep edits; a property builds the packet itself, so that a failure reports the edits only. */
export const deepEdits = fc.array(deepEdit, { minLength: 1, maxLength: 8 });

/** A packet header that passes the first gate, with arbitrary values where the fields go. */
export const packetShapedAnything = fc.record({
  top: fc.dictionary(fc.constantFrom('id', 'careSetting', 'payer', 'dates', 'patient', 'providers', 'diagnoses', 'clinicalTrial', 'attachments', 'extra'), anything),
  drugs: fc.array(fc.dictionary(fc.constantFrom(...Object.keys((MAXIMAL.drugs as Record<string, unknown>[])[0]!)), anything), { maxLength: 3 }),
}).map(({ top, drugs }) => ({ ...top, format: 'noc-claim-packet', version: 1, drugs }));

/** Files that are JSON but were written to hurt: prototype keys, odd versions, deep nesting, huge lists. */
const hostileJson = fc.constantFrom(
  '{"format":"noc-claim-packet","version":1,"__proto__":{"exportable":true,"drugs":[{}]}}',
  '{"format":"noc-claim-packet","version":1,"drugs":[{"__proto__":{"brandName":"X"},"constructor":{"prototype":{"polluted":true}}}]}',
  '{"format":"noc-claim-packet","version":"1"}', '{"format":"noc-claim-packet","version":1.0000000000000002}',
  '{"format":"noc-claim-packet","version":2}', '{"format":"noc-claim-packet","version":-1}', '{"format":"noc-claim-packet","version":1e999}',
  '{"format":"noc-claim-export","version":1,"packet":{"format":"noc-claim-packet","version":1}}', '{"format":"NOC-CLAIM-PACKET","version":1}',
).map((text) => JSON.parse(text) as unknown);

/** Lists and objects nested `depth` deep (a pasted file can be anything). */
const nested = (depth: number, leaf: unknown): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { drugs: v };
  return v;
};

/** Packets too large or too deep for every run (each takes tens of milliseconds): run once each. */
export const HUGE_OR_DEEP: readonly (readonly [string, unknown])[] = [
  ['drugs nested 2,000 deep', { format: 'noc-claim-packet', version: 1, drugs: nested(2_000, {}) }],
  ['5,000 diagnoses', { ...MAXIMAL, diagnoses: Array.from({ length: 5_000 }, (_, i) => ({ code: `Z${i}` })) }],
  ['200 drugs with 50 modifiers each', { ...MAXIMAL, drugs: Array.from({ length: 200 }, () => ({ ...(MAXIMAL.drugs as object[])[0], modifiers: Array(50).fill('JW') })) }],
  ['a packet format nested 2,000 deep', nested(2_000, 'noc-claim-packet')],
  ['every text field 10,000 characters long', JSON.parse(JSON.stringify(MAXIMAL, (_k, v: unknown) => (typeof v === 'string' && v !== 'noc-claim-packet' ? 'ش'.repeat(10_000) : v)))],
  ['a 200,000-character account number', { ...MAXIMAL, patient: { accountReference: '7'.repeat(200_000) } }],
  ['5,000 drugs', { ...MAXIMAL, drugs: Array.from({ length: 5_000 }, (_, i) => ({ ...MAXIMAL_DRUG, id: `drug-${i}` })) }],
  ['5,000 drugs with one id', { ...MAXIMAL, drugs: Array.from({ length: 5_000 }, () => ({ ...MAXIMAL_DRUG })) }],
  ['20,000 modifiers and 20,000 compound ingredients on one drug', { ...MAXIMAL, drugs: [{
    ...MAXIMAL_DRUG,
    modifiers: Array.from({ length: 20_000 }, (_, i) => `U${i % 10}`),
    compoundIngredients: Array.from({ length: 20_000 }, (_, i) => ({ name: `Ingredient ${i}`, amount: { value: '1', unit: 'mg' } })),
  }] }],
  ['5,000 attached files with hostile names, repeated ids and odd fingerprints', { ...MAXIMAL, attachments: Array.from({ length: 5_000 }, (_, i) => ({
    id: `file-${i % 50}`, kind: DOCUMENT_KINDS[i % DOCUMENT_KINDS.length], mediaType: 'application/pdf', size: i,
    fileName: ['../../etc/passwd', '..', '', 'a/b.pdf', 'c\\d.pdf', 'ok.pdf'][i % 6], sha256: ['zz', '', 'f'.repeat(64)][i % 3],
  })) }],
];

/** Hostile input of every kind. */
export const hostileCase: fc.Arbitrary<Case> = fc.oneof(
  { weight: 2, arbitrary: anything },
  { weight: 2, arbitrary: fc.jsonValue() },
  { weight: 2, arbitrary: packetShapedAnything },
  { weight: 6, arbitrary: deepEdits.map((edits) => applyEdits(MAXIMAL, edits)) },
  { weight: 1, arbitrary: hostileJson },
).map((input): Case => ({ input, today: FIXTURE_TODAY, reference: namedReference() }));

// ── Exportable packets with hostile text (for the slow PDF builder) ──────────────────────────────

/** Text that probes a field: markup, right-to-left, an emoji and a combining accent. */
const PROBE = '<script>alert(1)</script> \u202Eעברית 💉 e\u0301';

/** For each exportable seed, the text fields that take any text and leave the claim exportable. */
function printableTextPaths(seed: Seed): Path[] {
  return leaves(seed.packet).filter((l) => typeof l.value === 'string' && isExportable(seed, withValue(seed.packet, l.path, PROBE))).map((l) => l.path);
}

/**
 * An exportable packet whose free text (names, reasons, notes, file names, the account number) is
 * hostile: every case is exported, so the PDF builder prints all of it. Computed on first use.
 */
export function exportableHostileTextCase(): fc.Arbitrary<Case> {
  const seeds = EXPORTABLE_SEEDS.map((seed) => ({ seed, paths: printableTextPaths(seed) })).filter((s) => s.paths.length > 0);
  return fc.integer({ min: 0, max: seeds.length - 1 }).chain((i) => {
    const { seed, paths } = seeds[i]!;
    const edit = fc.record({ path: fc.constantFrom(...paths), value: edgeText });
    return fc.array(edit, { minLength: 1, maxLength: 6 })
      .map((edits): Case => ({ input: applyEdits(seed.packet, edits, (p) => isExportable(seed, p)), today: seed.today, reference: seed.reference }));
  });
}

// ── Packets of thousands of entries ──────────────────────────────────────────────────────────────

/** How many entries each list of a large packet has: within what a claim carries, or far beyond it. */
const listSize = (within: number, beyond: number) => fc.oneof(fc.integer({ min: 0, max: within }), fc.integer({ min: within + 1, max: beyond }));

/**
 * The complete packet with thousands of entries in its lists: drugs (ids repeated in some runs),
 * diagnoses, modifiers on the first drug, compound ingredients, and attached files with hostile
 * names (a few generated ones repeated). Each evaluation takes up to a second: for a few runs.
 */
export const thousandsCase: fc.Arbitrary<Case> = fc.record({
  drugs: listSize(25, 5_000),
  diagnoses: listSize(12, 5_000),
  modifiers: listSize(4, 5_000),
  ingredients: listSize(3, 5_000),
  attachments: listSize(10, 5_000),
  listed: fc.array(listedAttachment, { minLength: 1, maxLength: 20 }),
  repeatIds: fc.boolean(),
}).map((n): Case => {
  const id = (prefix: string, i: number) => (n.repeatIds ? `${prefix}-${i % 7}` : `${prefix}-${i}`);
  const drugs: Record<string, unknown>[] = Array.from({ length: Math.max(1, n.drugs) }, (_, i) => ({ ...MAXIMAL_DRUG, id: id('drug', i) }));
  drugs[0] = {
    ...drugs[0]!,
    modifiers: Array.from({ length: n.modifiers }, (_, i) => ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'KX', 'GA', 'JW', '25', 'ZZ', 'x'][i % 12]!),
    compoundIngredients: Array.from({ length: n.ingredients }, (_, i) => ({ name: `Ingredient ${i}`, ndc: '0409-1560-29', amount: { value: String(i + 1), unit: 'mg' } })),
  };
  return {
    input: {
      ...MAXIMAL,
      drugs,
      diagnoses: Array.from({ length: n.diagnoses }, (_, i) => ({ code: `Z${String(i % 100).padStart(2, '0')}.${i % 10}` })),
      attachments: Array.from({ length: n.attachments }, (_, i) => ({ ...n.listed[i % n.listed.length]!, id: id('file', i) })),
    },
    today: FIXTURE_TODAY,
    reference: fixtureReference(),
  };
});
