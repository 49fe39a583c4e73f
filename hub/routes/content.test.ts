import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { ContentSnapshot } from '../../protocol/content.js';
import { contentRevision } from '../content/store.js';
import { fixtureContent, registrationForm } from '../testing/fixture-content.js';
import { startTestHub, terminalHeaders, type TestHub } from '../testing/test-hub.js';
import { matchesEtag } from './content.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const etag = `"${contentRevision(fixtureContent)}"`;

describe('GET /api/v1/content', () => {
  it('is 401 without a token, with an unknown token, and with a revoked one', async () => {
    const none = await hub.app.inject({ method: 'GET', url: API.content });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ error: 'unauthenticated' });
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);

    const unknown = await hub.app.inject({
      method: 'GET',
      url: API.content,
      headers: { authorization: 'Bearer not-a-terminal-token-at-all' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toMatchObject({
      error: 'unauthenticated',
      message: expect.stringMatching(/unknown/),
    });
  });

  it('answers the snapshot with its revision as ETag, newest form versions only', async () => {
    const response = await hub.app.inject({ method: 'GET', url: API.content, headers: terminalHeaders });
    expect(response.statusCode).toBe(200);
    expect(response.headers['etag']).toBe(etag);
    expect(response.headers['cache-control']).toBe('no-cache');
    const snapshot = ContentSnapshot.parse(response.json());
    expect(snapshot.revision).toBe(contentRevision(fixtureContent));
    expect(snapshot.offices.map((o) => o.id)).toEqual(['buergerbuero', 'standesamt']);
    expect(snapshot.forms.map((f) => `${f.id}@${f.version}`)).toEqual([
      `${registrationForm.id}@${registrationForm.version}`,
      'test-urkunde@1',
    ]);
  });

  it('answers 304 with an empty body when If-None-Match names the current revision', async () => {
    const response = await hub.app.inject({
      method: 'GET',
      url: API.content,
      headers: { ...terminalHeaders, 'if-none-match': etag },
    });
    expect(response.statusCode).toBe(304);
    expect(response.body).toBe('');
    expect(response.headers['etag']).toBe(etag);

    const stale = await hub.app.inject({
      method: 'GET',
      url: API.content,
      headers: { ...terminalHeaders, 'if-none-match': '"old-revision"' },
    });
    expect(stale.statusCode).toBe(200);
  });

  it('leaves out soft-deleted items', async () => {
    await hub.db
      .updateTable('services')
      .set({ deleted_at: new Date().toISOString() })
      .where('id', '=', 'urkunde')
      .execute();
    const response = await hub.app.inject({ method: 'GET', url: API.content, headers: terminalHeaders });
    expect(ContentSnapshot.parse(response.json()).services.map((s) => s.id)).toEqual(['anmelden']);
  });

  it('refuses a revoked terminal', async () => {
    await hub.db.updateTable('terminals').set({ revoked_at: new Date().toISOString() }).execute();
    const response = await hub.app.inject({ method: 'GET', url: API.content, headers: terminalHeaders });
    expect(response.statusCode).toBe(401);
    await hub.db.updateTable('terminals').set({ revoked_at: null }).execute();
  });
});

describe('matchesEtag', () => {
  it('understands lists, weak tags and the wildcard', () => {
    expect(matchesEtag('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesEtag('*', '"b"')).toBe(true);
    expect(matchesEtag('"a"', '"b"')).toBe(false);
    expect(matchesEtag(undefined, '"b"')).toBe(false);
  });
});
