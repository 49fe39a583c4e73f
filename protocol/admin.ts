import { z } from 'zod';
import { Address, Category, Office, OpeningInterval, Service } from './catalog.js';
import { minutesOfClock } from './clock.js';
import { LocalizedText } from './i18n.js';
import { Id } from './id.js';

/**
 * What the municipality's administration sends and gets back (console and pop-admin alike).
 * Every schema names the field it refuses, so a script's one-line error says what to fix.
 */

export const ClerkRole = z.enum(['clerk', 'admin']);
export type ClerkRole = z.infer<typeof ClerkRole>;

/** A clerk account as the administration sees it: never a password or its hash. */
export const ClerkAccount = z.object({
  username: z.string(),
  displayName: z.string(),
  role: ClerkRole,
  officeIds: z.array(z.string()),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
});
export type ClerkAccount = z.infer<typeof ClerkAccount>;
export const ClerkAccountList = z.object({ clerks: z.array(ClerkAccount) });

export const MIN_PASSWORD_LENGTH = 12;

export const PasswordChange = z.strictObject({
  currentPassword: z.string().min(1, 'currentPassword is required').max(1000),
  newPassword: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `newPassword must have at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1000),
});
export type PasswordChange = z.infer<typeof PasswordChange>;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const Username = z
  .string()
  .regex(USERNAME_PATTERN, 'must be 2-64 lower-case letters, digits, dots, dashes or underscores');

/** An invitation: the initial password is shown once and must be changed at the first login. */
export const Invitation = z.object({
  username: z.string(),
  initialPassword: z.string(),
  mustChangePassword: z.literal(true),
});
export type Invitation = z.infer<typeof Invitation>;

export const AdminInvite = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1, 'displayName is required').max(200),
});

export const ClerkInvite = AdminInvite.extend({
  role: ClerkRole,
  officeIds: z.array(Id).max(100).default([]),
}).superRefine((clerk, ctx) => {
  if (clerk.role === 'clerk' && clerk.officeIds.length === 0)
    ctx.addIssue({ code: 'custom', path: ['officeIds'], message: 'a clerk needs at least one office' });
});
export type ClerkInvite = z.infer<typeof ClerkInvite>;

export const ClerkUpdate = z.strictObject({
  displayName: z.string().trim().min(1, 'displayName is required').max(200).optional(),
  role: ClerkRole.optional(),
  officeIds: z.array(Id).max(100).optional(),
});
export type ClerkUpdate = z.infer<typeof ClerkUpdate>;

export const MunicipalitySettings = z.strictObject({
  name: z.string().trim().min(1, 'name is required').max(200),
});
export type MunicipalitySettings = z.infer<typeof MunicipalitySettings>;
export const Municipality = z.object({ id: z.string(), name: z.string() });

/** A weekly table of intervals, each ending after it starts, none overlapping another that day. */
export const OpeningHours = z
  .array(OpeningInterval)
  .max(100)
  .superRefine((intervals, ctx) => {
    intervals.forEach((interval, index) => {
      if (minutesOfClock(interval.to) <= minutesOfClock(interval.from))
        ctx.addIssue({ code: 'custom', path: [index, 'to'], message: 'must be later than from' });
      const overlap = intervals.findIndex(
        (other, j) =>
          j < index &&
          other.day === interval.day &&
          minutesOfClock(other.from) < minutesOfClock(interval.to) &&
          minutesOfClock(interval.from) < minutesOfClock(other.to),
      );
      if (overlap >= 0)
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `overlaps interval ${overlap} on ${interval.day}`,
        });
    });
  });

export const OfficeFields = z.strictObject({
  name: LocalizedText,
  address: Address,
  phone: z.string().max(40),
  email: z.email(),
  openingHours: OpeningHours,
  videoHours: OpeningHours,
});
export type OfficeFields = z.infer<typeof OfficeFields>;

/**
 * A public key as JSON Web Key. The shape is checked here; the hub also checks that it is an
 * RSA key of exactly 4096 bits for RSA-OAEP-256 and that no private part came along.
 */
export const PublicJwk = z.looseObject({
  kty: z.string(),
  n: z.string().optional(),
  e: z.string().optional(),
  kid: z.string().optional(),
  alg: z.string().optional(),
  use: z.string().optional(),
});
export type PublicJwk = z.infer<typeof PublicJwk>;

export const KID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export const OfficeKeyAdd = z.strictObject({
  /** Defaults to the JWK's own kid (office-keygen writes one). */
  kid: z.string().regex(KID_PATTERN, 'must be 1-200 letters, digits, dots, dashes or underscores').optional(),
  jwk: PublicJwk,
});
export type OfficeKeyAdd = z.infer<typeof OfficeKeyAdd>;

export const OfficeCreate = OfficeFields.extend({ id: Id, encryptionKey: OfficeKeyAdd });
export type OfficeCreate = z.infer<typeof OfficeCreate>;

export const OfficeList = z.object({ offices: z.array(Office) });

/** A service as the administration writes it: id from the path, the time from the hub. */
export const ServiceFields = Service.omit({ id: true, updatedAt: true }).strict();
export type ServiceFields = z.infer<typeof ServiceFields>;
export const ServiceList = z.object({ services: z.array(Service) });

/** A category of the kiosk's start page; services name one. */
export const CategoryFields = Category.omit({ id: true }).strict();
export type CategoryFields = z.infer<typeof CategoryFields>;
export const CategoryList = z.object({ categories: z.array(Category) });

export const PublishedForm = z.object({ id: z.string(), version: z.number().int(), serviceId: z.string() });
export type PublishedForm = z.infer<typeof PublishedForm>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorKind: z.enum(['clerk', 'provider']),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditList = z.object({ entries: z.array(AuditEntry) });

const IsoTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time' });

export const AuditQuery = z.object({
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  /** Entries whose target starts with this (an office id, `clerk:erika`, …). */
  target: z.string().max(300).optional(),
  since: IsoTime.optional(),
  until: IsoTime.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
