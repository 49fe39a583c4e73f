import {
  ProviderTokenCreate,
  ProviderTokenIssued,
  Tenant,
  TenantCreate,
  TenantList,
  TenantParams,
  TenantRename,
} from '../tenants.js';
import { defineRoute, json } from './contract.js';

/** Tenants (municipalities, by ARS) and the provider tokens that run them. */
export const tenantRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/v1/provider/tenants',
    audience: 'provider',
    summary: 'The tenants this provider token runs (an operator token: every tenant on the hub).',
    answers: { 200: json(TenantList, 'The tenants.') },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/v1/provider/tenants',
    audience: 'provider',
    summary: 'Creates a tenant with an empty catalog (operator tokens only).',
    body: TenantCreate,
    answers: { 201: json(Tenant, 'Created.') },
    errors: [403, 409],
  }),
  rename: defineRoute({
    method: 'POST',
    path: '/api/v1/provider/tenants/:tenantId/rename',
    audience: 'provider',
    summary: 'Gives a tenant another ARS, e.g. the placeholder after a migration (operator tokens only).',
    params: TenantParams,
    body: TenantRename,
    answers: { 200: json(Tenant, 'Renamed.') },
    errors: [403, 404, 409],
  }),
  createToken: defineRoute({
    method: 'POST',
    path: '/api/v1/provider/tokens',
    audience: 'provider',
    summary: 'Issues a named provider token for a person, running the given tenants (operator tokens only).',
    body: ProviderTokenCreate,
    answers: { 201: json(ProviderTokenIssued, 'Issued; the token is shown only now.') },
    errors: [403, 404],
  }),
} as const;
