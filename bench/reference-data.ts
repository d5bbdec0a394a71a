/**
 * Reference data: importing the full CMS ASP NDC-HCPCS crosswalk (October 2025, 8,245 rows, the
 * largest quarterly CMS file) with the pure importer. The Web Worker of the app and the CLI run
 * this same importer (as a stream); here it runs in Node on one core. Lookups at full size are in
 * reference-scale.ts, the browser's side in reference-browser.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReferenceFile } from '../src/core/reference-data/import';
import { CROSSWALK, SHARED_DATA } from './reference-files';
import type { BenchResult } from './report';

/** Median wall time of `runs` calls after `warmUp` calls, in milliseconds. */
function medianMs(fn: () => unknown, runs = 9, warmUp = 3): number {
  for (let i = 0; i < warmUp; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export function referenceDataBenchmarks(root: string): BenchResult[] {
  const path = join(SHARED_DATA(root), CROSSWALK);
  if (!existsSync(path)) {
    console.warn(`reference-data benchmarks skipped: ${path} is absent (the CMS files live outside the repository).`);
    return [];
  }
  const bytes = readFileSync(path);
  const options = { today: new Date().toISOString().slice(0, 10) };
  const importMs = medianMs(() => importReferenceFile(CROSSWALK, bytes, options));
  const imported = importReferenceFile(CROSSWALK, bytes, options);
  if (!imported.ok) throw new Error(`the crosswalk did not import: ${imported.message}`);
  return [
    { id: 'reference.crosswalk-import', name: `Import of the full CMS ASP crosswalk (${imported.rowsRead.toLocaleString('en-US')} rows, 2.8 MB; the worker runs the same code)`, value: Math.round(importMs), unit: 'ms', target: '≤ 1,000', met: importMs <= 1000 },
  ];
}
