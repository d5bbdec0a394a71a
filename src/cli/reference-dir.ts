/**
 * Loads a folder of CMS/FDA reference files for `--reference DIR`: every file below it whose kind
 * the importers recognise. Each file's result goes to stderr; stdout stays one JSON line per packet.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importReferenceFile } from '../core/reference-data/import';
import { createReference } from '../core/reference-data/memory-reference';
import { KIND_NAMES } from '../core/reference-data/tables';
import type { ReferenceTable } from '../core/reference-data/tables';
import type { ReferenceData } from '../core/reference';
import type { ReferenceVersion } from '../core/export/json-packet';

/** The reference data loaded, and the version of each file (for the JSON export). */
export interface LoadedReference {
  readonly data: ReferenceData;
  readonly versions: readonly ReferenceVersion[];
  /** Every file read, which an output must not overwrite. */
  readonly files: readonly string[];
}

const DATA_FILE = /\.(csv|txt)$/i;

function filesBelow(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    if (name.startsWith('.')) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesBelow(path);
    return DATA_FILE.test(name) ? [path] : [];
  });
}

export function loadReferenceDirectory(dir: string): LoadedReference {
  let files: string[];
  try {
    files = filesBelow(dir);
  } catch (error) {
    throw new Error(`--reference ${dir}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const tables: ReferenceTable[] = [];
  const versions: ReferenceVersion[] = [];
  // The real date, not --today: it only tells which century a two-digit year in the FDA Purple Book is in.
  const today = new Date().toISOString().slice(0, 10);
  for (const file of files) {
    const result = importReferenceFile(file, readFileSync(file), { today });
    const name = relative(dir, file);
    if (!result.ok) {
      process.stderr.write(`reference: skipped ${name}: ${result.message}\n`);
      continue;
    }
    tables.push(result.table);
    versions.push({ kind: KIND_NAMES[result.table.kind], label: result.table.period.label });
    const rejected = result.rejected.length === 0 ? '' : `, ${result.rejected.length} rows rejected`;
    process.stderr.write(`reference: ${name}: ${KIND_NAMES[result.table.kind]}, ${result.table.period.label}, ${result.rowsRead} rows${rejected}\n`);
  }
  return { data: createReference(tables), versions, files };
}
