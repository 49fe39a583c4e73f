import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import type { ContentSnapshot } from '../../protocol/content.js';
import { contract } from '../../protocol/routes/index.js';
import type { SharedTranslation, TranslationCoverage } from '../../protocol/translations.js';
import { readRevision } from '../content/store.js';
import {
  adminCall,
  adminDialects,
  firstAdmin,
  startAdminHub,
  type AdminTestHub,
} from '../testing/admin-hub.js';
import { terminalHeaders } from '../testing/test-hub.js';
import { TEST_TENANT } from '../testing/tenant.js';

const routes = contract.translations;
const service = {
  leikaKey: '99115005000000',
  name: { de: 'Hund anmelden' },
  shortText: { de: 'Hundesteuer anmelden' },
  longText: { de: 'Wer einen Hund hält, meldet ihn an.' },
  requiredDocuments: [],
  prerequisites: [],
  fees: [],
  processingTime: { de: 'eine Woche' },
  legalBasis: [],
  officeId: 'buergerbuero',
  categoryId: 'test',
  lifeSituationIds: [],
  keywords: [],
  formId: null,
};

describe.each(adminDialects())('shared translations through the admin API on %s', (_name, open) => {
  let hub: AdminTestHub;
  let cookie: string;
  beforeAll(async () => {
    hub = await startAdminHub(open);
    cookie = await firstAdmin(hub.app);
    await adminCall(
      hub.app,
      cookie,
      'PUT',
      contract.admin.putCategory.path,
      { categoryId: 'test' },
      {
        name: { de: 'Test' },
        icon: '🧪',
        order: 9,
      },
    );
    await adminCall(hub.app, cookie, 'PUT', contract.admin.putService.path, { serviceId: 'hund' }, service);
  }, 60_000);
  afterAll(() => hub.close(), 60_000);

  const call = (...args: Parameters<typeof adminCall> extends [unknown, unknown, ...infer R] ? R : never) =>
    adminCall(hub.app, cookie, ...args);

  it('sets a machine translation once; terminals get it, marked, and the coverage counts it', async () => {
    const put = await call(
      'PUT',
      routes.putTranslation.path,
      { key: service.leikaKey, locale: 'tr' },
      { kind: 'service', origin: 'machine', texts: { name: 'Köpek kaydı', shortText: 'Köpek vergisi' } },
    );
    expect(put.statusCode).toBe(201);
    const snapshot = (
      await hub.app.inject({ method: 'GET', url: API.content, headers: terminalHeaders })
    ).json<ContentSnapshot>();
    const hund = snapshot.services.find((s) => s.id === 'hund');
    expect(hund?.name).toEqual({ de: 'Hund anmelden', tr: 'Köpek kaydı' });
    expect(hund?.translationOrigins).toEqual({ tr: 'machine' });

    const again = await call(
      'PUT',
      routes.putTranslation.path,
      { key: service.leikaKey, locale: 'tr' },
      { kind: 'service', origin: 'human', texts: { name: 'Köpeğinizi kaydedin' } },
    );
    expect(again.statusCode).toBe(200);
    const list = await call('GET', `${routes.translations.path}?kind=service`, {});
    expect(list.json<{ translations: SharedTranslation[] }>().translations).toEqual([
      expect.objectContaining({ key: service.leikaKey, locale: 'tr', origin: 'human' }),
    ]);
    const coverage = (await call('GET', routes.translationCoverage.path, {})).json<TranslationCoverage>();
    const tr = coverage.languages.find((l) => l.locale === 'tr');
    expect(tr?.services.human).toBeGreaterThanOrEqual(1);
    expect(coverage.languages.map((l) => l.locale)).not.toContain('de');
  });

  it('refuses a key that does not fit the kind, and German, naming the field; nothing changes', async () => {
    const revision = await readRevision(hub.db, TEST_TENANT.id);
    const wrongKey = await call(
      'PUT',
      routes.putTranslation.path,
      { key: 'S00000094@1.0', locale: 'en' },
      { kind: 'service', origin: 'human', texts: { name: 'Register a dog' } },
    );
    expect(wrongKey.statusCode).toBe(400);
    expect(wrongKey.json<{ message: string }>().message).toMatch(/^key: /);
    const german = await call(
      'PUT',
      routes.putTranslation.path,
      { key: service.leikaKey, locale: 'de' },
      { kind: 'service', origin: 'human', texts: { name: 'Hund' } },
    );
    expect(german.json<{ message: string }>().message).toMatch(/^locale: /);
    const noName = await call(
      'PUT',
      routes.putTranslation.path,
      { key: service.leikaKey, locale: 'en' },
      { kind: 'service', origin: 'robot', texts: {} },
    );
    expect(noName.statusCode).toBe(400);
    // A key no service of this municipality has: its text would show only in other catalogs.
    const notOffered = await call(
      'PUT',
      routes.putTranslation.path,
      { key: '99999999999999', locale: 'en' },
      { kind: 'service', origin: 'human', texts: { name: 'Somebody else’s service' } },
    );
    expect(notOffered.statusCode).toBe(404);
    expect(notOffered.json<{ message: string }>().message).toMatch(
      /^key: this municipality offers no service/,
    );
    expect(await readRevision(hub.db, TEST_TENANT.id)).toBe(revision);
  });
});
