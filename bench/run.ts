/** `npm run bench`: runs every benchmark, prints a table, writes bench/results.json and bench/README.md. */
import { coreThroughput } from './core-throughput';
import { nameCheckBenchmarks } from './name-check';
import { pdfBenchmarks } from './pdf-build';
import { referenceBrowserBenchmarks } from './reference-browser';
import { referenceDataBenchmarks } from './reference-data';
import { referenceScaleBenchmarks } from './reference-scale';
import { buildApp, wizardBenchmarks } from './wizard';
import type { BenchResult } from './report';
import { writeReport } from './report';

// npm runs scripts from the package root.
const root = process.cwd();
const app = await buildApp(root);
const results: BenchResult[] = [
  ...coreThroughput(root), ...nameCheckBenchmarks(root), ...referenceDataBenchmarks(root), ...(await referenceScaleBenchmarks(root)),
  ...(await wizardBenchmarks(root, app)), ...(await referenceBrowserBenchmarks(root, app)), ...(await pdfBenchmarks(root)),
];
for (const r of results) {
  const status = r.met === null ? '' : r.met ? '  met' : '  NOT MET';
  console.log(`${r.name}: ${r.value.toLocaleString('en-US')} ${r.unit} (target ${r.target})${status}`);
}
writeReport(root, results);
console.log('wrote bench/results.json and bench/README.md');
