import type { CallDirectory, CallLogEntry, StoredCallRequest } from '../../protocol/calls.js';
import type {
  ClerkProfile,
  LoginRequest,
  SubmissionDetail,
  SubmissionSummary,
} from '../../protocol/clerk.js';
import type { StuckApplication } from '../../protocol/quarantine.js';
import { ApiClient, HttpError } from '../../protocol/routes/client.js';
import { contract } from '../../protocol/routes/index.js';
import type { StatusUpdate } from '../../protocol/submission.js';

/** Same origin, the session cookie: the console is served by the hub it talks to. */
const api = new ApiClient();
const { clerk, quarantine, calls } = contract;

/**
 * The console's only door to the hub, through the typed client: each answer is parsed with the
 * contract's schema; failures arrive as HttpError (status 0: hub unreachable, 401: no or expired
 * session).
 */
export const clerkApi = {
  async me(): Promise<ClerkProfile> {
    return api.json(clerk.me, {});
  },

  async login(credentials: LoginRequest): Promise<ClerkProfile> {
    return api.json(clerk.login, { body: credentials });
  },

  /** The session's account: an invited one must choose its own password before anything else. */
  async account(): Promise<{ mustChangePassword: boolean }> {
    return api.json(contract.account.account, {});
  },

  /** Whether the hub offers sign-in through the municipality's OpenID provider (and its button text). */
  async loginOptions(): Promise<{ oidc: { label: string } | null }> {
    return api.json(clerk.loginOptions, {});
  },

  async logout(): Promise<void> {
    await api.call(clerk.logout, {});
  },

  async submissions(): Promise<SubmissionSummary[]> {
    return (await api.json(clerk.submissions, {})).submissions;
  },

  async submission(id: string): Promise<SubmissionDetail> {
    return api.json(clerk.submission, { params: { id } });
  },

  /** One sealed attachment: its JWE text, decrypted in this browser. */
  async attachment(id: string, attachmentId: string): Promise<string> {
    const { data } = await api.call(
      clerk.attachment,
      { params: { id, attachmentId } },
      { timeoutMs: 120_000 },
    );
    return data as string;
  },

  /** Applications for the clerk's offices that terminals hold in quarantine. */
  async stuckApplications(): Promise<StuckApplication[]> {
    return (await api.json(quarantine.clerk, {})).items;
  },

  /** The office decides a quarantined application can never be delivered; the terminal deletes it. */
  async discardStuck(
    item: Pick<StuckApplication, 'terminalId' | 'submissionId'>,
    reason: string,
  ): Promise<void> {
    await api.call(quarantine.discard, { params: item, body: { reason } });
  },

  /** Offices and services by name, for transfers and "show this page" in a call. */
  async callDirectory(): Promise<CallDirectory> {
    return api.json(calls.clerkDirectory, {});
  },

  async callLog(): Promise<CallLogEntry[]> {
    return (await api.json(calls.clerkLog, {})).calls;
  },

  async callRequests(): Promise<StoredCallRequest[]> {
    return (await api.json(calls.clerkRequests, {})).requests;
  },

  async setStatus(id: string, update: StatusUpdate): Promise<void> {
    await api.call(clerk.setStatus, { params: { id }, body: update });
  },
};

export function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpError && error.status === 401;
}

export function isUnreachable(error: unknown): boolean {
  return error instanceof HttpError && error.unreachable;
}
