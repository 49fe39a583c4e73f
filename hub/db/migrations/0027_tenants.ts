import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * One hub, many municipalities. A tenant is a municipality, identified by its Amtlicher
 * Regionalschlüssel (ARS, 12 digits). Content tables get tenant_id in their primary key, so two
 * municipalities can both have a service `meldebescheinigung`; office ids stay unique hub-wide,
 * so everything that carries an office id (submissions, calls, quarantine, deliveries, retention)
 * belongs to the office's tenant. Terminals, clerks, releases, enrollment codes and audit entries
 * carry tenant_id themselves.
 *
 * Existing data moves into one tenant: the ARS of the catalog's municipality id when that is an
 * ARS, else the placeholder 000000000000, which the operator renames (`pop-hub tenants rename`).
 * A database without any data gets no tenant; the provider creates them.
 *
 * Not expand-only: content queries of an older build do not know tenant_id, so an older build
 * must not run against a database this migration changed (docs/tenants.md).
 */
export const PLACEHOLDER_ARS = '000000000000'; // protocol/tenants.ts PLACEHOLDER_TENANT_ID

const PLAIN_CONTENT_TABLES = ['offices', 'categories', 'life_situations', 'services'] as const;
/** Tables that only gain a tenant_id column (their ids stay unique hub-wide). */
const TENANT_COLUMN_TABLES = ['terminals', 'clerks', 'config_releases', 'enrollment_codes'] as const;

