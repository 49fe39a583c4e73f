import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest } from '../../db/migrate.js';
import { openDatabase } from '../../db/open.js';
import type { HubKysely } from '../../db/schema.js';
import { ensureProviderToken } from '../../fleet/provider-auth.js';
import { seedIfEmpty } from '../../seed/seed.js';
import { buildHub } from '../../server.js';
import {
  startSmtpSink,
  startWebhookReceiver,
  type SmtpSink,
  type WebhookReceiver,
} from '../../testing/alert-receivers.js';
import { TEST_CLERK, TEST_TERMINAL, testSeed } from '../../testing/test-hub.js';
import { emailChannel, SIGNATURE_HEADER, webhookChannel } from './channels.js';
import { AlertMonitor } from './monitor.js';
import type { AlertNotice } from './policy.js';

const SECRET = 'webhook-secret-for-the-alert-test';
const PROVIDER = 'provider-token-for-alert-metrics-0123';
const T0 = Date.parse('2026-11-21T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const quiet = { info: () => undefined, error: () => undefined };
const bounds = { timeoutMs: 5_000, attempts: 3, retryDelayMs: 0 };
const thresholds = { silentAfterMs: 10 * 60_000, quarantineAbove: 0, deliveryAfterMs: 86_400_000 };

let smtp: SmtpSink;
let webhook: WebhookReceiver;
let clock = at(0);

function monitor(): AlertMonitor {
  return new AlertMonitor({
    db,
    channels: [
      webhookChannel({ url: webhook.url, secret: SECRET }, bounds),
      emailChannel(
        {
          smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
          from: 'hub@pop.example.org',
          to: ['ops@pop.example.org'],
          requireTls: false,
        },
        bounds,
      ),
    ],
    thresholds,
    repeatMs: 15 * 60_000,
    log: quiet,
  });
}

/** The terminal's last heartbeat, as the heartbeat route stores it. */
async function lastHeartbeat(when: Date): Promise<void> {
  const row = {
    terminal_id: TEST_TERMINAL.id,
    last_seen_at: when.toISOString(),
    app_version: '0.1.0',
    config_version: 0,
    last_sync_at: null,
    outbox_depth: 0,
    quarantined: 0,
    storage_bytes: 0,
    uptime_seconds: 60,
    last_error: null,
    heartbeat_seconds: 30,
  };
  await db
    .insertInto('terminal_status')
    .values(row)
    .onConflict((oc) => oc.column('terminal_id').doUpdateSet({ last_seen_at: row.last_seen_at }))
    .execute();
}

interface WebhookBody {
  source: string;
  notices: AlertNotice[];
}

/** A header of a mail as sent, unfolded. */
function header(data: string, name: string): string | undefined {
  const head = data.split('\r\n\r\n')[0]?.replace(/\r\n[ \t]+/g, ' ') ?? '';
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line?.slice(name.length + 1).trim();
}

async function nextWebhook(): Promise<WebhookBody> {
  const request = await webhook.requests.next();
  const expected = `sha256=${createHmac('sha256', SECRET).update(request.body).digest('hex')}`;
  expect(request.headers[SIGNATURE_HEADER]).toBe(expected);
  expect(request.headers['content-type']).toBe('application/json');
  return JSON.parse(request.body) as WebhookBody;
}

let db: HubKysely;
let dataDir: string;
let app: FastifyInstance;
let hubMonitor: AlertMonitor;

beforeAll(async () => {
  smtp = await startSmtpSink();
  webhook = await startWebhookReceiver();
  dataDir = await mkdtemp(join(tmpdir(), 'pop-alerts-test-'));
  db = openDatabase({ dataDir }).db;
  await migrateToLatest(db);
  await seedIfEmpty(db, testSeed);
  await ensureProviderToken(db, PROVIDER, 'prometheus', clock);
  hubMonitor = monitor();
  // A long interval: only the test's evaluate() calls decide, never a timer.
  app = buildHub({
    db,
    staticDir: join(dataDir, 'no-static-build'),
    checkAnswers: true,
    now: () => clock,
    alerts: { monitor: hubMonitor, intervalMs: 3_600_000 },
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await db?.destroy();
  await smtp?.close();
  await webhook?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('alerts to a webhook and an SMTP server', () => {
  it('tells both that a terminal went silent, once, with a valid signature', async () => {
    await lastHeartbeat(at(-20));
    clock = at(0);
    const sent = await hubMonitor.evaluate(clock);
    expect(sent.map((n) => [n.key, n.status])).toEqual([[`terminal_silent:${TEST_TERMINAL.id}`, 'firing']]);

    const body = await nextWebhook();
    expect(body.source).toBe('point-of-public-hub');
    expect(body.notices).toEqual([
      {
        key: `terminal_silent:${TEST_TERMINAL.id}`,
        kind: 'terminal_silent',
        status: 'firing',
        subject: { terminal: TEST_TERMINAL.id },
        count: 20,
        since: at(0).toISOString(),
        at: at(0).toISOString(),
      },
    ]);
    const mail = await smtp.mails.next();
    expect(mail.mailFrom).toBe('hub@pop.example.org');
    expect(mail.rcptTos).toEqual(['ops@pop.example.org']);
    expect(header(mail.data, 'subject')).toBe(
      `[Point of Public] ALERT terminal ${TEST_TERMINAL.id} silent: no heartbeat for 20 min`,
    );
    // Ids and counts only: neither the terminal's display name nor the clerk appear.
    for (const text of [JSON.stringify(body), mail.data]) {
      expect(text).not.toContain(TEST_TERMINAL.name);
      expect(text).not.toContain(TEST_CLERK.displayName);
    }

    // Still silent a minute later: nothing new.
    clock = at(1);
    expect(await hubMonitor.evaluate(clock)).toEqual([]);
    expect(webhook.requests.count).toBe(1);
    expect(smtp.mails.count).toBe(1);
  });

  it('counts notices and deliveries in /metrics', async () => {
    const answer = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${PROVIDER}` },
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('pop_alerts_open{kind="terminal_silent"} 1');
    expect(answer.body).toContain('pop_alert_notices_total{kind="terminal_silent",status="firing"} 1');
    expect(answer.body).toContain('pop_alert_deliveries_total{channel="webhook",result="sent"} 1');
    expect(answer.body).toContain('pop_alert_deliveries_total{channel="email",result="sent"} 1');
  });

  it('after a restart, neither fires the open alert again nor forgets its recovery', async () => {
    // A new monitor on the same database, as a restarted hub has.
    const restarted = monitor();
    clock = at(5);
    expect(await restarted.evaluate(clock)).toEqual([]);
    expect(webhook.requests.count).toBe(1);

    await lastHeartbeat(at(15));
    clock = at(16);
    const sent = await restarted.evaluate(clock);
    expect(sent.map((n) => n.status)).toEqual(['recovered']);
    const body = await nextWebhook();
    expect(body.notices.map((n) => [n.key, n.status])).toEqual([
      [`terminal_silent:${TEST_TERMINAL.id}`, 'recovered'],
    ]);
    const mail = await smtp.mails.next();
    expect(header(mail.data, 'subject')).toBe(
      `[Point of Public] RECOVERED terminal ${TEST_TERMINAL.id} reports again`,
    );
    clock = at(17);
    expect(await restarted.evaluate(clock)).toEqual([]);
  });

  it('retries a webhook that fails for a moment, and tries again next time when every channel failed', async () => {
    const webhookOnly = () =>
      new AlertMonitor({
        db,
        channels: [webhookChannel({ url: webhook.url, secret: SECRET }, bounds)],
        thresholds,
        repeatMs: 15 * 60_000,
        log: quiet,
      });
    // Silent again, long after the last notice.
    clock = at(60);
    webhook.answers.push(503);
    const retried = await webhookOnly().evaluate(clock);
    expect(retried.map((n) => n.status)).toEqual(['firing']);
    expect((await webhook.requests.next()).body).toBe((await webhook.requests.next()).body);

    await lastHeartbeat(at(80));
    clock = at(81);
    // A refusal (400) is final at once; three server errors use up the attempts.
    webhook.answers.push(400);
    expect(await webhookOnly().evaluate(clock)).toEqual([]);
    await webhook.requests.next();
    webhook.answers.push(500, 500, 500);
    expect(await webhookOnly().evaluate(clock)).toEqual([]);
    for (let i = 0; i < 3; i++) await webhook.requests.next();
    // The recovery was owed all along: it goes out once the receiver takes it.
    clock = at(82);
    const recovered = await webhookOnly().evaluate(clock);
    expect(recovered.map((n) => n.status)).toEqual(['recovered']);
    expect((await nextWebhook()).notices.map((n) => n.status)).toEqual(['recovered']);
  });
});
