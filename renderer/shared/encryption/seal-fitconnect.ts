import type { FormAnswers } from '../../../protocol/forms.js';
import { buildFitConnectMetadata, submissionSchemaUri } from '../../../protocol/fitconnect/metadata.js';
import type { SubmissionRequest } from '../../../protocol/submission.js';
import { encryptJwe, encryptJsonJwe, importEncryptionKey, sha512Hex } from './jwe.js';
import type { PlainAttachment, SealedAttachment, SubmissionEnvelope } from './seal.js';

/** A FIT-Connect destination's encryption key, as the hub passed it on (checked by the caller). */
export interface DestinationKey {
  kid: string;
  jwk: JsonWebKey;
}

export interface FitConnectSealContext {
  form: { id: string; version: number; fimSchemaId?: string | undefined };
  service: { leikaKey: string; name: string };
}

/**
 * Seals an application for an office that receives through FIT-Connect: data (the answers as
 * JSON per the form's schema), a metadata record after FIT-Connect's metadata schema, and each
 * attachment, all as JWE to the destination's key. The hub forwards these unchanged.
 */
export async function sealForFitConnect(
  envelope: SubmissionEnvelope,
  answers: FormAnswers,
  key: DestinationKey,
  context: FitConnectSealContext,
  attachments: readonly PlainAttachment[],
): Promise<{ request: SubmissionRequest; attachments: SealedAttachment[] }> {
  const publicKey = await importEncryptionKey(key.jwk);
  const dataBytes = new TextEncoder().encode(JSON.stringify(answers));
  const sealed: SealedAttachment[] = [];
  const described = [];
  for (const attachment of attachments) {
    described.push({
      attachmentId: attachment.id,
      sha512: await sha512Hex(attachment.bytes),
      mimeType: attachment.mediaType,
      filename: attachment.name,
      ...(attachment.fieldId ? { description: attachment.fieldId } : {}),
    });
    sealed.push({ id: attachment.id, jwe: await encryptJwe(attachment.bytes, publicKey, key.kid) });
  }
  const metadata = buildFitConnectMetadata({
    submissionId: envelope.id,
    trackingCode: envelope.trackingCode,
    // Each application is a case of its own on our side; FIT-Connect assigns its caseId later.
    caseId: envelope.id,
    leikaKey: context.service.leikaKey,
    serviceName: context.service.name,
    schemaUri: submissionSchemaUri(context.form),
    dataSha512: await sha512Hex(dataBytes),
    applicationDate: envelope.submittedAt.slice(0, 10),
    attachments: described,
  });
  const request: SubmissionRequest = {
    ...envelope,
    keyId: key.kid,
    data: await encryptJwe(dataBytes, publicKey, key.kid, 'json'),
    metadata: await encryptJsonJwe(metadata, publicKey, key.kid),
    ...(sealed.length > 0 ? { attachments: sealed.map((a) => ({ id: a.id, length: a.jwe.length })) } : {}),
  };
  return { request, attachments: sealed };
}
