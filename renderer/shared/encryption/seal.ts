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

/** A document photo or scan as the citizen left it in the draft. */
export interface PlainAttachment {
  id: string;
  name: string;
  mediaType: string;
  bytes: Uint8Array<ArrayBuffer>;
  fieldId?: string | undefined;
}

/** One attachment as it travels: a JWE compact of its own, to the same key as the answers. */
export interface SealedAttachment {
  id: string;
  jwe: string;
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
  return (await sealApplication(envelope, answers, officeKeys, [])).request;
}

/**
 * The same with attachments: each is encrypted separately (its header names no media type, so
 * the hub learns only its length), and the metadata record holds its name, type, size and the
 * SHA-512 of its plaintext, which the clerk's console checks after decrypting.
 */
export async function sealApplication(
  envelope: SubmissionEnvelope,
  answers: FormAnswers,
  officeKeys: readonly OfficeKey[],
  attachments: readonly PlainAttachment[],
): Promise<{ request: SubmissionRequest; attachments: SealedAttachment[] }> {
  const key = currentKey(officeKeys);
  const publicKey = await importEncryptionKey(key.jwk as JsonWebKey);
  const dataBytes = new TextEncoder().encode(JSON.stringify(answers));
  const metadata: SubmissionMetadata = {
    submissionId: envelope.id,
    trackingCode: envelope.trackingCode,
    formId: envelope.formId,
    formVersion: envelope.formVersion,
    serviceId: envelope.serviceId,
    locale: envelope.locale,
    submittedAt: envelope.submittedAt,
    dataSha512: await sha512Hex(dataBytes),
    attachments: [],
  };
  const sealed: SealedAttachment[] = [];
  for (const attachment of attachments) {
    metadata.attachments.push({
      id: attachment.id,
      name: attachment.name,
      mediaType: attachment.mediaType,
      size: attachment.bytes.byteLength,
      sha512: await sha512Hex(attachment.bytes),
      ...(attachment.fieldId ? { fieldId: attachment.fieldId } : {}),
    });
    sealed.push({ id: attachment.id, jwe: await encryptJwe(attachment.bytes, publicKey, key.kid) });
  }
  const request: SubmissionRequest = {
    ...envelope,
    keyId: key.kid,
    data: await encryptJwe(dataBytes, publicKey, key.kid, 'json'),
    metadata: await encryptJsonJwe(metadata, publicKey, key.kid),
    ...(sealed.length > 0 ? { attachments: sealed.map((a) => ({ id: a.id, length: a.jwe.length })) } : {}),
  };
  return { request, attachments: sealed };
}
