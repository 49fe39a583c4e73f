import { isAttachmentWidget, isVisible, type FieldError, type FieldUi, type FormStep } from './forms.js';

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
