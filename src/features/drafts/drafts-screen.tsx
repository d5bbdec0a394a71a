/**
 * The claims kept in this browser: start a new one, resume, duplicate, or delete (after asking).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DraftRecord } from '../../storage/db';
import { createDraft, deleteDraft, draftTitle, duplicateDraft, listDrafts } from '../../storage/drafts';
import { notKeptMessage } from '../../storage/storage-errors';
import { formatTime } from '../../core/format';

const DRAFTS_KEY = ['drafts'] as const;


export function DraftsScreen({ onOpen }: { onOpen: (id: string) => void }) {
  const client = useQueryClient();
  const drafts = useQuery({ queryKey: DRAFTS_KEY, queryFn: listDrafts });
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | undefined>(undefined);
  const refresh = () => client.invalidateQueries({ queryKey: DRAFTS_KEY });

  /** Runs a write; when the browser refuses it (storage full), says what could not be kept. */
  const keeping = async <T,>(what: string, write: () => Promise<T>): Promise<T | undefined> => {
    setMessage(undefined);
    try {
      return await write();
    } catch (error) {
      setMessage({ kind: 'error', text: notKeptMessage(what, error) });
      return undefined;
    }
  };
  const start = async () => {
    const draft = await keeping('The new claim', createDraft);
    if (draft !== undefined) onOpen(draft.id);
  };
  const duplicate = async (id: string) => {
    await keeping('The copy', () => duplicateDraft(id));
    await refresh();
  };
  const open = async (files: FileList | null) => {
    const file = files?.[0];
    if (file === undefined) return;
    const { openClaimFile } = await import('./open-claim-file');
    const text = await file.text();
    const result = await keeping(file.name, () => openClaimFile(text));
    if (result === undefined) return;
    if (!result.ok) {
      setMessage({ kind: 'error', text: `${file.name}: ${result.message}` });
      return;
    }
    await refresh();
    if (result.missingFiles.length === 0) {
      onOpen(result.draft.id);
      return;
    }
    setMessage({
      kind: 'info',
      text: `${file.name} was opened as a new claim (first in the list). These attached files are not in this browser: ${result.missingFiles.join(', ')}. Resume the claim and attach them again on the Documentation step.`,
    });
  };
  const remove = async (id: string) => {
    await deleteDraft(id);
    setConfirming(undefined);
    await refresh();
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-2xl font-bold">Claims in this browser</h2>
        <div className="flex flex-wrap items-center gap-3">
          <label className="cursor-pointer rounded border border-blue-800 px-4 py-2 font-semibold text-blue-900 focus-within:outline-2 focus-within:outline-blue-700 hover:bg-blue-50">
            Open a saved claim file (JSON)
            <input type="file" accept="application/json,.json" className="sr-only" onChange={(e) => { void open(e.target.files); e.target.value = ''; }} />
          </label>
          <button type="button" onClick={() => void start()} className="rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900">
            Start a new claim
          </button>
        </div>
      </div>
      {message !== undefined && <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'text-red-800' : 'text-amber-900'}>{message.text}</p>}
      {drafts.isPending && <p>Loading the claims…</p>}
      {drafts.isError && <p role="alert" className="text-red-800">The saved claims could not be read from this browser's storage.</p>}
      {drafts.data?.length === 0 && <p>No claims yet. Start a new claim: it is saved in this browser as you type.</p>}
      {drafts.data !== undefined && drafts.data.length > 0 && (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {drafts.data.map((d: DraftRecord) => {
            const title = draftTitle(d.packet);
            return (
              <li key={d.id} className="flex flex-wrap items-center gap-3 p-3">
                <div className="grow">
                  <p className="font-medium">{title}</p>
                  <p className="text-sm text-slate-600">Last changed {formatTime(d.updatedAt)}</p>
                </div>
                {confirming === d.id ? (
                  <div role="group" aria-label={`Delete ${title}?`} className="flex items-center gap-2">
                    <span className="text-sm font-semibold text-red-900">Delete this claim and its files?</span>
                    <button type="button" onClick={() => void remove(d.id)} className="rounded bg-red-800 px-3 py-1.5 text-sm font-semibold text-white">Yes, delete</button>
                    <button type="button" onClick={() => setConfirming(undefined)} className="rounded border border-slate-400 px-3 py-1.5 text-sm">Keep it</button>
                  </div>
                ) : (
                  <div className="flex gap-2">
                    <button type="button" onClick={() => onOpen(d.id)} className="rounded border border-blue-800 px-3 py-1.5 text-sm font-semibold text-blue-900 hover:bg-blue-50">
                      Resume<span className="sr-only"> {title}</span>
                    </button>
                    <button type="button" onClick={() => void duplicate(d.id)} className="rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100">
                      Duplicate<span className="sr-only"> {title}</span>
                    </button>
                    <button type="button" onClick={() => setConfirming(d.id)} className="rounded border border-red-700 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50">
                      Delete<span className="sr-only"> {title}</span>
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
