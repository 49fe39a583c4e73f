import type { Draft, KioskDatabase } from './db.js';

/**
 * Keeps the citizen's draft in IndexedDB so a reload or renderer crash loses nothing. Typing
 * comes in bursts, so writes are debounced; `flush` writes at once (step change, submit).
 */
export class DraftStore {
  private pending: Draft | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: KioskDatabase,
    private readonly delayMs = 400,
  ) {}

  load(): Promise<Draft | undefined> {
    return this.db.drafts.get('current');
  }

  schedule(draft: Omit<Draft, 'id' | 'updatedAt'>): void {
    this.pending = { ...draft, id: 'current', updatedAt: new Date().toISOString() };
    if (this.timer === null) this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  async flush(): Promise<void> {
    this.cancelTimer();
    const draft = this.pending;
    this.pending = null;
    if (draft) this.writing = this.writing.then(() => this.db.drafts.put(draft).then(() => undefined));
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
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
