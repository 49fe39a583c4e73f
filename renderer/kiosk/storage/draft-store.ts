import { ValueStore, type Observable } from '../../shared/observable.js';
import type { Draft, KioskDatabase } from './db.js';
import { isQuotaExceeded } from './quota.js';

/** Why the last draft write failed ('full': the storage quota is used up), or null when it worked. */
export type DraftSaveProblem = 'full' | 'failed' | null;

/**
 * Keeps the citizen's draft in IndexedDB so a reload or renderer crash loses nothing. Typing
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

  load(): Promise<Draft | undefined> {
    return this.db.drafts.get('current');
  }

  schedule(draft: Omit<Draft, 'id' | 'updatedAt'>): void {
    this.pending = { ...draft, id: 'current', updatedAt: new Date().toISOString() };
    this.startTimer();
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
      await this.db.drafts.put(draft);
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
