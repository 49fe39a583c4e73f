import type { ReactNode } from 'react';
import {
  isAttachmentWidget,
  soleNestedGroup,
  type FieldErrorCode,
  type FieldUi,
  type FormAnswer,
} from '../../../../protocol/forms.js';
import type { LocalizedText } from '../../../../protocol/i18n.js';
import { Button } from '../../../shared/ui/index.js';
import { localized } from '../../i18n/Localized.js';
import type { Texts } from '../../i18n/texts.js';

type Value = FormAnswer | undefined;

export interface GroupFieldProps {
  path: string;
  ui: FieldUi;
  property: Record<string, unknown>;
  value: Value;
  error: FieldErrorCode | undefined;
  locale: string;
  t: Texts;
  /** Every error of the form by path: a group shown as part of its outer group shows its own here. */
  errors?: Record<string, FieldErrorCode> | undefined;
  onChange(value: Value): void;
  renderField(args: {
    name: string;
    path: string;
    ui: FieldUi;
    property: Record<string, unknown>;
    required: boolean;
    value: Value;
    onChange(value: Value): void;
  }): ReactNode;
}

/**
 * A group of fields as a section of the step: a fieldset whose legend names it. A group that holds
 * only another group shows that group's fields in its own frame, the inner title below the legend,
 * so nesting six deep does not squeeze the fields into a narrow column; answers keep their nesting.
 */
export function GroupField(props: GroupFieldProps) {
  const { ui, locale, t, renderField } = props;
  let level: Level = {
    path: props.path,
    ui,
    property: props.property,
    value: props.value,
    onChange: props.onChange,
  };
  const inner: FieldUi[] = [];
  let error = props.error;
  for (let sole = soleNestedGroup(level.ui); sole; sole = soleNestedGroup(level.ui)) {
    const outer = level;
    const name = sole.name;
    const properties = (outer.property['properties'] ?? {}) as Record<string, Record<string, unknown>>;
    level = {
      path: `${outer.path}/${name}`,
      ui: sole.ui,
      property: properties[name] ?? {},
      value: isGroupAnswer(outer.value) ? outer.value[name] : undefined,
      onChange: (next) => outer.onChange(next === undefined ? undefined : { [name]: next }),
    };
    inner.push(sole.ui);
    error ??= props.errors?.[level.path];
  }
  const answers = isGroupAnswer(level.value) ? level.value : {};
  const properties = (level.property['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  const required = Array.isArray(level.property['required']) ? (level.property['required'] as string[]) : [];
  const { path, onChange } = level;
  return (
    <fieldset className="kiosk-section">
      <legend className="kiosk-section__title" {...localized(ui.label, locale)} />
      {ui.help && <p className="pop-field__help" {...localized(ui.help, locale)} />}
      {inner.map((group, index) => (
        <div key={index}>
          {group.label.de !== ui.label.de && (
            <p className="kiosk-section__subtitle" {...localized(group.label, locale)} />
          )}
          {group.help && <p className="pop-field__help" {...localized(group.help, locale)} />}
        </div>
      ))}
      {error && <p className="pop-field__error">{t.fieldErrors[error]}</p>}
      {Object.entries(level.ui.fields ?? {}).map(([name, child]) =>
        renderField({
          name,
          path: `${path}/${name}`,
          ui: child,
          property: properties[name] ?? {},
          required: required.includes(name),
          value: answers[name],
          onChange: (next) => {
            const others = Object.entries(answers).filter(([key]) => key !== name);
            onChange(Object.fromEntries(next === undefined ? others : [...others, [name, next]]));
          },
        }),
      )}
    </fieldset>
  );
}

interface Level {
  path: string;
  ui: FieldUi;
  property: Record<string, unknown>;
  value: Value;
  onChange(value: Value): void;
}

/** Something the citizen may give several times: numbered entries with add and remove buttons. */
export function RepeatField({
  path,
  ui,
  property,
  value,
  error,
  locale,
  t,
  onChange,
  renderField,
}: GroupFieldProps) {
  const item = ui.item;
  if (!item) return null;
  const min = typeof property['minItems'] === 'number' ? property['minItems'] : 0;
  const max = typeof property['maxItems'] === 'number' ? property['maxItems'] : 20;
  const stored = Array.isArray(value) ? value : [];
  const blank: FormAnswer = item.widget === 'group' ? {} : '';
  // Scans are kept by their entry's number ("kinder/1/urkunde"): only the last entry can go, so
  // no other entry's files move to a neighbour.
  const files = holdsFiles(item);
  const entries: FormAnswer[] = [...stored];
  while (entries.length < Math.max(min, 1)) entries.push(blank);
  return (
    <fieldset className="kiosk-section kiosk-repeat">
      <legend className="kiosk-section__title" {...localized(ui.label, locale)} />
      {error && <p className="pop-field__error">{t.fieldErrors[error]}</p>}
      {entries.map((entry, index) => (
        <div key={index} className="kiosk-repeat__entry">
          {renderField({
            name: String(index),
            path: `${path}/${index}`,
            ui: {
              ...item,
              label: item.widget === 'group' ? item.label : ownText(t.entry(index + 1), locale),
            },
            property: (property['items'] ?? {}) as Record<string, unknown>,
            required: index < min,
            value: entry,
            onChange: (next) => {
              const copy = [...entries];
              copy[index] = next ?? blank;
              onChange(copy);
            },
          })}
          {entries.length > Math.max(min, 1) && (!files || index === entries.length - 1) && (
            <Button
              aria-label={`${t.removeEntry}: ${t.entry(index + 1)}`}
              onClick={() => onChange(entries.filter((_, i) => i !== index))}
            >
              {t.removeEntry}
            </Button>
          )}
        </div>
      ))}
      {entries.length < max && <Button onClick={() => onChange([...entries, blank])}>{t.addEntry}</Button>}
    </fieldset>
  );
}

/** A kiosk text ("Entry 2") as a field label: it is in the citizen's language, not a German fallback. */
function ownText(text: string, locale: string): LocalizedText {
  return { de: text, [locale]: text };
}

function holdsFiles(ui: FieldUi): boolean {
  return (
    isAttachmentWidget(ui.widget) ||
    Object.values(ui.fields ?? {}).some(holdsFiles) ||
    (ui.item !== undefined && holdsFiles(ui.item))
  );
}

function isGroupAnswer(value: Value): value is { [name: string]: FormAnswer } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
