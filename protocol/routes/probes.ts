import { z } from 'zod';
import { defineRoute, json, text } from './contract.js';

/** Liveness: the process answers. */
export const LiveAnswer = z.object({ status: z.literal('live') });

/** Readiness: the hub can serve, its database answers (503 with an ApiError `not_ready` if not). */
export const ReadyAnswer = z.object({ status: z.literal('ready'), databaseMs: z.number().nonnegative() });

/** Probes for a balancer, systemd or an orchestrator; outside /api, no auth, never cached. */
export const probeRoutes = {
  live: defineRoute({
    method: 'GET',
    path: '/livez',
    audience: 'public',
    summary: 'Liveness probe: the hub process answers (no database).',
    answers: { 200: json(LiveAnswer, 'The process is alive.') },
  }),
  ready: defineRoute({
    method: 'GET',
    path: '/readyz',
    audience: 'public',
    summary: 'Readiness probe: the database answers a query; 503 while it does not or the hub stops.',
    answers: { 200: json(ReadyAnswer, 'Ready, with the database round trip in milliseconds.') },
    errors: [503],
  }),
  metrics: defineRoute({
    method: 'GET',
    path: '/metrics',
    audience: 'provider',
    summary:
      'Figures for Prometheus (text format 0.0.4): terminals, outboxes, calls, clerks, lag (operator tokens only).',
    answers: { 200: text('text/plain', 'The exposition text; no personal data.') },
    errors: [401, 403],
  }),
} as const;
