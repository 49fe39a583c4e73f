import { z } from 'zod';

/** https, or plain http only on this machine's loopback (a local stand-in or proxy). */
const HttpUrl = (field: string) =>
  z
    .url({ message: `${field} must be an http(s) URL`, protocol: /^https?$/ })
    .max(500)
    .refine((value) => {
      const [, scheme, host] = /^(https?):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^/:?#]+)/i.exec(value) ?? [];
      return (
        scheme?.toLowerCase() === 'https' ||
        ['127.0.0.1', 'localhost', '[::1]'].includes(host?.toLowerCase() ?? '')
      );
    }, `${field} must use https (plain http only on loopback)`);

/**
 * Where an office's applications go: the hub's own clerk inbox, or a FIT-Connect destination
 * (the office's specialist system) with the office's FIT-Connect client credentials.
 */
export const DeliveryRouteInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('inbox') }),
  z.strictObject({
    kind: z.literal('fit-connect'),
    destinationId: z.uuid({ message: 'destinationId must be a UUID' }),
    clientId: z.string().trim().min(1, 'clientId is required').max(200),
    /** Omitted to keep the secret the hub already holds. */
    clientSecret: z.string().min(1).max(500).optional(),
    tokenUrl: HttpUrl('tokenUrl'),
    submissionApiUrl: HttpUrl('submissionApiUrl'),
    /** LeiKa key of the service this destination receives (serviceType of each announcement). */
    leikaKey: z.string().regex(/^\d{14}$/, 'leikaKey must have 14 digits'),
    serviceName: z.string().trim().min(1, 'serviceName is required').max(200),
  }),
]);
export type DeliveryRouteInput = z.infer<typeof DeliveryRouteInput>;

/** A route as the hub shows it: never the secret, only whether one is set. */
export const DeliveryRouteView = z.discriminatedUnion('kind', [
  z.object({ officeId: z.string(), kind: z.literal('inbox') }),
  z.object({
    officeId: z.string(),
    kind: z.literal('fit-connect'),
    destinationId: z.string(),
    clientId: z.string(),
    clientSecretSet: z.boolean(),
    tokenUrl: z.string(),
    submissionApiUrl: z.string(),
    leikaKey: z.string(),
    serviceName: z.string(),
    /** The destination's encryption key the hub last fetched (null until fetched). */
    encryptionKid: z.string().nullable(),
    keyFetchedAt: z.string().nullable(),
  }),
]);
export type DeliveryRouteView = z.infer<typeof DeliveryRouteView>;

export const DeliveryState = z.enum([
  'pending',
  'created',
  'submitted',
  'accepted',
  'rejected',
  'quarantined',
]);

/** One application on its way through FIT-Connect, for the consoles. */
export const DeliveryRecord = z.object({
  submissionId: z.string(),
  officeId: z.string(),
  state: DeliveryState,
  fitConnectSubmissionId: z.string().nullable(),
  fitConnectCaseId: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** Why it cannot be delivered; set only in state quarantined. */
  quarantineReason: z.string().nullable(),
  updatedAt: z.string(),
});
export type DeliveryRecord = z.infer<typeof DeliveryRecord>;
export const DeliveryRecords = z.object({ items: z.array(DeliveryRecord) });
