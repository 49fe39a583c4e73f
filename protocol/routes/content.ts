import { z } from 'zod';
import { ContentSnapshot } from '../content.js';
import { CONTENT_PAGE_LIMIT, ContentChanges } from '../content-changes.js';
import { defineRoute, empty, json } from './contract.js';

export const HealthAnswer = z.object({ status: z.literal('ok'), time: z.string() });

export const ChangesQuery = z.object({
  since: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(CONTENT_PAGE_LIMIT).default(CONTENT_PAGE_LIMIT),
});

export const contentRoutes = {
  health: defineRoute({
    method: 'GET',
    path: '/api/v1/health',
    audience: 'public',
    summary: 'Reachability probe of the terminals: no database, never cached.',
    answers: { 200: json(HealthAnswer, 'The hub is up; its clock.') },
  }),
  snapshot: defineRoute({
    method: 'GET',
    path: '/api/v1/content',
    audience: 'terminal',
    summary: 'The whole catalog (offices, services, forms); ETag is the content revision.',
    answers: {
      200: json(ContentSnapshot, 'The catalog.'),
      304: empty('Unchanged since the If-None-Match revision.'),
    },
  }),
  changes: defineRoute({
    method: 'GET',
    path: '/api/v1/content/changes',
    audience: 'terminal',
    summary: 'Catalog changes after a checkpoint, in pages; x-pop-next-checkpoint names the next page early.',
    query: ChangesQuery,
    answers: {
      200: json(ContentChanges, 'One page of changes.'),
      304: empty('Up to date (If-None-Match names the current revision).'),
    },
    errors: [400],
  }),
} as const;