async function migratedTenant(db: Kysely<unknown>): Promise<{ id: string; name: string; hasData: boolean }> {
  const meta = await sql<{ municipality: string }>`SELECT municipality FROM content_meta`.execute(db);
  let id = PLACEHOLDER_ARS;
  let name = 'Kommune';
  const first = meta.rows[0];
  if (first) {
    try {
      const municipality = JSON.parse(first.municipality) as { id?: unknown; name?: unknown };
      if (typeof municipality.id === 'string' && /^\d{12}$/.test(municipality.id)) id = municipality.id;
      if (typeof municipality.name === 'string' && municipality.name.trim() !== '') name = municipality.name;
    } catch {
      // An unreadable municipality keeps the placeholder; the operator names the tenant.
    }
  }
  let hasData = first !== undefined;
  for (const table of ['terminals', 'clerks', 'config_releases', 'enrollment_codes', 'provider_tokens']) {
    if (hasData) break;
    const { rows } = await sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM ${sql.table(table)}`.execute(
      db,
    );
    hasData = Number(rows[0]?.n ?? 0) > 0;
  }
  return { id, name, hasData };
}

export const tenants: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    // SQLite runs migrations outside a transaction: this one rebuilds tables, so it makes its own.
    if (postgres) await up(db, true);
    else await db.transaction().execute((trx) => up(trx, false));
  },
};

async function up(db: Kysely<unknown>, postgres: boolean): Promise<void> {
  const tenant = await migratedTenant(db);
  const literal = sql.lit(tenant.id);

  await db.schema
    .createTable('tenants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  if (tenant.hasData)
    await sql`INSERT INTO tenants (id, name, created_at) VALUES (${tenant.id}, ${tenant.name}, ${new Date().toISOString()})`.execute(
      db,
    );

  if (postgres) {
    // Submissions name their tenant through the office; a form or service id alone is no key now.
    await sql`ALTER TABLE submissions DROP CONSTRAINT IF EXISTS submissions_service_id_fkey`.execute(db);
    await sql`ALTER TABLE submissions DROP CONSTRAINT IF EXISTS submissions_form_fk`.execute(db);
    for (const table of [...PLAIN_CONTENT_TABLES, 'forms', 'content_meta']) {
      const t = sql.table(table);
      await sql`ALTER TABLE ${t} ADD COLUMN tenant_id text NOT NULL DEFAULT ${literal}`.execute(db);
      await sql`ALTER TABLE ${t} ALTER COLUMN tenant_id DROP DEFAULT`.execute(db);
    }
    for (const table of PLAIN_CONTENT_TABLES) {
      const t = sql.table(table);
      await sql`ALTER TABLE ${t} DROP CONSTRAINT ${sql.id(`${table}_pkey`)}`.execute(db);
      await sql`ALTER TABLE ${t} ADD CONSTRAINT ${sql.id(`${table}_pkey`)} PRIMARY KEY (tenant_id, id)`.execute(
        db,
      );
    }
    await sql`ALTER TABLE forms DROP CONSTRAINT forms_pk`.execute(db);
    await sql`ALTER TABLE forms ADD CONSTRAINT forms_pk PRIMARY KEY (tenant_id, id, version)`.execute(db);
    await sql`ALTER TABLE content_meta DROP CONSTRAINT content_meta_pkey`.execute(db);
    await sql`ALTER TABLE content_meta DROP COLUMN id`.execute(db);
    await sql`ALTER TABLE content_meta ADD CONSTRAINT content_meta_pkey PRIMARY KEY (tenant_id)`.execute(db);
  } else {
    await rebuildSubmissionsWithoutContentKeys(db);
    for (const table of PLAIN_CONTENT_TABLES)
      await rebuild(
        db,
        table,
        `("tenant_id" text not null, "id" text not null, "position" integer not null, "document" text not null, "updated_at" text not null, "deleted_at" text, constraint "${table}_pk" primary key ("tenant_id", "id"))`,
        ['id', 'position', 'document', 'updated_at', 'deleted_at'],
        tenant.id,
      );
    await rebuild(
      db,
      'forms',
      `("tenant_id" text not null, "id" text not null, "version" integer not null, "office_id" text not null, "position" integer not null, "document" text not null, "updated_at" text not null, "deleted_at" text, constraint "forms_pk" primary key ("tenant_id", "id", "version"))`,
      ['id', 'version', 'office_id', 'position', 'document', 'updated_at', 'deleted_at'],
      tenant.id,
    );
    await rebuild(
      db,
      'content_meta',
      `("tenant_id" text primary key, "revision" text not null, "municipality" text not null, "updated_at" text not null)`,
      ['revision', 'municipality', 'updated_at'],
      tenant.id,
    );
  }

  for (const table of [...PLAIN_CONTENT_TABLES, 'forms']) {
    const index = `${table}_checkpoint`;
    await db.schema.dropIndex(index).ifExists().execute();
    await db.schema.createIndex(index).on(table).columns(['tenant_id', 'updated_at', 'id']).execute();
  }
  // Office ids stay unique on the whole hub: submissions, calls and quarantine name only the office.
  await db.schema.createIndex('offices_id_unique').unique().on('offices').column('id').execute();

  // Rows an older build writes during a rolling upgrade land in the migrated tenant.
  for (const table of TENANT_COLUMN_TABLES) {
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN tenant_id text NOT NULL DEFAULT ${literal}`.execute(
      db,
    );
    await db.schema.createIndex(`${table}_tenant`).on(table).column('tenant_id').execute();
  }
  // Audit entries of hub-wide actions (a tenant created, a token named) have no tenant.
  await sql`ALTER TABLE audit_log ADD COLUMN tenant_id text DEFAULT ${literal}`.execute(db);
  await db.schema
    .createIndex('audit_log_tenant')
    .on('audit_log')
    .columns(['tenant_id', 'at', 'id'])
    .execute();

  // Provider tokens: an operator token runs every tenant and may create tenants; any other token
  // runs the tenants listed for it. Tokens from before ran the whole hub: they become operators.
  await db.schema
    .alterTable('provider_tokens')
    .addColumn('operator', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`UPDATE provider_tokens SET operator = 1`.execute(db);
  await db.schema
    .createTable('provider_token_tenants')
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('provider_token_tenants_pk', ['token_hash', 'tenant_id'])
    .execute();
}

/** SQLite cannot change a primary key in place: new table, copy, drop, rename, as its manual says. */
async function rebuild(
  db: Kysely<unknown>,
  table: string,
  definition: string,
  columns: string[],
  tenantId: string,
): Promise<void> {
  const fresh = `${table}__tenants`;
  const list = columns.map((c) => `"${c}"`).join(', ');
  await sql.raw(`CREATE TABLE "${fresh}" ${definition}`).execute(db);
  await sql
    .raw(`INSERT INTO "${fresh}" ("tenant_id", ${list}) SELECT '${tenantId}', ${list} FROM "${table}"`)
    .execute(db);
  await sql.raw(`DROP TABLE "${table}"`).execute(db);
  await sql.raw(`ALTER TABLE "${fresh}" RENAME TO "${table}"`).execute(db);
}

/** The submissions table as it stands, minus its foreign keys to services and forms. */
async function rebuildSubmissionsWithoutContentKeys(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ type: string; name: string; sql: string | null }>`
    SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'submissions'`.execute(db);
  const table = rows.find((r) => r.type === 'table')?.sql;
  if (!table) throw new Error('submissions table not found');
  const withoutKeys = table
    .replace(/\s+references\s+"services"\s*\("id"\)/i, '')
    .replace(
      /,\s*constraint\s+"submissions_form_fk"\s+foreign key\s*\([^)]*\)\s*references\s+"forms"\s*\([^)]*\)/i,
      '',
    );
  if (withoutKeys === table) throw new Error('submissions table has an unexpected definition');
  const indexes = rows.filter((r) => r.type === 'index' && r.sql !== null).map((r) => r.sql as string);
  const { rows: columns } = await sql<{
    name: string;
  }>`SELECT name FROM pragma_table_info('submissions')`.execute(db);
  const list = columns.map((c) => `"${c.name}"`).join(', ');
  await sql
    .raw(withoutKeys.replace(/^CREATE TABLE "submissions"/i, 'CREATE TABLE "submissions__tenants"'))
    .execute(db);
  await sql.raw(`INSERT INTO "submissions__tenants" (${list}) SELECT ${list} FROM "submissions"`).execute(db);
  await sql.raw(`DROP TABLE "submissions"`).execute(db);
  await sql.raw(`ALTER TABLE "submissions__tenants" RENAME TO "submissions"`).execute(db);
  for (const index of indexes) await sql.raw(index).execute(db);
}
