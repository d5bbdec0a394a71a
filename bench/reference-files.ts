/**
 * Files the reference-data benchmarks import, generated into the git-ignored tmp/ (never
 * committed): a 300 MB crosswalk-shaped file (the October 2025 crosswalk's rows over and over,
 * each with an NDC of its own, padded to 250 columns as CMS's 2025 files are) and the full-size
 * FDA NDC Directory (scripts/generate-fda-ndc.ts).
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { importReferenceFile } from '../src/core/reference-data/import';
import { generateFdaNdc } from '../scripts/generate-fda-ndc';

export const SHARED_DATA = (root: string) => join(root, '..', 'shared', 'data');
export const CROSSWALK = 'cms_asp_ndc_hcpcs_crosswalk_oct2025.csv';
const BIG_BYTES = 300 * 1024 * 1024;

const csvValue = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The 300 MB crosswalk-shaped file (made once; its folder holds nothing else). */
export async function bigCrosswalk(root: string): Promise<{ dir: string; file: string; bytes: number }> {
  const dir = join(root, 'tmp', 'bench', 'crosswalk-300mb');
  const file = join(dir, 'crosswalk-300mb.csv');
  if (existsSync(file) && statSync(file).size >= BIG_BYTES) return { dir, file, bytes: statSync(file).size };
  mkdirSync(dir, { recursive: true });
  const real = importReferenceFile(CROSSWALK, readFileSync(join(SHARED_DATA(root), CROSSWALK)), { today: '2025-11-20' });
  if (!real.ok || real.table.kind !== 'asp-crosswalk') throw new Error('the October 2025 crosswalk did not import');
  const rows = real.table.rows;
  const padding = ','.repeat(240);
  const out = createWriteStream(file);
  const write = (text: string) => new Promise<void>((done) => { if (out.write(text)) done(); else out.once('drain', done); });
  await write([
    'October 2025 ASP NDC - HCPCS Crosswalk for Medicare Part B Drugs', '"     Effective October 1, 2025 through December 31, 2025"', '',
    `_2025_CODE,Short Description,LABELER NAME,NDC2,Drug Name,HCPCS dosage,PKG SIZE,PKG QTY,BILLUNITS,BILLUNITSPKG${padding}`,
  ].join('\r\n') + '\r\n');
  let bytes = 0;
  for (let i = 0; bytes < BIG_BYTES; i++) {
    const r = rows[i % rows.length]!;
    const ndc = `${10000 + Math.floor(i / 1_000_000)}-${String(Math.floor(i / 100) % 10_000).padStart(4, '0')}-${String(i % 100).padStart(2, '0')}`;
    const line = `${[r.code, r.shortDescription, r.labeler, ndc, r.drugName, r.dosage, r.packageSize, r.packageQuantity, r.billUnits, r.billUnitsPerPackage].map(csvValue).join(',')}${padding}\r\n`;
    bytes += Buffer.byteLength(line);
    await write(line);
  }
  await new Promise((done) => out.end(done));
  return { dir, file, bytes: statSync(file).size };
}

/** The full-size FDA NDC Directory, generated afresh into tmp/fda-ndc. */
export function fullSizeDirectory(root: string) {
  return generateFdaNdc(join(root, 'tmp', 'fda-ndc'));
}
