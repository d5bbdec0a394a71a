/**
 * The app's IndexedDB database. Everything a biller keeps lives here, in this browser only:
 * drafts, attachment files, user-defined payer profiles (reference data has its own store).
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import { openDB } from 'idb';
import type { ClaimPacket, PayerProfile } from '../core/packet/schema';

export interface DraftRecord {
  readonly id: string;
  readonly packet: ClaimPacket;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Increases with every save; tells tabs which copy is newer. */
  readonly revision: number;
}

/** An attachment's file, kept per draft under the id of the packet's attachment entry. */
export interface AttachmentRecord {
  readonly draftId: string;
  readonly id: string;
  readonly blob: Blob;
}

interface WizardDb extends DBSchema {
  drafts: { key: string; value: DraftRecord; indexes: { updatedAt: string } };
  attachments: { key: [string, string]; value: AttachmentRecord; indexes: { draftId: string; id: string } };
  profiles: { key: string; value: PayerProfile };
}

const NAME = 'noc-claim-wizard';
let opening: Promise<IDBPDatabase<WizardDb>> | undefined;

export function database(): Promise<IDBPDatabase<WizardDb>> {
  opening ??= openDB<WizardDb>(NAME, 1, {
    upgrade(db) {
      db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
      const attachments = db.createObjectStore('attachments', { keyPath: ['draftId', 'id'] });
      attachments.createIndex('draftId', 'draftId');
      attachments.createIndex('id', 'id');
      db.createObjectStore('profiles', { keyPath: 'id' });
    },
  });
  return opening;
}
