import { z } from 'zod';

/**
 * A tenant is a municipality, identified by its Amtlicher Regionalschlüssel (ARS): 12 digits —
 * Land (2), Regierungsbezirk (1), Kreis (2), Gemeindeverband (4), Gemeinde (3).
 */
export const ARS_PATTERN = /^\d{12}$/;
export const ARS_MESSAGE = 'must be an Amtlicher Regionalschlüssel: 12 digits, e.g. 146270010010';

export const TenantId = z.string().regex(ARS_PATTERN, ARS_MESSAGE);
export type TenantId = z.infer<typeof TenantId>;

export const isTenantId = (text: string): boolean => ARS_PATTERN.test(text);

/** What a database migrated from one municipality holds until the operator renames it. */
export const PLACEHOLDER_TENANT_ID = '000000000000';

export const Tenant = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });
export type Tenant = z.infer<typeof Tenant>;
export const TenantList = z.object({ tenants: z.array(Tenant) });

export const TenantCreate = z.strictObject({
  id: TenantId,
  name: z.string().trim().min(1, 'name is required').max(200),
});
export type TenantCreate = z.infer<typeof TenantCreate>;

/** A new ARS for a tenant (the placeholder after a migration, or a corrected key). */
export const TenantRename = z.strictObject({ id: TenantId });
export type TenantRename = z.infer<typeof TenantRename>;

/** The tenant a provider request works on: `?tenant=<ARS>`; optional when the token runs only one. */
export const TenantQuery = z.object({ tenant: TenantId.optional() });
export type TenantQuery = z.infer<typeof TenantQuery>;

export const TenantParams = z.object({ tenantId: TenantId });

/** A named provider token for one person, running the given tenants (made by an operator). */
export const ProviderTokenCreate = z.strictObject({
  name: z.string().trim().min(1, 'name is required').max(100),
  tenants: z.array(TenantId).min(1, 'tenants: name at least one tenant').max(1000),
});
export type ProviderTokenCreate = z.infer<typeof ProviderTokenCreate>;
/** The token is shown only in this answer; the hub keeps its hash. */
export const ProviderTokenIssued = z.object({
  name: z.string(),
  tenants: z.array(z.string()),
  token: z.string(),
});
