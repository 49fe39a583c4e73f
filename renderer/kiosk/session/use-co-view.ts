import { useMemo } from 'react';
import type { FieldUi, FormDefinition } from '../../../protocol/forms.js';
import { localize, type Locale } from '../../../protocol/i18n.js';
import type { CoviewSnapshot } from '../call/KioskCall.js';
import type { AnswerValue } from '../components/FormField.js';

/** The form as the citizen sees it, for the clerk's read-only co-view; null without an open form. */
export function useCoView(
  form: FormDefinition | undefined,
  screen: { name: string; stepIndex?: number },
  answers: Record<string, AnswerValue>,
  locale: Locale,
): CoviewSnapshot | null {
  return useMemo(
    () => (form ? coviewOf(form, screen, answers, locale) : null),
    [form, screen, answers, locale],
  );
}

export function coviewOf(
  form: FormDefinition,
  screen: { name: string; stepIndex?: number },
  answers: Record<string, AnswerValue>,
  locale: Locale,
): CoviewSnapshot {
  const stepIndex = screen.name === 'form' ? (screen.stepIndex ?? 0) : null;
  const step = stepIndex === null ? null : form.ui.steps[stepIndex];
  const fields = form.ui.steps.flatMap((s) => s.fields);
  return {
    title: localize(form.title, locale).text,
    step: step ? localize(step.title, locale).text : screen.name === 'review' ? 'review' : '',
    fields: fields
      .filter((name) => (answers[name] !== undefined && answers[name] !== '') || step?.fields.includes(name))
      .flatMap((name) => {
        const ui = form.ui.fields[name];
        return coviewEntries(ui, answers[name], ui ? localize(ui.label, locale).text : name, locale);
      }),
  };
}

/** One answer as label/value lines: groups and address entries line by line ("Anschrift › Straße"). */
function coviewEntries(
  ui: FieldUi | undefined,
  value: AnswerValue,
  label: string,
  locale: Locale,
): { label: string; value: string }[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => coviewEntries(ui?.item, item, `${label} ${index + 1}`, locale));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([name, inner]) => {
      const child = ui?.fields?.[name];
      return coviewEntries(
        child,
        inner,
        `${label} › ${child ? localize(child.label, locale).text : name}`,
        locale,
      );
    });
  }
  const shown = ui?.widget === 'choice' ? (ui.options?.find((o) => o.value === value)?.label ?? null) : null;
  return [{ label, value: shown ? localize(shown, locale).text : value === undefined ? '' : String(value) }];
}
