import type { OfficeKey } from '../../../protocol/catalog.js';
import type { FormAnswers } from '../../../protocol/forms.js';
import type { SubmissionMetadata, SubmissionRequest } from '../../../protocol/submission.js';
import { encryptJwe, encryptJsonJwe, importEncryptionKey, sha512Hex } from './jwe.js';

export type SubmissionEnvelope = Omit<SubmissionRequest, 'keyId' | 'data' | 'metadata'>;

/** The key terminals encrypt new applications to. */
export function currentKey(keys: readonly OfficeKey[]): OfficeKey {
  const key = keys.find((k) => k.status === 'current');
  if (!key) throw new Error('the office has no current encryption key');
  return key;
}

/**
 * Finalizes an application for the wire: the answers become a JWE to the office's current key,
 * and so does a metadata record with the SHA-512 of the exact data bytes. From here on only
 * ciphertext exists; the plaintext is never written anywhere.
 */
export async function sealSubmission(
  envelope: SubmissionEnvelope,
  answers: FormAnswers,
  officeKeys: readonly OfficeKey[],
): Promise<SubmissionRequest> {
  const key = currentKey(officeKeys);
  const publicKey = await importEncryptionKey(key.jwk as JsonWebKey);
  const dataBytes = new TextEncoder().encode(JSON.stringify(answers));
  const metadata: SubmissionMetadata = {
    formId: envelope.formId,
    formVersion: envelope.formVersion,
    serviceId: envelope.serviceId,
    locale: envelope.locale,
    submittedAt: envelope.submittedAt,
    dataSha512: await sha512Hex(dataBytes),
    attachments: [],
  };
  return {
    ...envelope,
    keyId: key.kid,
    data: await encryptJwe(dataBytes, publicKey, key.kid, 'json'),
    metadata: await encryptJsonJwe(metadata, publicKey, key.kid),
  };
}
