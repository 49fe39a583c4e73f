import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small PKI made with openssl for tests: a root CA, an intermediate CA and a leaf for an
 * RSA-4096 encryption key, the way the administration PKI certifies FIT-Connect destination keys.
 */
export interface TestPki {
  rootDer: string;
  /** x5c order: leaf first, then the intermediate. */
  x5c: string[];
  /** The leaf's public key as JWK (with alg, key_ops, kid set for FIT-Connect). */
  jwk: JsonWebKey & { kid: string; x5c: string[] };
  /** The leaf's private key, for the receiving side in tests. */
  privateJwk: JsonWebKey;
  /** Another root, not in the chain. */
  strangerRootDer: string;
}

const der = (pemFile: string) =>
  readFileSync(pemFile, 'utf8')
    .replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
    .replace(/\s+/g, '');

export function makeTestPki(kid: string, days = 30): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'pop-pki-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  try {
    const ext = join(dir, 'ext.cnf');
    writeFileSync(
      ext,
      '[ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign\n[leaf]\nbasicConstraints=CA:FALSE\nkeyUsage=critical,keyEncipherment\n',
    );
    const key = (name: string, bits: number) =>
      run('genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`, '-out', `${name}.key`);
    key('root', 2048);
    key('stranger', 2048);
    key('inter', 2048);
    key('leaf', 4096);
    for (const name of ['root', 'stranger'])
      run(
        'req',
        '-x509',
        '-new',
        '-key',
        `${name}.key`,
        '-subj',
        `/CN=Test ${name} CA`,
        '-days',
        String(days),
        '-sha256',
        '-out',
        `${name}.pem`,
        '-addext',
        'basicConstraints=critical,CA:TRUE',
      );
    const issue = (name: string, issuer: string, section: string) => {
      run('req', '-new', '-key', `${name}.key`, '-subj', `/CN=Test ${name}`, '-out', `${name}.csr`);
      run(
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        `${issuer}.pem`,
        '-CAkey',
        `${issuer}.key`,
        '-CAcreateserial',
        '-days',
        String(days),
        '-sha256',
        '-extfile',
        ext,
        '-extensions',
        section,
        '-out',
        `${name}.pem`,
      );
    };
    issue('inter', 'root', 'ca');
    issue('leaf', 'inter', 'leaf');
    const x5c = [der(join(dir, 'leaf.pem')), der(join(dir, 'inter.pem'))];
    const publicJwk = createPublicKey(readFileSync(join(dir, 'leaf.pem'))).export({
      format: 'jwk',
    }) as JsonWebKey;
    return {
      rootDer: der(join(dir, 'root.pem')),
      strangerRootDer: der(join(dir, 'stranger.pem')),
      privateJwk: createPrivateKey(readFileSync(join(dir, 'leaf.key'))).export({
        format: 'jwk',
      }) as JsonWebKey,
      x5c,
      jwk: { ...publicJwk, kid, alg: 'RSA-OAEP-256', key_ops: ['wrapKey'], x5c },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
