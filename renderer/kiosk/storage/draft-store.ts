import { ValueStore, type Observable } from '../../shared/observable.js';
import type { Draft, KioskDatabase, StoredDraft } from './db.js';
import { isQuotaExceeded } from './quota.js';

/** Why the last draft write failed ('full': the storage quota is used up), or null when it worked. */
export type DraftSaveProblem = 'full' | 'failed' | null;

/** What of a draft is sealed under the session key. */
type SealedPart = Pick<Draft, 'locale' | 'serviceId' | 'stepIndex' | 'answers'>;

/**
 * Keeps the citizen's draft in IndexedDB so a reload or renderer crash loses nothing, sealed
 * under the session key (session-vault.ts): after a restart of the browser, or once the session
 * ended, what is left of it on disk cannot be read, and `load` finds no draft. Typing
 * comes in bursts, so writes are debounced; `flush` writes at once (step change, submit).
 * A failed write never breaks the form: it is reported through `problem` and the next change
 * tries again.
 */
export class DraftStore {
  private pending: Draft | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  /** While the submission is being stored: changes are kept in memory, not written. */
  private holding = false;
  private readonly saveProblem = new ValueStore<DraftSaveProblem>(null);

  constructor(
    private readonly db: KioskDatabase,
    private readonly delayMs = 400,
  ) {}

  get problem(): Observable<DraftSaveProblem> {
    return this.saveProblem;
  }

  /** The stored draft; undefined when there is none or its key is gone (it is then deleted). */
  async load(): Promise<Draft | undefined> {
    const stored = await this.db.drafts.get('current');
    if (!stored) return undefined;
    const part = await this.db.sessionVault.openJson<SealedPart>(stored.sealed, draftBinding(stored));
    if (!part) {
      await this.discard();
      return undefined;
    }
    return { ...part, id: 'current', formKey: stored.formKey, updatedAt: stored.updatedAt };
  }

  schedule(draft: Omit<Draft, 'id' | 'updatedAt'>): void {
    this.pending = { ...draft, id: 'current', updatedAt: new Date().toISOString() };
    this.startTimer();
  }

  /** Waits for the writes already started; a debounced change stays pending. */
  async settled(): Promise<void> {
    await this.writing;
  }

  /** Writes what is pending now; never rejects (a failure shows in `problem`). */
  async flush(): Promise<void> {
    this.cancelTimer();
    if (this.holding) return this.writing;
    const draft = this.pending;
    this.pending = null;
    if (draft) this.writing = this.writing.then(() => this.write(draft));
    await this.writing;
  }

  /** Forgets the draft: nothing pending, nothing stored, its photos included. */
  async discard(): Promise<void> {
    this.cancelTimer();
    this.pending = null;
    await this.writing;
    await this.db.transaction('rw', this.db.drafts, this.db.draftAttachments, async () => {
      await this.db.drafts.clear();
      await this.db.draftAttachments.clear();
    });
    this.db.sessionVault.forget();
    this.saveProblem.set(null);
  }

  /**
   * Ends the draft by submitting it: what is pending is written first, then `store` runs (the
   * transaction that stores the application deletes the draft with it, so it is deleted once and
   * together with that write). A change made meanwhile is not written back after it; if `store`
   * fails, the draft stays and that change is saved as usual.
   */
  async finish<T>(store: () => Promise<T>): Promise<T> {
    await this.flush();
    this.holding = true;
    try {
      const result = await store();
      this.pending = null;
      this.saveProblem.set(null);
      return result;
    } finally {
      this.holding = false;
      this.startTimer();
    }
  }

  private async write(draft: Draft): Promise<void> {
    try {
      const { locale, serviceId, stepIndex, answers, formKey, updatedAt } = draft;
      const part: SealedPart = { locale, serviceId, stepIndex, answers };
      const stored: Omit<StoredDraft, 'sealed'> = { id: 'current', formKey, updatedAt };
      const sealed = await this.db.sessionVault.sealJson(part, draftBinding(stored));
      await this.db.drafts.put({ ...stored, sealed });
      this.saveProblem.set(null);
    } catch (error) {
      console.warn('draft not saved', error);
      this.saveProblem.set(isQuotaExceeded(error) ? 'full' : 'failed');
    }
  }

  private startTimer(): void {
    if (this.pending && !this.holding && this.timer === null)
      this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** The clear fields are bound into the ciphertext: a row with another form or age does not open. */
function draftBinding(stored: Pick<StoredDraft, 'id' | 'formKey' | 'updatedAt'>): string {
  return `draft:${stored.id}:${stored.formKey}:${stored.updatedAt}`;
}
