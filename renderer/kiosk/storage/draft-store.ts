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
    if (this.timer === null) this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Writes what is pending now; never rejects (a failure shows in `problem`). */
  async flush(): Promise<void> {
    this.cancelTimer();
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

  private async write(draft: Draft): Promise<void> {
    try {
      await this.db.drafts.put(draft);
      this.saveProblem.set(null);
    } catch (error) {
      console.warn('draft not saved', error);
      this.saveProblem.set(isQuotaExceeded(error) ? 'full' : 'failed');
    }
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
