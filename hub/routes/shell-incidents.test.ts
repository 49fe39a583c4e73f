import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { ShellIncidentReceipt, type ShellIncidentReport } from '../../protocol/shell-incident.js';
import { startTestHub, terminalHeaders, TEST_TERMINAL, type TestHub } from '../testing/test-hub.js';
import { MAX_INCIDENTS_PER_TERMINAL_HOUR } from './shell-incidents.js';

let hub: TestHub;
const fixedNow = new Date('2026-11-21T03:10:00.000Z');
beforeAll(async () => {
  hub = await startTestHub({ now: () => fixedNow });
});
afterAll(() => hub.close());

const report: ShellIncidentReport = {
  kind: 'crash-loop',
  consecutiveCrashes: 3,
  reason: 'oom',
  exitCode: 133,
  shellVersion: '0.1.0',
  occurredAt: '2026-11-21T03:09:58.000Z',
};

describe(`POST ${API.shellIncidents}`, () => {
  it('keeps a crash-loop report of an authenticated terminal', async () => {
    const response = await hub.app.inject({
      method: 'POST',
      url: API.shellIncidents,
      headers: terminalHeaders,
      payload: report,
    });
    expect(response.statusCode).toBe(201);
    const receipt = ShellIncidentReceipt.parse(response.json());
    const row = await hub.db
      .selectFrom('shell_incidents')
      .selectAll()
      .where('id', '=', receipt.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      terminal_id: TEST_TERMINAL.id,
      kind: 'crash-loop',
      received_at: fixedNow.toISOString(),
    });
    expect(JSON.parse(row.details)).toEqual(report);
  });

  it('refuses strangers before reading the body', async () => {
    const response = await hub.app.inject({ method: 'POST', url: API.shellIncidents, payload: report });
    expect(response.statusCode).toBe(401);
  });

  it('refuses a malformed report with a readable message', async () => {
    const response = await hub.app.inject({
      method: 'POST',
      url: API.shellIncidents,
      headers: terminalHeaders,
      payload: { ...report, reason: 'Crashed <script>', extra: 1 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ message: expect.stringContaining('reason') });
  });

  it('stops a terminal that floods the hub', async () => {
    let last = 0;
    for (let i = 0; i < MAX_INCIDENTS_PER_TERMINAL_HOUR + 1; i += 1) {
      const response = await hub.app.inject({
        method: 'POST',
        url: API.shellIncidents,
        headers: terminalHeaders,
        payload: report,
      });
      last = response.statusCode;
    }
    expect(last).toBe(429);
  });
});
