/**
 * Attached files: chosen from the computer (PDF or images), fingerprinted with SHA-256, kept in
 * IndexedDB beside the draft, previewable and removable. The packet lists them for the export.
 */
import { useId, useRef, useState } from 'react';
import { Section } from './fields';
import { ShowMore, useShownCount } from '../../components/show-more';
import type { DocumentKind } from '../../core/packet/schema';
import { attachmentProblem, deleteAttachmentFile, getAttachmentFile, saveAttachmentFile, sha256Hex } from '../../storage/attachments';
import { newId } from '../../storage/drafts';
import { notKeptMessage } from '../../storage/storage-errors';
import { DOCUMENT_KIND_OPTIONS } from './options';
import { fieldId } from './steps';
import { useWizard, useWizardData } from './wizard-context';

/** Files listed at a time: more than the 10 a claim refers to, not the thousands a claim file from elsewhere may list. */
const FILES_PAGE = 50;

function sizeText(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function AttachmentsSection() {
  const { update, draftId, drugIndex } = useWizard();
  const drugId = useWizardData((d) => d.packet.drugs?.[drugIndex]?.id);
  const attachments = useWizardData((d) => d.packet.attachments ?? []);
  const [kind, setKind] = useState<DocumentKind>('invoice');
  const [messages, setMessages] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ name: string; url: string; type: string } | undefined>(undefined);
  const dialog = useRef<HTMLDialogElement>(null);
  const kindId = useId();
  const fileId = fieldId('attachments');
  const files = attachments.filter((a) => a.drugId === undefined || a.drugId === '' || a.drugId === drugId);
  const listed = useShownCount(files.length, FILES_PAGE);

  const attach = async (list: FileList | null) => {
    const problems: string[] = [];
    for (const file of [...(list ?? [])]) {
      const problem = attachmentProblem(file);
      if (problem !== undefined) {
        problems.push(problem);
        continue;
      }
      const id = newId();
      const sha256 = await sha256Hex(await file.arrayBuffer());
      try {
        await saveAttachmentFile(draftId, id, file);
      } catch (error) {
        problems.push(notKeptMessage(file.name, error));
        continue;
      }
      update((p) => ({ ...p, attachments: [...(p.attachments ?? []), { id, drugId, kind, fileName: file.name, mediaType: file.type, size: file.size, sha256 }] }));
    }
    setMessages(problems);
  };

  const remove = async (id: string | undefined, name: string | undefined) => {
    if (id === undefined || !window.confirm(`Remove ${name ?? 'this file'} from the claim?`)) return;
    update((p) => ({ ...p, attachments: (p.attachments ?? []).filter((a) => a.id !== id) }));
    await deleteAttachmentFile(draftId, id);
  };

  const open = async (id: string | undefined, name: string, type: string) => {
    if (id === undefined) return;
    const blob = await getAttachmentFile(draftId, id);
    if (blob === undefined) {
      setMessages([`${name} is listed but its file is not in this browser. Attach it again.`]);
      return;
    }
    setPreview({ name, url: URL.createObjectURL(blob), type });
    dialog.current?.showModal();
  };

  const close = () => {
    dialog.current?.close();
    if (preview !== undefined) URL.revokeObjectURL(preview.url);
    setPreview(undefined);
  };

  return (
    <Section title="Attached files">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={kindId} className="block font-medium">Kind of document</label>
          <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)} className="rounded border border-slate-400 px-3 py-2">
            {DOCUMENT_KIND_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={fileId} className="block font-medium">Attach files (PDF or images)</label>
          <input id={fileId} type="file" multiple accept="application/pdf,image/png,image/jpeg,image/gif,image/webp"
            onChange={(e) => { void attach(e.target.files); e.target.value = ''; }} className="block text-sm" />
        </div>
      </div>
      {messages.length > 0 && <ul role="alert" className="space-y-1 text-sm text-red-800">{messages.map((m) => <li key={m}>{m}</li>)}</ul>}
      {files.length === 0 ? <p className="text-sm text-slate-700">No files attached yet.</p> : (
        <ul className="divide-y divide-slate-200">
          {files.slice(0, listed.shown).map((a, i) => (
            // An id repeated by a claim file from elsewhere must not merge two rows.
            <li key={`${i}-${a.id}`} className="flex flex-wrap items-center gap-3 py-2">
              <span className="font-medium">{a.fileName}</span>
              <span className="text-sm text-slate-700">{DOCUMENT_KIND_OPTIONS.find((o) => o.value === a.kind)?.label} · {sizeText(a.size)}</span>
              <span className="font-mono text-xs text-slate-600" title={a.sha256}>SHA-256 {a.sha256?.slice(0, 12)}…</span>
              <span className="ml-auto flex gap-2">
                <button type="button" onClick={() => void open(a.id, a.fileName ?? 'file', a.mediaType ?? '')} className="rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100">
                  Preview<span className="sr-only"> {a.fileName}</span>
                </button>
                <button type="button" onClick={() => void remove(a.id, a.fileName)} className="rounded border border-red-700 px-2 py-1 text-sm text-red-800 hover:bg-red-50">
                  Remove<span className="sr-only"> {a.fileName}</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <ShowMore shown={listed.shown} total={files.length} page={FILES_PAGE} what="files" onMore={listed.showMore} />
      <dialog ref={dialog} aria-label={preview === undefined ? 'Preview' : `Preview of ${preview.name}`} onClose={close}
        className="m-auto h-[85vh] w-[90vw] max-w-5xl rounded-lg p-0 backdrop:bg-black/50">
        <div className="flex h-full flex-col">
          <div className="flex items-center justify-between border-b p-2">
            <span className="font-medium">{preview?.name}</span>
            <button type="button" onClick={close} className="rounded border border-slate-400 px-3 py-1">Close preview</button>
          </div>
          {preview !== undefined && (preview.type === 'application/pdf'
            ? <iframe title={`Preview of ${preview.name}`} src={preview.url} className="grow" />
            : <img src={preview.url} alt={`Preview of ${preview.name}`} className="m-auto max-h-full max-w-full object-contain" />)}
        </div>
      </dialog>
    </Section>
  );
}
