import type { Kysely, Migration } from 'kysely';

/**
 * Shared translations of service descriptions (by LeiKa key) and forms (by FIM schema id and
 * version), one row per language. Keyed by what they translate, not by a catalog: one
 * translation serves every catalog on the hub that offers the service or form.
 */
export const sharedTranslations: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('shared_translations')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject_key', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('texts', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('shared_translations_pk', ['kind', 'subject_key', 'locale'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('shared_translations').execute();
  },
};
