import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { ensureProviderToken } from '../fleet/provider-auth.js';
import {
  DEFAULT_ANSWERS,
  startTestHub,
  submissionBody,
  terminalHeaders,
  type TestHub,
} from '../testing/test-hub.js';
import { family, longestWaits } from './metrics.js';

const PROVIDER = 'provider-token-for-metrics-0123456789';
const clock = new Date('2026-11-21T10:00:00.000Z');
let hub: TestHub;

/** The value of one sample line, by its full name with labels. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const status = (terminalId: string, lastSeen: Date, outbox: number, quarantined: number) => ({
  terminal_id: terminalId,
  last_seen_at: lastSeen.toISOString(),
  app_version: '0.1.0',
  config_version: 1,
  last_sync_at: null,
  outbox_depth: outbox,
  quarantined,
  storage_bytes: 0,
  uptime_seconds: 60,
  last_error: null,
  heartbeat_seconds: 60,
});

beforeAll(async () => {
  hub = await startTestHub({ now: () => clock });
  await ensureProviderToken(hub.db, PROVIDER, 'prometheus', clock);
  await hub.db
    .insertInto('terminal_status')
    .values([
      status('bibliothek-1', new Date(clock.getTime() - 30_000), 2, 0),
      // Four heartbeats missed: silent.
      status('sparkasse-2', new Date(clock.getTime() - 240_000), 5, 1),
    ])
    .execute();
  const sent = await hub.app.inject({
    method: 'POST',
    url: API.submissions,
    headers: terminalHeaders,
    payload: submissionBody(),
  });
  expect(sent.statusCode).toBe(201);
});
afterAll(() => hub.close());

describe('GET /metrics', () => {
  it('needs the provider token', async () => {
    expect((await hub.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
  });

  it('gives Prometheus the terminals, outboxes, quarantine, submissions, calls and lag', async () => {
    const response = await hub.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${PROVIDER}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    expect(sample(text, 'pop_terminals{state="online"}')).toBe(1);
    expect(sample(text, 'pop_terminals{state="silent"}')).toBe(1);
    expect(sample(text, 'pop_terminal_outbox_depth{terminal="sparkasse-2"}')).toBe(5);
    expect(sample(text, 'pop_terminal_quarantined{terminal="sparkasse-2"}')).toBe(1);
    expect(sample(text, 'pop_terminal_last_seen_seconds{terminal="sparkasse-2"}')).toBe(240);
    expect(sample(text, 'pop_submissions_received_total{office="buergerbuero"}')).toBe(1);
    expect(sample(text, 'pop_database_latency_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'pop_event_loop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('# TYPE pop_call_queue_length gauge');
    // Every line is a comment or a sample: "name{labels} value".
    for (const line of text.trimEnd().split('\n'))
      expect(line).toMatch(
        /^(# (HELP|TYPE) pop_[a-z_]+ .+|pop_[a-z_]+(\{[a-z]+="[^"]*"(,[a-z]+="[^"]*")*\})? [-+0-9.eE]+|NaN)$/,
      );
    // Nothing a citizen typed is ever a label or a value.
    for (const typed of Object.values(DEFAULT_ANSWERS).filter((v) => typeof v === 'string'))
      expect(text).not.toContain(String(typed));
  });
});

describe('delivery metrics', () => {
  it('count what reached the offices, by route, and how long the oldest waits', async () => {
    const delivery = (id: string, state: string, lastError: string | null, ageSeconds: number) => ({
      submission_id: id,
      office_id: 'standesamt',
      destination_id: '00000000-0000-4000-8000-000000000001',
      state: state as 'pending',
      fc_submission_id: null,
      fc_case_id: null,
      uploaded_attachments: '[]',
      attempts: lastError ? 2 : 0,
      next_attempt_at: clock.toISOString(),
      last_error: lastError,
      quarantine_reason: state === 'quarantined' ? 'the destination refused it (422)' : null,
      created_at: new Date(clock.getTime() - ageSeconds * 1000).toISOString(),
      updated_at: clock.toISOString(),
    });
    await hub.db
      .insertInto('fitconnect_deliveries')
      .values([
        delivery('00000000-0000-4000-8000-0000000000a1', 'accepted', null, 600),
        delivery('00000000-0000-4000-8000-0000000000a2', 'pending', 'HTTP 503', 120),
        delivery('00000000-0000-4000-8000-0000000000a3', 'quarantined', 'HTTP 422', 900),
      ])
      .execute();
    const { body: text } = await hub.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${PROVIDER}` },
    });
    expect(sample(text, 'pop_submissions_delivered_total{office="standesamt",route="fit-connect"}')).toBe(1);
    expect(sample(text, 'pop_deliveries{office="standesamt",state="accepted"}')).toBe(1);
    expect(sample(text, 'pop_deliveries{office="standesamt",state="pending"}')).toBe(1);
    expect(sample(text, 'pop_deliveries{office="standesamt",state="quarantined"}')).toBe(1);
    expect(sample(text, 'pop_delivery_failures{office="standesamt"}')).toBe(2);
    expect(sample(text, 'pop_delivery_lag_seconds{office="standesamt",route="fit-connect"}')).toBe(120);
    // The inbox application has not been taken up by a clerk: it waits since it arrived.
    expect(sample(text, 'pop_delivery_lag_seconds{office="buergerbuero",route="inbox"}')).toBe(0);
    expect(
      sample(text, 'pop_submissions_delivered_total{office="buergerbuero",route="inbox"}'),
    ).toBeUndefined();
  });
});

describe('metric families', () => {
  it('escape label values and name each family once', () => {
    expect(family('pop_x', 'gauge', 'An x.', [{ labels: { office: 'a"b\\c' }, value: 1 }])).toBe(
      '# HELP pop_x An x.\n# TYPE pop_x gauge\npop_x{office="a\\"b\\\\c"} 1\n',
    );
  });

  it('find the longest wait per office', () => {
    const now = new Date('2026-11-21T10:00:00.000Z');
    const entries = [
      { officeId: 'a', waitingSince: '2026-11-21T09:59:00.000Z' },
      { officeId: 'a', waitingSince: '2026-11-21T09:58:00.000Z' },
      { officeId: 'b', waitingSince: '2026-11-21T09:59:30.000Z' },
    ];
    const waits = longestWaits({ queueEntries: () => entries as never }, now);
    expect(Object.fromEntries(waits)).toEqual({ a: 120, b: 30 });
  });
});

describe('the example Grafana dashboard', () => {
  it('charts only metrics the hub exports', async () => {
    const { readFile } = await import('node:fs/promises');
    const dashboard = JSON.parse(
      await readFile(new URL('../../docs/operations-files/grafana-dashboard.json', import.meta.url), 'utf8'),
    ) as { panels: { targets: { expr: string }[] }[] };
    const response = await hub.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${PROVIDER}` },
    });
    const exported = new Set(
      response.body
        .split('\n')
        .filter((l) => l.startsWith('# TYPE '))
        .map((l) => l.split(' ')[2]),
    );
    const charted = dashboard.panels.flatMap((p) => p.targets.map((t) => /pop_[a-z_]+/.exec(t.expr)?.[0]));
    expect(charted.length).toBeGreaterThan(5);
    for (const name of charted) expect(exported, String(name)).toContain(name);
  });
});
