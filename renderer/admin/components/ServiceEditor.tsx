import { useState, type FormEvent } from 'react';
import type { Category, Office } from '../../../protocol/catalog.js';
import { LOCALES, type Locale } from '../../../protocol/i18n.js';
import { Button, Field } from '../../shared/ui/index.js';
import {
  emptyLanguageTexts,
  furtherLanguages,
  previewService,
  type LanguageTexts,
  type ServiceDraft,
} from '../drafts.js';
import type { AdminTexts } from '../texts.js';
import { ServicePreviewFrame } from './ServicePreviewFrame.js';

export interface ServiceEditorProps {
  t: AdminTexts;
  initial: ServiceDraft;
  creating: boolean;
  offices: Office[];
  categories: Category[];
  busy: boolean;
  /** The time the preview shows as "updated" (the console's clock). */
  now: string;
  onSave: (draft: ServiceDraft) => void;
  onCancel: () => void;
}

const LONG: readonly (keyof LanguageTexts)[] = ['longText', 'requiredDocuments', 'prerequisites'];
const TEXT_KEYS: readonly (keyof LanguageTexts)[] = [
  'name',
  'shortText',
  'longText',
  'requiredDocuments',
  'prerequisites',
  'processingTime',
  'deadlines',
];

/** A service description in German and further languages, beside the kiosk's preview of it. */
export function ServiceEditor({
  t,
  initial,
  creating,
  offices,
  categories,
  busy,
  now,
  onSave,
  onCancel,
}: ServiceEditorProps) {
  const [draft, setDraft] = useState(initial);
  const [language, setLanguage] = useState<string>('de');
  const texts = draft.texts[language] ?? emptyLanguageTexts();
  const present = Object.keys(draft.texts);
  const further = furtherLanguages(LOCALES, present);
  const heading = creating
    ? t.services.createHeading
    : t.services.editHeading(initial.texts['de']?.name ?? initial.id);
  const setText = (key: keyof LanguageTexts, value: string) =>
    setDraft({ ...draft, texts: { ...draft.texts, [language]: { ...texts, [key]: value } } });
  const plain = (key: 'id' | 'leikaKey' | 'formId' | 'keywords', inputMode?: 'numeric') => (
    <Field label={t.services[key]}>
      {(p) => (
        <input
          {...p}
          className="pop-input"
          inputMode={inputMode}
          value={draft[key]}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        />
      )}
    </Field>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(draft);
  };
  const previewLocale: Locale = (LOCALES as readonly string[]).includes(language)
    ? (language as Locale)
    : 'de';
  return (
    <div className="admin-service-editor">
      <form className="admin-form admin-form--wide" onSubmit={submit} aria-label={heading}>
        <h3>{heading}</h3>
        {creating && plain('id')}
        {plain('leikaKey', 'numeric')}
        <Field label={t.services.office}>
          {(p) => (
            <select
              {...p}
              className="pop-input"
              value={draft.officeId}
              onChange={(e) => setDraft({ ...draft, officeId: e.target.value })}
            >
              {offices.map((office) => (
                <option key={office.id} value={office.id}>
                  {office.name.de}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.services.category}>
          {(p) => (
            <select
              {...p}
              className="pop-input"
              value={draft.categoryId}
              onChange={(e) => setDraft({ ...draft, categoryId: e.target.value })}
            >
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name.de}
                </option>
              ))}
            </select>
          )}
        </Field>
        {plain('formId')}
        <Field label={t.services.legalBasis}>
          {(p) => (
            <textarea
              {...p}
              className="pop-input"
              rows={2}
              value={draft.legalBasis}
              onChange={(e) => setDraft({ ...draft, legalBasis: e.target.value })}
            />
          )}
        </Field>
        {plain('keywords')}
        <fieldset className="admin-languages">
          <legend>{t.services.language}</legend>
          <div className="admin-actions" role="group" aria-label={t.services.language}>
            {present.map((locale) => (
              <Button key={locale} aria-pressed={locale === language} onClick={() => setLanguage(locale)}>
                {t.services.languages[locale] ?? locale}
              </Button>
            ))}
          </div>
          {further.length > 0 && (
            <Field label={t.services.addLanguage}>
              {(p) => (
                <select
                  {...p}
                  className="pop-input"
                  value=""
                  onChange={(e) => {
                    const locale = e.target.value;
                    if (!locale) return;
                    setDraft({ ...draft, texts: { ...draft.texts, [locale]: emptyLanguageTexts() } });
                    setLanguage(locale);
                  }}
                >
                  <option value="">–</option>
                  {further.map((locale) => (
                    <option key={locale} value={locale}>
                      {t.services.languages[locale] ?? locale}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {language !== 'de' && <p className="admin-hint">{t.services.listNote}</p>}
          {TEXT_KEYS.map((key) => (
            <Field
              key={`${language}-${key}`}
              label={`${t.services[key]} (${t.services.languages[language] ?? language})`}
            >
              {(p) =>
                LONG.includes(key) ? (
                  <textarea
                    {...p}
                    className="pop-input"
                    rows={key === 'longText' ? 6 : 3}
                    lang={language}
                    dir={language === 'ar' ? 'rtl' : 'ltr'}
                    value={texts[key]}
                    onChange={(e) => setText(key, e.target.value)}
                  />
                ) : (
                  <input
                    {...p}
                    className="pop-input"
                    lang={language}
                    dir={language === 'ar' ? 'rtl' : 'ltr'}
                    value={texts[key]}
                    onChange={(e) => setText(key, e.target.value)}
                  />
                )
              }
            </Field>
          ))}
        </fieldset>
        <div className="admin-actions">
          <Button variant="primary" type="submit" busy={busy}>
            {t.services.save}
          </Button>
          <Button onClick={onCancel}>{t.services.cancel}</Button>
        </div>
      </form>
      <section className="admin-preview-pane" aria-label={t.services.preview}>
        <h3>{t.services.preview}</h3>
        <ServicePreviewFrame
          title={t.services.previewFrame(draft.texts['de']?.name || draft.id)}
          service={previewService(draft, now)}
          office={offices.find((office) => office.id === draft.officeId)}
          locale={previewLocale}
        />
      </section>
    </div>
  );
}
