import { tenantOfOffice } from '../../content/store.js';
import type { HubKysely } from '../../db/schema.js';
import { resolveTenant } from '../../tenants/store.js';
import type { OidcIdentity } from './role-mapping.js';
import { SignInError } from './sign-in.js';

/**
 * The clerk account of a provider identity: found by issuer and subject, created at the first
 * sign-in, and its name, offices and role taken from the provider at every sign-in. Such an account has
 * no password, so it cannot log in locally. A local account of the same name is never taken over.
 * Returns the account's username (kept from its first sign-in, as sessions refer to it).
 */
export async function clerkForIdentity(db: HubKysely, identity: OidcIdentity, now: Date): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const known = await trx
      .selectFrom('clerks')
      .select(['username', 'disabled_at'])
      .where('oidc_subject', '=', identity.subject)
      .executeTakeFirst();
    const role = identity.admin ? 'admin' : 'clerk';
    if (known) {
      // Disabled by the municipality's admin on the hub: the provider's word does not undo that.
      if (known.disabled_at !== null)
        throw new SignInError('refused', `the account ${known.username} is disabled on the hub`);
      await trx
        .updateTable('clerks')
        .set({ display_name: identity.displayName, office_ids: JSON.stringify(identity.officeIds), role })
        .where('username', '=', known.username)
        .execute();
      return known.username;
    }
    const taken = await trx
      .selectFrom('clerks')
      .select('username')
      .where('username', '=', identity.username)
      .executeTakeFirst();
    if (taken)
      throw new SignInError(
        'conflict',
        `an account named ${identity.username} exists on the hub and is not linked to ${identity.subject}`,
      );
    await trx
      .insertInto('clerks')
      .values({
        username: identity.username,
        tenant_id: await tenantOfIdentity(trx, identity),
        display_name: identity.displayName,
        password_hash: '',
        office_ids: JSON.stringify(identity.officeIds),
        created_at: now.toISOString(),
        oidc_subject: identity.subject,
        role,
      })
      .execute();
    return identity.username;
  });
}

/**
 * The municipality of a new provider identity: the one its offices belong to (office ids are
 * unique on the hub), else the hub's only tenant. Offices of two municipalities are refused.
 */
async function tenantOfIdentity(db: HubKysely, identity: OidcIdentity): Promise<string> {
  const tenants = new Set<string>();
  for (const officeId of identity.officeIds) {
    const tenant = await tenantOfOffice(db, officeId);
    if (tenant !== undefined) tenants.add(tenant);
  }
  if (tenants.size > 1)
    throw new SignInError('refused', 'the provider maps this identity to offices of several municipalities');
  const [only] = tenants;
  if (only !== undefined) return only;
  try {
    return await resolveTenant(db, undefined);
  } catch (error) {
    throw new SignInError('refused', `no municipality for this identity: ${(error as Error).message}`);
  }
}
