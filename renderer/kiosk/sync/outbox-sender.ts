import { ATTACHMENT_DEFAULTS, type AttachmentRef } from '../../../protocol/attachments.js';
import type { SubmissionReceipt } from '../../../protocol/submission.js';
import { HttpError } from '../../shared/http.js';
import type { HubClient } from './hub-client.js';
import { classifyFailure, retryDelayMs } from './backoff.js';
import type { KioskDatabase, OutboxEntry } from '../storage/db.js';
import {
  acknowledge,
  earliestAttempt,
  markSending,
  dueEntries,
  outboxAttachment,
  quarantine,
  recoverInterruptedSends,
  retryAllNow,
  scheduleRetry,
} from '../storage/outbox-store.js';

export interface OutboxSenderEvents {
  /** The hub acknowledged an application (it is on the hub's disk). */
  onAcknowledged(id: string, receipt: SubmissionReceipt): void;
  /** A request reached the hub (true) or did not (false). */
  onReachability(reachable: boolean): void;
  /** The outbox changed (sent, retried, quarantined). */
  onChange(): void;
  /** Bytes of an application's attachments the hub holds so far (for a progress line). */
  onUploadProgress?(id: string, sent: number, total: number): void;
}

export interface OutboxSenderOptions {
  /** Bytes per chunk request (terminal config attachments.uploadChunkBytes). */
  chunkBytes?: number;
  /** How many attachment uploads run at once, ahead of the submissions that list them. */
  uploadConcurrency?: number;
}

const LOCK_NAME = 'point-of-public-outbox-sender';

/**
 * Sends the outbox one application at a time, in order. A Web Lock makes sure only one window
 * sends; failures are retried forever with full-jitter backoff; refusals go to quarantine.
 * While the hub cannot be reached at all, the sender pauses as a whole (full jitter on the
 * outage's length) and then tries the oldest application again — it does not walk the queue
 * one entry after another against a dead line; the pause ends at once when the hub is back.
 * Attachments go first: a few uploads run in parallel ahead of the submissions (the line is
 * used while an earlier submission waits for its answer), each resuming at the offset the hub
 * reports, and a submission is posted only once all its attachments are complete.
 */
export class OutboxSender {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private again = false;
  private stopped = false;
  /** Unreachable answers in a row, and until when the sender waits before trying again. */
  private outage = 0;
  private pausedUntil = 0;

  constructor(
    private readonly db: KioskDatabase,
    private readonly client: HubClient,
    private readonly events: OutboxSenderEvents,
    private readonly random: () => number = Math.random,
    private readonly options: OutboxSenderOptions = {},
  ) {}

  async start(): Promise<void> {
    await recoverInterruptedSends(this.db);
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
  }

  /** The hub answers again: the pause and every application's backoff end now. */
  retryNow(): void {
    this.outage = 0;
    this.pausedUntil = 0;
    void retryAllNow(this.db)
      .catch((error: unknown) => console.error('outbox backoff reset failed', error))
      .finally(() => this.kick());
  }

