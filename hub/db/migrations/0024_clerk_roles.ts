import type { Kysely, Migration } from 'kysely';

/**
 * Clerk accounts for administration: a role (clerk of given offices, or municipal admin), a flag
 * that an invited or reset account must choose its own password first, and a disable time that
 * ends the account's sessions and refuses it on every request.
 */
export const clerkRoles: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // One column per statement: SQLite's ALTER TABLE adds one at a time.
    await db.schema
      .alterTable('clerks')
      .addColumn('role', 'text', (c) => c.notNull().defaultTo('clerk'))
      .execute();
    await db.schema
      .alterTable('clerks')
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('clerks').addColumn('disabled_at', 'text').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('clerks').dropColumn('disabled_at').execute();
    await db.schema.alterTable('clerks').dropColumn('must_change_password').execute();
    await db.schema.alterTable('clerks').dropColumn('role').execute();
  },
};
