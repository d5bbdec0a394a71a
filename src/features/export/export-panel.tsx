/**
 * The review step's payer exports, open only when the core says the claim is complete: the PDF
 * packet (pdf-lib loaded on the first click), the FHIR R4 Claim, the 837 service-line fragment, and
 * the claim-form strings with copy buttons. Each download is recorded (storage/exports.ts), so the
 * claims list can say the claim was exported, and when. (The claim file, JSON, is saved at any step
 * from the wizard's header: claim-file.ts.)
 */
import { useState } from 'react';
import { downloadBlob, packetFileName } from '../../components/download';
import type { Evaluation } from '../../core/evaluate';
import { claimFormStrings } from '../../core/export/claim-form';
import type { ExportRefusal } from '../../core/export/export-claim';
import { fhirClaim } from '../../core/export/fhir';
import type { ReferenceVersion } from '../../core/export/json-packet';
import type { X12Delimiters } from '../../core/export/x12';
import { DEFAULT_DELIMITERS, x12Fragment } from '../../core/export/x12';
import type { ClaimPacket } from '../../core/packet/schema';
import { getAttachmentFile, sha256Hex } from '../../storage/attachments';
import type { ExportRecord } from '../../storage/db';
import { recordExport } from '../../storage/exports';
import type { AttachmentFile } from '../../core/export/pdf/packet';

/** Why the 837 fragment cannot carry a filing-limit exception, and where it goes instead. */
const NO_CLM = 'The 837 fragment has service lines only: the exception goes in the claim-level CLM segment (CLM20, delay reason code), which your practice system or clearinghouse writes. Enter it there.';

const BUTTON = 'rounded px-4 py-2 font-semibold aria-disabled:cursor-not-allowed aria-disabled:bg-slate-300 aria-disabled:text-slate-700';

function text(blobText: string, type: string): Blob {
  return new Blob([blobText], { type });
}

/** The attachment files of the packet, read from this browser's storage. */
async function attachmentFiles(draftId: string, packet: ClaimPacket): Promise<Map<string, AttachmentFile>> {
  const files = new Map<string, AttachmentFile>();
  for (const a of packet.attachments ?? []) {
    if (a.id === undefined) continue;
    const blob = await getAttachmentFile(draftId, a.id);
    if (blob === undefined) continue;
    const bytes = await blob.arrayBuffer();
    files.set(a.id, { bytes: new Uint8Array(bytes), mediaType: a.mediaType ?? blob.type, sha256: await sha256Hex(bytes) });
  }
  return files;
}

