import { z } from 'zod';
import { API } from '../../../protocol/api.js';
import { ContentChanges } from '../../../protocol/content-changes.js';
import {
  QUARANTINE_API,
  QuarantineReportAnswer,
  type QuarantinedItem,
} from '../../../protocol/quarantine.js';
import { SubmissionReceipt, TrackingStatus, type SubmissionRequest } from '../../../protocol/submission.js';
import { HttpError, requestJson, send, toHttpError } from '../../shared/http.js';

const Health = z.object({ status: z.literal('ok') });

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
   * One page of changes after a checkpoint. With `knownRevision` the hub answers 304 when
   * nothing changed; then this returns null.
   */
  async fetchChanges(since: string | null, knownRevision: string | null): Promise<ContentChanges | null> {
    const headers: Record<string, string> = { ...this.auth };
    if (knownRevision && since) headers['if-none-match'] = `"${knownRevision}"`;
    const query = since ? `?since=${encodeURIComponent(since)}` : '';
    const response = await send(this.base + API.contentChanges + query, { headers, timeoutMs: 60_000 });
    if (response.status === 304) return null;
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) throw toHttpError(response.status, json);
    return ContentChanges.parse(json);
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
