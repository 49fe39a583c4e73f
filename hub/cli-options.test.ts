import { describe, expect, it } from 'vitest';
import { parseCli, parseOrigins } from './cli-options.js';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseCli(argv, env, '/work', '/repo');

function options(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const parsed = parse(argv, env);
  if (!parsed.ok || parsed.help) throw new Error(`expected options, got ${JSON.stringify(parsed)}`);
  return parsed.options;
}

function problem(argv: string[], env: NodeJS.ProcessEnv = {}): string {
  const parsed = parse(argv, env);
  if (parsed.ok) throw new Error('expected a problem');
  return parsed.message;
}

describe('parseCli', () => {
  it('has defaults for everything', () => {
    expect(options([])).toEqual({
      dataDir: '/work/.data/hub',
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: undefined,
      staticDir: '/repo/dist/renderer',
      kioskOrigins: ['app://kiosk'],
      logLevel: 'info',
      trustProxy: undefined,
      calls: {
        turnUrls: [],
        turnSecret: undefined,
        turnTtlSeconds: 3600,
        relayOnly: false,
        queueTimeoutSeconds: 600,
        graceSeconds: 30,
      },
      demo: false,
      alerts: {
        webhook: undefined,
        email: undefined,
        intervalSeconds: 60,
        repeatSeconds: 900,
        thresholds: { silentAfterMs: 600_000, quarantineAbove: 0, deliveryAfterMs: 86_400_000 },
      },
      migrate: true,
      drainSeconds: 5,
      fitConnect: { intervalSeconds: 30, eventPollSeconds: 60 },
    });
  });

  it('takes the FIT-Connect sender interval and event-log poll in seconds, by flag or environment', () => {
    expect(options(['--fitconnect-interval', '1', '--fitconnect-event-poll', '2']).fitConnect).toEqual({
      intervalSeconds: 1,
      eventPollSeconds: 2,
    });
    expect(
      options([], { POP_FITCONNECT_INTERVAL: '5', POP_FITCONNECT_EVENT_POLL: '300' }).fitConnect,
    ).toEqual({ intervalSeconds: 5, eventPollSeconds: 300 });
    expect(
      options(['--fitconnect-interval=2'], { POP_FITCONNECT_INTERVAL: '9' }).fitConnect.intervalSeconds,
    ).toBe(2);
    expect(problem(['--fitconnect-interval', '0'])).toBe(
      'fitconnect-interval must be a number of seconds from 1 to 3600',
    );
    expect(problem([], { POP_FITCONNECT_INTERVAL: 'soon' })).toMatch(/^fitconnect-interval must be/);
    expect(problem(['--fitconnect-event-poll', '86401'])).toBe(
      'fitconnect-event-poll must be a number of seconds from 1 to 86400',
    );
  });

  it('migrates at start unless --no-migrate or POP_MIGRATE=off, and takes a drain period', () => {
    expect(options(['--no-migrate']).migrate).toBe(false);
    expect(options([], { POP_MIGRATE: 'off' }).migrate).toBe(false);
    expect(options([], { POP_MIGRATE: 'on' }).migrate).toBe(true);
    expect(parse([], { POP_MIGRATE: 'maybe' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/POP_MIGRATE must be on or off/),
    });
    expect(options(['--drain-seconds', '0']).drainSeconds).toBe(0);
    expect(options([], { POP_DRAIN_SECONDS: '12' }).drainSeconds).toBe(12);
    expect(parse(['--drain-seconds', '-1'])).toMatchObject({ ok: false });
    expect(parse(['--drain-seconds', '601'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/drain-seconds/),
    });
  });

  it('runs the demo only when asked: --demo or POP_DEMO=1', () => {
    expect(options(['--demo']).demo).toBe(true);
    expect(options(['--demo', '--port', '0'])).toMatchObject({ demo: true, port: 0 });
    expect(options([], { POP_DEMO: '1' }).demo).toBe(true);
    expect(options([], { POP_DEMO: 'true' }).demo).toBe(true);
    expect(options([], { POP_DEMO: '0' }).demo).toBe(false);
    expect(options([], { POP_DEMO: '' }).demo).toBe(false);
    expect(problem([], { POP_DEMO: 'yes' })).toMatch(/POP_DEMO must be 1 or 0/);
    expect(problem(['--demo=1'])).toMatch(/unknown option "--demo=1"/);
  });

  it('reads the environment, and a flag wins over it', () => {
    const env = { POP_PORT: '9000', POP_DATA_DIR: '/var/lib/pop', POP_HOST: '0.0.0.0' };
    expect(options([], env)).toMatchObject({ port: 9000, dataDir: '/var/lib/pop', host: '0.0.0.0' });
    expect(options(['--port', '0', '--data-dir=rel/dir'], env)).toMatchObject({
      port: 0,
      dataDir: '/work/rel/dir',
    });
  });

  it('takes a PostgreSQL URL and extra kiosk origins', () => {
    const parsed = options([
      '--database-url',
      'postgres://pop:pw@db:5432/pop',
      '--kiosk-origins',
      'app://kiosk, http://localhost:5173',
    ]);
    expect(parsed.databaseUrl).toBe('postgres://pop:pw@db:5432/pop');
    expect(parsed.kioskOrigins).toEqual(['app://kiosk', 'http://localhost:5173']);
    expect(options(['--trust-proxy', '127.0.0.1,10.0.0.0/8']).trustProxy).toBe('127.0.0.1,10.0.0.0/8');
    expect(options(['--kiosk-origins', '']).kioskOrigins).toEqual([]);
    expect(options([], { POP_KIOSK_ORIGINS: '', POP_PORT: '' })).toMatchObject({
      kioskOrigins: ['app://kiosk'],
      port: 8080,
    });
  });

  it('explains each bad option in one sentence', () => {
    expect(problem(['--port', 'eighty'])).toMatch(/port must be a number from 0 to 65535/);
    expect(problem(['--port', '70000'])).toMatch(/port must be/);
    expect(problem([], { POP_PORT: '-1' })).toMatch(/port must be/);
    expect(problem(['--database-url', 'mysql://x'])).toMatch(/postgres:\/\//);
    expect(problem(['--database-url', 'not a url'])).toMatch(/database-url must be a URL/);
    expect(problem(['--kiosk-origins', '*'])).toMatch(/kiosk-origins: "\*" is not an origin/);
    expect(problem(['--frobnicate'])).toMatch(/unknown option "--frobnicate"/);
    expect(problem(['--port'])).toMatch(/--port needs a value/);
    expect(problem(['--log-level', 'loud'])).toMatch(/log-level must be one of/);
    expect(problem(['--host', 'a b'])).toMatch(/host "a b"/);
    expect(problem(['--trust-proxy', 'yes please'])).toMatch(/trust-proxy must be a comma list/);
  });

  it('recognises --help', () => {
    expect(parse(['--port', '1', '--help'])).toEqual({ ok: true, help: true });
  });
});

describe('parseOrigins', () => {
  it('keeps scheme, host and port only, lower-cased', () => {
    expect(parseOrigins('APP://Kiosk,https://Hub.example:8443/')).toEqual([
      'app://kiosk',
      'https://hub.example:8443',
    ]);
  });

  it('refuses paths, credentials and bare words', () => {
    for (const bad of ['https://x.example/path', 'https://u:p@x.example', 'kiosk', 'https://x.example?q']) {
      expect(() => parseOrigins(bad), bad).toThrow(/is not an origin/);
    }
  });
});
