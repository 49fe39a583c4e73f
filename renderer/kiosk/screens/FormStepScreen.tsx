import { useEffect, useRef } from 'react';
import {
  isAttachmentWidget,
  isVisible,
  topField,
  type FieldErrorCode,
  type FieldUi,
} from '../../../protocol/forms.js';
import { localize } from '../../../protocol/i18n.js';
import { isRequired, isRequiredWithin } from '../../../protocol/required-when.js';
import { translationState } from '../../../protocol/translations.js';
import { Button, StatusMessage } from '../../shared/ui/index.js';
import type { AttachmentLimits, AttachmentProblem } from '../../../protocol/attachments.js';
import { attachmentRoom, fieldAttachmentLimits } from '../../../protocol/form-attachments.js';
import { AttachmentField, type CapturedFile } from '../components/fields/AttachmentField.js';
import { FormField, type AnswerValue } from '../components/FormField.js';
import type { DraftAttachment } from '../storage/index.js';
import { localized } from '../i18n/Localized.js';
import type { Texts } from '../i18n/texts.js';
import type { StoredForm } from '../storage/index.js';
import { CITIZEN_AUTOCOMPLETE } from '../components/fields/autocomplete.js';

export interface FormStepScreenProps {
  t: Texts;
  locale: string;
  form: StoredForm;
  stepIndex: number;
  answers: Record<string, AnswerValue>;
  errors: Record<string, FieldErrorCode>;
  /** A problem that does not stop the citizen (e.g. the draft could not be saved), or null. */
  notice?: string | null;
  onChange(name: string, value: AnswerValue): void;
  /** Photo and scan fields: the draft's attachments and how to add or remove one. */
  attachments?: AttachmentControls | undefined;
  onNext(): void;
  onBack(): void;
}

export interface AttachmentControls {
  items: readonly DraftAttachment[];
  limits: AttachmentLimits;
  onAdd(fieldId: string, file: CapturedFile): Promise<AttachmentProblem | null>;
  onRemove(id: string): void;
  camera?: { beginCapture(): Promise<void>; endCapture(): Promise<void> } | undefined;
}

/** One step of a form, with a progress line and messages next to the fields. */
export function FormStepScreen({
  t,
  locale,
  form,
  stepIndex,
  answers,
  errors,
  notice = null,
  onChange,
  attachments,
  onNext,
  onBack,
}: FormStepScreenProps) {
  const step = form.ui.steps[stepIndex];
  const headingRef = useRef<HTMLHeadingElement>(null);
  const errorCount = step
    ? Object.keys(errors).filter((path) => step.fields.includes(topField(path))).length
    : 0;
  const fellBack = step ? step.fields.some((name) => untranslated(form.ui.fields[name], locale)) : false;
  useEffect(() => headingRef.current?.focus(), [stepIndex]);
  if (!step) return null;
  /** A photo or scan field, in the step or inside a group ("kinder/0/urkunde"): its files by that path. */
  const renderAttachment = (path: string, ui: FieldUi) =>
    attachments && isAttachmentWidget(ui.widget) ? (
      <AttachmentField
        key={path}
        name={path.replace(/\//g, '-')}
        ui={ui}
        kind={ui.widget}
        items={attachments.items.filter((item) => item.fieldId === path)}
        error={errors[path]}
        limits={fieldAttachmentLimits(attachments.limits, ui)}
        room={attachmentRoom(form, answers, attachments.items, path, attachments.limits.maxCount)}
        locale={locale}
        t={t}
        onAdd={(file) => attachments.onAdd(path, file)}
        onRemove={attachments.onRemove}
        camera={attachments.camera}
      />
    ) : null;
  const total = form.ui.steps.length + 1; // the review is the last step
  return (
    <main className="kiosk-page kiosk-form">
      <p className="kiosk-form__title" {...localized(form.title, locale)} />
      <div className="kiosk-progress">
        <span>{t.stepOf(stepIndex + 1, total)}</span>
        <progress max={total} value={stepIndex + 1} aria-label={t.stepOf(stepIndex + 1, total)} />
      </div>
      <h1 ref={headingRef} tabIndex={-1} {...localized(step.title, locale)} />
      {fellBack && <p className="kiosk-note">{t.fallbackNote}</p>}
      {translationState(form.title, form.translationOrigins, locale) === 'machine' && (
        <p className="kiosk-note">{t.machineTranslated}</p>
      )}
      {notice && <StatusMessage tone="warning">{notice}</StatusMessage>}
      {errorCount > 0 && <StatusMessage tone="error">{t.fixErrors(errorCount)}</StatusMessage>}
      <form
        noValidate
        autoComplete={CITIZEN_AUTOCOMPLETE}
        className="kiosk-form__fields"
        onSubmit={(event) => {
          event.preventDefault();
          onNext();
        }}
      >
        {step.fields.map((name) => {
          const ui = form.ui.fields[name];
          if (!ui) return null;
          if (isAttachmentWidget(ui.widget)) {
            // A photo field hidden by its condition is not shown, so it asks for nothing either.
            return isVisible(ui, answers) ? renderAttachment(name, ui) : null;
          }
          return (
            <FormField
              key={name}
              name={name}
              ui={ui}
              property={form.schema.properties[name] ?? {}}
              required={isRequired(form.schema, name, answers)}
              value={answers[name]}
              error={errors[name]}
              errors={errors}
              answers={answers}
              locale={locale}
              t={t}
              onChange={onChange}
              renderAttachment={renderAttachment}
              requiredAt={(path) => isRequiredWithin(form.schema, path, answers)}
            />
          );
        })}
        <div className="kiosk-actions">
          <Button size="large" onClick={onBack}>
            {t.back}
          </Button>
          <Button variant="primary" size="large" type="submit">
            {t.next}
          </Button>
        </div>
      </form>
    </main>
  );
}

function untranslated(ui: FieldUi | undefined, locale: string): boolean {
  if (!ui) return false;
  if (localize(ui.label, locale).fellBack || (ui.help && localize(ui.help, locale).fellBack)) return true;
  return (
    Object.values(ui.fields ?? {}).some((child) => untranslated(child, locale)) ||
    untranslated(ui.item, locale)
  );
}
