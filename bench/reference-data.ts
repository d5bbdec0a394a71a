/**
 * Reference data: importing the full CMS ASP NDC-HCPCS crosswalk (October 2025, 8,245 rows, the
 * largest quarterly CMS file) with the pure importer, and looking NDCs up once it is loaded. The
 * Web Worker of the app runs this same `importReferenceFile`; here it runs in Node on one core.
 * Lookups cover every NDC of the crosswalk: `specificCodes` (the check that blocks NOC) and
 * `drugFacts` over an FDA-directory-shaped table built from the crosswalk rows.
 * Not measured here: the longest main-thread task during an import in the browser (target 50 ms);
 * that needs Chromium (Playwright's performance timeline) and is left to the browser benchmarks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReferenceFile } from '../src/core/reference-data/import';
import { createReference } from '../src/core/reference-data/memory-reference';
import type { NdcPackageRow, NdcProductRow, ReferenceTable } from '../src/core/reference-data/tables';
import { interleavedRates } from './measure';
import type { BenchResult } from './report';

const CROSSWALK = 'cms_asp_ndc_hcpcs_crosswalk_oct2025.csv';

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

/** FDA directory tables with one product and one package per crosswalk NDC (names only; for timing the join). */
function directoryLike(crosswalk: Extract<ReferenceTable, { kind: 'asp-crosswalk' }>): ReferenceTable[] {
  const period = { from: '2025-10-01', through: '2025-10-01', label: 'as of 10/01/2025' };
  const ndcs = [...new Set(crosswalk.rows.flatMap((r) => (r.ndc11 === null ? [] : [r.ndc11])))];
  const products: NdcProductRow[] = ndcs.map((ndc) => ({
    productId: ndc, productNdc: `${ndc.slice(0, 5)}-${ndc.slice(5, 9)}`, productType: 'HUMAN PRESCRIPTION DRUG', proprietaryName: 'Brand', proprietaryNameSuffix: '',
    nonproprietaryName: 'generic', dosageForm: 'INJECTION, SOLUTION', routes: 'INTRAVENOUS', marketingStart: '2020-01-01', marketingEnd: null, marketingCategory: 'BLA',
    applicationNumber: 'BLA125514', labeler: 'Labeler', substances: 'X', strength: '25', strengthUnit: 'mg/mL', pharmClasses: 'Kinase Inhibitor [EPC]',
  }));
  const packages: NdcPackageRow[] = ndcs.map((ndc) => ({
    productId: ndc, ndc11: ndc, packageNdc: `${ndc.slice(0, 5)}-${ndc.slice(5, 9)}-${ndc.slice(9)}`, description: `1 VIAL, SINGLE-DOSE in 1 CARTON (${ndc})  > 4 mL in 1 VIAL, SINGLE-DOSE`,
    marketingStart: '2020-01-01', marketingEnd: null, isSample: false,
  }));
  return [{ kind: 'fda-ndc-product', period, rows: products }, { kind: 'fda-ndc-package', period, rows: packages }];
}

export function referenceDataBenchmarks(root: string): BenchResult[] {
  const data = join(root, '..', 'shared', 'data');
  if (!existsSync(join(data, CROSSWALK))) {
    console.warn(`reference-data benchmarks skipped: ${join(data, CROSSWALK)} is absent (the CMS files live outside the repository).`);
    return [];
  }
  const bytes = readFileSync(join(data, CROSSWALK));
  const options = { today: new Date().toISOString().slice(0, 10) };
  const importMs = medianMs(() => importReferenceFile(CROSSWALK, bytes, options));
  const imported = importReferenceFile(CROSSWALK, bytes, options);
  if (!imported.ok || imported.table.kind !== 'asp-crosswalk') throw new Error(`the crosswalk did not import: ${imported.ok ? imported.table.kind : imported.message}`);
  const purpleBook = importReferenceFile('purple-book.csv', readFileSync(join(data, 'fda_purple_book_biologics_2025-03.csv')), options);
  const reference = createReference([imported.table, ...directoryLike(imported.table), ...(purpleBook.ok ? [purpleBook.table] : [])]);
  const ndcs = [...new Set(imported.table.rows.flatMap((r) => (r.ndc11 === null ? [] : [r.ndc11])))];
  const rates = interleavedRates(ndcs, {
    specificCodes: (ndc) => reference.specificCodes(ndc, '2025-11-03'),
    drugFacts: (ndc) => reference.drugFacts(ndc),
  }, 7, 200);
  const us = (n: number) => Number(n.toFixed(2));
  return [
    { id: 'reference.crosswalk-import', name: `Import of the full CMS ASP crosswalk (${imported.rowsRead.toLocaleString('en-US')} rows, 2.8 MB; the worker runs the same code)`, value: Math.round(importMs), unit: 'ms', target: '≤ 1,000', met: importMs <= 1000 },
    { id: 'reference.specific-codes-lookup', name: `NDC → specific HCPCS codes (${ndcs.length.toLocaleString('en-US')} NDCs)`, value: us(rates.specificCodes.microseconds), unit: 'µs', target: '≤ 1,000', met: rates.specificCodes.microseconds <= 1000 },
    { id: 'reference.drug-facts-lookup', name: 'NDC → drug facts (FDA directory join, Purple Book, J9 check)', value: us(rates.drugFacts.microseconds), unit: 'µs', target: '≤ 1,000', met: rates.drugFacts.microseconds <= 1000 },
  ];
}
