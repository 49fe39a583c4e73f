import { z } from 'zod';
import { Category, LifeSituation, Office, Service } from './catalog.js';
import { ContentSnapshot } from './content.js';
import { FormDefinition } from './forms.js';

/**
 * Delta pull: everything changed after a checkpoint, oldest first, in pages. A deletion is a
 * soft delete on the hub and travels as a change without a document. The checkpoint is opaque
 * to the terminal; it only hands it back.
 */
export const CONTENT_KINDS = ['office', 'category', 'lifeSituation', 'service', 'form'] as const;
export const ContentKind = z.enum(CONTENT_KINDS);
export type ContentKind = z.infer<typeof ContentKind>;

const Base = { updatedAt: z.string(), key: z.string().min(1).max(200) };

export const ContentChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('office'), ...Base, deleted: z.boolean(), document: Office.optional() }),
  z.object({ kind: z.literal('category'), ...Base, deleted: z.boolean(), document: Category.optional() }),
  z.object({
    kind: z.literal('lifeSituation'),
    ...Base,
    deleted: z.boolean(),
    document: LifeSituation.optional(),
  }),
  z.object({ kind: z.literal('service'), ...Base, deleted: z.boolean(), document: Service.optional() }),
  z.object({ kind: z.literal('form'), ...Base, deleted: z.boolean(), document: FormDefinition.optional() }),
]);
export type ContentChange = z.infer<typeof ContentChange>;

export const ContentChanges = z.object({
  /** The hub's content revision after the last change of all pages. */
  revision: z.string(),
  municipality: ContentSnapshot.shape.municipality,
  changes: z.array(ContentChange),
  /** Hand back to get the next page (or, when !hasMore, the next time). */
  checkpoint: z.string().nullable(),
  hasMore: z.boolean(),
});
export type ContentChanges = z.infer<typeof ContentChanges>;

/** Large pages: a first pull of a LeiKa-size catalog takes a handful of round trips, not dozens. */
export const CONTENT_PAGE_LIMIT = 2_000;

/**
 * Set on a content page that has more after it: the page's checkpoint, so the terminal can ask
 * for the next page as soon as the headers arrive, while it still parses and stages this one.
 */
export const NEXT_CHECKPOINT_HEADER = 'x-pop-next-checkpoint';
