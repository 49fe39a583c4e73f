import { ContentChanges, NEXT_CHECKPOINT_HEADER } from '../../../protocol/content-changes.js';
import type { UploadState } from '../../../protocol/attachments.js';
import type { QuarantineReportAnswer, QuarantinedItem } from '../../../protocol/quarantine.js';
import { ApiClient, HttpError, safeJson, toHttpError } from '../../../protocol/routes/client.js';
import { contract } from '../../../protocol/routes/index.js';
import type { DeliveryKey } from '../../../protocol/routes/delivery.js';
import type { SubmissionReceipt, SubmissionRequest, TrackingStatus } from '../../../protocol/submission.js';

export interface ChangesAnswer {
  /** Where the next page starts, when the hub says there is one (a hint: the body decides). */
  next: string | null;
  read(): Promise<{ page: ContentChanges; text: string }>;
}

const { content, submissions, quarantine, delivery } = contract;

/** The terminal's side of the hub API, through the typed client: every answer is parsed. */
export class HubClient {
  private readonly api: ApiClient;

  constructor(
    hubUrl: string,
    /** The installation's token, or a source of fresh tokens for an enrolled terminal. */
    terminalToken: string | (() => string),
    /** An enrolled terminal renews its token at once when the hub refuses it. */
    renewToken?: (refused: string) => Promise<boolean>,
  ) {
    this.api = new ApiClient({
      baseUrl: hubUrl,
      token: typeof terminalToken === 'string' ? () => terminalToken : terminalToken,
      ...(renewToken ? { renewToken } : {}),
    });
  }

  /** The FIT-Connect destination keys of the offices that receive there (checked before use). */
  async deliveryKeys(): Promise<DeliveryKey[]> {
    return (await this.api.json(delivery.keys, {}, { timeoutMs: 30_000 })).keys;
  }

  /** A real request, not navigator.onLine: true only when the hub itself answered. */
  async isReachable(): Promise<boolean> {
    try {
      await this.api.call(content.health, {}, { timeoutMs: 5_000 });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Asks for one page of changes after a checkpoint. With `knownRevision` the hub answers 304
   * when nothing changed; then this returns null. The answer is open once the headers are in:
   * `next` is the hub's hint where the following page starts (so it can be requested while this
   * one is read), `read()` takes the body, validates it and keeps its text (to stage it cheaply).
   */
  async openChanges(since: string | null, knownRevision: string | null): Promise<ChangesAnswer | null> {
    const headers: Record<string, string> = {};
    if (knownRevision && since) headers['if-none-match'] = `"${knownRevision}"`;
    const response = await this.api.send(
      content.changes,
      { query: since ? { since } : {} },
      { headers, timeoutMs: 60_000 },
    );
    if (response.status === 304) return null;
    return {
      next: response.ok ? response.headers.get(NEXT_CHECKPOINT_HEADER) : null,
      async read() {
        const text = await response.text().catch((cause: unknown) => {
          throw new HttpError(0, 'unreachable', `The content page was cut off (${String(cause)})`);
        });
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          if (response.ok) throw new Error('The hub sent a content page that is not JSON');
        }
        if (!response.ok) throw toHttpError(response.status, json);
        return { page: ContentChanges.parse(json), text };
      },
    };
  }

  /** The status the town hall set for a tracking code; null when no application has it. */
  async trackingStatus(trackingCode: string): Promise<TrackingStatus | null> {
    try {
      return await this.api.json(
        submissions.trackingStatus,
        { params: { trackingCode } },
        { timeoutMs: 10_000 },
      );
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return null;
      throw error;
    }
  }

  /** How far the hub got with an upload; null when it has nothing of it. */
  async uploadState(submissionId: string, attachmentId: string): Promise<UploadState | null> {
    try {
      return await this.api.json(
        submissions.uploadState,
        { params: { id: submissionId, attachmentId } },
        { timeoutMs: 15_000 },
      );
    } catch (error) {
      if (error instanceof HttpError && error.status === 404 && error.code === 'not_found') return null;
      throw error;
    }
  }

  /**
   * One chunk of a sealed attachment at `offset`. The hub answers with what it has; a 409
   * offset_mismatch carries the offset to go on from (Upload-Offset), returned as the state.
   */
  async putChunk(
    submissionId: string,
    attachmentId: string,
    offset: number,
    length: number,
    chunk: string,
  ): Promise<UploadState> {
    const response = await this.api.send(
      submissions.putChunk,
      { params: { id: submissionId, attachmentId }, query: { offset, length }, body: chunk },
      // A village line may carry only a few KB/s: allow about 2 KB/s before giving up.
      { timeoutMs: 30_000 + chunk.length / 2 },
    );
    if (response.status === 409) {
      const text = await response.text();
      const json = safeJson(text) as { error?: unknown } | null;
      const hubOffset = Number(response.headers.get('upload-offset'));
      if (json?.error === 'offset_mismatch' && Number.isInteger(hubOffset))
        return { offset: hubOffset, length, complete: false };
      throw toHttpError(response.status, json);
    }
    return (await this.api.read(submissions.putChunk, response)).data as UploadState;
  }

  async submit(request: SubmissionRequest): Promise<SubmissionReceipt> {
    return this.api.json(submissions.create, { body: request }, { timeoutMs: 30_000 });
  }

  /** Tells the hub what this terminal holds in quarantine; the answer names items to try again. */
  async reportQuarantine(items: QuarantinedItem[]): Promise<QuarantineReportAnswer> {
    return this.api.json(quarantine.report, { body: { items } }, { timeoutMs: 15_000 });
  }
}
