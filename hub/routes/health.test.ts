import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { startTestHub, type TestHub } from '../testing/test-hub.js';

let hub: TestHub;
const fixedNow = new Date('2026-11-02T08:00:00.000Z');
beforeAll(async () => {
  hub = await startTestHub({ now: () => fixedNow });
});
afterAll(() => hub.close());

describe('GET /api/v1/health', () => {
  it('answers without a token, with the hub time, never cached', async () => {
    const response = await hub.app.inject({ method: 'GET', url: API.health });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', time: fixedNow.toISOString() });
    expect(response.headers['cache-control']).toBe('no-store');
  });
});
