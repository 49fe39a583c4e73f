import { z } from 'zod';

/**
 * Attachments: document photos and scans taken at the terminal. Each one is encrypted on its
 * own to the office key (JWE compact, like the answers) and uploaded in chunks before the
 * submission that lists it; the hub accepts a submission only when all its attachments are
 * complete. The hub never sees the plaintext, so it checks lengths and the JWE envelope only.
 */
export const ATTACHMENT_MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export const AttachmentMediaType = z.enum(ATTACHMENT_MEDIA_TYPES);
export type AttachmentMediaType = z.infer<typeof AttachmentMediaType>;

/**
 * Hard ceilings of the hub; a terminal's configured limits must stay within them. `totalBytes`
 * bounds maxBytes x maxCount: one application's files sit in IndexedDB twice for a moment (the
 * draft's plaintext and the outbox's ciphertext, a third larger), and offline the outbox holds
 * several applications, so a terminal must not promise ten files of 20 MB each.
 */
export const ATTACHMENT_CEILING = {
  maxBytes: 20 * 1024 * 1024,
  maxCount: 10,
  totalBytes: 100 * 1024 * 1024,
} as const;

/** What a terminal allows per application (terminal config `attachments`). */
export const AttachmentLimits = z
  .strictObject({
    /** Largest file in bytes (plaintext, before encryption). */
    maxBytes: z.number().int().min(1024).max(ATTACHMENT_CEILING.maxBytes),
    /**
     * Most attachments per application, all fields together. A form that requires more (the sum of
     * its fields' minCount) is not started on this terminal: see formFitsAttachmentLimits.
     */
    maxCount: z.number().int().min(1).max(ATTACHMENT_CEILING.maxCount),
    mediaTypes: z.array(AttachmentMediaType).min(1),
    /**
     * Offer "choose a file" (a connected scanner whose driver saves files). Off by default: on a
     * public terminal a file dialog shows the file system.
     */
    fileInput: z.boolean(),
    /** Bytes per upload request; smaller survives a flaky line better, larger is faster. */
    uploadChunkBytes: z
      .number()
      .int()
      .min(4 * 1024)
      .max(4 * 1024 * 1024),
  })
  .refine((limits) => limits.maxBytes * limits.maxCount <= ATTACHMENT_CEILING.totalBytes, {
    message: `maxBytes x maxCount may be at most ${ATTACHMENT_CEILING.totalBytes / (1024 * 1024)} MB per application (the files are kept on the terminal until sent)`,
    path: ['maxBytes'],
  });
export type AttachmentLimits = z.infer<typeof AttachmentLimits>;

export const ATTACHMENT_DEFAULTS: AttachmentLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxCount: 5,
  mediaTypes: [...ATTACHMENT_MEDIA_TYPES],
  fileInput: false,
  uploadChunkBytes: 512 * 1024,
};

export type AttachmentProblem = 'too_large' | 'wrong_type' | 'too_many' | 'empty';

/** Checks one file against the limits; `countBefore` is how many the application already has. */
export function attachmentProblem(
  limits: AttachmentLimits,
  file: { mediaType: string; size: number },
  countBefore = 0,
): AttachmentProblem | null {
  if (!(limits.mediaTypes as readonly string[]).includes(file.mediaType)) return 'wrong_type';
  if (file.size === 0) return 'empty';
  if (file.size > limits.maxBytes) return 'too_large';
  if (countBefore >= limits.maxCount) return 'too_many';
  return null;
}

/**
 * Upper bound of the JWE compact length for a plaintext of `bytes`: base64url of the content
 * plus header, wrapped key (4096-bit RSA: 512 bytes), IV and tag, with room to spare.
 */
export function maxSealedLength(bytes: number): number {
  return Math.ceil(bytes / 3) * 4 + 2048;
}

export const MAX_ATTACHMENT_JWE_LENGTH = maxSealedLength(ATTACHMENT_CEILING.maxBytes);

/** The largest chunk the hub takes in one request (answered 413 above). */
export const MAX_CHUNK_BYTES = 4 * 1024 * 1024;

/** In the submission's clear envelope: which uploads belong to it (ids and ciphertext lengths). */
export const AttachmentRef = z.strictObject({
  id: z.uuid({ message: 'attachment id must be a UUID' }),
  length: z.number().int().positive().max(MAX_ATTACHMENT_JWE_LENGTH),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

export const AttachmentRefs = z
  .array(AttachmentRef)
  .max(ATTACHMENT_CEILING.maxCount)
  .refine((refs) => new Set(refs.map((r) => r.id)).size === refs.length, 'attachment ids must be unique');

/** Path parameters of the upload routes. */
export const UploadParams = z.strictObject({
  id: z.uuid({ message: 'submission id must be a UUID' }),
  attachmentId: z.uuid({ message: 'attachment id must be a UUID' }),
});

/** `PUT …/chunks?offset=N&length=TOTAL`: where this chunk starts, and the total it belongs to. */
export const ChunkQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).max(MAX_ATTACHMENT_JWE_LENGTH),
  length: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_ATTACHMENT_JWE_LENGTH, `an attachment may be at most ${MAX_ATTACHMENT_JWE_LENGTH} bytes sealed`),
});

/** What the hub has of an upload: everything before `offset` is durably stored. */
export const UploadState = z.object({
  offset: z.number().int().min(0),
  length: z.number().int().min(0),
  complete: z.boolean(),
});
export type UploadState = z.infer<typeof UploadState>;

/** In the clerk's view of a submission: the attachments it has on the hub. */
export const ClerkAttachment = z.object({ id: z.uuid(), length: z.number().int() });
export type ClerkAttachment = z.infer<typeof ClerkAttachment>;

/** A limit for people: "10 MB", "300 KB" (binary units, rounded down, as the check counts). */
export function formatByteLimit(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Math.floor(mb)} MB` : `${Math.max(1, Math.floor(bytes / 1024))} KB`;
}
