/**
 * What the name check (issue 13) costs evaluateClaim: every packet in examples/ evaluated as of its
 * expected `today` against the built-in reference data (the full October 2025 HCPCS file, 8,846
 * rows, and the crosswalk, payment limits, ICD-10-CM and Purple Book), once with the index of the
 * HCPCS descriptors' names and once without it, the reference otherwise the same: the median of
 * the time ratios of back-to-back short rounds (`pairedRatio`). Also the time to build the index
 * once for the file (it is built on first use, once per reference).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateClaim } from '../src/core/evaluate';
import { compilePacketParser } from '../src/core/packet/parser';
import type { ReferenceData } from '../src/core/reference';
import { createReference } from '../src/core/reference-data/memory-reference';
import { buildNameIndex } from '../src/core/reference-data/name-index';
import type { Snapshot } from '../src/core/reference-data/snapshot';
import { decodeSnapshot } from '../src/core/reference-data/snapshot';
import { interleavedRates, pairedRatio } from './measure';
import type { BenchResult } from './report';

/** The largest share the name check may add to evaluateClaim's time. */
const MAX_ADDED = 0.1;

export function nameCheckBenchmarks(root: string): BenchResult[] {
  const dir = join(root, 'examples');
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
  const cases = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
    .map((f) => ({ packet: read(f), today: (read(f.replace(/\.json$/, '.expected.json')) as { today: string }).today }));
  const snapshot = JSON.parse(readFileSync(join(root, 'src/core/reference-data/builtin/reference-snapshot.json'), 'utf8')) as Snapshot;
  const tables = decodeSnapshot(snapshot);
  const reference = createReference(tables);
  // Two copies of one shape, so that the engine sees the same object at every call; only the
  // answer of descriptorNames differs (no index: the name check is not made).
  const withNames: ReferenceData = { ...reference };
  const withoutNames: ReferenceData = { ...reference, descriptorNames: () => undefined };
  const hcpcs = tables.find((t) => t.kind === 'hcpcs');
  if (hcpcs === undefined || withNames.descriptorNames() === undefined) throw new Error('the built-in reference data have no HCPCS file');
  compilePacketParser();

  const evaluateWith = (reference: ReferenceData) => (c: (typeof cases)[number]) => evaluateClaim(c.packet, reference, c.today);
  const added = pairedRatio(cases, evaluateWith(withNames), evaluateWith(withoutNames)) - 1;
  const r = interleavedRates(cases, { withNames: evaluateWith(withNames) });
  const build = interleavedRates([hcpcs.rows], { build: (rows) => buildNameIndex(rows as Parameters<typeof buildNameIndex>[0], 'bench') }, 5, 300);
  return [
    { id: 'core.evaluate-with-reference-throughput', name: `evaluateClaim throughput with the built-in reference data and the name check (${cases.length} example packets, one core)`, value: Math.round(r.withNames.perSecond), unit: 'packets/s', target: 'info', met: null },
    { id: 'core.name-check-cost', name: 'time the name check adds to evaluateClaim (the same packets and reference, with the index of HCPCS descriptor names vs without)', value: Number((added * 100).toFixed(1)), unit: '%', target: `≤ ${MAX_ADDED * 100}`, met: added <= MAX_ADDED },
    { id: 'core.name-index-build', name: `index of the drug names in the HCPCS descriptors built once (${hcpcs.rows.length.toLocaleString('en-US')} rows, October 2025)`, value: Number((build.build.microseconds / 1000).toFixed(1)), unit: 'ms', target: 'info', met: null },
  ];
}
