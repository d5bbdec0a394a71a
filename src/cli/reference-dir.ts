/**
 * The reference data of the command line: the built-in snapshot (src/core/reference-data/builtin),
 * and with `--reference DIR` every file below DIR whose kind the importers recognise, each
 * superseding the built-in table of its kind and period. Files are read as streams. Each file's
 * result goes to stderr (a file that contradicts itself is refused with the line and the reason; a
 * crosswalk that is a part of a quarter is said to be partial); stdout stays one JSON line per packet.
 *
 * Only regular files are read. Below DIR, a FIFO, socket or device is skipped with a message (a
 * FIFO would wait forever for a writer); a symbolic link is followed only when it leads to a
 * regular file inside DIR, and never into a folder (so a link cannot loop or reach outside DIR).
 */
import { createReadStream, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { importReferenceStream } from '../core/reference-data/import';
import { createReference } from '../core/reference-data/memory-reference';
import type { Snapshot } from '../core/reference-data/snapshot';
import { decodeSnapshot, withBuiltIn } from '../core/reference-data/snapshot';
import { partialByKey } from '../core/reference-data/crosswalk-completeness';
import { KIND_NAMES, storeKey } from '../core/reference-data/tables';
import type { ReferenceTable } from '../core/reference-data/tables';
import type { ReferenceData } from '../core/reference';
import type { ReferenceVersion } from '../core/export/json-packet';

/** The reference data loaded, the version of each table (for the JSON export), and the files read. */
export interface LoadedReference {
  readonly data: ReferenceData;
  readonly versions: readonly ReferenceVersion[];
  readonly files: readonly string[];
}

const DATA_FILE = /\.(csv|txt)$/i;
const SNAPSHOT = new URL('../core/reference-data/builtin/reference-snapshot.json', import.meta.url);

/** The built-in tables, with the version each stands for. */
function builtInTables(): { tables: ReferenceTable[]; label: string } {
  const snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Snapshot;
  return { tables: decodeSnapshot(snapshot), label: snapshot.label };
}

const note = (message: string) => process.stderr.write(`reference: ${message}\n`);

/** Regular files below `dir` (links to regular files inside `root` included), in name order. */
function filesBelow(dir: string, root: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    if (name.startsWith('.')) return [];
    const path = join(dir, name);
    const shown = relative(root, path);
    const entry = lstatSync(path);
    if (entry.isDirectory()) return filesBelow(path, root);
    if (entry.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(path);
      } catch {
        note(`skipped ${shown}: a link to nothing`);
        return [];
      }
      const inside = target.startsWith(realpathSync(root) + sep);
      if (!inside || !statSync(target).isFile()) {
        note(`skipped ${shown}: a link to ${inside ? 'something other than a file' : 'a place outside the folder'}; only files inside the folder are read`);
        return [];
      }
    } else if (!entry.isFile()) {
      note(`skipped ${shown}: not a regular file (${entry.isFIFO() ? 'a pipe' : entry.isSocket() ? 'a socket' : 'a device'})`);
      return [];
    }
    return DATA_FILE.test(name) ? [path] : [];
  });
}

export async function loadReferenceDirectory(dir: string | undefined): Promise<LoadedReference> {
  const builtIn = builtInTables();
  const builtInVersion = (t: ReferenceTable): ReferenceVersion => ({ kind: KIND_NAMES[t.kind], label: `${t.period.label} (built in)` });
  if (dir === undefined) return { data: createReference(builtIn.tables), versions: builtIn.tables.map(builtInVersion), files: [] };
  let files: string[];
  try {
    files = filesBelow(dir, dir);
  } catch (error) {
    throw new Error(`--reference ${dir}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const tables: ReferenceTable[] = [];
  const names = new Map<string, string>();
  // The real date, not --today: it tells which century a two-digit year in the FDA Purple Book is
  // in, and refuses an FDA file as of a day after it.
  const today = new Date().toISOString().slice(0, 10);
  for (const file of files) {
    const name = relative(dir, file);
    const result = await importReferenceStream(file, { size: statSync(file).size, open: () => createReadStream(file) }, { today });
    if (!result.ok) {
      note(`skipped ${name}: ${result.message}`);
      continue;
    }
    tables.push(result.table);
    names.set(storeKey(result.table), name);
    const rejected = result.rejected.length === 0 ? '' : `, ${result.rejected.length} rows rejected`;
    note(`${name}: ${KIND_NAMES[result.table.kind]}, ${result.table.period.label}, ${result.rowsRead} rows${rejected}`);
  }
  const used = withBuiltIn(tables, builtIn.tables);
  const partial = partialByKey(used);
  for (const table of used) {
    const why = partial.get(storeKey(table));
    const name = names.get(storeKey(table)) ?? `the built-in ${KIND_NAMES[table.kind]} of ${table.period.label}`;
    if (why !== undefined) note(`${name} is partial: ${why}. It is used, but an NDC it does not list may still have a code of its own; claims of its quarter say so`);
  }
  return {
    data: createReference(used),
    versions: used.map((t) => (tables.includes(t) ? { kind: KIND_NAMES[t.kind], label: t.period.label } : builtInVersion(t))),
    files,
  };
}
