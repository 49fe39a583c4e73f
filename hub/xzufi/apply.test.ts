import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Office, Service } from '../../protocol/catalog.js';
import { decodeCheckpoint, readChanges } from '../content/changes.js';
import { readRevision, readSnapshot } from '../content/store.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedIfEmpty } from '../seed/seed.js';
import { testDialects, type TestDatabase } from '../testing/dialects.js';
import { testSeed } from '../testing/test-hub.js';
import { importXzufi, serviceIdFor, XzufiImportError, type XzufiImportOptions } from './apply.js';
import { readXzufi } from './read.js';
import { TEST_TENANT } from '../testing/tenant.js';

const fixture = (name: string) =>
  readXzufi(readFileSync(join(import.meta.dirname, '../../tests/fixtures/xzufi', name)));

const dialects = testDialects('XZuFi import');

const options = (now: string): XzufiImportOptions => ({
  officeFor: { 'OE-ORDNUNGSAMT': 'standesamt' },
  categoryId: 'test',
  now,
});
const PARKING = serviceIdFor('L100042_1020304');
const FOUND = serviceIdFor('L100042_1020399');
const DOG = serviceIdFor('L100042_1020500');

describe.each(dialects)('XZuFi import on %s', (_name, open) => {
  async function seeded(): Promise<TestDatabase> {
    const database = await open();
    await migrateToLatest(database.db);
    await seedIfEmpty(database.db, testSeed, new Date('2026-09-01T00:00:00.000Z'));
    return database;
  }

  it('adds services and updates the responsible office, with a new revision', async () => {
    const { db, close } = await seeded();
    try {
      const before = await readRevision(db, TEST_TENANT.id);
      const report = await importXzufi(db, fixture('lindenau-v1.xml'), options('2026-10-01T08:00:00.000Z'));
      expect(report.added.sort()).toEqual([PARKING, FOUND].sort());
      expect(report.problems).toEqual(['leistung L100042_broken: no 14-digit LeiKa key in <referenzLeiKa>']);
      expect(report.officesUpdated).toEqual(['standesamt']);
      expect(report.revision).toBeDefined();
      expect(report.revision).not.toBe(before);
      const snapshot = await readSnapshot(db, TEST_TENANT.id);
      const parking = snapshot?.services.find((s) => s.id === PARKING) as Service;
      expect(parking).toMatchObject({ officeId: 'standesamt', categoryId: 'test', formId: null });
      expect(parking.name.en).toBe("Apply for a residents' parking permit");
      const office = snapshot?.offices.find((o) => o.id === 'standesamt') as Office;
      expect(office.address).toEqual({ street: 'Rathausplatz 3', postalCode: '01234', city: 'Lindenau' });
      expect(office.email).toBe('ordnungsamt@lindenau.example');
      expect(office.encryptionKeys.length).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });

  it('re-import: changed updated, unchanged left, removed withdrawn, editor choices kept', async () => {
    const { db, close } = await seeded();
    try {
      await importXzufi(db, fixture('lindenau-v1.xml'), options('2026-10-01T08:00:00.000Z'));
      // An editor on the hub links the imported service to a form; a re-import must keep that.
      const row = await db
        .selectFrom('services')
        .select('document')
        .where('id', '=', PARKING)
        .executeTakeFirstOrThrow();
      const linked = { ...(JSON.parse(row.document) as Service), formId: 'test-anmeldung' };
      await db
        .updateTable('services')
        .set({ document: JSON.stringify(linked) })
        .where('id', '=', PARKING)
        .execute();

      const again = await importXzufi(db, fixture('lindenau-v1.xml'), options('2026-10-02T08:00:00.000Z'));
      expect(again).toMatchObject({ added: [], updated: [], withdrawn: [], revision: undefined });
      expect(again.unchanged.sort()).toEqual([PARKING, FOUND].sort());

      // A terminal synced up to here; its next delta pull must carry the withdrawal.
      const meta = { revision: '', municipality: { id: 'teststadt', name: 'Teststadt' } };
      const synced = await readChanges(db, TEST_TENANT.id, null, 100, meta);
      const next = await importXzufi(db, fixture('lindenau-v2.xml'), options('2026-10-03T08:00:00.000Z'));
      expect(next).toMatchObject({ added: [DOG], updated: [PARKING], withdrawn: [FOUND], problems: [] });
      const snapshot = await readSnapshot(db, TEST_TENANT.id);
      const ids = snapshot?.services.map((s) => s.id) ?? [];
      expect(ids).toContain(DOG);
      expect(ids).not.toContain(FOUND);
      expect(ids).toEqual(expect.arrayContaining(['anmelden', 'urkunde'])); // not imported: never withdrawn
      const parking = snapshot?.services.find((s) => s.id === PARKING) as Service;
      expect(parking.processingTime.de).toBe('Etwa zwei Wochen');
      expect(parking.formId).toBe('test-anmeldung');
      // The withdrawal travels as a deletion in the delta sync: the row is soft-deleted.
      const { changes } = await readChanges(
        db,
        TEST_TENANT.id,
        decodeCheckpoint(synced.checkpoint ?? ''),
        100,
        meta,
      );
      expect(changes.find((c) => c.key === FOUND)).toMatchObject({ kind: 'service', deleted: true });
      expect(changes.find((c) => c.key === DOG)).toMatchObject({ kind: 'service', deleted: false });
    } finally {
      await close();
    }
  });

  it('a dry run reports and changes nothing; bad options change nothing', async () => {
    const { db, close } = await seeded();
    try {
      const revision = await readRevision(db, TEST_TENANT.id);
      const dry = await importXzufi(db, fixture('lindenau-v1.xml'), {
        ...options('2026-10-01T08:00:00.000Z'),
        dryRun: true,
      });
      expect(dry.added).toHaveLength(2);
      expect((await readSnapshot(db, TEST_TENANT.id))?.services.map((s) => s.id)).toEqual([
        'anmelden',
        'urkunde',
      ]);
      await expect(
        importXzufi(db, fixture('lindenau-v1.xml'), {
          ...options('2026-10-01T08:00:00.000Z'),
          categoryId: 'nope',
        }),
      ).rejects.toThrow(new XzufiImportError('category: no category "nope" on this hub'));
      await expect(
        importXzufi(db, fixture('lindenau-v1.xml'), {
          ...options('2026-10-01T08:00:00.000Z'),
          officeFor: { 'OE-ORDNUNGSAMT': 'kein-amt' },
        }),
      ).rejects.toThrow('office: no office "kein-amt" on this hub');
      const unmapped = await importXzufi(db, fixture('lindenau-v1.xml'), {
        ...options('2026-10-01T08:00:00.000Z'),
        officeFor: {},
        dryRun: true,
      });
      expect(unmapped.problems).toContain(
        'leistung L100042_1020304: no office is responsible (map its organisationseinheit to an office, or give a default office)',
      );
      expect(await readRevision(db, TEST_TENANT.id)).toBe(revision);
    } finally {
      await close();
    }
  });

  it('refuses to import into a hub without a catalog', async () => {
    const database = await open();
    try {
      await migrateToLatest(database.db);
      await expect(
        importXzufi(database.db, fixture('lindenau-v1.xml'), options('2026-10-01T08:00:00.000Z')),
      ).rejects.toThrow('the hub has no catalog yet');
    } finally {
      await database.close();
    }
  });
});
