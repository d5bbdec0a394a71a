/**
 * Reference data at full size, in Node: the CLI's peak memory importing a 300 MB crosswalk-shaped
 * file (target: at most twice the file's size), NDC lookups with every file of ../shared/data and
 * the full-size FDA NDC Directory loaded (what `check --reference` holds), and decoding the
 * built-in snapshot.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { importReferenceStream } from '../src/core/reference-data/import';
import { createReference } from '../src/core/reference-data/memory-reference';
import type { Snapshot } from '../src/core/reference-data/snapshot';
import { decodeSnapshot, withBuiltIn } from '../src/core/reference-data/snapshot';
import type { ReferenceTable } from '../src/core/reference-data/tables';
import { interleavedRates, peakRss } from './measure';
import { bigCrosswalk, fullSizeDirectory, SHARED_DATA } from './reference-files';
import type { BenchResult } from './report';
import { isoDate } from '../src/core/dates';

const MB = 1024 * 1024;
const mb = (bytes: number) => Number((bytes / MB).toFixed(0));


/** Runs the CLI (`check --reference DIR`) on one example and gives its peak memory and exit status. */
async function cliPeak(root: string, dir: string): Promise<{ peak: number; status: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'check', '--today', '2025-11-20', '--reference', dir, 'examples/05-briumvi-partial-dose-waste.json'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let peak = 0, stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const timer = setInterval(() => { peak = Math.max(peak, peakRss(child.pid!)); }, 20);
  const status = await new Promise<number | null>((done) => child.on('exit', (code) => { peak = Math.max(peak, peakRss(child.pid!)); done(code); }));
  clearInterval(timer);
  return { peak, status, stderr };
}

async function importAll(paths: readonly string[]): Promise<ReferenceTable[]> {
  const tables: ReferenceTable[] = [];
  for (const path of paths) {
    const r = await importReferenceStream(path, { size: statSync(path).size, open: () => createReadStream(path) }, { today: '2026-01-10' });
    if (r.ok) tables.push(r.table);
  }
  return tables;
}

export async function referenceScaleBenchmarks(root: string): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const snapshotText = readFileSync(join(root, 'src/core/reference-data/builtin/reference-snapshot.json'), 'utf8');
  const decodeStart = performance.now();
  const builtIn = decodeSnapshot(JSON.parse(snapshotText) as Snapshot);
  const decodeMs = performance.now() - decodeStart;
  results.push({ id: 'reference.snapshot-decode-node', name: 'built-in snapshot parsed and decoded in Node (what the CLI does at start)', value: Math.round(decodeMs), unit: 'ms', target: 'info', met: null });

  const data = SHARED_DATA(root);
  if (!existsSync(data)) {
    console.warn(`reference-scale benchmarks skipped: ${data} is absent (the CMS files live outside the repository).`);
    return results;
  }
  const big = await bigCrosswalk(root);
  const cli = await cliPeak(root, big.dir);
  if (!/crosswalk-300mb\.csv: CMS ASP NDC-HCPCS crosswalk, October 2025, [\d]+ rows/.test(cli.stderr)) throw new Error(`the CLI did not import the 300 MB crosswalk: ${cli.stderr}`);
  const rowsRead = /, (\d+) rows/.exec(cli.stderr)![1]!;
  results.push(
    { id: 'reference.cli-import-peak', name: `CLI peak memory (resident) importing a ${mb(big.bytes)} MB crosswalk-shaped file (${Number(rowsRead).toLocaleString('en-US')} rows, padded to 250 columns)`, value: mb(cli.peak), unit: 'MB', target: `≤ ${mb(2 * big.bytes)} (2 × the file)`, met: cli.peak <= 2 * big.bytes },
  );

  const directory = await fullSizeDirectory(root);
  const files = ['', 'icd10cm'].flatMap((d) => ['cms_asp_ndc_hcpcs_crosswalk_oct2025.csv', 'cms_asp_payment_limits_oct2025.csv', 'cms_noc_ndc_hcpcs_crosswalk_oct2025.csv', 'cms_noc_payment_limits_oct2025.csv', 'hcpcs_level2_anweb_oct2025.csv', 'fda_purple_book_biologics_2025-03.csv', 'icd10cm_order_2025.txt', 'icd10cm_order_2026.txt'].map((f) => join(data, d, f))).filter((p) => existsSync(p));
  const tables = await importAll([...files, directory.product, directory.package]);
  const reference = createReference(withBuiltIn(tables, builtIn));
  const crosswalk = tables.find((t) => t.kind === 'asp-crosswalk')!;
  const packages = tables.find((t) => t.kind === 'fda-ndc-package')!;
  const ndcs = [...new Set([...crosswalk.rows.map((r) => ('ndc11' in r ? r.ndc11 : null)), ...packages.rows.filter((_, i) => i % 25 === 0).map((r) => ('ndc11' in r ? r.ndc11 : null))])].filter((n) => n !== null);
  const rates = interleavedRates(ndcs, {
    specificCodes: (ndc) => reference.crosswalkCodes(ndc, isoDate('2025-11-03')),
    drugFacts: (ndc) => reference.drugFacts(ndc),
  }, 7, 200);
  const us = (n: number) => Number(n.toFixed(2));
  results.push(
    { id: 'reference.specific-codes-lookup', name: `NDC → specific HCPCS codes, every file of ../shared/data and the full-size FDA directory loaded (${ndcs.length.toLocaleString('en-US')} NDCs)`, value: us(rates.specificCodes.microseconds), unit: 'µs', target: '≤ 50', met: rates.specificCodes.microseconds <= 50 },
    { id: 'reference.drug-facts-lookup', name: 'NDC → drug facts (FDA directory join, Purple Book, J9 check), same data', value: us(rates.drugFacts.microseconds), unit: 'µs', target: '≤ 50', met: rates.drugFacts.microseconds <= 50 },
  );
  return results;
}
