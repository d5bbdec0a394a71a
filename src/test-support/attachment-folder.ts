/**
 * A folder of attached files such as a hostile claim file could point into, for the tests of the
 * command line's attachment reader: regular files (one empty, one of exactly 25 MB), a file one byte
 * over 25 MB, a folder, a FIFO (`mkfifo`), symbolic links leading out of the folder, inside it and
 * nowhere, and a secret file beside the folder that `..` or a link would reach. The large files are
 * sparse, so they cost no disk. Test-only code (tsconfig.test.json).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '../core/limits';

/** What a name in the folder is, and whether the reader may read it. */
export type EntryKind = 'regular' | 'too-large' | 'folder' | 'fifo' | 'link-out' | 'link-in' | 'link-dangling' | 'link-folder';

/** Every name in the folder with its kind. */
export const FOLDER_ENTRIES: Readonly<Record<string, EntryKind>> = {
  'invoice.pdf': 'regular',
  'order.pdf': 'regular',
  'empty.pdf': 'regular',
  'exactly-25-mb.pdf': 'regular',
  'over-25-mb.pdf': 'too-large',
  'scans': 'folder',
  'pipe.pdf': 'fifo',
  'link-out.pdf': 'link-out',
  'link-in.pdf': 'link-in',
  'dangling.pdf': 'link-dangling',
  'link-folder': 'link-folder',
};

/** The secret beside the folder: reading it is what the reader must never do. */
export const SECRET = 'OTHER PATIENT SECRET';

export interface AttachmentFolder {
  /** The attachments folder. */
  readonly dir: string;
  /** A file beside it (`../outside/secret.pdf` from the folder). */
  readonly secretPath: string;
  /** The SHA-256 of each regular file and of the secret, by name (`secret.pdf` for the secret). */
  readonly sha256: Readonly<Record<string, string>>;
  readonly remove: () => void;
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Builds the folder in a new temporary directory; `remove` deletes it. */
export function makeAttachmentFolder(): AttachmentFolder {
  const root = mkdtempSync(join(tmpdir(), 'noc-attachments-'));
  const dir = join(root, 'files');
  const outside = join(root, 'outside');
  mkdirSync(dir);
  mkdirSync(outside);
  const secretPath = join(outside, 'secret.pdf');
  writeFileSync(secretPath, SECRET);
  const contents: Record<string, string> = { 'invoice.pdf': '%PDF-1.4 invoice', 'order.pdf': '%PDF-1.4 order', 'empty.pdf': '' };
  for (const [name, text] of Object.entries(contents)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'exactly-25-mb.pdf'), '');
  truncateSync(join(dir, 'exactly-25-mb.pdf'), MAX_ATTACHMENT_BYTES);
  writeFileSync(join(dir, 'over-25-mb.pdf'), '');
  truncateSync(join(dir, 'over-25-mb.pdf'), MAX_ATTACHMENT_BYTES + 1);
  mkdirSync(join(dir, 'scans'));
  const fifo = spawnSync('mkfifo', [join(dir, 'pipe.pdf')]);
  if (fifo.status !== 0) throw new Error(`mkfifo failed: ${fifo.stderr}`);
  symlinkSync(secretPath, join(dir, 'link-out.pdf'));
  symlinkSync('invoice.pdf', join(dir, 'link-in.pdf'));
  symlinkSync(join(root, 'nowhere.pdf'), join(dir, 'dangling.pdf'));
  symlinkSync(outside, join(dir, 'link-folder'));
  return {
    dir,
    secretPath,
    sha256: {
      ...Object.fromEntries(Object.entries(contents).map(([name, text]) => [name, sha256(text)])),
      'exactly-25-mb.pdf': sha256(new Uint8Array(MAX_ATTACHMENT_BYTES)),
      'secret.pdf': sha256(SECRET),
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
