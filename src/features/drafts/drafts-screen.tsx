/**
 * The claims kept in this browser: each with its account, drug, code, date of service, status
 * (draft, blocked, ready, exported) and last change, searched and filtered by status; start a new
 * claim, open a saved claim file, resume, start the next dose, duplicate, or delete (after asking).
 * The status reads each claim's evaluation, which the app makes (with the reference data) and hands
 * in as `evaluate`, and the record of exports.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { ShowMore, useShownCount } from '../../components/show-more';
import type { Evaluation } from '../../core/evaluate';
import { formatTime } from '../../core/format';
import type { ClaimPacket } from '../../core/packet/schema';
import { createDraft, deleteDraft, duplicateDraft, listDrafts, nextDoseDraft } from '../../storage/drafts';
import { latestExports, packetFingerprint } from '../../storage/exports';
import { notKeptMessage } from '../../storage/storage-errors';
import type { ClaimRow, StatusKind } from './claim-status';
import { claimRow, exportDate, matchesSearch, statusText } from './claim-status';

const DRAFTS_KEY = ['drafts'] as const;
const EXPORTS_KEY = ['exports'] as const;
/** Claims listed at a time. */
const CLAIMS_PAGE = 50;

const FILTERS: readonly { readonly value: StatusKind | 'all'; readonly label: string }[] = [
  { value: 'all', label: 'All claims' }, { value: 'draft', label: 'Drafts' }, { value: 'blocked', label: 'Blocked' },
  { value: 'ready', label: 'Ready to send' }, { value: 'exported', label: 'Exported' },
];

const STATUS_STYLE: Record<StatusKind, string> = {
  draft: 'border-slate-400 bg-slate-50 text-slate-800', blocked: 'border-red-700 bg-red-50 text-red-900',
  ready: 'border-green-700 bg-green-50 text-green-900', exported: 'border-blue-800 bg-blue-50 text-blue-900',
};

export function DraftsScreen({ onOpen, evaluate }: { onOpen: (id: string) => void; evaluate: (packet: ClaimPacket) => Evaluation }) {
  const client = useQueryClient();
  const drafts = useQuery({ queryKey: DRAFTS_KEY, queryFn: listDrafts });
  const exports = useQuery({ queryKey: EXPORTS_KEY, queryFn: latestExports });
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | undefined>(undefined);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<StatusKind | 'all'>('all');
  const searchId = useId();
  const filterId = useId();
  const refresh = () => client.invalidateQueries({ queryKey: DRAFTS_KEY });

  const rows = useMemo((): readonly (ClaimRow & { readonly updatedAt: string })[] | undefined => {
    if (drafts.data === undefined) return undefined;
    const latest = exports.data ?? new Map();
    return drafts.data.map((d) => ({
      ...claimRow(d.id, d.packet, evaluate(d.packet), latest.get(d.id), packetFingerprint(d.packet)), updatedAt: d.updatedAt,
    }));
  }, [drafts.data, exports.data, evaluate]);
  const wanted = useDeferredValue(search);
  const shown = (rows ?? []).filter((r) => (filter === 'all' || r.status.kind === filter) && matchesSearch(r, wanted));
  const listed = useShownCount(shown.length, CLAIMS_PAGE);

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
  const nextDose = async (id: string) => {
    const draft = await keeping('The claim of the next dose', () => nextDoseDraft(id));
    if (draft !== undefined) onOpen(draft.id);
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
    await Promise.all([refresh(), client.invalidateQueries({ queryKey: EXPORTS_KEY })]);
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
      {rows?.length === 0 && <p>No claims yet. Start a new claim: it is saved in this browser as you type.</p>}
      {rows !== undefined && rows.length > 0 && (
        <>
          <div role="search" aria-label="Claims" className="flex flex-wrap items-start gap-4">
            <div className="min-w-0 grow sm:grow-0">
              <label htmlFor={searchId} className="block font-medium">Search claims</label>
              <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off"
                aria-describedby={`${searchId}-hint`} className="block w-full rounded border border-slate-400 bg-white px-3 py-2 sm:w-72" />
              <p id={`${searchId}-hint`} className="text-sm text-slate-600">Account, drug, NDC, code or date of service.</p>
            </div>
            <div>
              <label htmlFor={filterId} className="block font-medium">Status</label>
              <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value as StatusKind | 'all')}
                className="block rounded border border-slate-400 bg-white px-3 py-2">
                {FILTERS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
              </select>
            </div>
          </div>
          <p aria-live="polite" className="text-sm text-slate-700">
            {shown.length === rows.length ? `${rows.length} claim${rows.length === 1 ? '' : 's'}` : `${shown.length} of ${rows.length} claims shown`}
          </p>
          {shown.length > 0 && (
            <ul aria-label="Claims" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {shown.slice(0, listed.shown).map((row) => (
                <ClaimItem key={row.id} row={row} isConfirming={confirming === row.id} onOpen={() => onOpen(row.id)}
                  onNextDose={() => void nextDose(row.id)} onDuplicate={() => void duplicate(row.id)}
                  onAskDelete={() => setConfirming(row.id)} onKeep={() => setConfirming(undefined)} onDelete={() => void remove(row.id)} />
              ))}
            </ul>
          )}
          <ShowMore shown={listed.shown} total={shown.length} page={CLAIMS_PAGE} what="claims" onMore={listed.showMore} />
        </>
      )}
    </div>
  );
}

