/**
 * The command line's attachment reader (`export --attachments DIR`) on a real folder with a FIFO,
 * a folder, symbolic links out of it and inside it, files over 25 MB and a secret beside it: a name
 * is a name, never a path; only regular files directly inside the folder, of at most 25 MB, whose
 * SHA-256 is the one the claim lists, are read; everything else has a reason; nothing throws.
 */
import fc from 'fast-check';
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePacket } from '../core/test-fixtures';
import type { AttachmentFolder } from '../test-support/attachment-folder';
import { FOLDER_ENTRIES, makeAttachmentFolder, SECRET } from '../test-support/attachment-folder';
import { attachmentFileName } from '../test-support/packet-arbitraries';
import { nameProblem, readAttachment, readAttachments } from './attachments';

let folder: AttachmentFolder;
beforeAll(() => {
  folder = makeAttachmentFolder();
});
afterAll(() => folder.remove());

const PDF = 'application/pdf';
const reasonFor = (name: string, sha256 = folder.sha256[name] ?? 'a'.repeat(64)) => {
  const read = readAttachment(folder.dir, name, sha256, PDF);
  return 'reason' in read ? read.reason : 'read';
};

describe('reading one attached file', () => {
  it('reads a regular file directly inside the folder whose SHA-256 is the one listed (either case)', () => {
    expect(readAttachment(folder.dir, 'invoice.pdf', folder.sha256['invoice.pdf']!.toUpperCase(), PDF))
      .toEqual({ bytes: new Uint8Array(readFileSync(join(folder.dir, 'invoice.pdf'))), mediaType: PDF, sha256: folder.sha256['invoice.pdf']!.toLowerCase() });
    expect(reasonFor('empty.pdf')).toBe('read');
    expect(reasonFor('exactly-25-mb.pdf')).toBe('read');
  });

  it('reads no name that is a path, a folder or nothing', () => {
    for (const name of ['../outside/secret.pdf', '..\\outside\\secret.pdf', 'link-folder/secret.pdf', './invoice.pdf', '/etc/passwd']) {
      expect(reasonFor(name, folder.sha256['secret.pdf']), name).toBe('its name is a path; only files directly inside the attachments folder are read');
    }
    expect(reasonFor('..')).toBe('".." names a folder, not a file');
    expect(reasonFor('.')).toBe('"." names a folder, not a file');
    expect(reasonFor('')).toBe('the claim gives it no file name');
    expect(readAttachment(folder.dir, undefined, 'a'.repeat(64), PDF)).toEqual({ reason: 'the claim gives it no file name' });
    expect(reasonFor('invoice.pdf\u0000')).toBe('its name has a NUL character, which no file name has');
  });

  it('reads no symbolic link, folder, FIFO or device, and no file over 25 MB, without waiting or throwing', () => {
    const link = 'it is a symbolic link; only files directly inside the attachments folder are read';
    expect(reasonFor('link-out.pdf', folder.sha256['secret.pdf'])).toBe(link);
    expect(reasonFor('link-in.pdf', folder.sha256['invoice.pdf'])).toBe(link);
    expect(reasonFor('dangling.pdf')).toBe(link);
    expect(reasonFor('link-folder')).toBe(link);
    expect(reasonFor('scans')).toBe('it is a folder, not a file');
    expect(reasonFor('pipe.pdf')).toBe('it is a named pipe (FIFO), not a file');
    expect(reasonFor('over-25-mb.pdf')).toBe('it is larger than 25 MB, the most the wizard attaches');
    expect(readAttachment('/dev', 'null', 'a'.repeat(64), PDF)).toEqual({ reason: 'it is a device, not a file' });
    expect(reasonFor('missing.pdf')).toBe(`it is not in ${folder.dir}`);
    expect(reasonFor('x'.repeat(300))).toBe('its name is too long for this computer');
  });

  it('reads no file whose SHA-256 is not the one listed, or when none valid is listed', () => {
    expect(reasonFor('invoice.pdf', folder.sha256['order.pdf'])).toBe('its SHA-256 is not the one the claim lists: it is another file, or a changed copy');
    expect(reasonFor('invoice.pdf', 'zz')).toBe('the claim lists no valid SHA-256 for it, so the file cannot be checked');
  });
});

describe('reading the files a claim lists', () => {
  it('keys the files by attachment id, names each one left out with its reason, and lists the paths read', () => {
    const packet = completePacket({
      attachments: [
        { id: 'a', fileName: 'invoice.pdf', sha256: folder.sha256['invoice.pdf'], mediaType: PDF },
        { id: 'b', fileName: '../outside/secret.pdf', sha256: folder.sha256['secret.pdf'] },
        { fileName: 'order.pdf', sha256: folder.sha256['order.pdf'] },
      ],
    });
    const read = readAttachments(packet, folder.dir);
    expect([...read.files.keys()]).toEqual(['a', 'b']);
    expect(read.leftOut).toEqual([
      { name: '../outside/secret.pdf', reason: 'its name is a path; only files directly inside the attachments folder are read' },
      { name: 'order.pdf', reason: 'the claim gives it no id, so it cannot be matched to its entry' },
    ]);
    expect(read.read).toEqual([join(folder.dir, 'invoice.pdf')]);
    expect(readAttachments(packet, undefined).leftOut[0]).toEqual({ name: 'invoice.pdf', reason: 'no --attachments folder was given' });
  });

  it('for any names and fingerprints: never throws, never reads beyond the folder, reads every listed regular file', () => {
    const fingerprint = fc.oneof(fc.constantFrom(...Object.values(folder.sha256)), fc.stringMatching(/^[0-9a-f]{64}$/), fc.constantFrom('', 'zz'));
    const entry = fc.record({ name: attachmentFileName, sha256: fingerprint });
    fc.assert(fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
      const packet = completePacket({ attachments: entries.map((e, i) => ({ id: `f${i}`, fileName: e.name, sha256: e.sha256, mediaType: PDF })) });
      const { files, leftOut } = readAttachments(packet, folder.dir);
      expect(files.size).toBe(entries.length);
      entries.forEach((e, i) => {
        const file = files.get(`f${i}`)!;
        const isListedFile = nameProblem(e.name) === undefined && FOLDER_ENTRIES[e.name] === 'regular' && folder.sha256[e.name] === e.sha256;
        if ('reason' in file) {
          expect(isListedFile, `${JSON.stringify(e.name)}: ${file.reason}`).toBe(false);
          expect(file.reason).toMatch(/^[a-z"]/);
          return;
        }
        expect(isListedFile, JSON.stringify(e.name)).toBe(true);
        expect(lstatSync(join(folder.dir, e.name)).isFile()).toBe(true);
        expect(Buffer.from(file.bytes).includes(SECRET)).toBe(false);
      });
      expect(leftOut).toHaveLength([...files.values()].filter((f) => 'reason' in f).length);
    }), { numRuns: 300 });
  });
});
