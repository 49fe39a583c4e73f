import {
  attachmentProblem,
  type AttachmentLimits,
  type AttachmentProblem,
} from '../../../protocol/attachments.js';
import { attachmentIsSent, missingAttachments } from '../../../protocol/form-attachments.js';
import { errorsPerBox } from '../../../protocol/field-marks.js';
import {
  dropHiddenAnswers,
  normalizeAnswers,
  topField,
  validateFormData,
  type FieldError,
  type FieldErrorCode,
  type FormAnswers,
  type FormDefinition,
} from '../../../protocol/forms.js';

/** A draft file as the checks see it: which field it belongs to, what it is and how big. */
export interface DraftFile {
  fieldId?: string | undefined;
  name: string;
  mediaType: string;
  size: number;
}

/** One file the terminal's limits do not allow (the config may have changed since it was taken). */
export interface RefusedFile {
  problem: AttachmentProblem;
  attachmentName: string;
  fieldId: string | undefined;
}

export type SubmissionCheck<F extends DraftFile> =
  | { ok: true; answers: FormAnswers; files: F[] }
  | { ok: false; errors: FieldError[] }
  | { ok: false; refused: RefusedFile };

/** What a condition hides is neither checked nor sent. */
export function answersToSend(form: FormDefinition, answersAsShown: Record<string, unknown>): FormAnswers {
  return normalizeAnswers(dropHiddenAnswers(form.ui.fields, answersAsShown)) as FormAnswers;
}

/**
 * The one check of a whole application, on the answers as shown and the draft's files as stored:
 * the answers against the form's schema, the required photo and scan fields, then the terminal's
 * file limits for what goes out. On success it gives what is sealed: the answers and the files sent
 * (a hidden field's files are not).
 */
export function checkSubmission<F extends DraftFile>(
  form: FormDefinition,
  answersAsShown: Record<string, unknown>,
  files: readonly F[],
  limits: AttachmentLimits,
): SubmissionCheck<F> {
  const answers = answersToSend(form, answersAsShown);
  const errors = [
    ...validateFormData(form.schema, answers),
    ...missingAttachments(form, answersAsShown, files),
  ];
  if (errors.length > 0) return { ok: false, errors };
  const sent = files.filter((file) => attachmentIsSent(form, answersAsShown, file));
  for (const [index, file] of sent.entries()) {
    const problem = attachmentProblem(limits, file, index);
    if (problem) return { ok: false, refused: { problem, attachmentName: file.name, fieldId: file.fieldId } };
  }
  return { ok: true, answers, files: sent };
}

/** The problems of one step's fields, for "next": the step's answers and its required files. */
export function stepErrors(
  form: FormDefinition,
  answersAsShown: Record<string, unknown>,
  files: readonly DraftFile[],
  fields: readonly string[],
): Record<string, FieldErrorCode> {
  const errors = errorsPerBox(
    form.schema,
    validateFormData(form.schema, answersToSend(form, answersAsShown)),
  );
  return Object.fromEntries(
    [...errors, ...missingAttachments(form, answersAsShown, files, fields)]
      .filter((e) => fields.includes(topField(e.field)))
      .map((e) => [e.field, e.code]),
  );
}

/**
 * The problems of a whole application as the steps show them: one per box, so an empty address
 * group marks each of its boxes (errorsPerBox).
 */
export function errorsByPath(
  form: FormDefinition,
  errors: readonly FieldError[],
): Record<string, FieldErrorCode> {
  return Object.fromEntries(errorsPerBox(form.schema, errors).map((e) => [e.field, e.code]));
}

/** Where to send the citizen back to: the first step with a problem (the first step if none). */
export function firstStepWithError(form: FormDefinition, errors: readonly FieldError[]): number {
  const first = form.ui.steps.findIndex((step) =>
    errors.some((e) => step.fields.includes(topField(e.field))),
  );
  return Math.max(0, first);
}
