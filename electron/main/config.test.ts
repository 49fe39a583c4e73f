import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  describeConfigLoad,
  loadKioskConfig,
  locateKioskConfig,
  parseKioskConfigText,
  type LocateConfigInput,
} from './config.js';

const demoText = readFileSync(new URL('../../demo/kiosk-config.json', import.meta.url), 'utf8');
const demo = JSON.parse(demoText) as Record<string, unknown>;
const token = demo['terminalToken'] as string;

const base: LocateConfigInput = {
  argv: ['/opt/pop/point-of-public'],
  env: {},
  cwd: '/home/kiosk',
  userDataDir: '/home/kiosk/.config/Point of Public',
  demoConfigPath: '/work/demo/kiosk-config.json',
  isPackaged: false,
  fileExists: () => false,
};

describe('locateKioskConfig', () => {
  it('prefers the --config flag, in both spellings, resolved against the working directory', () => {
    const env = { POP_KIOSK_CONFIG: '/etc/pop/env.json' };
    expect(locateKioskConfig({ ...base, env, argv: ['electron', '.', '--config', 'site.json'] })).toEqual({
      ok: true,
      location: { origin: 'flag', path: '/home/kiosk/site.json' },
    });
    expect(locateKioskConfig({ ...base, env, argv: ['pop', '--config=/etc/pop/site.json'] })).toEqual({
      ok: true,
      location: { origin: 'flag', path: '/etc/pop/site.json' },
    });
  });

  it('refuses a --config flag without a path instead of silently using another file', () => {
    for (const argv of [
      ['pop', '--config'],
      ['pop', '--config='],
      ['pop', '--config', '--no-sandbox'],
    ]) {
      expect(locateKioskConfig({ ...base, argv, fileExists: () => true })).toEqual({
        ok: false,
        problem: '--config was given without a file path',
      });
    }
  });

  it('takes POP_KIOSK_CONFIG next, ignoring an empty value', () => {
    expect(locateKioskConfig({ ...base, env: { POP_KIOSK_CONFIG: 'conf/k.json' } })).toEqual({
      ok: true,
      location: { origin: 'env', path: '/home/kiosk/conf/k.json' },
    });
    expect(locateKioskConfig({ ...base, env: { POP_KIOSK_CONFIG: '' } })).toMatchObject({
      location: { origin: 'demo' },
    });
  });

  it('uses the userData file when it exists', () => {
    const userDataFile = '/home/kiosk/.config/Point of Public/kiosk-config.json';
    expect(locateKioskConfig({ ...base, fileExists: (path) => path === userDataFile })).toEqual({
      ok: true,
      location: { origin: 'user-data', path: userDataFile },
    });
  });

  it('falls back to the demo config in development only', () => {
    expect(locateKioskConfig(base)).toEqual({
      ok: true,
      location: { origin: 'demo', path: '/work/demo/kiosk-config.json' },
    });
    expect(locateKioskConfig({ ...base, isPackaged: true })).toEqual({
      ok: true,
      location: { origin: 'user-data', path: '/home/kiosk/.config/Point of Public/kiosk-config.json' },
    });
  });
});

describe('parseKioskConfigText', () => {
  it('accepts the demo config', () => {
    const parsed = parseKioskConfigText(demoText);
    expect(parsed.ok && parsed.config.terminalId).toBe('demo-terminal-1');
  });

  it('accepts a byte-order mark, as Windows editors write it', () => {
    expect(parseKioskConfigText(`\uFEFF${demoText}`).ok).toBe(true);
  });

  it('reports broken JSON by position, never quoting the text around it', () => {
    const broken = demoText.replace(`"terminalToken": "${token}",`, `"terminalToken": "${token}",,`);
    const parsed = parseKioskConfigText(broken);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(1);
    // V8 names the position for some errors only; when it does, we turn it into line and column.
    expect(parsed.problems[0]).toMatch(/^\(file\): not valid JSON( \(line 6, column \d+\))?$/);
    expect(parsed.problems.join()).not.toContain(token.slice(0, 12));
  });

  it('lists every schema problem with its path', () => {
    const parsed = parseKioskConfigText(
      JSON.stringify({ ...demo, terminalToken: 'short', idleTimeoutSeconds: 1, unknownKey: true }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^terminalToken: /),
        expect.stringMatching(/^idleTimeoutSeconds: /),
        expect.stringMatching(/unknownKey/),
      ]),
    );
  });

  it('refuses a plain-http hub beyond loopback, which the secure app origin cannot call', () => {
    const parsed = parseKioskConfigText(
      JSON.stringify({ ...demo, hubUrl: 'http://rathaus.lindenau.example' }),
    );
    expect(parsed).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^hubUrl: .*rathaus\.lindenau\.example.*https/)],
    });
  });

  it.each(['http://127.0.0.1:8080', 'http://localhost:8080', 'http://[::1]:8080', 'https://rathaus.example'])(
    'accepts the hub at %s',
    (hubUrl) => {
      expect(parseKioskConfigText(JSON.stringify({ ...demo, hubUrl })).ok).toBe(true);
    },
  );
});

describe('loadKioskConfig', () => {
  const location = {
    origin: 'user-data' as const,
    path: '/home/kiosk/.config/Point of Public/kiosk-config.json',
  };
  const failingRead = (code: string) => () => Promise.reject(Object.assign(new Error(code), { code }));

  it('loads a good file', async () => {
    const load = await loadKioskConfig({ ok: true, location }, () => Promise.resolve(demoText));
    expect(load).toMatchObject({ ok: true, location, config: { terminalId: 'demo-terminal-1' } });
  });

  it('explains a missing file with what to do about it', async () => {
    const load = await loadKioskConfig({ ok: true, location }, failingRead('ENOENT'));
    expect(load).toEqual({
      ok: false,
      location,
      problems: [
        `no config file at ${location.path}; put the terminal's config there or start with --config <file>`,
      ],
    });
  });

  it.each([
    ['EACCES', /may not read/],
    ['EISDIR', /is a folder/],
    ['EIO', /cannot read .* \(EIO\)/],
  ])('explains %s', async (code, message) => {
    const load = await loadKioskConfig({ ok: true, location }, failingRead(code));
    expect(load.ok).toBe(false);
    if (!load.ok) expect(load.problems[0]).toMatch(message);
  });

  it('passes on a location problem without reading anything', async () => {
    let reads = 0;
    const load = await loadKioskConfig(
      { ok: false, problem: '--config was given without a file path' },
      () => {
        reads += 1;
        return Promise.resolve(demoText);
      },
    );
    expect(load).toEqual({ ok: false, location: null, problems: ['--config was given without a file path'] });
    expect(reads).toBe(0);
  });
});

describe('describeConfigLoad', () => {
  it('names the terminal and the hub origin, never the token or hub credentials', async () => {
    const text = JSON.stringify({ ...demo, hubUrl: 'https://user:hunter2@hub.example/api' });
    const load = await loadKioskConfig(
      { ok: true, location: { origin: 'flag', path: '/etc/pop/k.json' } },
      () => Promise.resolve(text),
    );
    const line = describeConfigLoad(load);
    expect(line).toBe(
      'kiosk config /etc/pop/k.json (flag) loaded: terminal demo-terminal-1, hub https://hub.example',
    );
    expect(line).not.toContain(token);
    expect(line).not.toContain('hunter2');
  });

  it('says why a config is unusable', () => {
    expect(describeConfigLoad({ ok: false, location: null, problems: ['a: b', 'c: d'] })).toBe(
      'kiosk config is unusable, showing the error page: a: b; c: d',
    );
  });
});
