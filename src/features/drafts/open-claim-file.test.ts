import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { completePacket } from '../../core/test-fixtures';
import { getAttachmentFile, saveAttachmentFile, sha256Hex } from '../../storage/attachments';
import { openClaimFile } from './open-claim-file';

const bytes = (text: string) => new TextEncoder().encode(text);

/** A claim file listing one attachment with this id and fingerprint. */
const claimFile = (id: string, sha256: string | undefined) => JSON.stringify(completePacket({
  attachments: [{ id, kind: 'invoice', fileName: 'invoice.pdf', mediaType: 'application/pdf', size: 12, sha256 }],
}));

describe('opening a saved claim file links an attachment to a stored file by id and SHA-256 together', () => {
  it('links the stored file whose id and fingerprint both match, and no other claim\'s file with the same id', async () => {
    const mine = bytes('my invoice');
    const theirs = bytes('another patient');
    await saveAttachmentFile('claim-a', 'att-1', new Blob([mine]));
    await saveAttachmentFile('claim-b', 'att-1', new Blob([theirs]));
    const mineSha = await sha256Hex(mine.buffer as ArrayBuffer);

    const linked = await openClaimFile(claimFile('att-1', mineSha.toUpperCase()));
    expect(linked).toMatchObject({ ok: true, missingFiles: [] });
    const draftId = linked.ok ? linked.draft.id : '';
    expect(new Uint8Array(await (await getAttachmentFile(draftId, 'att-1'))!.arrayBuffer())).toEqual(mine);

    for (const sha256 of [undefined, '', 'zz', 'f'.repeat(64)]) {
      const opened = await openClaimFile(claimFile('att-1', sha256));
      expect(opened, String(sha256)).toMatchObject({ ok: true, missingFiles: ['invoice.pdf'] });
      expect(await getAttachmentFile(opened.ok ? opened.draft.id : '', 'att-1'), String(sha256)).toBeUndefined();
    }
  });
});
