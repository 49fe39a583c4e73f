import Dexie, { type EntityTable } from 'dexie';
import type { Category, LifeSituation, Office, Service } from '../../../protocol/catalog.js';
import type { ContentChange } from '../../../protocol/content-changes.js';
import type { ContentSnapshot } from '../../../protocol/content.js';
import type { FormAnswers, FormDefinition } from '../../../protocol/forms.js';
import type { SubmissionRequest } from '../../../protocol/submission.js';
import { defaultKeeper, SessionVault, type KeyKeeper, type Sealed } from './session-vault.js';

/**
 * The one owner of the kiosk's IndexedDB. Nothing else opens the database.
 *
 * Three kinds of data live here, with different lifetimes:
 * - synced content (offices, services, forms, ...): kept across citizens, replaced atomically;
 * - the outbox: finalized applications waiting for the hub, kept until the hub acknowledges;
 * - the draft: what the current citizen is typing, deleted when the session ends. It is stored
 *   only as ciphertext under the session key (session-vault.ts), forgotten when the session ends,
 *   so what LevelDB keeps of deleted drafts cannot be read.
 */
export interface StoredForm extends FormDefinition {
  /** `${id}@${version}`: a citizen who began an older version can still finish it. */
  key: string;
}

export interface Draft {
  id: 'current';
  locale: string;
  serviceId: string;
  formKey: string;
  stepIndex: number;
  answers: FormAnswers;
  updatedAt: string;
}

/** The draft as stored: in the clear only which form it is for and how old it is. */
export interface StoredDraft {
  id: 'current';
  /** Kept readable: a content update must keep the form version an open draft refers to. */
  formKey: string;
  /** Kept readable: a stale draft is discarded unopened. */
  updatedAt: string;
  /** locale, serviceId, stepIndex and the answers, under the session key. */
  sealed: Sealed;
}

export type OutboxState = 'final' | 'sending' | 'quarantined';

export interface OutboxEntry {
  id: string;
  state: OutboxState;
  request: SubmissionRequest;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: string;
  /** When it went to quarantine (entries quarantined before this field existed have none). */
  quarantinedAt?: string;
}

/**
 * A photo or scan the citizen took for the current draft: citizen data (wiped at session end,
 * deleted in the finalize transaction), stored as StoredDraftAttachment.
 */
export interface DraftAttachment {
  id: string;
  /** The form field it was taken for. */
  fieldId: string;
  name: string;
  mediaType: string;
  size: number;
  bytes: Uint8Array<ArrayBuffer>;
  createdAt: string;
}

/** A draft photo as stored: its bytes and its name, type and size under the session key. */
export interface StoredDraftAttachment {
  id: string;
  fieldId: string;
  createdAt: string;
  /** { name, mediaType, size } */
  sealedInfo: Sealed;
  sealedBytes: Sealed;
}

/** A finalized application's attachment as it travels: its JWE, kept until the hub acknowledges. */
export interface OutboxAttachment {
  submissionId: string;
  id: string;
  jwe: string;
}

export interface DeviceSetting {
  key: string;
  value: unknown;
}

export interface ContentMeta {
  key: 'content';
  revision: string;
  municipality: ContentSnapshot['municipality'];
  /** Where the next delta pull starts (the hub's opaque checkpoint). */
  checkpoint: string | null;
  syncedAt: string;
}

/** A delta pull in progress: pages are staged here and applied together when the last arrives. */
export interface PullCursor {
  key: 'cursor';
  resumeFrom: string | null;
  revision: string;
  municipality: ContentSnapshot['municipality'];
}

/**
 * One staged page of a pull: the hub's answer as the text it came in (validated on arrival), so
 * staging costs one string copy instead of cloning thousands of objects. Rows of one change
 * each (`change`) were written by earlier versions and are still read.
 */
export interface StagedChange {
  seq?: number;
  page?: string;
  change?: ContentChange;
}

export class KioskDatabase extends Dexie {
  offices!: EntityTable<Office, 'id'>;
  categories!: EntityTable<Category, 'id'>;
  lifeSituations!: EntityTable<LifeSituation, 'id'>;
  services!: EntityTable<Service, 'id'>;
  forms!: EntityTable<StoredForm, 'key'>;
  meta!: EntityTable<ContentMeta, 'key'>;
  drafts!: EntityTable<StoredDraft, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'id'>;
  device!: EntityTable<DeviceSetting, 'key'>;
  pull!: EntityTable<PullCursor, 'key'>;
  staged!: EntityTable<StagedChange, 'seq'>;
  draftAttachments!: EntityTable<StoredDraftAttachment, 'id'>;
  outboxAttachments!: Dexie.Table<OutboxAttachment, [string, string]>;
  /** The current citizen's key: drafts and their photos. Forgotten when the session ends. */
  readonly sessionVault: SessionVault;
  /**
   * The key of the callback queue: requests waiting for the hub outlive the citizen's session but
   * not a restart of the browser or the shell. Forgotten whenever the queue is empty.
   */
  readonly queueVault: SessionVault;

  constructor(name: string, keeper: KeyKeeper = defaultKeeper()) {
    super(name);
    this.sessionVault = new SessionVault('session', keeper);
    this.queueVault = new SessionVault('queue', keeper);
    this.version(1).stores({
      offices: 'id',
      categories: 'id, order',
      lifeSituations: 'id',
      services: 'id, categoryId, *lifeSituationIds',
      forms: 'key, id',
      meta: 'key',
      drafts: 'id',
      outbox: 'id, state, nextAttemptAt',
      device: 'key',
    });
    this.version(2).stores({ pull: 'key', staged: '++seq' });
    // The sender reads the oldest waiting applications by one index range instead of a scan.
    this.version(3).stores({ outbox: 'id, state, nextAttemptAt, [state+createdAt]' });
    // Attachments: the draft's photos (citizen data) and the sealed ones waiting in the outbox,
    // apart from the outbox entries so the sender's scans do not load megabytes of ciphertext.
    this.version(6).stores({
      draftAttachments: 'id, fieldId',
      outboxAttachments: '[submissionId+id], submissionId',
    });
    // When the next application is due, and which ones wait out a backoff, by one index range:
    // after a day offline the outbox holds hundreds of entries of ~30 KB each, and a scan that
    // loads them all (or a reset that rewrites them all) held up the flush by half a minute.
    this.version(7).stores({ outbox: 'id, state, nextAttemptAt, [state+createdAt], [state+nextAttemptAt]' });
    // Drafts and their photos are sealed from now on: plaintext rows of earlier versions go (a
    // draft in progress during the update is lost, as after a restart). Queued callback requests
    // of earlier versions are still read and sent (call-request-store.ts).
    this.version(8)
      .stores({})
      .upgrade(async (tx) => {
        await tx.table('drafts').clear();
        await tx.table('draftAttachments').clear();
      });
  }
}

export const DATABASE_NAME = 'point-of-public-kiosk';

export function formKey(id: string, version: number): string {
  return `${id}@${version}`;
}
