import type { Kysely, Migration } from 'kysely';

/**
 * End-to-end encryption: the hub keeps only ciphertext. The plaintext answers column goes; the
 * JWEs of data and metadata and the office key they are encrypted to come in.
 */
export const encryptedSubmissions: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('submissions').dropColumn('answers').execute();
    await db.schema
      .alterTable('submissions')
      .addColumn('key_id', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('submissions')
      .addColumn('data_jwe', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('submissions')
      .addColumn('metadata_jwe', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    // What the citizen sees when asking with the tracking code: a status and a short message.
    await db.schema
      .alterTable('submissions')
      .addColumn('status_message', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.alterTable('submissions').addColumn('status_updated_at', 'text').execute();
  },
};
