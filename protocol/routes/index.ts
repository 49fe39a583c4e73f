import { accountRoutes, adminProviderRoutes, adminRoutes } from './admin.js';
import { translationRoutes } from './translations.js';
import { callRoutes } from './calls.js';
import { clerkRoutes } from './clerk.js';
import { contentRoutes } from './content.js';
import { deliveryRoutes } from './delivery.js';
import type { RouteContract } from './contract.js';
import { fleetProviderRoutes, fleetTerminalRoutes } from './fleet.js';
import { probeRoutes } from './probes.js';
import { quarantineRoutes } from './quarantine.js';
import { retentionRoutes } from './retention.js';
import { submissionRoutes } from './submissions.js';
import { tenantRoutes } from './tenants.js';

export * from './contract.js';

/** Every API route of the hub, by domain. A route the hub registers outside this map fails a test. */
export const contract = {
  content: contentRoutes,
  submissions: submissionRoutes,
  clerk: clerkRoutes,
  calls: callRoutes,
  fleetTerminal: fleetTerminalRoutes,
  fleetProvider: fleetProviderRoutes,
  quarantine: quarantineRoutes,
  retention: retentionRoutes,
  delivery: deliveryRoutes,
  probes: probeRoutes,
  account: accountRoutes,
  admin: adminRoutes,
  adminProvider: adminProviderRoutes,
  tenants: tenantRoutes,
  translations: translationRoutes,
} as const;

/** Routes outside /api: the built kiosk and console pages (not part of the API description). */
export const PAGE_ROUTES = [
  { method: 'GET', path: '/', summary: 'Redirects to /kiosk/, or explains how to build it.' },
  { method: 'GET', path: '/favicon.ico', summary: "The product's mark, for the browsers' tab." },
  { method: 'GET', path: '/*', summary: 'The built kiosk, clerk and fleet pages (static files).' },
] as const;

/** The routes as a flat list with their domain and name, for registration checks and OpenAPI. */
export function allRoutes(): { domain: string; name: string; route: RouteContract }[] {
  return Object.entries(contract).flatMap(([domain, routes]) =>
    Object.entries(routes as Record<string, RouteContract>).map(([name, route]) => ({ domain, name, route })),
  );
}
