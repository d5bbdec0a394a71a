/**
 * Attached files: dropped on the drop zone or chosen with its file button (the browser's own file
 * input, visually hidden, stays the control keyboards and screen readers use), fingerprinted with
 * SHA-256, kept in IndexedDB beside the draft. The kind of document is asked once the file is in:
 * suggested from its name (invoice, order, administration record…) and changed at any time. Each
 * file shows its name, size, pages (a PDF's counted with pdf-lib, loaded only here) and a preview.
 */
import { useQuery } from '@tanstack/react-query';
import type { DragEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { FindingList, Section } from './fields';
import { ShowMore, useShownCount } from '../../components/show-more';
import { suggestDocumentKind } from '../../core/document-kind';
import type { ClaimPacket, DocumentKind } from '../../core/packet/schema';
import { ACCEPTED_TYPES, attachmentProblem, deleteAttachmentFile, getAttachmentFile, keptFile, saveAttachmentFile, sha256Hex } from '../../storage/attachments';
import { newId } from '../../storage/drafts';
import { notKeptMessage } from '../../storage/storage-errors';
import { DOCUMENT_KIND_OPTIONS } from './options';
import { fieldId } from './steps';
import { sameFindings, useWizard, useWizardData } from './wizard-context';

type Attachment = NonNullable<ClaimPacket['attachments']>[number];

/** Files listed at a time: more than the 10 a claim refers to, not the thousands a claim file from elsewhere may list. */
const FILES_PAGE = 50;
/** The types the PDF packet places on its pages (PDFs as they are, PNG and JPEG on a page each). */
const PLACED_IMAGES = ['image/png', 'image/jpeg'];

function sizeText(bytes: number | undefined): string {
  if (bytes === undefined) return 'size not recorded';
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const kindLabel = (kind: DocumentKind | undefined) => DOCUMENT_KIND_OPTIONS.find((o) => o.value === kind)?.label;

export function AttachmentsSection() {
  const { update, draftId, drugIndex } = useWizard();
  const drugId = useWizardData((d) => d.packet.drugs?.[drugIndex]?.id);
  const attachments = useWizardData((d) => d.packet.attachments ?? []);
  const [messages, setMessages] = useState<string[]>([]);
  const [attached, setAttached] = useState('');
  const [isOver, setIsOver] = useState(false);
  const [preview, setPreview] = useState<{ name: string; url: string; type: string } | undefined>(undefined);
  const dialog = useRef<HTMLDialogElement>(null);
  const hintId = useId();
  const fileId = fieldId('attachments');
  // Each file keeps its place in the packet: a finding points at attachments.<place>.kind.
  const files = attachments.map((a, place) => ({ a, place })).filter(({ a }) => a.drugId === undefined || a.drugId === '' || a.drugId === drugId);
  const listed = useShownCount(files.length, FILES_PAGE);

  const attach = async (list: FileList | null) => {
    const problems: string[] = [];
    const said: string[] = [];
    for (const chosen of [...(list ?? [])]) {
      const problem = attachmentProblem(chosen);
      if (problem !== undefined) {
        problems.push(problem);
        continue;
      }
      const file = await keptFile(chosen);
      if (typeof file === 'string') {
        problems.push(file);
        continue;
      }
      const redrawn = file === chosen ? '' : ` It is kept as ${file.name}, a PNG, so that it goes into the PDF packet.`;
      const id = newId();
      const sha256 = await sha256Hex(await file.arrayBuffer());
      try {
        await saveAttachmentFile(draftId, id, file);
      } catch (error) {
        problems.push(notKeptMessage(file.name, error));
        continue;
      }
      const kind = suggestDocumentKind(file.name);
      update((p) => ({ ...p, attachments: [...(p.attachments ?? []), { id, drugId, ...(kind === undefined ? {} : { kind }), fileName: file.name, mediaType: file.type, size: file.size, sha256 }] }));
      said.push(`${kind === undefined
        ? `${chosen.name} is attached: choose what kind of document it is.`
        : `${chosen.name} is attached as ${kindLabel(kind)}, from its name: change the kind if it is something else.`}${redrawn}`);
    }
    setMessages(problems);
    setAttached(said.join(' '));
  };

  const setKind = (id: string | undefined, kind: DocumentKind | undefined) => {
    const withKind = ({ kind: _old, ...rest }: Attachment): Attachment => (kind === undefined ? rest : { ...rest, kind });
    update((p) => ({ ...p, attachments: (p.attachments ?? []).map((a) => (a.id === id ? withKind(a) : a)) }));
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

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setIsOver(false);
    void attach(event.dataTransfer.files);
  };

  return (
    <Section title="Attached files">
      <div onDragOver={(e) => { e.preventDefault(); setIsOver(true); }} onDragLeave={() => setIsOver(false)} onDrop={drop}
        className={`flex flex-col items-center gap-2 rounded-lg border-2 border-dashed p-6 text-center ${isOver ? 'border-blue-700 bg-blue-50' : 'border-slate-400 bg-slate-50'}`}>
        <p className="font-medium">Drop files here</p>
        <p className="text-sm text-slate-700">or</p>
        <label className="cursor-pointer rounded bg-blue-800 px-4 py-2 font-semibold text-white focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-blue-700 hover:bg-blue-900">
          Choose files
          <input id={fileId} type="file" multiple accept={ACCEPTED_TYPES.join(',')} aria-describedby={hintId} className="sr-only"
            onChange={(e) => { void attach(e.target.files); e.target.value = ''; }} />
        </label>
        <p id={hintId} className="text-sm text-slate-700">PDF or images (PNG, JPEG; GIF and WebP are kept as PNG), up to 25 MB each. You say what each file is once it is attached.</p>
      </div>
      {messages.length > 0 && <ul role="alert" className="space-y-1 text-sm text-red-800">{messages.map((m) => <li key={m}>{m}</li>)}</ul>}
      <p role="status" className="text-sm text-slate-800">{attached}</p>
      {files.length === 0 ? <p className="text-sm text-slate-700">No files attached yet.</p> : (
        <ul aria-label="Files attached" className="divide-y divide-slate-200">
          {files.slice(0, listed.shown).map(({ a, place }) => (
            // An id repeated by a claim file from elsewhere must not merge two rows.
            <AttachedFile key={`${place}-${a.id}`} file={a} place={place} onKind={(kind) => setKind(a.id, kind)}
              onPreview={() => void open(a.id, a.fileName ?? 'file', a.mediaType ?? '')} onRemove={() => void remove(a.id, a.fileName)} />
          ))}
        </ul>
      )}
      <ShowMore shown={listed.shown} total={files.length} page={FILES_PAGE} what="files" onMore={listed.showMore} />
      <dialog ref={dialog} aria-label={preview === undefined ? 'Preview' : `Preview of ${preview.name}`} onClose={close}
        className="m-auto h-[85vh] w-[90vw] max-w-5xl rounded-lg p-0 backdrop:bg-black/50">
        <div className="flex h-full flex-col">
          <div className="flex items-center justify-between gap-2 border-b p-2">
            <span className="min-w-0 break-all font-medium">{preview?.name}</span>
            <button type="button" onClick={close} className="shrink-0 rounded border border-slate-400 px-3 py-1">Close preview</button>
          </div>
          {preview !== undefined && (preview.type === 'application/pdf'
            ? <iframe title={`Preview of ${preview.name}`} src={preview.url} className="grow" />
            : <img src={preview.url} alt={`Preview of ${preview.name}`} className="m-auto max-h-full max-w-full object-contain" />)}
        </div>
      </dialog>
    </Section>
  );
}

/** One attached file: a thumbnail (images), its name, size and pages, its kind (asked here), preview and remove. */
function AttachedFile({ file, place, onKind, onPreview, onRemove }: {
  file: Attachment; place: number; onKind: (kind: DocumentKind | undefined) => void; onPreview: () => void; onRemove: () => void;
}) {
  const { draftId } = useWizard();
  const kindPath = `attachments.${place}.kind`;
  const kindId = fieldId(kindPath);
  const findings = useWizardData((d) => d.findingsByPath.get(kindPath) ?? [], sameFindings);
  const name = file.fileName ?? 'Unnamed file';
  const type = file.mediaType ?? '';
  const pages = useQuery({
    queryKey: ['attachment-pages', draftId, file.id, file.sha256],
    queryFn: async () => {
      const blob = file.id === undefined ? undefined : await getAttachmentFile(draftId, file.id);
      if (blob === undefined) return 'not in this browser';
      const { pdfPageCount } = await import('../../core/export/pdf/page-count');
      const count = await pdfPageCount(await blob.arrayBuffer());
      return count === undefined ? 'pages not counted: the PDF cannot be read (damaged?)' : `${count} page${count === 1 ? '' : 's'}`;
    },
    enabled: type === 'application/pdf',
    staleTime: Infinity,
  });
  const pagesText = type === 'application/pdf' ? (pages.data ?? 'counting pages…')
    : PLACED_IMAGES.includes(type) ? '1 page (an image)' : 'an image the PDF packet cannot place (use PDF, PNG or JPEG)';
  return (
    <li className="flex flex-wrap items-start gap-3 py-3">
      {type.startsWith('image/') && file.id !== undefined ? <Thumbnail draftId={draftId} id={file.id} /> : <span aria-hidden="true" className="grid size-16 shrink-0 place-items-center rounded border border-slate-300 bg-slate-50 text-xs font-bold text-slate-600">{type === 'application/pdf' ? 'PDF' : 'FILE'}</span>}
      <div className="min-w-0 grow space-y-1">
        <p className="break-all font-medium">{name}</p>
        <p className="text-sm text-slate-700">{sizeText(file.size)} · {pagesText}</p>
        <div>
          <label htmlFor={kindId} className="block text-sm font-medium">Kind of document for {name}</label>
          <select id={kindId} value={file.kind ?? ''} aria-invalid={findings.some((f) => f.severity === 'block')}
            aria-describedby={findings.length === 0 ? undefined : `${kindId}-messages`}
            onChange={(e) => onKind(e.target.value === '' ? undefined : (e.target.value as DocumentKind))}
            className="mt-1 block w-full max-w-sm rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700">
            <option value="">Choose what this file is…</option>
            {DOCUMENT_KIND_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
          <FindingList id={`${kindId}-messages`} findings={findings} />
        </div>
        <p className="font-mono text-xs break-all text-slate-600">SHA-256 {file.sha256?.slice(0, 12)}…</p>
      </div>
      <span className="flex gap-2">
        <button type="button" onClick={onPreview} className="rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100">
          Preview<span className="sr-only"> {name}</span>
        </button>
        <button type="button" onClick={onRemove} className="rounded border border-red-700 px-2 py-1 text-sm text-red-800 hover:bg-red-50">
          Remove<span className="sr-only"> {name}</span>
        </button>
      </span>
    </li>
  );
}

/** A small picture of an attached image, from the file kept in this browser. */
function Thumbnail({ draftId, id }: { draftId: string; id: string }) {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    let made: string | undefined;
    let live = true;
    void getAttachmentFile(draftId, id).then((blob) => {
      if (!live || blob === undefined) return;
      made = URL.createObjectURL(blob);
      setUrl(made);
    });
    return () => {
      live = false;
      if (made !== undefined) URL.revokeObjectURL(made);
    };
  }, [draftId, id]);
  return url === undefined
    ? <span aria-hidden="true" className="size-16 shrink-0 rounded border border-slate-300 bg-slate-50" />
    : <img src={url} alt="" className="size-16 shrink-0 rounded border border-slate-300 object-cover" />;
}
