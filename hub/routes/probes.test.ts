import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../testing/test-hub.js';

describe('GET /livez and /readyz', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub.close().catch(() => undefined);
  });

  it('says live without the database, and ready with its round trip while the database answers', async () => {
    const live = await hub.app.inject({ method: 'GET', url: '/livez' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'live' });
    expect(live.headers['cache-control']).toBe('no-store');
    const ready = await hub.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', databaseMs: expect.any(Number) });
  });

  it('is not ready, with the reason, once the database is gone; still live', async () => {
    await hub.db.destroy();
    const ready = await hub.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({
      error: 'not_ready',
      message: expect.stringMatching(/^The database does not answer: /),
    });
    expect((await hub.app.inject({ method: 'GET', url: '/livez' })).statusCode).toBe(200);
  });
});
