/**
 * Makes an office's encryption key pair (RSA-OAEP-256, 4096 bit, as FIT-Connect requires):
 * the public JWK goes into the office data on the hub, the private JWK to the office's clerks,
 * who import it once into the clerk console under a passphrase. The private key never goes to
 * the hub.
 *
 *   node --import tsx scripts/office-keygen.ts <officeId> <out-dir>
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isId } from '../protocol/id.js';

const [officeId, outDir] = process.argv.slice(2);
if (!officeId || !outDir || !isId(officeId)) {
  console.error('usage: office-keygen <officeId> <out-dir>');
  process.exit(2);
}
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 4096 });
const kid = `${officeId}-${new Date().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
const common = { kid, alg: 'RSA-OAEP-256', use: 'enc' };
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, `${officeId}.public.jwk.json`),
  JSON.stringify({ ...publicKey.export({ format: 'jwk' }), ...common }, null, 2) + '\n',
);
writeFileSync(
  join(outDir, `${officeId}.private.jwk.json`),
  JSON.stringify({ ...privateKey.export({ format: 'jwk' }), ...common, officeId }, null, 2) + '\n',
  { mode: 0o600 },
);
console.log(`office key ${kid} written to ${outDir}`);
