import type { Kysely, Migration } from 'kysely';

/** The hub sums a terminal's pending uploads before it accepts a new one (upload quota). */
export const attachmentUploadsByTerminal: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createIndex('attachment_uploads_terminal')
      .on('attachment_uploads')
      .column('terminal_id')
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('attachment_uploads_terminal').execute();
  },
};
