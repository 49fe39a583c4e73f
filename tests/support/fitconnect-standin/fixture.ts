import { execFile } from 'node:child_process';
import { generateKeyPair, randomUUID, type KeyObject } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { StandInKey, StandInSubmission } from './server.js';

const generate = promisify(generateKeyPair);

export const VENDORED_METADATA_SCHEMA = fileURLToPath(
  new URL('../../../protocol/fitconnect/vendor/metadata.schema.json', import.meta.url),
);
const RECEIVER = fileURLToPath(new URL('./receive.py', import.meta.url));
/** Debian's interpreter, where python3-jwcrypto and python3-jsonschema are installed. */
const PYTHON = '/usr/bin/python3';

export interface DestinationKeys {
  encryption: { kid: string; publicJwk: JsonWebKey & { kid: string }; privateJwk: JsonWebKey };
  destinationSigning: StandInKey;
  serviceSigning: StandInKey;
}

const jwkOf = (key: KeyObject) => key.export({ format: 'jwk' }) as JsonWebKey;

async function rsa4096(): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> {
  return generate('rsa', { modulusLength: 4096 });
}

/** RSA-4096 keys as a FIT-Connect destination has them: one to wrap content keys, one to sign events. */
export async function makeDestinationKeys(): Promise<DestinationKeys> {
  const [enc, destSign, serviceSign] = await Promise.all([rsa4096(), rsa4096(), rsa4096()]);
  const encKid = `enc-${randomUUID()}`;
  const signing = (pair: { publicKey: KeyObject; privateKey: KeyObject }, prefix: string): StandInKey => {
    const kid = `${prefix}-${randomUUID()}`;
    return {
      kid,
      privateKey: pair.privateKey,
      publicJwk: { ...jwkOf(pair.publicKey), kid, alg: 'PS512', key_ops: ['verify'] },
    };
  };
  return {
    encryption: {
      kid: encKid,
      publicJwk: {
        ...jwkOf(enc.publicKey),
        kid: encKid,
        alg: 'RSA-OAEP-256',
        key_ops: ['wrapKey'],
      },
      privateJwk: { ...jwkOf(enc.privateKey), kid: encKid } as JsonWebKey,
    },
    destinationSigning: signing(destSign, 'sig'),
    serviceSigning: signing(serviceSign, 'zds'),
  };
}

export interface Received {
  ok: boolean;
  errors: string[];
  data: unknown;
  metadata: Record<string, unknown>;
  attachments: Record<string, { sha512: string; size: number }>;
}

/** The receiving office opens one submission with the independent tools (receive.py). */
export async function receiveWithPython(sub: StandInSubmission, privateJwk: JsonWebKey): Promise<Received> {
  const input = JSON.stringify({
    privateJwk,
    schemaPath: VENDORED_METADATA_SCHEMA,
    encryptedData: sub.encryptedData,
    encryptedMetadata: sub.encryptedMetadata,
    attachments: Object.fromEntries(sub.attachments),
  });
  return new Promise((resolve, reject) => {
    const child = execFile(PYTHON, [RECEIVER], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`receive.py failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as Received);
    });
    child.stdin?.end(input);
  });
}
