/**
 * Where `export` writes: never over one of the files it read (the claim file, a reference file, an
 * attached file), whether named the same way, through a symbolic link or as a hard link of it (the
 * real paths and the inodes are compared), and never a folder.
 */
import { realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from './args';

interface Identity {
  readonly real: string;
  readonly dev: number;
  readonly ino: number;
  readonly isDirectory: boolean;
}

/** What a path leads to; `undefined` when there is nothing there (yet). */
function identity(path: string): Identity | undefined {
  try {
    const stats = statSync(path);
    return { real: realpathSync(path), dev: stats.dev, ino: stats.ino, isDirectory: stats.isDirectory() };
  } catch {
    return undefined;
  }
}

/** Refuses (exit 2) an `--out` that is a folder or one of `inputs`; a new file, or any other, is fine. */
export function checkOutput(out: string, inputs: readonly { readonly path: string; readonly what: string }[]): void {
  const target = identity(out);
  if (target === undefined) return;
  if (target.isDirectory) throw new InputError(`--out ${out}: is a folder. Name the file to write, for example ${join(out, 'claim.pdf')}.`);
  for (const input of inputs) {
    const source = identity(input.path);
    if (source !== undefined && (source.real === target.real || (source.dev === target.dev && source.ino === target.ino))) {
      throw new InputError(`--out ${out}: is ${input.what} (${input.path}); writing the export there would overwrite it. Choose another file name.`);
    }
  }
}