interface ItemActions {
  readonly onOpen: () => void;
  readonly onNextDose: () => void;
  readonly onDuplicate: () => void;
  readonly onAskDelete: () => void;
  readonly onKeep: () => void;
  readonly onDelete: () => void;
}

function ClaimItem({ row, isConfirming, ...act }: ItemActions & { row: ClaimRow & { readonly updatedAt: string }; isConfirming: boolean }) {
  const facts: [string, string][] = [
    ['Account', row.account || 'not entered'], ['Drug', row.drug], ['Code', row.codes || 'not decided yet'],
    ['Date of service', row.dateOfService || 'not entered'], ['Last change', formatTime(row.updatedAt)],
  ];
  return (
    <li className="space-y-2 p-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="min-w-0 break-words font-medium">{row.title}</p>
        <p className={`rounded border px-2 py-0.5 text-sm font-semibold ${STATUS_STYLE[row.status.kind]}`}>
          <span className="sr-only">Status: </span>{statusText(row.status)}
        </p>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm sm:flex sm:flex-wrap sm:gap-x-6">
        {facts.map(([term, value]) => (
          <div key={term} className="contents sm:flex sm:gap-1">
            <dt className="text-slate-600">{term}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
      {row.changedSinceExport !== null && <p className="text-sm text-amber-900">Exported {exportDate(row.changedSinceExport)}, changed since: export it again before sending.</p>}
      {isConfirming ? (
        <div role="group" aria-label={`Delete ${row.title}?`} className="flex flex-wrap items-center gap-2">
          <span className="text-sm font-semibold text-red-900">Delete this claim and its files?</span>
          <button type="button" onClick={act.onDelete} className="rounded bg-red-800 px-3 py-1.5 text-sm font-semibold text-white">Yes, delete</button>
          <button type="button" onClick={act.onKeep} className="rounded border border-slate-400 px-3 py-1.5 text-sm">Keep it</button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={act.onOpen} className="rounded border border-blue-800 px-3 py-1.5 text-sm font-semibold text-blue-900 hover:bg-blue-50">
            Resume<span className="sr-only"> {row.title}</span>
          </button>
          <button type="button" onClick={act.onNextDose} className="rounded border border-blue-800 px-3 py-1.5 text-sm text-blue-900 hover:bg-blue-50">
            Start the next dose<span className="sr-only"> from {row.title}</span>
          </button>
          <button type="button" onClick={act.onDuplicate} className="rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100">
            Duplicate<span className="sr-only"> {row.title}</span>
          </button>
          <button type="button" onClick={act.onAskDelete} className="rounded border border-red-700 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50">
            Delete<span className="sr-only"> {row.title}</span>
          </button>
        </div>
      )}
    </li>
  );
}
