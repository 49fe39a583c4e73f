import type { Kysely, Migration } from 'kysely';

/**
 * Attachments arrive as chunked, resumable uploads of their JWE (text) before the submission
 * that lists them; the submission remembers which attachments it has.
 */
export const attachments: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('attachment_uploads')
      .addColumn('submission_id', 'text', (c) => c.notNull())
      .addColumn('attachment_id', 'text', (c) => c.notNull())
      .addColumn('terminal_id', 'text', (c) => c.notNull())
      .addColumn('length', 'integer', (c) => c.notNull())
      .addColumn('received', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('completed_at', 'text')
      .addPrimaryKeyConstraint('attachment_uploads_pk', ['submission_id', 'attachment_id'])
      .execute();
    await db.schema
      .createTable('attachment_chunks')
      .addColumn('submission_id', 'text', (c) => c.notNull())
      .addColumn('attachment_id', 'text', (c) => c.notNull())
      .addColumn('start', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('attachment_chunks_pk', ['submission_id', 'attachment_id', 'start'])
      .execute();
    await db.schema
      .alterTable('submissions')
      .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('submissions').dropColumn('attachments').execute();
    await db.schema.dropTable('attachment_chunks').execute();
    await db.schema.dropTable('attachment_uploads').execute();
  },
};
