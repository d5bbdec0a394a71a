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

/**
 * A claim sent out of the office: a payer export (PDF packet, FHIR Claim, 837 fragment) downloaded,
 * with the claim's fingerprint then, so the claims list can tell a claim changed since.
 */
export interface ExportRecord {
  readonly draftId: string;
  /** ISO date-time of the download. */
  readonly at: string;
  readonly format: 'pdf' | 'fhir' | 'x12';
  /** `packetFingerprint` of the claim exported. */
  readonly fingerprint: string;
}

interface WizardDb extends DBSchema {
  drafts: { key: string; value: DraftRecord; indexes: { updatedAt: string } };
  exports: { key: number; value: ExportRecord; indexes: { draftId: string } };
  attachments: { key: [string, string]; value: AttachmentRecord; indexes: { draftId: string; id: string } };
  profiles: { key: string; value: PayerProfile };
}

const NAME = 'noc-claim-wizard';
let opening: Promise<IDBPDatabase<WizardDb>> | undefined;

/** Version 2 added the record of exports; a browser that has version 1 keeps its claims and files. */
export function database(): Promise<IDBPDatabase<WizardDb>> {
  opening ??= openDB<WizardDb>(NAME, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
        const attachments = db.createObjectStore('attachments', { keyPath: ['draftId', 'id'] });
        attachments.createIndex('draftId', 'draftId');
        attachments.createIndex('id', 'id');
        db.createObjectStore('profiles', { keyPath: 'id' });
      }
      if (oldVersion < 2) db.createObjectStore('exports', { autoIncrement: true }).createIndex('draftId', 'draftId');
    },
    // A newer version opened in another tab: this one lets go, so its upgrade is not held up.
    blocking: (_current, _next, event) => (event.target as IDBDatabase).close(),
  });
  return opening;
}
