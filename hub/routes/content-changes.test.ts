import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { ContentChanges } from '../../protocol/content-changes.js';
import { refreshRevision } from '../content/store.js';
import { fixtureContent } from '../testing/fixture-content.js';
import { startTestHub, terminalHeaders, type TestHub } from '../testing/test-hub.js';
import { TEST_TENANT } from '../testing/tenant.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

async function pull(since?: string, limit?: number, headers: Record<string, string> = terminalHeaders) {
  const query = new URLSearchParams();
  if (since) query.set('since', since);
  if (limit) query.set('limit', String(limit));
  return hub.app.inject({ method: 'GET', url: `${API.contentChanges}?${query}`, headers });
}

async function pullAll(since?: string, limit = 3) {
  const changes: ContentChanges['changes'] = [];
  let checkpoint = since;
  let pages = 0;
  for (;;) {
    const page = ContentChanges.parse((await pull(checkpoint, limit)).json());
    changes.push(...page.changes);
    checkpoint = page.checkpoint ?? undefined;
    pages++;
    if (!page.hasMore) return { changes, checkpoint, pages, revision: page.revision };
  }
}

const expectedKeys = [
  ...fixtureContent.offices.map((o) => `office:${o.id}`),
  ...fixtureContent.categories.map((c) => `category:${c.id}`),
  ...fixtureContent.lifeSituations.map((l) => `lifeSituation:${l.id}`),
  ...fixtureContent.services.map((s) => `service:${s.id}`),
  ...fixtureContent.forms.map((f) => `form:${f.id}@${f.version}`),
].sort();

describe('GET /api/v1/content/changes', () => {
  let checkpoint: string | undefined;

  it('pages through the whole catalog once, without gaps or repeats', async () => {
    const full = await pullAll(undefined, 3);
    expect(full.pages).toBeGreaterThan(1);
    expect(full.changes.map((c) => `${c.kind}:${c.key}`).sort()).toEqual(expectedKeys);
    expect(full.changes.every((c) => !c.deleted && c.document)).toBe(true);
    checkpoint = full.checkpoint;
  });

  it('after edits sends exactly the changed and the deleted items, and 304 when up to date', async () => {
    const [edited, removed] = fixtureContent.services;
    if (!edited || !removed || !checkpoint) throw new Error('fixture too small');
    const later = '2030-01-01T00:00:00.000Z';
    await hub.db
      .updateTable('services')
      .set({
        document: JSON.stringify({ ...edited, name: { de: 'Geändert' }, updatedAt: later }),
        updated_at: later,
      })
      .where('id', '=', edited.id)
      .execute();
    await hub.db
      .updateTable('services')
      .set({ deleted_at: later, updated_at: later })
      .where('id', '=', removed.id)
      .execute();
    const revision = await refreshRevision(hub.db, TEST_TENANT.id, later);

    const delta = await pullAll(checkpoint, 500);
    expect(delta.revision).toBe(revision);
    expect(delta.changes).toEqual([
      expect.objectContaining({
        kind: 'service',
        key: edited.id,
        deleted: false,
        document: expect.objectContaining({ name: { de: 'Geändert' } }),
      }),
      expect.objectContaining({ kind: 'service', key: removed.id, deleted: true }),
    ]);

    const unchanged = await hub.app.inject({
      method: 'GET',
      url: `${API.contentChanges}?since=${delta.checkpoint}`,
      headers: { ...terminalHeaders, 'if-none-match': `"${revision}"` },
    });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    const nothingNew = ContentChanges.parse((await pull(delta.checkpoint)).json());
    expect(nothingNew).toMatchObject({ changes: [], hasMore: false, checkpoint: delta.checkpoint });
  });

  it('compresses pages for slow lines', async () => {
    const response = await hub.app.inject({
      method: 'GET',
      url: API.contentChanges,
      headers: { ...terminalHeaders, 'accept-encoding': 'gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
  });

  it('refuses a checkpoint it did not make, and anonymous terminals', async () => {
    const bad = await pull('not-a-checkpoint');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'invalid_checkpoint' });
    expect((await pull(undefined, undefined, {})).statusCode).toBe(401);
    expect((await pull(undefined, 100_000)).statusCode).toBe(400);
  });
});
