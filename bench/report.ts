/** The benchmark report: bench/results.json and the table in bench/README.md. */
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchResult {
  readonly id: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The target as a reader sees it ("≥ 20,000"), or "info" for context figures. */
  readonly target: string;
  /** Whether the target is met; `null` for context figures. */
  readonly met: boolean | null;
}

export function machine(): Record<string, string | number> {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export function writeReport(root: string, results: readonly BenchResult[]): void {
  const date = new Date().toISOString();
  const m = machine();
  writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify({ date, machine: m, results }, null, 2)}\n`);
  const rows = results.map((r) => `| ${r.name} | ${r.value.toLocaleString('en-US')} ${r.unit} | ${r.target} | ${r.met === null ? '—' : r.met ? 'met' : '**not met**'} |`);
  writeFileSync(join(root, 'bench', 'README.md'), [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (not part of the test command). Figures are medians of timed rounds after a warm-up.',
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}. Date: ${date.slice(0, 10)}.`,
    '',
    '| benchmark | result | target | status |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    'The reference-data benchmarks need `../shared/data` and generate their large inputs into the git-ignored `tmp/`: a 300 MB',
    'crosswalk-shaped file (the October 2025 crosswalk\'s rows over and over, each with an NDC of its own, padded to 250 columns;',
    '`bench/reference-files.ts`) and the full-size FDA NDC Directory (`scripts/generate-fda-ndc.ts`). Peak memory is the high-water',
    'mark of the resident set (`VmHWM` in `/proc`, Linux): of the CLI\'s process, and of Chromium\'s renderer process, which runs',
    'the page and its import worker. Browser figures come from Debian\'s Chromium (`/usr/bin/chromium`) on the production build.',
    '',
  ].join('\n'));
}
