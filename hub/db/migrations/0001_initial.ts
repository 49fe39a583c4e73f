import type { Kysely, Migration } from 'kysely';

/**
 * Only text and integer columns and plain constraints, so the same migration runs on SQLite and
 * PostgreSQL. Migrations see the schema as it was when they were written, hence Kysely<unknown>.
 */
const PLAIN_CONTENT_TABLES = ['offices', 'categories', 'life_situations', 'services'] as const;

export const initial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const table of PLAIN_CONTENT_TABLES) {
      await db.schema
        .createTable(table)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .execute();
      // The checkpoint of the coming delta sync: (updated_at, id).
      await db.schema.createIndex(`${table}_checkpoint`).on(table).columns(['updated_at', 'id']).execute();
    }

    await db.schema
      .createTable('forms')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('office_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .addPrimaryKeyConstraint('forms_pk', ['id', 'version'])
      .execute();
    await db.schema.createIndex('forms_checkpoint').on('forms').columns(['updated_at', 'id']).execute();

    await db.schema
      .createTable('content_meta')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('revision', 'text', (c) => c.notNull())
      .addColumn('municipality', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('terminals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();

    await db.schema
      .createTable('clerks')
      .addColumn('username', 'text', (c) => c.primaryKey())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('office_ids', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('clerk_sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().references('clerks.username').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('clerk_sessions_expires_at')
      .on('clerk_sessions')
      .column('expires_at')
      .execute();

    await db.schema
      .createTable('submissions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
      .addColumn('form_id', 'text', (c) => c.notNull())
      .addColumn('form_version', 'integer', (c) => c.notNull())
      .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
      .addColumn('office_id', 'text', (c) => c.notNull())
      .addColumn('terminal_id', 'text', (c) => c.notNull().references('terminals.id'))
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('answers', 'text', (c) => c.notNull())
      .addColumn('body_hash', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addForeignKeyConstraint('submissions_form_fk', ['form_id', 'form_version'], 'forms', ['id', 'version'])
      .execute();
    // The clerk's inbox: newest first within the clerk's offices.
    await db.schema
      .createIndex('submissions_inbox')
      .on('submissions')
      .columns(['office_id', 'received_at'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of [
      'submissions',
      'clerk_sessions',
      'clerks',
      'terminals',
      'content_meta',
      'forms',
      ...PLAIN_CONTENT_TABLES,
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
