import { z } from 'zod';
import { LocalizedText } from './i18n.js';
import { ClockTime, Weekday } from './clock.js';
import { Id } from './id.js';
import { TranslationOrigins } from './translations.js';

export const OpeningInterval = z.object({ day: Weekday, from: ClockTime, to: ClockTime });
export type OpeningInterval = z.infer<typeof OpeningInterval>;

export const Address = z.object({
  street: z.string().min(1),
  postalCode: z.string().regex(/^\d{5}$/),
  city: z.string().min(1),
});
export type Address = z.infer<typeof Address>;

/** An office's public encryption key (RSA-OAEP-256, FIT-Connect style). */
export const OfficeKey = z.object({
  kid: z.string().min(1).max(200),
  /** current: terminals encrypt to it; retired: still accepted, so queued applications are not stranded. */
  status: z.enum(['current', 'retired']),
  jwk: z.looseObject({
    kty: z.literal('RSA'),
    // 4096 bits are 683 base64url characters; terminals also count the bits before sealing.
    n: z.string().min(683, 'the key is too short: FIT-Connect requires RSA 4096'),
    e: z.string(),
  }),
});
export type OfficeKey = z.infer<typeof OfficeKey>;

export const Office = z.object({
  id: Id,
  name: LocalizedText,
  address: Address,
  phone: z.string().max(40),
  email: z.email(),
  openingHours: z.array(OpeningInterval),
  /** Hours in which clerks answer video calls (issue 4 uses these). */
  videoHours: z.array(OpeningInterval),
  /** Terminals encrypt applications to the current key; clerks hold the private keys. */
  encryptionKeys: z
    .array(OfficeKey)
    .min(1)
    .refine(
      (keys) => keys.filter((k) => k.status === 'current').length === 1,
      'exactly one key must be current',
    ),
  updatedAt: z.string(),
});
export type Office = z.infer<typeof Office>;

export const Category = z.object({
  id: Id,
  name: LocalizedText,
  icon: z.string().max(8),
  order: z.number().int(),
});
export type Category = z.infer<typeof Category>;

export const LifeSituation = z.object({
  id: Id,
  name: LocalizedText,
});
export type LifeSituation = z.infer<typeof LifeSituation>;

export const Fee = z.object({
  description: LocalizedText,
  /** Amount in euro cents; null when the fee depends on the case (see description). */
  amountCents: z.number().int().nonnegative().nullable(),
});
export type Fee = z.infer<typeof Fee>;

/** A service description with the fields of a LeiKa/FIM Leistungsbeschreibung. */
export const Service = z.object({
  id: Id,
  /** LeiKa key (Leistungsschlüssel), 14 digits. */
  leikaKey: z.string().regex(/^\d{14}$/),
  name: LocalizedText,
  shortText: LocalizedText,
  longText: LocalizedText,
  requiredDocuments: z.array(LocalizedText),
  prerequisites: z.array(LocalizedText),
  fees: z.array(Fee),
  processingTime: LocalizedText,
  deadlines: LocalizedText.optional(),
  legalBasis: z.array(z.string().min(1)),
  officeId: z.string(),
  categoryId: z.string(),
  lifeSituationIds: z.array(z.string()),
  /** Search words: colloquial names and synonyms, per language. */
  keywords: z.array(z.string()),
  /** The form a citizen can fill at the terminal, if any. */
  formId: z.string().nullable(),
  /** Who made each language's texts (protocol/translations.ts); the hub fills it when it merges. */
  translationOrigins: TranslationOrigins.optional(),
  updatedAt: z.string(),
});
export type Service = z.infer<typeof Service>;
