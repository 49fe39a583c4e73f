import { z } from 'zod';
import { API } from '../../protocol/api.js';
import {
  ClerkProfile,
  SubmissionDetail,
  SubmissionList,
  type LoginRequest,
  type SubmissionSummary,
} from '../../protocol/clerk.js';
import { QUARANTINE_API, StuckApplications, type StuckApplication } from '../../protocol/quarantine.js';
import type { StatusUpdate } from '../../protocol/submission.js';
import { HttpError, requestJson, send, toHttpError } from '../shared/http.js';

/**
 * The console's only door to the hub. Each call parses the answer with the protocol schema;
 * failures arrive as HttpError (status 0: hub unreachable, 401: no or expired session).
 */
export const clerkApi = {
  async me(): Promise<ClerkProfile> {
    return (await requestJson(API.clerkMe, ClerkProfile)).data;
  },

  async login(credentials: LoginRequest): Promise<ClerkProfile> {
    return (await requestJson(API.clerkLogin, ClerkProfile, { method: 'POST', body: credentials })).data;
  },

  async logout(): Promise<void> {
    // The hub parses JSON bodies strictly, so even an empty logout sends `{}`; its answer carries nothing.
    await requestJson(API.clerkLogout, z.unknown(), { method: 'POST', body: {} });
  },

  async submissions(): Promise<SubmissionSummary[]> {
    return (await requestJson(API.clerkSubmissions, SubmissionList)).data.submissions;
  },

  async submission(id: string): Promise<SubmissionDetail> {
    return (await requestJson(API.clerkSubmission(id), SubmissionDetail)).data;
  },

  /** One sealed attachment: its JWE text, decrypted in this browser. */
  async attachment(id: string, attachmentId: string): Promise<string> {
    const response = await send(API.clerkSubmissionAttachment(id, attachmentId), { timeoutMs: 120_000 });
    if (!response.ok) throw toHttpError(response.status, await response.json().catch(() => null));
    return response.text();
  },

  /** Applications for the clerk's offices that terminals hold in quarantine. */
  async stuckApplications(): Promise<StuckApplication[]> {
    return (await requestJson(QUARANTINE_API.clerk, StuckApplications)).data.items;
  },

  /** The office decides a quarantined application can never be delivered; the terminal deletes it. */
  async discardStuck(
    item: Pick<StuckApplication, 'terminalId' | 'submissionId'>,
    reason: string,
  ): Promise<void> {
    await requestJson(QUARANTINE_API.clerkDiscard(item.terminalId, item.submissionId), z.unknown(), {
      method: 'POST',
      body: { reason },
    });
  },

  async setStatus(id: string, update: StatusUpdate): Promise<void> {
    await requestJson(API.clerkSubmissionStatus(id), z.unknown(), { method: 'POST', body: update });
  },
};

export function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpError && error.status === 401;
}

export function isUnreachable(error: unknown): boolean {
  return error instanceof HttpError && error.unreachable;
}
