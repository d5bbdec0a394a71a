/** What the commands of the command line share: options, today's date, the reference folder. */
import { dayNumber } from '../core/dates';
import type { ReferenceVersion } from '../core/export/json-packet';
import type { ReferenceData } from '../core/reference';

/** A mistake in the command itself; printed with the usage, exit 2. */
export class UsageError extends Error {}

/** Input that cannot be read (a file, a folder); printed without the usage, exit 2. */
export class InputError extends Error {}

/** Today in the local time zone, as YYYY-MM-DD. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The options given (each `--name value`) and the file names. */
export interface ParsedArgs {
  readonly options: ReadonlyMap<string, string>;
  readonly files: readonly string[];
  /** `--today`, checked, or today's date. */
  readonly today: string;
}

/** Reads `--name value` options among `allowed` and the file names; `--today` must be a date. */
export function parseArgs(args: readonly string[], allowed: readonly string[]): ParsedArgs {
  const options = new Map<string, string>();
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    if (!allowed.includes(arg)) throw new UsageError(`Unknown option ${arg}.`);
    const value = args[++i];
    if (value === undefined) throw new UsageError(`${arg} needs a value.`);
    options.set(arg, value);
  }
  const today = options.get('--today') ?? localToday();
  if (dayNumber(today) === undefined) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${today}".`);
  return { options, files, today };
}

/** The built-in reference data, superseded by the files below `dir` when given, the versions used, and the files read. */
export async function loadReference(dir: string | undefined): Promise<{ data: ReferenceData; versions: readonly ReferenceVersion[]; files: readonly string[] }> {
  const { loadReferenceDirectory } = await import('./reference-dir');
  try {
    return await loadReferenceDirectory(dir);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}
