import type { SubmissionReceipt } from '../../../protocol/submission.js';
import type { HubClient } from './hub-client.js';
import { classifyFailure, retryDelayMs } from './backoff.js';
import type { KioskDatabase, OutboxEntry } from '../storage/db.js';
import {
  acknowledge,
  earliestAttempt,
  markSending,
  dueEntries,
  quarantine,
  recoverInterruptedSends,
  scheduleRetry,
} from '../storage/outbox-store.js';

export interface OutboxSenderEvents {
  /** The hub acknowledged an application (it is on the hub's disk). */
  onAcknowledged(id: string, receipt: SubmissionReceipt): void;
  /** A request reached the hub (true) or did not (false). */
  onReachability(reachable: boolean): void;
  /** The outbox changed (sent, retried, quarantined). */
  onChange(): void;
}

const LOCK_NAME = 'point-of-public-outbox-sender';

/**
 * Sends the outbox one application at a time. A Web Lock makes sure only one window sends;
 * failures are retried forever with full-jitter backoff; refusals go to quarantine.
 */
export class OutboxSender {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: KioskDatabase,
    private readonly client: HubClient,
    private readonly events: OutboxSenderEvents,
    private readonly random: () => number = Math.random,
  ) {}

  async start(): Promise<void> {
    await recoverInterruptedSends(this.db);
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
  }

  /** Send now (new application, or the hub is reachable again). */
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
      const batch = await dueEntries(this.db, Date.now());
      if (batch.length === 0) return;
      for (const entry of batch) {
        if (this.stopped) return;
        if (!(await this.sendOne(entry))) return; // the line is down: wait for the backoff
      }
    }
  }

  /** Sends one application; false when the hub could not be reached at all. */
  private async sendOne(entry: OutboxEntry): Promise<boolean> {
    await markSending(this.db, entry.id);
    this.events.onChange();
    try {
      const receipt = await this.client.submit(entry.request);
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
      if (unreachable) this.events.onReachability(false);
      await scheduleRetry(this.db, entry.id, reason, Date.now() + retryDelayMs(entry.attempts, this.random));
      this.events.onChange();
      return !unreachable;
    }
  }

  private async scheduleWake(): Promise<void> {
    if (this.stopped) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const next = await earliestAttempt(this.db);
    if (next === null) return;
    this.timer = setTimeout(() => this.kick(), Math.max(0, next - Date.now()) + 50);
  }
}
