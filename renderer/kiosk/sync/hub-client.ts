import { z } from 'zod';
import { API } from '../../../protocol/api.js';
import { ContentChanges, NEXT_CHECKPOINT_HEADER } from '../../../protocol/content-changes.js';
import { UploadState } from '../../../protocol/attachments.js';
import {
  QUARANTINE_API,
  QuarantineReportAnswer,
  type QuarantinedItem,
} from '../../../protocol/quarantine.js';
import { SubmissionReceipt, TrackingStatus, type SubmissionRequest } from '../../../protocol/submission.js';
import { HttpError, requestJson, send, toHttpError } from '../../shared/http.js';

const Health = z.object({ status: z.literal('ok') });

export interface ChangesAnswer {
  /** Where the next page starts, when the hub says there is one (a hint: the body decides). */
  next: string | null;
  read(): Promise<{ page: ContentChanges; text: string }>;
}

/** The terminal's side of the hub API; every answer is parsed with the protocol schemas. */
export class HubClient {
  private readonly base: string;

  constructor(
    hubUrl: string,
    /** The installation's token, or a source of fresh tokens for an enrolled terminal. */
    private readonly terminalToken: string | (() => string),
  ) {
    this.base = hubUrl.replace(/\/+$/, '');
  }

  private get auth(): Record<string, string> {
    const token = typeof this.terminalToken === 'string' ? this.terminalToken : this.terminalToken();
    return { authorization: `Bearer ${token}` };
  }

  /** A real request, not navigator.onLine: true only when the hub itself answered. */
  async isReachable(): Promise<boolean> {
    try {
      await requestJson(this.base + API.health, Health, { timeoutMs: 5_000 });
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
    const headers: Record<string, string> = { ...this.auth };
    if (knownRevision && since) headers['if-none-match'] = `"${knownRevision}"`;
    const query = since ? `?since=${encodeURIComponent(since)}` : '';
    const response = await send(this.base + API.contentChanges + query, { headers, timeoutMs: 60_000 });
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
      const { data } = await requestJson(this.base + API.trackingStatus(trackingCode), TrackingStatus, {
        headers: this.auth,
        timeoutMs: 10_000,
      });
      return data;
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return null;
      throw error;
    }
  }

  /** How far the hub got with an upload; null when it has nothing of it. */
  async uploadState(submissionId: string, attachmentId: string): Promise<UploadState | null> {
    try {
      const { data } = await requestJson(
        this.base + API.submissionAttachment(submissionId, attachmentId),
        UploadState,
        {
          headers: this.auth,
          timeoutMs: 15_000,
        },
      );
      return data;
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
    const url = `${this.base}${API.submissionAttachmentChunks(submissionId, attachmentId)}?offset=${offset}&length=${length}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'PUT',
        headers: { ...this.auth, 'content-type': 'application/octet-stream', accept: 'application/json' },
        body: chunk,
        // A village line may carry only a few KB/s: allow about 2 KB/s before giving up.
        signal: AbortSignal.timeout(30_000 + chunk.length / 2),
        cache: 'no-store',
      });
    } catch (cause) {
      throw new HttpError(0, 'unreachable', `The hub could not be reached (${String(cause)})`);
    }
    const json: unknown = await response.json().catch(() => null);
    if (response.status === 409 && (json as { error?: unknown } | null)?.error === 'offset_mismatch') {
      const hubOffset = Number(response.headers.get('upload-offset'));
      if (Number.isInteger(hubOffset)) return { offset: hubOffset, length, complete: false };
    }
    if (!response.ok) throw toHttpError(response.status, json);
    const parsed = UploadState.safeParse(json);
    if (!parsed.success)
      throw new HttpError(response.status, 'bad_response', `Unexpected answer from ${url}`);
    return parsed.data;
  }

  async submit(request: SubmissionRequest): Promise<SubmissionReceipt> {
    const { data } = await requestJson(this.base + API.submissions, SubmissionReceipt, {
      method: 'POST',
      body: request,
      headers: this.auth,
      timeoutMs: 30_000,
    });
    return data;
  }

  /** Tells the hub what this terminal holds in quarantine; the answer names items to try again. */
  async reportQuarantine(items: QuarantinedItem[]): Promise<QuarantineReportAnswer> {
    const { data } = await requestJson(this.base + QUARANTINE_API.terminal, QuarantineReportAnswer, {
      method: 'POST',
      body: { items },
      headers: this.auth,
      timeoutMs: 15_000,
    });
    return data;
  }
}
