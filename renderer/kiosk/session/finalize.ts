import type { Office } from '../../../protocol/catalog.js';
import type { FormAnswers, FormDefinition } from '../../../protocol/forms.js';
import type { Locale } from '../../../protocol/i18n.js';
import { makeTrackingCode } from '../../../protocol/tracking-code.js';
import { sealSubmission } from '../../shared/encryption/seal.js';
import { finalizeSubmission, type KioskDatabase } from '../storage/index.js';

export interface FinalizeInput {
  form: FormDefinition;
  office: Office | undefined;
  serviceId: string;
  locale: Locale;
  answers: FormAnswers;
}

/**
 * Turns a validated draft into an application in the outbox: encrypted to the office's key
 * first, then stored, then the draft is deleted in the same transaction. The plaintext never
 * reaches the disk as a finalized application.
 */
export async function finalize(
  db: KioskDatabase,
  input: FinalizeInput,
): Promise<{ id: string; trackingCode: string }> {
  if (!input.office) throw new Error(`office ${input.form.officeId} is missing from the synced content`);
  const request = await sealSubmission(
    {
      id: crypto.randomUUID(),
      trackingCode: makeTrackingCode((bytes) => crypto.getRandomValues(bytes)),
      formId: input.form.id,
      formVersion: input.form.version,
      serviceId: input.serviceId,
      locale: input.locale,
      submittedAt: new Date().toISOString(),
    },
    input.answers,
    input.office.encryptionKeys,
  );
  await finalizeSubmission(db, request);
  return { id: request.id, trackingCode: request.trackingCode };
}
