import { z } from 'zod';
import { Locale } from './i18n.js';
import { FormDefinition } from './forms.js';
import { SubmissionStatus } from './submission.js';
import { ClerkAttachment } from './attachments.js';

export const LoginRequest = z.strictObject({
  username: z.string().trim().min(1, 'username is required').max(100),
  password: z.string().min(1, 'password is required').max(1000),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const ClerkProfile = z.object({
  username: z.string(),
  displayName: z.string(),
  officeIds: z.array(z.string()),
});
export type ClerkProfile = z.infer<typeof ClerkProfile>;

export const SubmissionSummary = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  formId: z.string(),
  formVersion: z.number().int(),
  formTitle: z.string(),
  serviceId: z.string(),
  officeId: z.string(),
  terminalId: z.string(),
  status: SubmissionStatus,
  statusMessage: z.string(),
  submittedAt: z.string(),
  receivedAt: z.string(),
});
export type SubmissionSummary = z.infer<typeof SubmissionSummary>;

/**
 * One application for the clerk: the envelope in clear, the answers still encrypted. The
 * console decrypts them in the clerk's browser with the office's private key.
 */
export const SubmissionDetail = SubmissionSummary.extend({
  locale: Locale,
  keyId: z.string(),
  data: z.string(),
  metadata: z.string(),
  /** Sealed attachments on the hub; the console fetches each JWE by id and decrypts it. */
  attachments: z.array(ClerkAttachment).default([]),
  form: FormDefinition,
});
export type SubmissionDetail = z.infer<typeof SubmissionDetail>;

export const SubmissionList = z.object({ submissions: z.array(SubmissionSummary) });
export type SubmissionList = z.infer<typeof SubmissionList>;
