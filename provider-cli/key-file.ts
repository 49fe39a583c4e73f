/**
 * The provider's signing key on disk: encrypted PKCS#8 (PBES2 with AES-256-CBC, as
 * `openssl pkcs8 -topk8 -v2 aes-256-cbc` writes it) under a passphrase, inside a small JSON file
 * that also names the key and carries its public half. Files from before encryption (the private
 * key as plain base64url PKCS#8) are still read, with a warning, and `encrypt-key` converts them.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ProviderKeyPair } from '../kiosk-config/fleet/keys.js';
import { fromBase64Url, toBase64Url } from '../protocol/encoding.js';
import { CliError, writeJson } from './files.js';

/** Below this a passphrase is refused: the key file may travel on a stick. */
export const MIN_PASSPHRASE_LENGTH = 12;

const EncryptedKeyFile = z.strictObject({
  keyId: z.string(),
  publicKey: z.string(),
  encryptedPrivateKey: z.string().startsWith('-----BEGIN ENCRYPTED PRIVATE KEY-----'),
});
const PlainKeyFile = z.strictObject({ keyId: z.string(), publicKey: z.string(), privateKey: z.string() });

/** Where the passphrase comes from: `--passphrase-file` first, then POP_PROVIDER_KEY_PASSPHRASE. */
export function passphraseSource(file: string | undefined, env: NodeJS.ProcessEnv): () => Promise<string> {
  return async () => {
    const passphrase = file
      ? (
          await readFile(file, 'utf8').catch(() => {
            throw new CliError(`Cannot read the passphrase file ${file}.`);
          })
        ).replace(/\r?\n$/, '')
      : env['POP_PROVIDER_KEY_PASSPHRASE'];
    if (!passphrase)
      throw new CliError(
        'The signing key is encrypted: give its passphrase with --passphrase-file <file> or POP_PROVIDER_KEY_PASSPHRASE.',
      );
    return passphrase;
  };
}

export async function writeKeyFile(path: string, pair: ProviderKeyPair, passphrase: string): Promise<void> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    throw new CliError(`The passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  const der = fromBase64Url(pair.privateKey);
  if (!der) throw new CliError('The private key is not base64url.');
  const key = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
  const encryptedPrivateKey = key.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase });
  // Only the owner may read it, even encrypted.
  await writeJson(path, { keyId: pair.keyId, publicKey: pair.publicKey, encryptedPrivateKey }, 0o600);
}

export async function readKeyFile(
  path: string,
  passphrase: () => Promise<string>,
  warn: (line: string) => void,
): Promise<ProviderKeyPair> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new CliError(`${path} is not a private key file made by "pop-provider keygen".`);
  }
  const plain = PlainKeyFile.safeParse(json);
  if (plain.success) {
    warn(`${path}: warning: the private key is not encrypted; run "pop-provider encrypt-key ${path}".`);
    return plain.data;
  }
  const encrypted = EncryptedKeyFile.safeParse(json);
  if (!encrypted.success)
    throw new CliError(`${path} is not a private key file made by "pop-provider keygen".`);
  const { keyId, publicKey, encryptedPrivateKey } = encrypted.data;
  let key;
  try {
    key = createPrivateKey({ key: encryptedPrivateKey, format: 'pem', passphrase: await passphrase() });
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${path}: the passphrase is wrong, or the file is damaged.`);
  }
  const raw = createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32);
  if (key.asymmetricKeyType !== 'ed25519' || toBase64Url(new Uint8Array(raw)) !== publicKey)
    throw new CliError(`${path}: the private key does not belong to the public key "${keyId}" names.`);
  const der = key.export({ format: 'der', type: 'pkcs8' });
  return { keyId, publicKey, privateKey: toBase64Url(new Uint8Array(der)) };
}
