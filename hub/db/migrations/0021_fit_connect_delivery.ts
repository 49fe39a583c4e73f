import type { Kysely, Migration } from 'kysely';

/**
 * Delivery per office: the hub's own clerk inbox, or a FIT-Connect destination with the office's
 * client credentials. `fitconnect_deliveries` is the sender's journal: one row per application,
 * each step recorded before the next, so a crash between two steps resumes without a second
 * submission. The hub keeps only ciphertext here, as in `submissions`.
 */
export const fitConnectDelivery: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('office_delivery_routes')
      .addColumn('office_id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('destination_id', 'text')
      .addColumn('client_id', 'text')
      .addColumn('client_secret', 'text')
      .addColumn('token_url', 'text')
      .addColumn('submission_api_url', 'text')
      .addColumn('leika_key', 'text')
      .addColumn('service_name', 'text')
      .addColumn('encryption_kid', 'text')
      .addColumn('encryption_jwk', 'text')
      .addColumn('key_fetched_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('fitconnect_deliveries')
      .addColumn('submission_id', 'text', (c) => c.primaryKey())
      .addColumn('office_id', 'text', (c) => c.notNull())
      .addColumn('destination_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('fc_submission_id', 'text')
      .addColumn('fc_case_id', 'text')
      .addColumn('uploaded_attachments', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('quarantine_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('fitconnect_deliveries_due')
      .on('fitconnect_deliveries')
      .columns(['state', 'next_attempt_at'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('fitconnect_deliveries').execute();
    await db.schema.dropTable('office_delivery_routes').execute();
  },
};
