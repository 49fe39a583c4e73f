import { z } from 'zod';
import { DeliveryRecords, DeliveryRouteInput, DeliveryRouteView } from '../delivery.js';
import { Id } from '../id.js';
import { defineRoute, json } from './contract.js';
import { TenantQuery } from '../tenants.js';

export const OfficeParams = z.object({ officeId: Id });

export const DeliveryRouteAnswer = z.object({
  route: DeliveryRouteView,
  /** Why the destination's encryption key could not be fetched just now (null when it was). */
  keyProblem: z.string().nullable(),
});

/** A FIT-Connect destination's encryption key as the hub fetched it, for terminals to check and use. */
export const DeliveryKey = z.object({
  officeId: z.string(),
  destinationId: z.string(),
  kid: z.string(),
  /** The public JWK with its x5c chain, exactly as FIT-Connect answered. */
  jwk: z.looseObject({ kty: z.string(), kid: z.string(), n: z.string(), e: z.string() }),
  fetchedAt: z.string(),
});
export type DeliveryKey = z.infer<typeof DeliveryKey>;
export const DeliveryKeys = z.object({ keys: z.array(DeliveryKey) });

/** Where each office's applications go (inbox or FIT-Connect), and how far deliveries are. */
export const deliveryRoutes = {
  route: defineRoute({
    method: 'GET',
    path: '/api/v1/provider/offices/:officeId/delivery',
    audience: 'provider',
    summary: 'The office’s delivery route (never the client secret).',
    query: TenantQuery,
    params: OfficeParams,
    answers: { 200: json(DeliveryRouteView, 'The route; inbox when none was set.') },
    errors: [403, 404],
  }),
  setRoute: defineRoute({
    method: 'PUT',
    path: '/api/v1/provider/offices/:officeId/delivery',
    audience: 'provider',
    summary: 'Sets the office’s route; for FIT-Connect the hub then fetches the destination key.',
    query: TenantQuery,
    params: OfficeParams,
    body: DeliveryRouteInput,
    answers: { 200: json(DeliveryRouteAnswer, 'Saved, with the outcome of the key fetch.') },
    errors: [403, 404, 422],
  }),
  deliveries: defineRoute({
    method: 'GET',
    path: '/api/v1/provider/deliveries',
    audience: 'provider',
    summary: 'Applications on their way through FIT-Connect: state, attempts, quarantine reason.',
    query: TenantQuery,
    answers: { 200: json(DeliveryRecords, 'Newest first.') },
    errors: [403],
  }),
  keys: defineRoute({
    method: 'GET',
    path: '/api/v1/terminal/delivery-keys',
    audience: 'terminal',
    summary: 'The FIT-Connect destination keys of offices that deliver there (terminals check x5c).',
    answers: { 200: json(DeliveryKeys, 'One per FIT-Connect office with a fetched key.') },
  }),
} as const;
