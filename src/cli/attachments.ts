/**
 * The attached files of a claim, read from the folder given with `--attachments DIR` for the PDF
 * packet. A claim file may come from someone else, so the file names it lists are names, never
 * paths: a name with a path separator, `.`, `..` or no name at all is not read; only a regular file
 * directly inside the folder is, opened without following a symbolic link and checked on the open
 * file itself (so nothing can swap it between the check and the read); at most 25 MB, what the
 * browser accepts; and only when its SHA-256 is the one the claim lists. Every file left out gets a
 * reason, for the PDF manifest and stderr. Nothing here throws: an error of the file system is a
 * reason too.
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { isSha256 } from '../core/entries';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_SIZE_TEXT } from '../core/limits';
import type { ClaimPacket } from '../core/packet/schema';
import type { AttachmentFile, LeftOutFile } from '../core/export/pdf/packet';

/** Flags every attached file is opened with: read only, never through a symbolic link, never waiting on a FIFO. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY;

/** Why a file name is not the name of a file directly inside the folder; `undefined` when it is one. */
export function nameProblem(name: string | undefined): string | undefined {
  if (name === undefined || name === '') return 'the claim gives it no file name';
  if (name === '.' || name === '..') return `"${name}" names a folder, not a file`;
  if (/[/\\]/.test(name)) return 'its name is a path; only files directly inside the attachments folder are read';
  if (name.includes('\0')) return 'its name has a NUL character, which no file name has';
  return undefined;
}

/** Why a file could not be opened, from the error code. */
function openProblem(code: string | undefined, dir: string): string {
  switch (code) {
    case 'ENOENT': return `it is not in ${dir}`;
    case 'ELOOP': case 'EMLINK': return 'it is a symbolic link; only files directly inside the attachments folder are read';
    case 'EACCES': case 'EPERM': return 'this program is not allowed to read it';
    case 'EISDIR': return 'it is a folder, not a file';
    case 'ENXIO': return 'it is a socket or a device, not a file';
    case 'ENAMETOOLONG': return 'its name is too long for this computer';
    default: return `it cannot be opened (${code ?? 'error'})`;
  }
}

/** Why an open file is not read: anything but a regular file of at most 25 MB. */
function kindProblem(stats: Stats): string | undefined {
  if (stats.isDirectory()) return 'it is a folder, not a file';
  if (stats.isFIFO()) return 'it is a named pipe (FIFO), not a file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'it is a device, not a file';
  if (stats.isSocket()) return 'it is a socket, not a file';
  if (!stats.isFile()) return 'it is not a regular file';
  if (stats.size > MAX_ATTACHMENT_BYTES) return `it is larger than ${MAX_ATTACHMENT_SIZE_TEXT}, the most the wizard attaches`;
  return undefined;
}

/** Reads at most `limit + 1` bytes of an open file (it may have grown since it was checked). */
function readUpTo(fd: number, size: number, limit: number): Uint8Array {
  const bytes = new Uint8Array(Math.min(size, limit) + 1);
  let length = 0;
  while (length < bytes.length) {
    const n = readSync(fd, bytes, length, bytes.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return bytes.subarray(0, length);
}

/**
 * One attached file from `dir`: its bytes when `name` is a regular file directly inside the folder,
 * of at most 25 MB, whose SHA-256 is `sha256`; otherwise why it is left out.
 */
export function readAttachment(dir: string, name: string | undefined, sha256: string | undefined, mediaType: string): AttachmentFile | LeftOutFile {
  const badName = nameProblem(name);
  if (badName !== undefined) return { reason: badName };
  if (!isSha256(sha256)) return { reason: 'the claim lists no valid SHA-256 for it, so the file cannot be checked' };
  let fd: number;
  try {
    fd = openSync(join(dir, name!), OPEN_FLAGS);
  } catch (error) {
    return { reason: openProblem((error as NodeJS.ErrnoException).code, dir) };
  }
  try {
    const stats = fstatSync(fd);
    const problem = kindProblem(stats);
    if (problem !== undefined) return { reason: problem };
    const bytes = readUpTo(fd, stats.size, MAX_ATTACHMENT_BYTES);
    if (bytes.length > MAX_ATTACHMENT_BYTES) return { reason: `it is larger than ${MAX_ATTACHMENT_SIZE_TEXT}, the most the wizard attaches` };
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (digest !== sha256.toLowerCase()) {
      return { reason: 'its SHA-256 is not the one the claim lists: it is another file, or a changed copy' };
    }
    return { bytes, mediaType, sha256: digest };
  } catch (error) {
    return { reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(fd);
  }
}

/** The attached files of a claim, by attachment id, and the ones left out with their file names and reasons. */
export interface ClaimAttachments {
  readonly files: ReadonlyMap<string, AttachmentFile | LeftOutFile>;
  readonly leftOut: readonly { readonly name: string; readonly reason: string }[];
  /** The paths of the files read, which an output must not overwrite. */
  readonly read: readonly string[];
}

/** Reads every file the claim lists from `dir` (none when no folder is given). */
export function readAttachments(packet: ClaimPacket, dir: string | undefined): ClaimAttachments {
  const files = new Map<string, AttachmentFile | LeftOutFile>();
  const leftOut: { name: string; reason: string }[] = [];
  const read: string[] = [];
  for (const a of packet.attachments ?? []) {
    const file: AttachmentFile | LeftOutFile = a.id === undefined ? { reason: 'the claim gives it no id, so it cannot be matched to its entry' }
      : dir === undefined ? { reason: 'no --attachments folder was given' }
        : readAttachment(dir, a.fileName, a.sha256, a.mediaType ?? 'application/octet-stream');
    if (a.id !== undefined) files.set(a.id, file);
    if ('reason' in file) leftOut.push({ name: a.fileName ?? '', reason: file.reason });
    else read.push(join(dir!, a.fileName!));
  }
  return { files, leftOut, read };
}
