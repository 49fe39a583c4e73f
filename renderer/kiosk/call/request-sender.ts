import type { CallRequest } from '../../../protocol/calls.js';
import { ApiClient } from '../../../protocol/routes/client.js';
import { contract } from '../../../protocol/routes/index.js';
import {
  acknowledgeCallRequest,
  pendingCallRequests,
  queueCallRequest,
  retryCallRequestLater,
  type KioskDatabase,
} from '../storage/index.js';
import { classifyFailure, retryDelayMs } from '../sync/backoff.js';
import { ValueStore } from '../../shared/observable.js';

const POLL_MS = 5_000;

/**
 * Sends callback requests and appointment bookings from the small offline queue, one at a time,
 * until the hub acknowledges each (it answers a resend with the same receipt, so nothing arrives
 * twice). A refusal is dropped with a log line: a malformed request never becomes valid.
 */
export class CallRequestSender {
  readonly pending = new ValueStore(0);
  readonly delivered = new ValueStore<ReadonlySet<string>>(new Set());
  private timer: number | undefined;
  private running = false;
  private stopped = false;
  private readonly api: ApiClient;

  constructor(
    private readonly db: KioskDatabase,
    hubUrl: string,
    terminalToken: string | (() => string),
    renewToken?: (refused: string) => Promise<boolean>,
  ) {
    this.api = new ApiClient({
      baseUrl: hubUrl,
      token: typeof terminalToken === 'string' ? () => terminalToken : terminalToken,
      ...(renewToken ? { renewToken } : {}),
    });
    void this.refreshCount();
    this.timer = window.setInterval(() => this.kick(), POLL_MS);
  }

  async add(request: CallRequest): Promise<void> {
    await queueCallRequest(this.db, request);
    await this.refreshCount();
    this.kick();
  }

  /** Sends what is due; `ignoreBackoff` when the hub was just seen again (the backoff is moot). */
  kick(ignoreBackoff = false): void {
    if (this.running || this.stopped) return;
    this.running = true;
    void this.drain(ignoreBackoff)
      .catch((error: unknown) => console.warn('call requests: send failed', error))
      .finally(() => {
        this.running = false;
      });
  }

  stop(): void {
    this.stopped = true;
    window.clearInterval(this.timer);
  }

  private async refreshCount() {
    this.pending.set((await pendingCallRequests(this.db)).length);
  }

  private async drain(ignoreBackoff: boolean) {
    for (const entry of await pendingCallRequests(this.db)) {
      if (!ignoreBackoff && entry.nextAttemptAt > Date.now()) continue;
      const { request } = entry;
      try {
        await this.api.call(contract.calls.request, { body: request }, { timeoutMs: 15_000 });
        await acknowledgeCallRequest(this.db, request.id);
        this.delivered.set(new Set([...this.delivered.get(), request.id]));
      } catch (error) {
        if (classifyFailure(error) === 'quarantine') {
          console.error('call request refused by the hub, dropped', request.id, error);
          await acknowledgeCallRequest(this.db, request.id);
        } else {
          await retryCallRequestLater(
            this.db,
            request.id,
            Date.now() + retryDelayMs(entry.attempts, Math.random, 1_000, 60_000),
            String(error),
          );
          break;
        }
      } finally {
        await this.refreshCount();
      }
    }
  }
}