  /** Send now (a new application, or the hub is reachable again). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.withLock(() => this.drain())
      .catch((error: unknown) => console.error('outbox drain failed', error))
      .finally(() => {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.kick();
        } else {
          void this.scheduleWake();
        }
      });
  }

  private async withLock(work: () => Promise<void>): Promise<void> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return work();
    await locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => {
      if (lock) await work(); // another window holds the lock and is sending
    });
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const batch = await dueEntries(this.db, Date.now(), 100);
      if (batch.length === 0) return;
      const uploads = new UploadPool(this.options.uploadConcurrency ?? 3);
      const prepared = batch.map((entry) => uploads.run(() => this.uploadAttachments(entry)));
      // Awaited in turn by sendOne; a failure of one not reached yet must not go unhandled.
      for (const upload of prepared) upload.catch(() => undefined);
      try {
        for (const [index, entry] of batch.entries()) {
          if (this.stopped) return;
          // The line is down: wait for the backoff.
          if (!(await this.sendOne(entry, prepared[index] ?? Promise.resolve()))) return;
        }
      } finally {
        uploads.cancel();
        await Promise.allSettled(prepared);
      }
    }
  }

  /** Sends one application; false when the hub could not be reached at all. */
  private async sendOne(entry: OutboxEntry, attachmentsUploaded: Promise<void>): Promise<boolean> {
    await markSending(this.db, entry.id);
    this.events.onChange();
    try {
      await attachmentsUploaded;
      const receipt = await this.client.submit(entry.request);
      this.outage = 0;
      this.pausedUntil = 0;
      await acknowledge(this.db, entry.id);
      this.events.onReachability(true);
      this.events.onAcknowledged(entry.id, receipt);
      this.events.onChange();
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (classifyFailure(error) === 'quarantine') {
        this.events.onReachability(true);
        await quarantine(this.db, entry.id, reason);
        this.events.onChange();
        return true;
      }
      const unreachable = (error as { status?: number }).status === 0;
      if (unreachable) {
        // The line, not this application: pause the whole sender and keep the order.
        this.events.onReachability(false);
        this.pausedUntil = Date.now() + retryDelayMs(this.outage, this.random);
        this.outage += 1;
        await scheduleRetry(this.db, entry.id, reason, Date.now());
      } else {
        this.outage = 0;
        await scheduleRetry(
          this.db,
          entry.id,
          reason,
          Date.now() + retryDelayMs(entry.attempts, this.random),
        );
      }
      this.events.onChange();
      return !unreachable;
    }
  }

  /** Uploads every attachment of an application, each from where the hub stands. */
  private async uploadAttachments(entry: OutboxEntry): Promise<void> {
    const refs = entry.request.attachments ?? [];
    if (refs.length === 0) return;
    const total = refs.reduce((sum, ref) => sum + ref.length, 0);
    let done = 0;
    for (const ref of refs) {
      await this.uploadOne(entry, ref, (sent) =>
        this.events.onUploadProgress?.(entry.id, done + sent, total),
      );
      done += ref.length;
    }
  }

  private async uploadOne(
    entry: OutboxEntry,
    ref: AttachmentRef,
    progress: (sent: number) => void,
  ): Promise<void> {
    const sealed = await outboxAttachment(this.db, entry.id, ref.id);
    if (!sealed) {
      // Cannot happen short of a damaged database; the application can never be complete.
      throw new HttpError(
        400,
        'attachment_missing',
        `The terminal lost attachment ${ref.id} of this application.`,
      );
    }
    const chunkBytes = this.options.chunkBytes ?? ATTACHMENT_DEFAULTS.uploadChunkBytes;
    // A first try starts at 0 (a chunk the hub already has is answered with its offset); after a
    // failure, ask first so an interrupted upload resumes where the hub's disk says it ended.
    let offset = entry.attempts > 0 ? ((await this.client.uploadState(entry.id, ref.id))?.offset ?? 0) : 0;
    progress(offset);
    while (offset < ref.length) {
      if (this.stopped) throw new Error('the sender stopped');
      const state = await this.client.putChunk(
        entry.id,
        ref.id,
        offset,
        ref.length,
        sealed.jwe.slice(offset, offset + chunkBytes),
      );
      if (state.offset === offset)
        throw new Error(`the hub took nothing of attachment ${ref.id} at ${offset}`);
      offset = state.offset;
      progress(offset);
    }
  }

  private async scheduleWake(): Promise<void> {
    if (this.stopped) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const next = await earliestAttempt(this.db);
    if (next === null) return;
    const at = Math.max(next, this.pausedUntil);
    this.timer = setTimeout(() => this.kick(), Math.max(0, at - Date.now()) + 50);
  }
}

/** Runs at most `size` tasks at once; cancelled tasks that have not started fail at once. */
class UploadPool {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private cancelled = false;

  constructor(private readonly size: number) {}

  async run(task: () => Promise<void>): Promise<void> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.cancelled) {
      this.waiting.shift()?.();
      throw new Error('upload cancelled');
    }
    this.active += 1;
    try {
      await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }

  cancel(): void {
    this.cancelled = true;
    this.waiting.shift()?.();
  }
}
