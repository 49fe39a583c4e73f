import { z } from 'zod';

/**
 * The parts of FIT-Connect's Submission API (v1) the hub uses as a sender, as zod schemas of
 * what comes back; see protocol/fitconnect/vendor/ for the description they follow.
 */
export const TokenAnswer = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().int().positive(),
});
export type TokenAnswer = z.infer<typeof TokenAnswer>;

export const Destination = z.looseObject({
  destinationId: z.string().min(1),
  status: z.string().optional(),
  encryptionKid: z.string().min(1),
});
export type Destination = z.infer<typeof Destination>;

/** A destination's public key: wrapKey for encryption keys, verify for the SET signing keys. */
export const DestinationJwk = z.looseObject({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  alg: z.string().optional(),
  key_ops: z.array(z.string()).optional(),
  n: z.string().min(683, 'FIT-Connect keys are RSA 4096'),
  e: z.string().min(1),
  x5c: z.array(z.string().min(1)).min(1).optional(),
});
export type DestinationJwk = z.infer<typeof DestinationJwk>;

export const SubmissionCreated = z.looseObject({
  destinationId: z.string().optional(),
  submissionId: z.uuid(),
  caseId: z.uuid(),
});
export type SubmissionCreated = z.infer<typeof SubmissionCreated>;

export const EventLog = z.looseObject({ eventLog: z.array(z.string()) });

/** RFC 7807 problem details, as FIT-Connect answers errors. */
export const Problem = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().optional(),
  detail: z.string().optional(),
});
export type Problem = z.infer<typeof Problem>;

export const EVENT_BASE = 'https://schema.fitko.de/fit-connect/events/';
export const EVENTS = {
  submit: `${EVENT_BASE}submit-submission`,
  accept: `${EVENT_BASE}accept-submission`,
  reject: `${EVENT_BASE}reject-submission`,
} as const;
