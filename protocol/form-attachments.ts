import {
  isAttachmentWidget,
  isVisible,
  normalizeAnswers,
  requiredAttachmentCount,
  topField,
  type FieldError,
  type FieldUi,
  type FormJsonSchema,
  type FormStep,
} from './forms.js';
import type { AttachmentLimits } from './attachments.js';
import { isRequired } from './required-when.js';

interface FormShape {
  ui: { steps: FormStep[]; fields: Record<string, FieldUi> };
  /** With the schema, a scan inside an optional group asks for files only once the group is answered. */
  schema?: FormJsonSchema | undefined;
}

/** A place that takes files: a photo or scan field, with its path ("group/0/scan" inside groups). */
export interface AttachmentSlot {
  path: string;
  ui: FieldUi;
  /** Shown for these answers: every group on the way and the field itself are visible. */
  shown: boolean;
  /** Shown, with a minCount, and every group on the way is required or answered. */
  required: boolean;
}

/**
 * Every photo and scan field of the form for these answers, in step order: top-level fields,
 * fields inside groups, and one per entry of a repeatable (the entries the answers hold, at least
 * the minimum and one, as the kiosk shows them).
 */
export function attachmentSlots(form: FormShape, answers: Record<string, unknown>): AttachmentSlot[] {
  const slots: AttachmentSlot[] = [];
  const normalized = normalizeAnswers(answers);
  const visit = (
    ui: FieldUi,
    property: Record<string, unknown> | undefined,
    path: string,
    value: unknown,
    normalizedValue: unknown,
    shown: boolean,
    needed: boolean,
  ) => {
    const visible = shown && isVisible(ui, answers);
    if (isAttachmentWidget(ui.widget)) {
      slots.push({ path, ui, shown: visible, required: visible && needed && ui.minCount !== undefined });
      return;
    }
    if (ui.fields) {
      const properties = (property?.['properties'] ?? {}) as Record<string, Record<string, unknown>>;
      const required = Array.isArray(property?.['required']) ? (property['required'] as string[]) : [];
      for (const [name, child] of Object.entries(ui.fields)) {
        const childPath = `${path}/${name}`;
        const childNeeded =
          needed &&
          (isAttachmentWidget(child.widget) ||
            required.includes(name) ||
            field(normalizedValue, name) !== undefined ||
            (form.schema !== undefined && isRequired(form.schema, childPath, answers)));
        visit(
          child,
          properties[name],
          childPath,
          field(value, name),
          field(normalizedValue, name),
          visible,
          childNeeded,
        );
      }
    } else if (ui.item) {
      const items = Array.isArray(value) ? value : [];
      const answered = Array.isArray(normalizedValue) ? normalizedValue.length : 0;
      const min = typeof property?.['minItems'] === 'number' ? property['minItems'] : 0;
      const count = Math.max(items.length, min, 1);
      const itemSchema = property?.['items'] as Record<string, unknown> | undefined;
      for (let index = 0; index < count; index++) {
        const entryNeeded = needed && (index < min || index < answered);
        visit(
          ui.item,
          itemSchema,
          `${path}/${index}`,
          items[index],
          items[index] === undefined ? undefined : normalizeAnswers({ v: items[index] })['v'],
          visible,
          entryNeeded,
        );
      }
    }
  };
  for (const name of form.ui.steps.flatMap((step) => step.fields)) {
    const ui = form.ui.fields[name];
    if (!ui) continue;
    const property = form.schema?.properties[name];
    const needed =
      isAttachmentWidget(ui.widget) ||
      form.schema === undefined ||
      form.schema.required.includes(name) ||
      normalized[name] !== undefined ||
      isRequired(form.schema, name, answers);
    visit(ui, property, name, answers[name], normalized[name], true, needed);
  }
  return slots;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

/**
 * The photo and scan fields that lack files: a field with `minCount` that is shown for these
 * answers and holds fewer attachments. `required` when it has none, `tooFew` when it has some;
 * in step order, limited to `fields` when given (one step's fields). A photo field has no schema
 * property, so this is the counterpart of `validateFormData` for attachments. Inside groups the
 * field is named by its path; a scan in an optional group counts once the group is answered.
 */
export function missingAttachments(
  form: FormShape,
  answers: Record<string, unknown>,
  attachments: readonly { fieldId?: string | undefined }[],
  fields: readonly string[] = form.ui.steps.flatMap((step) => step.fields),
): FieldError[] {
  const errors: FieldError[] = [];
  for (const slot of attachmentSlots(form, answers)) {
    const { ui, path } = slot;
    if (!slot.required || ui.minCount === undefined || !fields.includes(topField(path))) continue;
    const have = attachments.filter((a) => a.fieldId === path).length;
    if (have >= ui.minCount) continue;
    errors.push({
      field: path,
      code: have === 0 ? 'required' : 'tooFew',
      message: `${path} needs at least ${ui.minCount} ${ui.widget === 'scan' ? 'scan' : 'photo'}${ui.minCount === 1 ? '' : 's'}, has ${have}`,
    });
  }
  return errors;
}

/**
 * Whether a draft attachment goes out with the application: not when its photo field is hidden by
 * its condition (what is not shown is not sent, as for answers), nor when it belongs to an entry of
 * a repeatable that was removed. A file of a field the form does not know is kept, so nothing the
 * citizen chose to attach disappears silently.
 */
export function attachmentIsSent(
  form: FormShape,
  answers: Record<string, unknown>,
  attachment: { fieldId?: string | undefined },
): boolean {
  if (attachment.fieldId === undefined || !knownAttachmentField(form, attachment.fieldId)) return true;
  return attachmentSlots(form, answers).some((slot) => slot.shown && slot.path === attachment.fieldId);
}

/** The photo or scan field a path names ("kinder/0/urkunde": entry numbers of repeatables included). */
export function attachmentField(
  form: { ui: { fields: Record<string, FieldUi> } },
  path: string,
): FieldUi | undefined {
  const [first, ...rest] = path.split('/');
  let ui: FieldUi | undefined = form.ui.fields[first ?? ''];
  for (let i = 0; i < rest.length && ui; i++) {
    const name = rest[i] ?? '';
    ui = ui.item && /^\d+$/.test(name) ? ui.item : ui.fields?.[name];
  }
  return ui !== undefined && isAttachmentWidget(ui.widget) ? ui : undefined;
}

function knownAttachmentField(form: FormShape, path: string): boolean {
  return attachmentField(form, path) !== undefined;
}

/**
 * The terminal's limits as one field narrows them: FIM's media types for the upload (those the
 * terminal also takes) and its largest size, never beyond the terminal's own.
 */
export function fieldAttachmentLimits(limits: AttachmentLimits, ui: FieldUi | undefined): AttachmentLimits {
  if (!ui) return limits;
  const allowed = ui.mediaTypes;
  const mediaTypes = allowed ? limits.mediaTypes.filter((type) => allowed.includes(type)) : limits.mediaTypes;
  return {
    ...limits,
    mediaTypes: mediaTypes.length > 0 ? mediaTypes : limits.mediaTypes,
    maxBytes: Math.min(limits.maxBytes, ui.maxBytes ?? limits.maxBytes),
  };
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
  const slots = attachmentSlots(form, answers);
  const sent = attachments.filter(
    (a) =>
      a.fieldId === undefined ||
      !knownAttachmentField(form, a.fieldId) ||
      slots.some((slot) => slot.shown && slot.path === a.fieldId),
  );
  let reserved = 0;
  for (const slot of slots) {
    if (slot.path === fieldId || !slot.shown) continue;
    const have = sent.filter((a) => a.fieldId === slot.path).length;
    reserved += Math.max(0, (slot.required ? (slot.ui.minCount ?? 0) : 0) - have);
  }
  return { left: Math.max(0, maxCount - sent.length - reserved), reserved };
}
