import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../protocol/api.js';
import { ShellIncidentReport } from '../../../protocol/shell-incident.js';
import type { Logger } from '../log.js';
import { createIncidentReporter } from './incident-reporter.js';

// The shell may not import hub code (lint layering); the hub's route has its own test against the
// real hub (hub/routes/shell-incidents.test.ts). Here a loopback server checks the same schema.
const TOKEN = 'terminal-token-0123456789abcdef';
const received: ShellIncidentReport[] = [];
let server: Server;
let hubUrl: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      if (request.url !== API.shellIncidents || request.headers.authorization !== `Bearer ${TOKEN}`) {
        response.writeHead(401).end();
        return;
      }
      received.push(ShellIncidentReport.parse(JSON.parse(body)));
      // The receipt the real hub answers with (the client checks answers against the contract).
      const receipt = { id: 'incident-1', receivedAt: '2026-11-21T03:00:01.000Z' };
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(receipt));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function reporter(token: string) {
  const lines: string[] = [];
  const log: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
  const report = createIncidentReporter({
    hubUrl,
    terminalToken: token,
    shellVersion: '0.1.0',
    now: () => new Date('2026-11-21T03:00:00.000Z'),
    fetch,
    log,
  });
  return { report, lines };
}

describe('createIncidentReporter', () => {
  it('reports a crash loop to the hub in the protocol’s shape', async () => {
    const { report, lines } = reporter(TOKEN);
    await report({ consecutiveCrashes: 3, reason: 'oom', exitCode: 133 });
    expect(lines).toEqual(['crash loop reported to the hub (3 crashes)']);
    expect(received).toEqual([
      expect.objectContaining({ kind: 'crash-loop', consecutiveCrashes: 3, reason: 'oom' }),
    ]);
  });

  it('logs a refusal instead of throwing', async () => {
    const { report, lines } = reporter('wrong-token-wrong-token-wrong');
    await report({ consecutiveCrashes: 3, reason: 'Weird Reason!', exitCode: 1 });
    expect(lines).toEqual(['the hub refused the crash-loop report: HTTP 401']);
  });
});
