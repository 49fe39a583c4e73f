import type { AttachmentLimits, AttachmentProblem } from '../../../protocol/attachments.js';
import type { Office } from '../../../protocol/catalog.js';
import { isAttachmentWidget, type FieldError, type FormDefinition } from '../../../protocol/forms.js';
import type { Locale } from '../../../protocol/i18n.js';
import { makeTrackingCode } from '../../../protocol/tracking-code.js';
import type { OfficeKeyPins } from '../../../kiosk-config/fleet/office-keys.js';
import { sealApplication } from '../../shared/encryption/seal.js';
import { sealForFitConnect } from '../../shared/encryption/seal-fitconnect.js';
import { judgeDestinationKey } from '../fleet/destination-key-policy.js';
import { trustedSealingKey, type OfficeKeyVerdict } from '../fleet/office-key-policy.js';
import { draftAttachments, finalizeSubmission, type KioskDatabase } from '../storage/index.js';
import { checkSubmission } from './submission.js';
import { deliveryKeyFor } from '../storage/delivery-key-store.js';

export interface FinalizeInput {
  form: FormDefinition;
  office: Office | undefined;
  serviceId: string;
  locale: Locale;
  /** The answers as on screen: they decide what is sent and which photo fields are shown and required. */
  answersAsShown: Record<string, unknown>;
  attachmentLimits: AttachmentLimits;
  /** The office keys the terminal may encrypt to (its own or a provider-signed config). */
  officeKeyPins: OfficeKeyPins | undefined;
  /**
   * Roots (base64 DER) a FIT-Connect destination key's x5c chain must lead to: installation
   * config fitConnectRoots. Without them nothing is sealed for a FIT-Connect office.
   */
  fitConnectRoots?: readonly string[] | undefined;
  /** For the certificates' validity; the real clock unless a test sets one. */
  now?: () => Date;
}

/** The office key in the content is not one the terminal trusts: nothing is sealed or sent. */
export class OfficeKeyRefused extends Error {
  constructor(readonly verdict: Extract<OfficeKeyVerdict, { ok: false }>) {
    super(verdict.message);
    this.name = 'OfficeKeyRefused';
  }
}

/** The FIT-Connect destination key fails its x5c chain or its pin: nothing is sealed or sent. */
export class DestinationKeyRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DestinationKeyRefused';
  }
}

/** The draft is not a complete application: answers or required files are missing or wrong. */
export class SubmissionInvalid extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'SubmissionInvalid';
  }
}

/** Only required photo or scan files are missing (the draft changed since the screen was checked). */
export class AttachmentsMissing extends SubmissionInvalid {
  constructor(errors: FieldError[]) {
    super(errors);
    this.name = 'AttachmentsMissing';
  }
}

/** An attachment the limits do not allow (the config may have changed since it was taken). */
export class AttachmentRefused extends Error {
  constructor(
    readonly problem: AttachmentProblem,
    readonly attachmentName: string,
    readonly fieldId: string | undefined,
  ) {
    super(`attachment ${attachmentName}: ${problem}`);
    this.name = 'AttachmentRefused';
  }
}

/**
 * Turns the draft into an application in the outbox. The draft's files are read once and checked
 * once with the answers (session/submission.ts); then the answers and every file sent are
 * encrypted to the office's key — only to a key the terminal's pins vouch for — and stored, and
 * the draft and its photos deleted, in one transaction. The plaintext never reaches the disk as a
 * finalized application.
 */
export async function finalize(
  db: KioskDatabase,
  input: FinalizeInput,
): Promise<{ id: string; trackingCode: string }> {
  if (!input.office) throw new Error(`office ${input.form.officeId} is missing from the synced content`);
  const drafted = await draftAttachments(db);
  const check = checkSubmission(input.form, input.answersAsShown, drafted, input.attachmentLimits);
  if ('errors' in check) {
    const onlyFiles = check.errors.every((e) => {
      const ui = input.form.ui.fields[e.field];
      return ui !== undefined && isAttachmentWidget(ui.widget);
    });
    throw onlyFiles ? new AttachmentsMissing(check.errors) : new SubmissionInvalid(check.errors);
  }
  if ('refused' in check) {
    const { problem, attachmentName, fieldId } = check.refused;
    throw new AttachmentRefused(problem, attachmentName, fieldId);
  }
  const envelope = {
    id: crypto.randomUUID(),
    trackingCode: makeTrackingCode((bytes) => crypto.getRandomValues(bytes)),
    formId: input.form.id,
    formVersion: input.form.version,
    serviceId: input.serviceId,
    locale: input.locale,
    submittedAt: new Date().toISOString(),
  };
  const files = check.files.map((photo) => ({
    id: photo.id,
    name: photo.name,
    mediaType: photo.mediaType,
    bytes: photo.bytes,
    fieldId: photo.fieldId,
  }));
  let sealed: Awaited<ReturnType<typeof sealApplication>>;
  const destination = await deliveryKeyFor(db, input.office.id);
  if (destination) {
    // The destination's key only with a chain to a configured root and a pin for the office.
    const now = (input.now ?? (() => new Date()))();
    const verdict = await judgeDestinationKey(
      destination,
      input.fitConnectRoots ?? [],
      input.officeKeyPins,
      now,
    );
    if (!verdict.ok) throw new DestinationKeyRefused(verdict.message);
    const service = await db.services.get(input.serviceId);
    if (!service) throw new Error(`service ${input.serviceId} is missing from the synced content`);
    sealed = await sealForFitConnect(
      envelope,
      check.answers,
      { kid: verdict.kid, jwk: verdict.jwk },
      { form: input.form, service: { leikaKey: service.leikaKey, name: service.name.de } },
      files,
    );
  } else {
    // Before anything is sealed: a key the terminal's trusted config does not vouch for gets nothing.
    const trust = await trustedSealingKey(input.office, input.officeKeyPins);
    if (!trust.ok) throw new OfficeKeyRefused(trust);
    sealed = await sealApplication(envelope, check.answers, [trust.key], files);
  }
  const { request, attachments } = sealed;
  await finalizeSubmission(db, request, attachments);
  return { id: request.id, trackingCode: request.trackingCode };
}
