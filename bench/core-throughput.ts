/**
 * evaluateClaim throughput on one core, and its cost relative to a bare zod parse of the same
 * packets (the plain `ZClaimPacket.safeParse`, as any consumer of the schema would call it).
 * evaluateClaim runs as the command line runs it, with the compiled packet parser.
 * The workload is every packet in examples/, each evaluated as of the date its expected outcome
 * names (a realistic submission date), with the reference data empty.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateClaim } from '../src/core/evaluate';
import { compilePacketParser, packetParser } from '../src/core/packet/parser';
import { ZClaimPacket } from '../src/core/packet/schema';
import { NO_REFERENCE } from '../src/core/reference';
import type { BenchResult } from './report';
import { interleavedRates } from './measure';

export function coreThroughput(root: string): BenchResult[] {
  const dir = join(root, 'examples');
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
  const cases = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
    .map((f) => ({ packet: read(f), today: (read(f.replace(/\.json$/, '.expected.json')) as { today: string }).today }));
  if (cases.length === 0) throw new Error('examples/ has no packets to benchmark');
  compilePacketParser();
  const compiled = packetParser();
  const r = interleavedRates(cases, {
    evaluate: (c) => evaluateClaim(c.packet, NO_REFERENCE, c.today),
    parse: (c) => ZClaimPacket.safeParse(c.packet),
    compiledParse: (c) => compiled.safeParse(c.packet),
  });
  const { evaluate, parse, compiledParse } = r;
  const ratio = evaluate.microseconds / parse.microseconds;
  return [
    { id: 'core.evaluate-throughput', name: `evaluateClaim throughput (${cases.length} example packets, one core)`, value: Math.round(evaluate.perSecond), unit: 'packets/s', target: '≥ 20,000', met: evaluate.perSecond >= 20_000 },
    { id: 'core.evaluate-vs-parse', name: 'evaluateClaim time ÷ bare zod parse time (ZClaimPacket.safeParse)', value: Number(ratio.toFixed(2)), unit: '×', target: '≤ 3', met: ratio <= 3 },
    { id: 'core.parse-throughput', name: 'bare zod parse throughput (for the ratio)', value: Math.round(parse.perSecond), unit: 'packets/s', target: 'info', met: null },
    { id: 'core.compiled-parse-throughput', name: 'zod compiled parse throughput (what evaluateClaim uses in Node; the browser uses the plain parse)', value: Math.round(compiledParse.perSecond), unit: 'packets/s', target: 'info', met: null },
  ];
}
