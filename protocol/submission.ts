import { z } from 'zod';
import { AttachmentRefs } from './attachments.js';
import { Locale } from './i18n.js';
import { TRACKING_CODE_PATTERN } from './tracking-code.js';

/** Largest submission body the hub accepts (attachments come as their own uploads). */
export const MAX_SUBMISSION_BYTES = 512 * 1024;

const Jwe = z
  .string()
  .max(MAX_SUBMISSION_BYTES)
  .regex(
    /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/,
    'must be a JWE in compact serialization',
  );

/**
 * What a terminal sends. The answers and the metadata record are end-to-end encrypted to the
 * responsible office's key (JWE, RSA-OAEP-256 + A256GCM): the hub sees only the envelope below.
 */
export const SubmissionRequest = z.strictObject({
  /** Made by the terminal at finalize; the idempotency key of the submission. */
  id: z.uuid({ message: 'id must be a UUID' }),
  trackingCode: z.string().regex(TRACKING_CODE_PATTERN, 'trackingCode must look like ABCD-EFGH-JKMN'),
  formId: z.string().min(1).max(64),
  formVersion: z.number().int().positive(),
  serviceId: z.string().min(1).max(64),
  locale: Locale,
  /** When the citizen pressed "submit" on the terminal (ISO 8601). */
  submittedAt: z.iso.datetime({ offset: true }),
  /** The office key (kid) both JWEs are encrypted to. */
  keyId: z.string().min(1).max(200),
  /** The answers (JSON) as JWE. */
  data: Jwe,
  /** The metadata record (SubmissionMetadata, JSON) as JWE. */
  metadata: Jwe,
  /**
   * The attachments uploaded before this submission (each a JWE of its own, see
   * protocol/attachments.ts). Omitted when there are none, so older bodies hash the same.
   */
  attachments: AttachmentRefs.optional(),
});
export type SubmissionRequest = z.infer<typeof SubmissionRequest>;

/** Inside the metadata JWE: what the clerk checks the decrypted data against. */
export const SubmissionMetadata = z.object({
  /**
   * The envelope's id and tracking code, sealed with the answers, so the console sees when one
   * submission's JWEs arrive under another's envelope. Optional only for records sealed before
   * the binding existed; the console warns when they are missing.
   */
  submissionId: z.string().optional(),
  trackingCode: z.string().optional(),
  formId: z.string(),
  formVersion: z.number().int(),
  serviceId: z.string(),
  locale: Locale,
  submittedAt: z.string(),
  /** SHA-512 (hex) of the exact bytes of the decrypted data. */
  dataSha512: z.string().regex(/^[0-9a-f]{128}$/),
  /** One entry per attachment: what the decrypted bytes must be (size, type, SHA-512 hex). */
  attachments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      mediaType: z.string(),
      size: z.number().int(),
      sha512: z.string(),
      /** The form field (photo or scan) the attachment was taken for. */
      fieldId: z.string().optional(),
    }),
  ),
});
export type SubmissionMetadata = z.infer<typeof SubmissionMetadata>;

export const SubmissionStatus = z.enum(['received', 'in-progress', 'completed', 'rejected']);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

/** A clerk sets the status the citizen will see, with a short message. */
export const StatusUpdate = z.strictObject({
  status: SubmissionStatus,
  message: z.string().trim().max(500, 'the message may have at most 500 characters'),
});
export type StatusUpdate = z.infer<typeof StatusUpdate>;

/** All the hub reveals for a tracking code: the status, the clerk's message, when it changed. */
export const TrackingStatus = z.object({
  trackingCode: z.string(),
  status: SubmissionStatus,
  message: z.string(),
  updatedAt: z.string(),
});
export type TrackingStatus = z.infer<typeof TrackingStatus>;

export const SubmissionReceipt = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  receivedAt: z.string(),
  status: SubmissionStatus,
});
export type SubmissionReceipt = z.infer<typeof SubmissionReceipt>;
