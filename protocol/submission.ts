import { z } from 'zod';
import { FormAnswer } from './forms.js';
import { Locale } from './i18n.js';
import { TRACKING_CODE_PATTERN } from './tracking-code.js';

/** Largest submission body the hub accepts (attachments come as their own uploads, issue 3). */
export const MAX_SUBMISSION_BYTES = 256 * 1024;

export const SubmissionRequest = z.strictObject({
  /** Made by the terminal at finalize; the idempotency key of the submission. */
  id: z.uuid({ message: 'id must be a UUID' }),
  trackingCode: z.string().regex(TRACKING_CODE_PATTERN, 'trackingCode must look like ABCD-EFGH-JKMN'),
  formId: z.string().min(1).max(64),
  formVersion: z.number().int().positive(),
  serviceId: z.string().min(1).max(64),
  locale: Locale,
  answers: z.record(z.string().max(64), FormAnswer),
  /** When the citizen pressed "submit" on the terminal (ISO 8601). */
  submittedAt: z.iso.datetime({ offset: true }),
});
export type SubmissionRequest = z.infer<typeof SubmissionRequest>;

export const SubmissionStatus = z.enum(['received', 'in-progress', 'completed', 'rejected']);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

export const SubmissionReceipt = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  receivedAt: z.string(),
  status: SubmissionStatus,
});
export type SubmissionReceipt = z.infer<typeof SubmissionReceipt>;
