import { missingAttachments } from '../../../protocol/form-attachments.js';
import {
  normalizeAnswers,
  validateFormData,
  type FieldError,
  type FormAnswers,
  type FormDefinition,
} from '../../../protocol/forms.js';
import { SubmissionMetadata } from '../../../protocol/submission.js';
import { decryptJwe, decryptJsonJwe, sha512Hex } from './jwe.js';

export interface OpenedSubmission {
  answers: FormAnswers;
  metadata: SubmissionMetadata;
  /** Problems the clerk must see: a hash mismatch or answers the form does not allow. */
  problems: string[];
  fieldErrors: FieldError[];
  /** The exact decrypted bytes of the data, whose SHA-512 the metadata record names (for exports). */
  data?: Uint8Array<ArrayBuffer>;
}

/**
 * Decrypts an application in the clerk's browser and checks it: the data must hash to what the
 * metadata record says, the metadata must name the same form, and the answers must pass the
 * form's own validation, the metadata must name this very submission (id and tracking code), and
 * every required photo or scan field shown for these answers must have
 * its files (the hub cannot check what it cannot read: which field a file belongs to is sealed).
 */
export async function openSubmission(
  envelope: {
    id: string;
    trackingCode: string;
    formId: string;
    formVersion: number;
    data: string;
    metadata: string;
  },
  form: FormDefinition,
  privateKey: CryptoKey,
): Promise<OpenedSubmission> {
  const metadata = SubmissionMetadata.parse(await decryptJsonJwe(envelope.metadata, privateKey));
  const dataBytes = await decryptJwe(envelope.data, privateKey);
  const problems: string[] = [];
  if ((await sha512Hex(dataBytes)) !== metadata.dataSha512) {
    problems.push('The data does not match the SHA-512 hash in the metadata record.');
  }
  if (metadata.formId !== envelope.formId || metadata.formVersion !== envelope.formVersion) {
    problems.push('The metadata record names another form than the envelope.');
  }
  problems.push(...bindingProblems(metadata, envelope));
  const parsed: unknown = JSON.parse(new TextDecoder().decode(dataBytes));
  const answers =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (normalizeAnswers(parsed as Record<string, unknown>) as OpenedSubmission['answers'])
      : {};
  const fieldErrors = [
    ...validateFormData(form.schema, answers),
    ...missingAttachments(form, answers, metadata.attachments),
  ];
  return { answers, metadata, problems, fieldErrors, data: dataBytes };
}

/**
 * The envelope travels in clear, so whoever holds the hub could put one submission's JWEs under
 * another's id and tracking code; only the sealed record can say which submission it belongs to.
 */
export function bindingProblems(
  metadata: Pick<SubmissionMetadata, 'submissionId' | 'trackingCode'>,
  envelope: { id: string; trackingCode: string },
): string[] {
  if (metadata.submissionId === undefined || metadata.trackingCode === undefined) {
    return ['The metadata record does not name its submission; it cannot be matched to this envelope.'];
  }
  const problems: string[] = [];
  if (metadata.submissionId !== envelope.id) {
    problems.push(
      `The metadata record belongs to submission ${metadata.submissionId}, not to this envelope (${envelope.id}).`,
    );
  }
  if (metadata.trackingCode !== envelope.trackingCode) {
    problems.push(
      `The metadata record carries tracking code ${metadata.trackingCode}, not ${envelope.trackingCode} as the envelope.`,
    );
  }
  return problems;
}
