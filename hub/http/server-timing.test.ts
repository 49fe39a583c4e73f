import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { startTestHub, terminalHeaders, type TestHub } from '../testing/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

describe('Server-Timing', () => {
  it('tells the hub’s own time on terminal routes, and nothing on others', async () => {
    const content = await hub.app.inject({ method: 'GET', url: API.content, headers: terminalHeaders });
    expect(content.statusCode).toBe(200);
    expect(String(content.headers['server-timing'])).toMatch(/^app;dur=\d+\.\d{2}, lag;dur=\d+\.\d$/);
    const clerk = await hub.app.inject({ method: 'GET', url: API.clerkMe });
    expect(clerk.headers['server-timing']).toBeUndefined();
  });
});
