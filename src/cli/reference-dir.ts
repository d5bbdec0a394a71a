/**
 * Loads a folder of CMS/FDA reference files for `check --reference DIR`: every file below it whose
 * kind the importers recognise. Each file's result goes to stderr; stdout stays one JSON line per packet.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importReferenceFile } from '../core/reference-data/import';
import { createReference } from '../core/reference-data/memory-reference';
import { KIND_NAMES } from '../core/reference-data/tables';
import type { ReferenceTable } from '../core/reference-data/tables';
import type { ReferenceData } from '../core/reference';

const DATA_FILE = /\.(csv|txt)$/i;

function filesBelow(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    if (name.startsWith('.')) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesBelow(path);
    return DATA_FILE.test(name) ? [path] : [];
  });
}

export function loadReferenceDirectory(dir: string): ReferenceData {
  let files: string[];
  try {
    files = filesBelow(dir);
  } catch (error) {
    throw new Error(`--reference ${dir}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const tables: ReferenceTable[] = [];
  for (const file of files) {
    const result = importReferenceFile(file, readFileSync(file));
    const name = relative(dir, file);
    if (!result.ok) {
      process.stderr.write(`reference: skipped ${name}: ${result.message}\n`);
      continue;
    }
    tables.push(result.table);
    const rejected = result.rejected.length === 0 ? '' : `, ${result.rejected.length} rows rejected`;
    process.stderr.write(`reference: ${name}: ${KIND_NAMES[result.table.kind]}, ${result.table.period.label}, ${result.rowsRead} rows${rejected}\n`);
  }
  return createReference(tables);
}
