import { ContentSnapshot } from '../../protocol/content.js';
import { describeZodError } from '../../protocol/errors.js';
import { TenantId } from '../../protocol/tenants.js';
import { hashPassword } from '../auth/passwords.js';
import { contentRevision, insertContent, type ContentWithoutRevision } from '../content/store.js';
import { isUniqueViolation } from '../db/errors.js';
import type { HubKysely } from '../db/schema.js';
import { sha256Hex } from '../util/hash.js';

/** A first filling for an empty database: content, one terminal, one clerk (the demo, tests). */
export interface SeedData {
  /** The municipality all of it belongs to: its ARS (12 digits) and name. */
  tenant: { id: string; name: string };
  content: ContentWithoutRevision;
  terminal: { id: string; name: string; token: string };
  clerk: { username: string; displayName: string; password: string; officeIds?: string[] };
}

/**
 * Fills an empty database in one transaction; a database with content is left alone, so a
 * restart never overwrites what the town hall changed. Returns whether it seeded.
 */
export async function seedIfEmpty(db: HubKysely, seed: SeedData, now = new Date()): Promise<boolean> {
  if (await isSeeded(db)) return false;
  return seedTenant(db, seed, now, true);
}

/**
 * Fills one tenant (created here) with the seed's content, terminal and clerk in one transaction.
 * With `onlyIfEmpty`, a database that meanwhile got content is left alone (returns false).
 */
export async function seedTenant(
  db: HubKysely,
  seed: SeedData,
  now = new Date(),
  onlyIfEmpty = false,
): Promise<boolean> {
  const ars = TenantId.safeParse(seed.tenant.id);
  if (!ars.success)
    throw new Error(`The seed's tenant.id: ${ars.error.issues[0]?.message ?? 'is not an ARS'}`);
  const revision = contentRevision(seed.content);
  const checked = ContentSnapshot.safeParse({ ...seed.content, revision });
  if (!checked.success) {
    throw new Error(
      `The seed content is not a valid ContentSnapshot. ${describeZodError(checked.error).message}`,
    );
  }
  const passwordHash = await hashPassword(seed.clerk.password);
  const at = now.toISOString();
  try {
    return await db.transaction().execute(async (trx) => {
      if (onlyIfEmpty && (await isSeeded(trx))) return false;
      await trx
        .insertInto('tenants')
        .values({ id: seed.tenant.id, name: seed.tenant.name, created_at: at })
        .execute();
      await insertContent(trx, seed.tenant.id, seed.content, revision, at);
      await trx
        .insertInto('terminals')
        .values({
          id: seed.terminal.id,
          tenant_id: seed.tenant.id,
          name: seed.terminal.name,
          token_hash: sha256Hex(seed.terminal.token),
          created_at: at,
        })
        .execute();
      await trx
        .insertInto('clerks')
        .values({
          username: seed.clerk.username,
          tenant_id: seed.tenant.id,
          display_name: seed.clerk.displayName,
          password_hash: passwordHash,
          office_ids: JSON.stringify(seed.clerk.officeIds ?? seed.content.offices.map((o) => o.id)),
          created_at: at,
        })
        .execute();
      return true;
    });
  } catch (error) {
    // Two hubs starting together on one PostgreSQL: the other one seeded first, which is fine.
    if (onlyIfEmpty && isUniqueViolation(error)) return false;
    throw error;
  }
}

async function isSeeded(db: HubKysely): Promise<boolean> {
  return (await db.selectFrom('content_meta').select('tenant_id').executeTakeFirst()) !== undefined;
}
