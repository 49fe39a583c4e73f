import type { SubmissionReceipt, TrackingStatus } from '../../../protocol/submission.js';
import type { KioskDatabase } from '../storage/db.js';
import { outboxCounts, type OutboxCounts } from '../storage/outbox-store.js';
import { syncContent } from './content-sync.js';
import { saveDeliveryKeys } from '../storage/delivery-key-store.js';
import type { HubClient } from './hub-client.js';
import { ValueStore, type Observable } from '../../shared/observable.js';
import { OutboxSender } from './outbox-sender.js';
import { QuarantineReporter } from './quarantine-reporter.js';

export type Connectivity = 'unknown' | 'online' | 'offline';

export interface UploadProgress {
  sent: number;
  total: number;
}

export interface SyncEngine {
  connectivity: Observable<Connectivity>;
  outbox: Observable<OutboxCounts>;
  /** Attachment bytes the hub holds per application being uploaded (for the receipt). */
  uploads: Observable<ReadonlyMap<string, UploadProgress>>;
  /** Ids acknowledged by the hub while this page lives (for the receipt screen). */
  acknowledged: Observable<ReadonlyMap<string, SubmissionReceipt>>;
  sendNow(): void;
  /** Asks the hub for the status of an application (needs the network). */
  lookupStatus(trackingCode: string): Promise<TrackingStatus | null>;
  stop(): void;
}

export interface SyncOptions {
  contentRefreshMs: number;
  /** How often reachability is probed while the hub is away. */
  probeOfflineMs?: number;
  probeOnlineMs?: number;
  /** Attachment chunk size (terminal config attachments.uploadChunkBytes). */
  uploadChunkBytes?: number;
}

/**
 * How many acknowledgements the page remembers: a receipt screen asks only about the application
 * just finalized, and a kiosk page runs for days (a flush after an outage acknowledges hundreds).
 */
export const RECENT_ACKNOWLEDGED = 100;

/** The map with one more entry, the oldest dropped beyond `cap` (a Map keeps insertion order). */
export function withRecent<K, V>(map: ReadonlyMap<K, V>, key: K, value: V, cap: number): Map<K, V> {
  const next = new Map(map);
  next.delete(key);
  next.set(key, value);
  for (const oldest of next.keys()) {
    if (next.size <= cap) break;
    next.delete(oldest);
  }
  return next;
}

/** Wires content pull, outbox sending and reachability together; returns observable state. */
export function startSync(db: KioskDatabase, client: HubClient, options: SyncOptions): SyncEngine {
  const connectivity = new ValueStore<Connectivity>('unknown');
  const outbox = new ValueStore<OutboxCounts>({ waiting: 0, quarantined: 0 });
  const acknowledged = new ValueStore<ReadonlyMap<string, SubmissionReceipt>>(new Map());
  const uploads = new ValueStore<ReadonlyMap<string, UploadProgress>>(new Map());
  let probeTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let lastContentSync = 0;

  // Coalesced: while a long outbox drains, the counter is read a few times a second, not per item.
  let countsTimer: ReturnType<typeof setTimeout> | null = null;
  const refreshCounts = () => {
    countsTimer ??= setTimeout(() => {
      countsTimer = null;
      void outboxCounts(db).then((counts) => {
        const quarantineChanged = counts.quarantined !== outbox.get().quarantined;
        outbox.set(counts);
        if (quarantineChanged && connectivity.get() === 'online') void reporter.report();
      });
    }, 150);
  };

  const setReachable = (reachable: boolean) => {
    const before = connectivity.get();
    connectivity.set(reachable ? 'online' : 'offline');
    if (reachable && before !== 'online') {
      // The hub is back: forget the backoff and send right away.
      sender.retryNow();
    }
  };

  const sender = new OutboxSender(
    db,
    client,
    {
      onAcknowledged(id, receipt) {
        acknowledged.set(withRecent(acknowledged.get(), id, receipt, RECENT_ACKNOWLEDGED));
        if (uploads.get().has(id)) {
          const rest = new Map(uploads.get());
          rest.delete(id);
          uploads.set(rest);
        }
      },
      onReachability: setReachable,
      onChange: refreshCounts,
      onUploadProgress(id, sent, total) {
        uploads.set(new Map(uploads.get()).set(id, { sent, total }));
      },
    },
    Math.random,
    { chunkBytes: options.uploadChunkBytes },
  );

  // What can never be sent is reported to the hub (fleet and clerk consoles); the answer may
  // release items the provider wants tried again.
  const reporter = new QuarantineReporter(db, client, () => {
    refreshCounts();
    sender.kick();
  });

  const pullContent = async () => {
    const result = await syncContent(db, client);
    if (result !== 'failed') {
      lastContentSync = Date.now();
      // With the content: keys for FIT-Connect offices (an old hub has none; sealing checks them).
      await client
        .deliveryKeys()
        .then((keys) => saveDeliveryKeys(db, keys))
        .catch(() => undefined);
    }
    return result;
  };

  let probing = false;
  let probeAgain = false;
  const probe = async (): Promise<void> => {
    if (stopped) return;
    if (probing) {
      probeAgain = true;
      return;
    }
    probing = true;
    if (probeTimer !== null) clearTimeout(probeTimer);
    probeTimer = null;
    let reachable: boolean;
    try {
      reachable = await client.isReachable();
      setReachable(reachable);
      if (reachable) void reporter.report();
      if (reachable && Date.now() - lastContentSync >= options.contentRefreshMs) await pullContent();
    } finally {
      probing = false;
    }
    if (probeAgain) {
      probeAgain = false;
      return probe();
    }
    const delay = reachable ? (options.probeOnlineMs ?? 15_000) : (options.probeOfflineMs ?? 5_000);
    if (!stopped) probeTimer = setTimeout(() => void probe(), delay);
  };

  // The browser's online/offline events are only hints to probe at once; the truth is whether
  // the hub answers a real request.
  const probeNow = () => void probe();
  window.addEventListener('online', probeNow);
  window.addEventListener('offline', probeNow);

  refreshCounts();
  void sender.start().then(refreshCounts);
  void probe();

  return {
    connectivity,
    outbox,
    uploads,
    acknowledged,
    sendNow: () => sender.kick(),
    lookupStatus: (trackingCode) => client.trackingStatus(trackingCode),
    stop() {
      stopped = true;
      window.removeEventListener('online', probeNow);
      window.removeEventListener('offline', probeNow);
      sender.stop();
      if (probeTimer !== null) clearTimeout(probeTimer);
      if (countsTimer !== null) clearTimeout(countsTimer);
    },
  };
}