/** `reference` is the reference data the evaluation used, recorded in the exports. */
export function ExportPanel({ draftId, packet, evaluation, blockedBy, reference }: {
  draftId: string; packet: ClaimPacket; evaluation: Evaluation; blockedBy: string | undefined; reference: readonly ReferenceVersion[];
}) {
  const [status, setStatus] = useState<string>('');
  const [delimiters, setDelimiters] = useState<X12Delimiters>(DEFAULT_DELIMITERS);
  const isBlocked = !evaluation.exportable;
  const refused = (r: ExportRefusal) => setStatus(`Not exported: ${r.problems.join(' ')}`);

  const exception = evaluation.timelyFiling?.exception ?? null;
  /** Runs an export; one that downloaded a file (`format`) is recorded for the claims list. */
  const run = (label: string, action: () => Promise<ExportRecord['format'] | void> | ExportRecord['format'] | void) => async () => {
    if (isBlocked) return;
    setStatus(`${label}…`);
    try {
      const format = await action();
      // The download is done: a record that cannot be kept (storage full) only leaves the list less informed.
      if (format !== undefined) await recordExport(draftId, format, packet).catch(() => undefined);
    } catch (error) {
      setStatus(`${label} failed: ${error instanceof Error ? error.message : 'unexpected error'}. Try again; your claim is kept.`);
    }
  };

  const pdf = run('Building the PDF packet', async () => {
    const [{ buildPdfPacket }, { browserFont }] = await Promise.all([import('../../core/export/pdf/packet'), import('./browser-font')]);
    const result = await buildPdfPacket({
      packet, evaluation, font: browserFont, attachments: await attachmentFiles(draftId, packet), exportedAt: new Date().toISOString(), reference,
    });
    if (!result.ok) return refused(result);
    downloadBlob(packetFileName(packet, 'pdf'), new Blob([result.value as BlobPart], { type: 'application/pdf' }));
    setStatus('The PDF packet was downloaded.');
    return 'pdf';
  });
  const fhir = run('Writing the FHIR Claim', () => {
    const result = fhirClaim(packet, evaluation, new Date().toISOString());
    if (!result.ok) return refused(result);
    downloadBlob(packetFileName(packet, 'fhir.json'), text(`${JSON.stringify(result.value, null, 2)}\n`, 'application/fhir+json'));
    setStatus(exception === null ? 'The FHIR R4 Claim was downloaded.' : 'The FHIR R4 Claim was downloaded, with the exception to the filing limit as supporting information.');
    return 'fhir';
  });
  const x12 = run('Writing the 837 fragment', () => {
    const result = x12Fragment(evaluation, delimiters);
    if (!result.ok) return refused(result);
    downloadBlob(packetFileName(packet, `${result.value.transaction.toLowerCase()}.txt`), text(`${result.value.segments.join('\n')}\n`, 'text/plain'));
    setStatus(`The ${result.value.transaction} service-line fragment was downloaded.${exception === null ? '' : ` ${NO_CLM}`}`);
    return 'x12';
  });

  const actions: [string, () => Promise<void>][] = [
    ['Download the PDF packet', pdf], ['Download the FHIR Claim (JSON)', fhir], ['Download the 837 fragment', x12],
  ];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3">
        {actions.map(([label, action], i) => (
          <button key={label} type="button" aria-disabled={isBlocked} aria-describedby={blockedBy} onClick={() => void action()}
            className={`${BUTTON} ${i === 0 ? 'bg-blue-800 text-white hover:bg-blue-900' : 'border border-blue-800 text-blue-900 hover:bg-blue-50'}`}>
            {label}
          </button>
        ))}
      </div>
      {exception !== null && <p className="text-sm text-slate-700">The exception to the filing limit is in the PDF packet and the FHIR Claim. {NO_CLM}</p>}
      <p role="status" className="text-sm">{status}</p>
      <details className="text-sm">
        <summary className="cursor-pointer">837 delimiters (only if your clearinghouse uses others)</summary>
        <div className="mt-2 flex flex-wrap gap-4">
          {(['element', 'component', 'segment'] as const).map((k) => (
            <label key={k} className="flex items-center gap-2">
              {k === 'element' ? 'Element separator' : k === 'component' ? 'Component separator' : 'Segment terminator'}
              <input value={delimiters[k]} maxLength={1} onChange={(e) => setDelimiters({ ...delimiters, [k]: e.target.value })}
                className="w-12 rounded border border-slate-400 px-2 py-1 text-center font-mono" />
            </label>
          ))}
        </div>
      </details>
      {!isBlocked && <ClaimFormCopy evaluation={evaluation} />}
    </div>
  );
}

/** The exact strings to type into a practice-management system or a clearinghouse portal. */
function ClaimFormCopy({ evaluation }: { evaluation: Evaluation }) {
  const [copied, setCopied] = useState('');
  const form = claimFormStrings(evaluation);
  if (!form.ok) return null;
  const rows: [string, string][] = form.value.form === 'CMS-1500'
    ? [...form.value.lines.flatMap((l): [string, string][] => [
      [`Line ${l.line}: Item 24A shaded (NDC)`, l.item24AShaded], [`Line ${l.line}: Item 24D`, l.item24D], [`Line ${l.line}: Item 24G`, l.item24G],
    ]), ['Item 19', form.value.item19]]
    : [...form.value.lines.flatMap((l): [string, string][] => [
      [`Line ${l.line}: FL42`, l.fl42], [`Line ${l.line}: FL43`, l.fl43], [`Line ${l.line}: FL44`, l.fl44], [`Line ${l.line}: FL46`, l.fl46],
    ]), ['FL80 remarks', form.value.fl80]];
  const copy = async (label: string, value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(`${label} copied.`);
    } catch {
      setCopied(`${label} could not be copied: select the text and copy it.`);
    }
  };
  return (
    <table className="stack-table w-full text-left text-sm">
      <caption className="text-left font-semibold">{form.value.form} boxes to copy</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label} className="border-b border-slate-100">
            <th scope="row" className="py-1 pr-3 font-medium">{label}</th>
            <td className="py-1 pr-3 font-mono break-all">{value || '—'}</td>
            <td className="py-1">
              <button type="button" onClick={() => void copy(label, value)} className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100">
                Copy<span className="sr-only"> {label}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot><tr><td colSpan={3} role="status" className="pt-1">{copied}</td></tr></tfoot>
    </table>
  );
}
