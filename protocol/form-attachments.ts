import {
  isAttachmentWidget,
  isVisible,
  requiredAttachmentCount,
  type FieldError,
  type FieldUi,
  type FormStep,
} from './forms.js';

interface FormShape {
  ui: { steps: FormStep[]; fields: Record<string, FieldUi> };
}

/**
 * The photo and scan fields that lack files: a field with `minCount` that is shown for these
 * answers and holds fewer attachments. `required` when it has none, `tooFew` when it has some;
 * in step order, limited to `fields` when given (one step's fields). A photo field has no schema
 * property, so this is the counterpart of `validateFormData` for attachments.
 */
export function missingAttachments(
  form: FormShape,
  answers: Record<string, unknown>,
  attachments: readonly { fieldId?: string | undefined }[],
  fields: readonly string[] = form.ui.steps.flatMap((step) => step.fields),
): FieldError[] {
  const errors: FieldError[] = [];
  for (const name of fields) {
    const ui = form.ui.fields[name];
    if (!ui || !isAttachmentWidget(ui.widget) || ui.minCount === undefined) continue;
    if (!isVisible(ui, answers)) continue;
    const have = attachments.filter((a) => a.fieldId === name).length;
    if (have >= ui.minCount) continue;
    errors.push({
      field: name,
      code: have === 0 ? 'required' : 'tooFew',
      message: `${name} needs at least ${ui.minCount} ${ui.widget === 'scan' ? 'scan' : 'photo'}${ui.minCount === 1 ? '' : 's'}, has ${have}`,
    });
  }
  return errors;
}

/**
 * Whether a draft attachment goes out with the application: not when its photo field is hidden by
 * its condition (what is not shown is not sent, as for answers). A file of a field the form does
 * not know is kept, so nothing the citizen chose to attach disappears silently.
 */
export function attachmentIsSent(
  form: FormShape,
  answers: Record<string, unknown>,
  attachment: { fieldId?: string | undefined },
): boolean {
  const ui = attachment.fieldId === undefined ? undefined : form.ui.fields[attachment.fieldId];
  return !ui || isVisible(ui, answers);
}

/**
 * Whether a terminal with these limits can take every file the form may require. The rule holds
 * at every border: a form may require at most the hub's ceiling (protocol/forms.ts), hub seeding
 * and the provider CLI warn about forms and terminals that do not fit, and a kiosk offers a form
 * that does not fit its limits for the office or a video call instead of starting it.
 */
export function formFitsAttachmentLimits(
  form: { ui: { fields: Record<string, FieldUi> } },
  limits: { maxCount: number },
): boolean {
  return requiredAttachmentCount(form) <= limits.maxCount;
}

/**
 * How many more files `fieldId` may take (`left`): the terminal's `maxCount`, less the files that
 * go out with the application, less those the other shown fields still require (`reserved`). So
 * optional pictures never use up the room a required document needs.
 */
export function attachmentRoom(
  form: FormShape,
  answers: Record<string, unknown>,
  attachments: readonly { fieldId?: string | undefined }[],
  fieldId: string,
  maxCount: number,
): { left: number; reserved: number } {
  const sent = attachments.filter((a) => attachmentIsSent(form, answers, a));
  let reserved = 0;
  for (const name of form.ui.steps.flatMap((step) => step.fields)) {
    const ui = form.ui.fields[name];
    if (name === fieldId || !ui || !isAttachmentWidget(ui.widget) || !isVisible(ui, answers)) continue;
    const have = sent.filter((a) => a.fieldId === name).length;
    reserved += Math.max(0, (ui.minCount ?? 0) - have);
  }
  return { left: Math.max(0, maxCount - sent.length - reserved), reserved };
}
