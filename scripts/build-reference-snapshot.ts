/**
 * `npm run reference:build -- DIR`: builds the built-in reference data from the CMS and FDA files
 * in DIR, read by the same importers as the app, into src/core/reference-data/builtin/:
 *   reference-snapshot.json  the compact tables the app and the CLI load (see snapshot.ts)
 *   manifest.json            each source file's name, kind, period, row count and SHA-256
 * Files under a folder named `fixtures` (format samples) are left out. Two files of the same kind
 * and period stop the build. Only these derived files go into the repository, never the raw ones.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative, resolve } from 'node:path';
import { importReferenceStream } from '../src/core/reference-data/import';
import type { SnapshotSource } from '../src/core/reference-data/snapshot';
import { encodeSnapshot } from '../src/core/reference-data/snapshot';
import type { ReferenceTable } from '../src/core/reference-data/tables';
import { KIND_CADENCE, KIND_NAMES, storeKey } from '../src/core/reference-data/tables';

const OUT = resolve(import.meta.dirname, '../src/core/reference-data/builtin');

function filesBelow(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (name.startsWith('.') || name === 'fixtures') return [];
    if (statSync(path).isDirectory()) return filesBelow(path);
    return /\.(csv|txt)$/i.test(name) ? [path] : [];
  });
}

const dir = process.argv[2];
if (dir === undefined) {
  process.stderr.write('Usage: npm run reference:build -- DIR   (a folder of CMS and FDA files as published)\n');
  process.exit(2);
}
const today = new Date().toISOString().slice(0, 10);
const tables: ReferenceTable[] = [];
const sources: SnapshotSource[] = [];
for (const path of filesBelow(resolve(dir))) {
  const file = relative(resolve(dir), path);
  const size = statSync(path).size;
  const result = await importReferenceStream(file, { size, open: () => createReadStream(path) }, { today });
  if (!result.ok) { process.stderr.write(`skipped ${file}: ${result.message}\n`); continue; }
  const { table } = result;
  const twin = tables.find((t) => storeKey(t) === storeKey(table));
  if (twin !== undefined) throw new Error(`${file} and another file are both the ${KIND_NAMES[table.kind]} of ${table.period.label}: keep one`);
  tables.push(table);
  sources.push({ file, kind: table.kind, period: table.period, rows: table.rows.length, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') });
  process.stderr.write(`${file}: ${KIND_NAMES[table.kind]}, ${table.period.label}, ${table.rows.length} rows${result.rejected.length > 0 ? `, ${result.rejected.length} rejected` : ''}\n`);
}
const quarterly = tables.filter((t) => KIND_CADENCE[t.kind] === 'quarterly').sort((a, b) => b.period.from.localeCompare(a.period.from));
if (quarterly[0] === undefined) throw new Error(`no CMS quarterly file was read from ${dir}`);
const snapshot = encodeSnapshot(quarterly[0].period.label, today, sources, tables);
const json = JSON.stringify(snapshot);
writeFileSync(join(OUT, 'reference-snapshot.json'), json);
const sizes = { bytes: Buffer.byteLength(json), gzipBytes: gzipSync(json, { level: 9 }).length };
writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify({ format: snapshot.format, label: snapshot.label, built: snapshot.built, ...sizes, sources }, null, 2)}\n`);
process.stderr.write(`wrote ${relative(process.cwd(), OUT)}/reference-snapshot.json: ${snapshot.label}, ${(sizes.bytes / 1e6).toFixed(2)} MB, ${(sizes.gzipBytes / 1e6).toFixed(2)} MB gzipped\n`);
