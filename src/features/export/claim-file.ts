/**
 * "Save claim file": the claim as a JSON export, whatever its state. A claim that is not complete is
 * saved as a draft, said at the top of the file and in its name; the claims list opens either again
 * ("Open a saved claim file"), so a blocked claim can go to a colleague and nothing typed is lost.
 */
import { downloadBlob, packetFileName } from '../../components/download';
import type { Evaluation } from '../../core/evaluate';
import type { ReferenceVersion } from '../../core/export/json-packet';
import { buildClaimExport, claimExportJson } from '../../core/export/json-packet';
import type { ClaimPacket } from '../../core/packet/schema';

/** Downloads the claim file; what to tell the biller. */
export function saveClaimFile(packet: ClaimPacket, evaluation: Evaluation, reference: readonly ReferenceVersion[]): string {
  const file = buildClaimExport(packet, evaluation, { exportedAt: new Date().toISOString(), reference });
  const isDraft = file.status === 'draft';
  const name = packetFileName(packet, 'json', isDraft);
  downloadBlob(name, new Blob([claimExportJson(file)], { type: 'application/json' }));
  return isDraft
    ? `Saved ${name}: a draft, not for sending. Open it from the claims list ("Open a saved claim file") to go on with it.`
    : `Saved ${name}: the complete claim. Open it from the claims list ("Open a saved claim file") to check it again or start the next dose.`;
}
