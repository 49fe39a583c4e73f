import { useRef, useState } from 'react';
import type { AttachmentLimits } from '../../../protocol/attachments.js';
import type { Office } from '../../../protocol/catalog.js';
import type { FieldError, FormDefinition } from '../../../protocol/forms.js';
import type { Locale } from '../../../protocol/i18n.js';
import { isQuotaExceeded, type DraftStore, type KioskDatabase } from '../storage/index.js';
import type { OfficeKeyPins } from '../../../kiosk-config/fleet/office-keys.js';
import { announceOfficeKeyRefusal } from '../fleet/office-key-policy.js';
import { AttachmentRefused, OfficeKeyRefused, SubmissionInvalid, finalize } from './finalize.js';
import type { RefusedFile } from './submission.js';

/** Why nothing was stored: a known text for the citizen, or the file the limits refuse. */
export type SubmitFailure = 'submitFailed' | 'storageFull' | 'officeKeyRefused' | { refused: RefusedFile };

export type SubmitResult =
  | { ok: true; receipt: { id: string; trackingCode: string } }
  /** The application is incomplete: the fields to show the citizen again. */
  | { ok: false; errors: FieldError[] }
  | { ok: false; failure: SubmitFailure };

export interface Application {
  form: FormDefinition;
  office: Office | undefined;
  serviceId: string;
  locale: Locale;
  /** The answers as on screen, hidden ones included: the check decides what is sent. */
  answersAsShown: Record<string, unknown>;
}

export interface SubmitInput {
  db: KioskDatabase;
  drafts: DraftStore;
  limits: AttachmentLimits;
  /** The office keys the terminal may encrypt to (its own or a provider-signed config). */
  officeKeyPins: OfficeKeyPins | undefined;
  /** Roots a FIT-Connect destination key's certificate chain must lead to (installation config). */
  fitConnectRoots?: readonly string[] | undefined;
  /** Asks the outbox to send now (after a successful submit). */
  sendNow(): void;
}

export interface Submit {
  submitting: boolean;
  /** The last attempt's failure while the citizen is on the review; null after a new attempt. */
  failure: SubmitFailure | null;
  /** When the application was stored, for the receipt. */
  submittedAt: string;
  /** Checks the application once and stores it; null while an earlier submit is still underway. */
  submit(application: Application): Promise<SubmitResult | null>;
}

/**
 * The submit: the draft ends through DraftStore.finish, whose store step is finalize (one check
 * of answers and files, then sealing and one transaction that deletes the draft).
 */
export function useSubmit({
  db,
  drafts,
  limits,
  officeKeyPins,
  fitConnectRoots,
  sendNow,
}: SubmitInput): Submit {
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [submittedAt, setSubmittedAt] = useState('');
  const underway = useRef(false);

  const submit = async (application: Application): Promise<SubmitResult | null> => {
    if (underway.current) return null;
    underway.current = true;
    setSubmitting(true);
    setFailure(null);
    const result = await store(db, drafts, {
      ...application,
      attachmentLimits: limits,
      officeKeyPins,
      fitConnectRoots,
    });
    underway.current = false;
    setSubmitting(false);
    if ('failure' in result) setFailure(result.failure);
    if (result.ok) {
      setSubmittedAt(new Date().toISOString());
      sendNow();
    }
    return result;
  };

  return { submitting, failure, submittedAt, submit };
}

async function store(
  db: KioskDatabase,
  drafts: DraftStore,
  input: Parameters<typeof finalize>[1],
): Promise<SubmitResult> {
  try {
    return { ok: true, receipt: await drafts.finish(() => finalize(db, input)) };
  } catch (error) {
    if (error instanceof SubmissionInvalid) return { ok: false, errors: error.errors };
    if (error instanceof OfficeKeyRefused) {
      // The citizen gets a plain sentence; the fleet console gets the reason with the heartbeat.
      console.error('office key refused', error.message);
      announceOfficeKeyRefusal(error.message);
      return { ok: false, failure: 'officeKeyRefused' };
    }
    if (error instanceof AttachmentRefused) {
      const { problem, attachmentName, fieldId } = error;
      return { ok: false, failure: { refused: { problem, attachmentName, fieldId } } };
    }
    console.error('finalize failed', error);
    // Nothing was written (one transaction): the outbox is as it was, the answers stay on screen.
    return { ok: false, failure: isQuotaExceeded(error) ? 'storageFull' : 'submitFailed' };
  }
}
