import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PROVIDER_TOKEN,
  adminDialects,
  publicJwk,
  startAdminHub,
  type AdminTestHub,
} from '../testing/admin-hub.js';
import { registrationForm } from '../testing/fixture-content.js';
import { runAdminCli } from './cli.js';

const run = promisify(execFile);
const [sqlite] = adminDialects();
let hub: AdminTestHub;
let hubUrl: string;
let dir: string;

beforeAll(async () => {
  if (!sqlite) throw new Error('no SQLite dialect');
  hub = await startAdminHub(sqlite[1]);
  hubUrl = await hub.app.listen({ port: 0, host: '127.0.0.1' });
  dir = await mkdtemp(join(tmpdir(), 'pop-admin-cli-'));
}, 60_000);
afterAll(async () => {
  await hub.close();
  await rm(dir, { recursive: true, force: true });
});

async function admin(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdminCli(
    argv,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { POP_HUB_URL: hubUrl, ...env },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const office = {
  id: 'rathaus',
  name: { de: 'Rathaus' },
  address: { street: 'Markt 1', postalCode: '04109', city: 'Neustadt' },
  phone: '0341 1',
  email: 'rathaus@example.org',
  openingHours: [{ day: 'tue', from: '08:00', to: '12:00' }],
  videoHours: [],
};

describe('pop-admin against a running hub', () => {
  const PASSWORD = 'mein-eigenes-passwort';
  let env: NodeJS.ProcessEnv;

  it('the provider makes the first admin; until the password is changed nothing else works', async () => {
    const made = await admin(['first-admin', 'ada', '--name', 'Ada Admin'], {
      POP_PROVIDER_TOKEN: ADMIN_PROVIDER_TOKEN,
    });
    expect(made.code).toBe(0);
    const { initialPassword } = JSON.parse(made.out) as { initialPassword: string };
    const first = { POP_ADMIN_USERNAME: 'ada', POP_ADMIN_PASSWORD: initialPassword };
    const login = await admin(['login'], first);
    expect(login.out).toContain('choose your own password');
    const blocked = await admin(['office', 'list'], first);
    expect(blocked.code).toBe(3);
    expect(blocked.err).toMatch(/^pop-admin: .*password_change_required/);
    await writeFile(join(dir, 'new-password'), `${PASSWORD}\n`);
    const changed = await admin(['password', '--new-password-file', join(dir, 'new-password')], first);
    expect(changed).toMatchObject({ code: 0, out: 'password changed' });
    env = { POP_ADMIN_USERNAME: 'ada', POP_ADMIN_PASSWORD: PASSWORD };
  });

  it('keeps a session only in the file it is asked to, and uses it without credentials', async () => {
    const file = join(dir, 'session');
    expect((await admin(['login', '--session-file', file], env)).code).toBe(0);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const listed = await admin(['clerk', 'list', '--session-file', file]);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('"ada"');
    expect((await admin(['clerk', 'list'])).code).toBe(3);
  });

  it('creates an office with a key written by office-keygen, and refuses bad input in one line', async () => {
    await run(process.execPath, ['--import', 'tsx', 'scripts/office-keygen.ts', 'rathaus', dir]);
    await writeFile(join(dir, 'office.json'), JSON.stringify(office));
    const key = join(dir, 'rathaus.public.jwk.json');
    const created = await admin(['office', 'create', join(dir, 'office.json'), '--key', key], env);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out)).toMatchObject({ id: 'rathaus', encryptionKeys: [{ status: 'current' }] });
    const twice = await admin(['office', 'create', join(dir, 'office.json'), '--key', key], env);
    expect(twice.code).toBe(1);
    expect(twice.err.split('\n')).toEqual([
      expect.stringMatching(/^pop-admin: id: an office "rathaus" exists already/),
    ]);
    await writeFile(join(dir, 'short.jwk.json'), JSON.stringify(publicJwk(2048, 'short').public));
    const short = await admin(['key', 'add', '--office', 'rathaus', join(dir, 'short.jwk.json')], env);
    expect(short.code).toBe(1);
    expect(short.err).toMatch(/^pop-admin: jwk\.n: the key has 2048 bits; it must be RSA 4096/);
    const bad = { ...office, id: 'amt', openingHours: [{ day: 'tue', from: '12:00', to: '08:00' }] };
    await writeFile(join(dir, 'bad-office.json'), JSON.stringify(bad));
    const hours = await admin(['office', 'create', join(dir, 'bad-office.json'), '--key', key], env);
    expect(hours.err).toMatch(/openingHours\.0\.to: must be later than from/);
  });

  it('invites and disables a clerk, publishes a form, and exports the audit log', async () => {
    const invited = await admin(
      ['clerk', 'invite', 'paul', '--name', 'Paul', '--role', 'clerk', '--offices', 'rathaus'],
      env,
    );
    expect(JSON.parse(invited.out)).toMatchObject({ username: 'paul', mustChangePassword: true });
    expect((await admin(['clerk', 'disable', 'paul'], env)).out).toContain('paul disabled');
    const unknown = await admin(['clerk', 'reset', 'niemand'], env);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.err).toMatch(/username: there is no account "niemand"/);

    await writeFile(join(dir, 'form.json'), JSON.stringify(registrationForm));
    const published = await admin(['form', 'publish', '--service', 'anmelden', join(dir, 'form.json')], env);
    expect(published.out).toBe(`form ${registrationForm.id} version 3 published for anmelden`);
    await writeFile(
      join(dir, 'bad-form.json'),
      JSON.stringify({ ...registrationForm, ui: { ...registrationForm.ui, steps: [] } }),
    );
    const bad = await admin(['form', 'publish', '--service', 'anmelden', join(dir, 'bad-form.json')], env);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/ui\.steps/);

    const out = join(dir, 'audit.csv');
    expect((await admin(['audit', 'export', '--format', 'csv', '--out', out], env)).code).toBe(0);
    const csv = await readFile(out, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('id,at,actorKind,actor,action,target,before,after');
    for (const action of ['admin.invite', 'office.create', 'clerk.invite', 'clerk.disable', 'form.publish'])
      expect(csv).toContain(action);
    const lines = await admin(['audit', 'export', '--action', 'clerk.disable'], env);
    expect(lines.out.split('\n').map((l) => (JSON.parse(l) as { target: string }).target)).toEqual([
      'clerk:paul',
    ]);
  });

  it('exits 2 on usage errors and 4 when the hub cannot be reached', async () => {
    expect((await admin(['form', 'publish', join(dir, 'form.json')], env)).code).toBe(2);
    expect((await admin(['office', 'frobnicate'], env)).code).toBe(2);
    const away = await admin(['office', 'list'], { ...env, POP_HUB_URL: 'http://127.0.0.1:9' });
    expect(away).toMatchObject({
      code: 4,
      err: 'pop-admin: The hub at http://127.0.0.1:9 could not be reached.',
    });
  });

  it('runs as a program (npm run admin) with its exit code', async () => {
    const failed = await run(
      process.execPath,
      ['--import', 'tsx', 'hub/admin/cli-main.ts', 'office', 'list'],
      {
        env: { ...process.env, POP_HUB_URL: hubUrl, POP_ADMIN_USERNAME: 'ada', POP_ADMIN_PASSWORD: 'falsch' },
      },
    ).catch((error: unknown) => error as { code: number; stderr: string });
    expect(failed).toMatchObject({ code: 3 });
    expect((failed as { stderr: string }).stderr).toMatch(/^pop-admin: Username or password is wrong/);
  });
});
