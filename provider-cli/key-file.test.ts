import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProviderKey } from '../kiosk-config/fleet/keys.js';
import { runCli } from './cli.js';

const PASSPHRASE = 'lange geheime Passphrase';
let dir: string;

async function cli(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pop-keyfile-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the provider signing key file', () => {
  it('is standard encrypted PKCS#8 that openssl opens with the passphrase only', async () => {
    expect(
      (await cli({ POP_PROVIDER_KEY_PASSPHRASE: PASSPHRASE }, 'keygen', '--id', 'kdn-a', '--out', dir)).code,
    ).toBe(0);
    const path = join(dir, 'kdn-a.key.json');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const file = JSON.parse(await readFile(path, 'utf8')) as Record<string, string>;
    expect(Object.keys(file).sort()).toEqual(['encryptedPrivateKey', 'keyId', 'publicKey']);
    const pem = join(dir, 'kdn-a.pem');
    await writeFile(pem, file['encryptedPrivateKey'] ?? '');
    const open = (pass: string) =>
      spawnSync('openssl', ['pkey', '-in', pem, '-passin', `pass:${pass}`, '-noout'], { encoding: 'utf8' });
    expect(open(PASSPHRASE).status).toBe(0);
    expect(open('a wrong passphrase').status).not.toBe(0);
  });

  it('says what is wrong: a missing, short or wrong passphrase', async () => {
    const missing = await cli({}, 'keygen', '--id', 'kdn-b', '--out', dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(
      'pop-provider: The signing key is encrypted: give its passphrase with --passphrase-file <file> or POP_PROVIDER_KEY_PASSPHRASE.',
    );
    const short = await cli({ POP_PROVIDER_KEY_PASSPHRASE: 'kurz' }, 'keygen', '--id', 'kdn-b', '--out', dir);
    expect(short.err).toBe('pop-provider: The passphrase must have at least 12 characters.');
    const fleet = join(import.meta.dirname, '../kiosk-config/fleet-example.json');
    const wrong = await cli(
      { POP_PROVIDER_KEY_PASSPHRASE: 'eine falsche Passphrase' },
      'sign',
      fleet,
      '--key',
      join(dir, 'kdn-a.key.json'),
      '--version',
      '1',
      '--out',
      join(dir, 'r.json'),
    );
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/kdn-a\.key\.json: the passphrase is wrong, or the file is damaged\.$/);
  });

  it('reads the passphrase from a file, and converts an old plain key file', async () => {
    const passFile = join(dir, 'passphrase.txt');
    await writeFile(passFile, `${PASSPHRASE}\n`);
    const old = join(dir, 'kdn-old.key.json');
    await writeFile(old, JSON.stringify(await generateProviderKey('kdn-old')));
    const fleet = join(import.meta.dirname, '../kiosk-config/fleet-example.json');
    const signPlain = await cli(
      {},
      'sign',
      fleet,
      '--key',
      old,
      '--version',
      '1',
      '--out',
      join(dir, 'r1.json'),
    );
    expect(signPlain.code).toBe(0);
    expect(signPlain.out).toContain(
      'warning: the private key is not encrypted; run "pop-provider encrypt-key',
    );
    expect((await cli({}, 'encrypt-key', old, '--passphrase-file', passFile)).code).toBe(0);
    expect(JSON.parse(await readFile(old, 'utf8'))).not.toHaveProperty('privateKey');
    const signed = await cli(
      {},
      'sign',
      fleet,
      '--key',
      old,
      '--version',
      '2',
      '--out',
      join(dir, 'r2.json'),
      '--passphrase-file',
      passFile,
    );
    expect(signed.code).toBe(0);
    expect(signed.out).not.toContain('warning: the private key is not encrypted');
  });
});
