import type { Kysely, Migration } from 'kysely';

/**
 * Clerk sign-in through the municipality's OpenID provider: a clerk account may stand for an
 * identity there (issuer and subject), and each started sign-in keeps its PKCE verifier and nonce
 * in a row until the provider sends the browser back — in the database, so any hub instance can
 * finish a sign-in another one started.
 */
export const oidcLogins: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('clerks').addColumn('oidc_subject', 'text').execute();
    await db.schema.createIndex('clerks_oidc_subject').unique().on('clerks').column('oidc_subject').execute();
    await db.schema
      .createTable('oidc_logins')
      .addColumn('state', 'text', (c) => c.primaryKey())
      .addColumn('binding_hash', 'text', (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('oidc_logins').execute();
    await db.schema.dropIndex('clerks_oidc_subject').execute();
    await db.schema.alterTable('clerks').dropColumn('oidc_subject').execute();
  },
};
