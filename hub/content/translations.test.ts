import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoContent } from '../../demo/demo-content.js';
import type { Service } from '../../protocol/catalog.js';
import { ContentChanges } from '../../protocol/content-changes.js';
import type { FormDefinition } from '../../protocol/forms.js';
import { translationState } from '../../protocol/translations.js';
import { migrateToLatest } from '../db/migrate.js';
import type { HubKysely } from '../db/schema.js';
import { testDialects, type TestDatabase } from '../testing/dialects.js';
import { TEST_TENANT } from '../testing/tenant.js';
import { decodeCheckpoint, readChanges, readChangesJson } from './changes.js';
import { contentRevision, insertContent, readSnapshot } from './store.js';
import { listTranslations, setTranslation, translationCoverage } from './translations.js';

const base = demoContent.services[0] as Service;
const LEIKA = '99000000000777';
/** The same service in two places of the hub's catalog, one of them with its own Ukrainian name. */
const hundA: Service = { ...base, id: 'hund-a', leikaKey: LEIKA, name: { de: 'Hund anmelden' } };
const hundB: Service = {
  ...base,
  id: 'hund-b',
  leikaKey: LEIKA,
  name: { de: 'Hund anmelden', uk: 'Зареєструвати собаку (власний)' },
};
const fimForm: FormDefinition = {
  ...(demoContent.forms[0] as FormDefinition),
  id: 'fim-hund',
  title: { de: 'Hundeanmeldung' },
  fimSchema: { id: 'S00000094', version: '1.0' },
};
const firstField = Object.keys(fimForm.ui.fields)[0] ?? '';
const firstStep = fimForm.ui.steps[0]?.id ?? '';

describe.each(testDialects('shared translation'))('shared translations on %s', (_name, open) => {
  let database: TestDatabase;
  let db: HubKysely;
  const meta = { revision: 'r', municipality: demoContent.municipality };
  beforeEach(async () => {
    database = await open();
    db = database.db;
    await migrateToLatest(db);
    const content = {
      ...demoContent,
      services: [...demoContent.services, hundA, hundB],
      forms: [...demoContent.forms, fimForm],
    };
    await db
      .transaction()
      .execute((trx) =>
        insertContent(trx, TEST_TENANT.id, content, contentRevision(content), '2026-11-01T00:00:00.000Z'),
      );
  });
  afterEach(() => database.close());

  it('serves a service translation to every service of the LeiKa key; the catalog’s own wins', async () => {
    const { checkpoint } = await readChanges(db, TEST_TENANT.id, null, 10_000, meta);
    const set = await setTranslation(
      db,
      LEIKA,
      'uk',
      { kind: 'service', origin: 'machine', texts: { name: 'Зареєструвати собаку', shortText: 'Коротко' } },
      '2026-11-02T00:00:00.000Z',
    );
    expect(set).toMatchObject({ created: true, touched: 2 });

    const snapshot = await readSnapshot(db, TEST_TENANT.id);
    const a = snapshot?.services.find((s) => s.id === 'hund-a');
    const b = snapshot?.services.find((s) => s.id === 'hund-b');
    expect(a?.name).toEqual({ de: 'Hund anmelden', uk: 'Зареєструвати собаку' });
    expect(a?.shortText['uk']).toBe('Коротко');
    expect(a?.translationOrigins).toEqual({ uk: 'machine' });
    expect(b?.name['uk']).toBe('Зареєструвати собаку (власний)');
    expect(b && translationState(b.name, b.translationOrigins, 'uk')).toBe('human');
    expect(a && translationState(a.name, a.translationOrigins, 'ru')).toBe('missing');
    // Services of other keys are sent as stored.
    expect(snapshot?.services.find((s) => s.id === base.id)).toEqual(base);

    // The delta after the first pull carries both services, merged: a terminal keeps them offline.
    const delta = await readChanges(db, TEST_TENANT.id, decodeCheckpoint(checkpoint ?? ''), 100, meta);
    expect(delta.changes.map((c) => c.key).sort()).toEqual(['hund-a', 'hund-b']);
    const json = await readChangesJson(db, TEST_TENANT.id, decodeCheckpoint(checkpoint ?? ''), 100, meta);
    expect(ContentChanges.parse(JSON.parse(json.text))).toEqual(delta);
    const sent = delta.changes.find((c) => c.key === 'hund-a');
    expect(sent?.kind === 'service' && sent.document?.name['uk']).toBe('Зареєструвати собаку');

    // Replacing it (now by a person) changes origin and text, still one row per language.
    const again = await setTranslation(
      db,
      LEIKA,
      'uk',
      { kind: 'service', origin: 'human', texts: { name: 'Зареєструвати собаку!' } },
      '2026-11-03T00:00:00.000Z',
    );
    expect(again.created).toBe(false);
    expect(await listTranslations(db, { kind: 'service' })).toEqual([
      expect.objectContaining({ key: LEIKA, locale: 'uk', origin: 'human' }),
    ]);
  });

  it('serves a form translation by FIM schema id and version, down to steps and fields', async () => {
    await setTranslation(
      db,
      'S00000094@1.0',
      'ar',
      {
        kind: 'form',
        origin: 'machine',
        texts: {
          title: 'تسجيل الكلب',
          steps: { [firstStep]: 'الخطوة' },
          fields: { [firstField]: { label: 'الاسم' } },
        },
      },
      '2026-11-02T00:00:00.000Z',
    );
    const form = (await readSnapshot(db, TEST_TENANT.id))?.forms.find((f) => f.id === 'fim-hund');
    expect(form?.title['ar']).toBe('تسجيل الكلب');
    expect(form?.ui.steps[0]?.title['ar']).toBe('الخطوة');
    expect(form?.ui.fields[firstField]?.label['ar']).toBe('الاسم');
    expect(form?.translationOrigins).toEqual({ ar: 'machine' });
    // A form without a FIM schema (or of another version) is untouched.
    const other = (await readSnapshot(db, TEST_TENANT.id))?.forms.find(
      (f) => f.id === demoContent.forms[0]?.id,
    );
    expect(other).toEqual(demoContent.forms[0]);
  });

  it('counts per language what is translated by people, by machine, and what is missing', async () => {
    await setTranslation(
      db,
      LEIKA,
      'uk',
      { kind: 'service', origin: 'machine', texts: { name: 'Зареєструвати собаку' } },
      '2026-11-02T00:00:00.000Z',
    );
    const coverage = await translationCoverage(db, TEST_TENANT.id);
    const services = demoContent.services.length + 2;
    expect(coverage.services).toBe(services);
    // Another municipality's figures are its own: here it has nothing.
    expect((await translationCoverage(db, '149990000009')).services).toBe(0);
    const uk = coverage.languages.find((l) => l.locale === 'uk');
    const ownUk = demoContent.services.filter((s) => s.name['uk']).length;
    expect(uk?.services).toEqual({ human: ownUk + 1, machine: 1, missing: services - ownUk - 2 });
    expect(coverage.languages.map((l) => l.locale)).toEqual(['en', 'tr', 'ar', 'uk', 'ru']);
    const forms = uk?.forms ?? { human: 0, machine: 0, missing: 0 };
    expect(forms.human + forms.machine + forms.missing).toBe(coverage.forms);
  });
});
