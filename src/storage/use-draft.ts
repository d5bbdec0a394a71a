/**
 * The draft being edited: held in memory, saved to IndexedDB at most 200 ms after each change and
 * at once when the page is hidden or closed, so a reload, a closed tab or a crash loses nothing.
 * Two tabs on one draft: the last change saved wins, and the other tab says so and shows it.
 * When the browser refuses to save (its storage is full), the draft stays here in memory, the
 * biller is told and can download it, and saving is tried again until it works.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimPacket } from '../core/packet/schema';
import { getDraft, newId, saveDraft } from './drafts';
import { draftNotSavedMessage } from './storage-errors';

const SAVE_DELAY_MS = 200;
/** After a failed save: how long until it is tried again. */
const RETRY_DELAY_MS = 3000;
const CHANNEL = 'noc-claim-wizard-drafts';
const TAB = newId();

export type SaveState =
  | { readonly kind: 'saved'; readonly at: string }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly message: string };

export interface Draft {
  readonly status: 'loading' | 'missing' | 'ready';
  readonly packet: ClaimPacket | undefined;
  readonly save: SaveState;
  /** Said when another tab changed this draft. */
  readonly notice: string | undefined;
  /** Changes when the packet is replaced from outside (another tab): forms start again from it. */
  readonly generation: number;
  readonly update: (change: (packet: ClaimPacket) => ClaimPacket) => void;
  readonly dismissNotice: () => void;
}

interface SavedMessage {
  readonly id: string;
  readonly revision: number;
  readonly tab: string;
}

export function useDraft(id: string): Draft {
  const [status, setStatus] = useState<Draft['status']>('loading');
  const [packet, setPacket] = useState<ClaimPacket | undefined>(undefined);
  const [save, setSave] = useState<SaveState>({ kind: 'saved', at: '' });
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const latest = useRef<ClaimPacket | undefined>(undefined);
  /** `latest` holds changes not saved yet (waiting for the timer, or refused by the browser). */
  const dirty = useRef(false);
  const failed = useRef(false);
  /** The wizard was closed: its last save is not tried again (the claim may be opened anew). */
  const closed = useRef(false);
  const revision = useRef(0);
  const createdAt = useRef<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const channel = useRef<BroadcastChannel | undefined>(undefined);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const current = latest.current;
    if (!dirty.current || current === undefined) return;
    dirty.current = false;
    try {
      revision.current += 1;
      const record = await saveDraft(id, current, revision.current, createdAt.current);
      failed.current = false;
      channel.current?.postMessage({ id, revision: record.revision, tab: TAB } satisfies SavedMessage);
      setSave(dirty.current ? { kind: 'saving' } : { kind: 'saved', at: record.updatedAt });
    } catch (error) {
      dirty.current = true;
      failed.current = true;
      setSave({ kind: 'failed', message: draftNotSavedMessage(error) });
      if (!closed.current) timer.current ??= setTimeout(() => void flush(), RETRY_DELAY_MS);
    }
  }, [id]);

  const update = useCallback((change: (packet: ClaimPacket) => ClaimPacket) => {
    const current = latest.current;
    if (current === undefined) return;
    const next = change(current);
    if (next === current) return;
    latest.current = next;
    dirty.current = true;
    setPacket(next);
    // A failed save stays on screen until a save works.
    if (!failed.current) setSave({ kind: 'saving' });
    // Counted from the first unsaved change, not the last: steady typing is saved as it goes.
    timer.current ??= setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [flush]);

  useEffect(() => {
    let live = true;
    closed.current = false;
    void getDraft(id).then((record) => {
      if (!live) return;
      if (record === undefined) {
        setStatus('missing');
        return;
      }
      latest.current = record.packet;
      revision.current = record.revision;
      createdAt.current = record.createdAt;
      setPacket(record.packet);
      setSave({ kind: 'saved', at: record.updatedAt });
      setStatus('ready');
    });
    // beforeunload comes first on a reload or a closed tab: a write issued there is still
    // committed (one issued on pagehide is not, in Chromium). While saving fails, the browser
    // asks before the page, and the only copy of the claim, goes.
    const onUnload = (event: BeforeUnloadEvent) => {
      if (failed.current) event.preventDefault();
      void flush();
    };
    const onHide = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    window.addEventListener('beforeunload', onUnload);
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    const bc = new BroadcastChannel(CHANNEL);
    channel.current = bc;
    bc.onmessage = (event: MessageEvent<SavedMessage>) => {
      const message = event.data;
      if (message.id !== id || message.tab === TAB || message.revision <= revision.current) return;
      if (dirty.current) {
        setNotice('This claim is also open in another tab or window. The change saved last is kept: check the other tab.');
        return;
      }
      void getDraft(id).then((record) => {
        if (!live || record === undefined) return;
        latest.current = record.packet;
        revision.current = record.revision;
        setPacket(record.packet);
        setGeneration((g) => g + 1);
        setNotice('This claim was changed in another tab or window. You now see the latest version.');
      });
    };
    return () => {
      live = false;
      closed.current = true;
      void flush();
      window.removeEventListener('beforeunload', onUnload);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      bc.close();
      channel.current = undefined;
    };
  }, [id, flush]);

  const dismissNotice = useCallback(() => setNotice(undefined), []);
  return { status, packet, save, notice, generation, update, dismissNotice };
}
