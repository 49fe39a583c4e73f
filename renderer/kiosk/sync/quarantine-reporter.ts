import type { QuarantinedItem } from '../../../protocol/quarantine.js';
import type { KioskDatabase } from '../storage/db.js';
import { discardQuarantined, quarantineReport, releaseQuarantined } from '../storage/outbox-store.js';

export interface QuarantineReporterClient {
  reportQuarantine(items: QuarantinedItem[]): Promise<{ retry: string[]; discard: string[] }>;
}

/**
 * Keeps the hub's picture of this terminal's quarantine true, so the fleet and clerk consoles
 * show what is stuck and why. It reports when the list changed, and while anything is held it
 * reports on every call (the caller's online probe), because the answer carries the provider's
 * requests to try an item again and the office's decisions to discard one.
 */
export class QuarantineReporter {
  /** The last list the hub acknowledged; null until the first report of this page. */
  private acknowledged: string | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly db: KioskDatabase,
    private readonly client: QuarantineReporterClient,
    /** Entries went back to the queue (send now) or were discarded (count again). */
    private readonly onReleased: () => void,
  ) {}

  report(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.once()
      .catch((error: unknown) => console.warn('quarantine report failed', error))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.report();
        }
      });
    return this.running;
  }

  private async once(): Promise<void> {
    const items = await quarantineReport(this.db);
    const fingerprint = JSON.stringify(items);
    if (items.length === 0 && fingerprint === this.acknowledged) return;
    const { retry, discard } = await this.client.reportQuarantine(items);
    this.acknowledged = fingerprint;
    const released = await releaseQuarantined(this.db, retry);
    if (released > 0) console.info(`quarantine: ${released} application(s) released for another try`);
    const discarded = await discardQuarantined(this.db, discard);
    if (discarded > 0) {
      console.info(`quarantine: ${discarded} application(s) discarded by the responsible office`);
      // Tell the hub at once that they are gone, so its audit trail confirms the deletion.
      this.again = true;
    }
    if (released > 0 || discarded > 0) this.onReleased();
  }
}
