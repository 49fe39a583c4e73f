import {
  attachmentProblem,
  type AttachmentLimits,
  type AttachmentProblem,
} from '../../../protocol/attachments.js';
import type { Office } from '../../../protocol/catalog.js';
import { attachmentIsSent, missingAttachments } from '../../../protocol/form-attachments.js';
import type { FieldError, FormAnswers, FormDefinition } from '../../../protocol/forms.js';
import type { Locale } from '../../../protocol/i18n.js';
import { makeTrackingCode } from '../../../protocol/tracking-code.js';
import type { OfficeKeyPins } from '../../../kiosk-config/fleet/office-keys.js';
import { sealApplication } from '../../shared/encryption/seal.js';
import { trustedSealingKey, type OfficeKeyVerdict } from '../fleet/office-key-policy.js';
import { draftAttachments, finalizeSubmission, type KioskDatabase } from '../storage/index.js';

export interface FinalizeInput {
  form: FormDefinition;
  office: Office | undefined;
  serviceId: string;
  locale: Locale;
  answers: FormAnswers;
  /** The answers as on screen: they decide which photo fields are shown, required and sent. */
  answersAsShown: Record<string, unknown>;
  attachmentLimits: AttachmentLimits;
  /** The office keys the terminal may encrypt to (its own or a provider-signed config). */
  officeKeyPins: OfficeKeyPins | undefined;
}

/** The office key in the content is not one the terminal trusts: nothing is sealed or sent. */
export class OfficeKeyRefused extends Error {
  constructor(readonly verdict: Extract<OfficeKeyVerdict, { ok: false }>) {
    super(verdict.message);
    this.name = 'OfficeKeyRefused';
  }
}

/** A required photo or scan field lacks files (the draft changed since the screen was checked). */
export class AttachmentsMissing extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'AttachmentsMissing';
  }
}

/** An attachment the limits do not allow (the config may have changed since it was taken). */
export class AttachmentRefused extends Error {
  constructor(
    readonly problem: AttachmentProblem,
    readonly attachmentName: string,
    readonly fieldId: string,
  ) {
    super(`attachment ${attachmentName}: ${problem}`);
    this.name = 'AttachmentRefused';
  }
}

/**
 * Turns a validated draft into an application in the outbox: the answers and every attachment
 * encrypted to the office's key first (only to a key the terminal's pins vouch for), then stored, then the draft and its photos are deleted in
 * the same transaction. The plaintext never reaches the disk as a finalized application.
 */
export async function finalize(
  db: KioskDatabase,
  input: FinalizeInput,
): Promise<{ id: string; trackingCode: string }> {
  if (!input.office) throw new Error(`office ${input.form.officeId} is missing from the synced content`);
  const drafted = await draftAttachments(db);
  const missing = missingAttachments(input.form, input.answersAsShown, drafted);
  if (missing.length > 0) throw new AttachmentsMissing(missing);
  // The files of a photo field hidden by its condition are deleted with the draft, not sent.
  const photos = drafted.filter((photo) => attachmentIsSent(input.form, input.answersAsShown, photo));
  photos.forEach((photo, index) => {
    const problem = attachmentProblem(input.attachmentLimits, photo, index);
    if (problem) throw new AttachmentRefused(problem, photo.name, photo.fieldId);
  });
  // Before anything is sealed: a key the terminal's trusted config does not vouch for gets nothing.
  const trust = await trustedSealingKey(input.office, input.officeKeyPins);
  if (!trust.ok) throw new OfficeKeyRefused(trust);
  const { request, attachments } = await sealApplication(
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
    [trust.key],
    photos.map((photo) => ({
      id: photo.id,
      name: photo.name,
      mediaType: photo.mediaType,
      bytes: photo.bytes,
      fieldId: photo.fieldId,
    })),
  );
  await finalizeSubmission(db, request, attachments);
  return { id: request.id, trackingCode: request.trackingCode };
}
