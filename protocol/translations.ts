import { z } from 'zod';
import type { Service } from './catalog.js';
import type { FieldUi, FormDefinition } from './forms.js';
import { FALLBACK_LOCALE, Locale, type LocalizedText } from './i18n.js';

/**
 * Shared translations: a service description translated once for its LeiKa key, or a form for its
 * FIM schema id and version, serves every catalog on the hub that offers it. A catalog's own text
 * in a language wins. Each translation says whether a person or a machine made it; the kiosk
 * marks machine-made ones and those that are missing.
 */
export const TRANSLATION_ORIGINS = ['human', 'machine'] as const;
export const TranslationOrigin = z.enum(TRANSLATION_ORIGINS);
export type TranslationOrigin = z.infer<typeof TranslationOrigin>;

/** Per language of a service or form: who made the text the terminal shows (absent: not translated). */
export const TranslationOrigins = z.partialRecord(Locale, TranslationOrigin);
export type TranslationOrigins = z.infer<typeof TranslationOrigins>;

export const TranslationKind = z.enum(['service', 'form']);
export type TranslationKind = z.infer<typeof TranslationKind>;

const Text = z.string().min(1).max(20_000);

/** The texts of a service description in one language; lists in the order of the German ones. */
export const ServiceTranslationTexts = z.strictObject({
  name: Text,
  shortText: Text.optional(),
  longText: Text.optional(),
  processingTime: Text.optional(),
  deadlines: Text.optional(),
  requiredDocuments: z.array(Text).max(200).optional(),
  prerequisites: z.array(Text).max(200).optional(),
  fees: z.array(Text).max(200).optional(),
});
export type ServiceTranslationTexts = z.infer<typeof ServiceTranslationTexts>;

/** The texts of a form in one language: steps by id, fields by path ("anschrift/ort"). */
export const FormTranslationTexts = z.strictObject({
  title: Text,
  description: Text.optional(),
  steps: z.record(z.string().max(200), Text).optional(),
  fields: z
    .record(
      z.string().max(400),
      z.strictObject({
        label: Text.optional(),
        help: Text.optional(),
        options: z.record(z.string().max(100), Text).optional(),
      }),
    )
    .optional(),
});
export type FormTranslationTexts = z.infer<typeof FormTranslationTexts>;

/** A LeiKa key (14 digits) for a service; "S00000094@1.0" (FIM schema id @ version) for a form. */
export const LEIKA_KEY = /^\d{14}$/;
export const FIM_FORM_KEY = /^[A-Z]\d{2,20}@[0-9A-Za-z.-]{1,20}$/;

export const SharedTranslationFields = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('service'), origin: TranslationOrigin, texts: ServiceTranslationTexts }),
  z.strictObject({ kind: z.literal('form'), origin: TranslationOrigin, texts: FormTranslationTexts }),
]);
export type SharedTranslationFields = z.infer<typeof SharedTranslationFields>;

export const SharedTranslation = z.object({
  kind: TranslationKind,
  key: z.string(),
  locale: Locale,
  origin: TranslationOrigin,
  texts: z.union([ServiceTranslationTexts, FormTranslationTexts]),
  updatedAt: z.string(),
});
export type SharedTranslation = z.infer<typeof SharedTranslation>;

/** The key a form's shared translations go by: its FIM schema id and version, if imported from FIM. */
export function formTranslationKey(form: Pick<FormDefinition, 'fimSchema'>): string | undefined {
  return form.fimSchema ? `${form.fimSchema.id}@${form.fimSchema.version}` : undefined;
}

type Translations = readonly Pick<SharedTranslation, 'locale' | 'origin' | 'texts'>[];

function withText(text: LocalizedText, locale: string, value: string | undefined): LocalizedText {
  if (value === undefined || (text[locale] ?? '') !== '') return text;
  return { ...text, [locale]: value };
}

/** The languages a document carries on its own (the catalog's own translations), German aside. */
function ownLocales(texts: LocalizedText[]): Set<string> {
  const own = new Set<string>();
  for (const text of texts)
    for (const [locale, value] of Object.entries(text))
      if (value && locale !== FALLBACK_LOCALE) own.add(locale);
  return own;
}

/**
 * A service with the shared translations of its LeiKa key filled in where the catalog has no text
 * of its own in that language, and `translationOrigins` saying who made each language's text.
 */
export function mergeServiceTranslations(service: Service, translations: Translations): Service {
  const origins: TranslationOrigins = {};
  for (const locale of ownLocales([service.name])) origins[locale as Locale] = 'human';
  let merged: Service = service;
  for (const { locale, origin, texts } of translations) {
    if (locale === FALLBACK_LOCALE || (service.name[locale] ?? '') !== '') continue;
    const t = texts as ServiceTranslationTexts;
    const list = (items: LocalizedText[], values: string[] | undefined) =>
      items.map((item, i) => withText(item, locale, values?.[i]));
    merged = {
      ...merged,
      name: withText(merged.name, locale, t.name),
      shortText: withText(merged.shortText, locale, t.shortText),
      longText: withText(merged.longText, locale, t.longText),
      processingTime: withText(merged.processingTime, locale, t.processingTime),
      ...(merged.deadlines ? { deadlines: withText(merged.deadlines, locale, t.deadlines) } : {}),
      requiredDocuments: list(merged.requiredDocuments, t.requiredDocuments),
      prerequisites: list(merged.prerequisites, t.prerequisites),
      fees: merged.fees.map((fee, i) => ({
        ...fee,
        description: withText(fee.description, locale, t.fees?.[i]),
      })),
    };
    origins[locale] = origin;
  }
  if (merged === service) return service; // nothing shared applies: the catalog's document as it is
  return { ...merged, translationOrigins: { ...origins, ...service.translationOrigins } };
}

function mergeField(ui: FieldUi, path: string, locale: string, t: FormTranslationTexts): FieldUi {
  const own = t.fields?.[path];
  const next: FieldUi = {
    ...ui,
    label: withText(ui.label, locale, own?.label),
    ...(ui.help ? { help: withText(ui.help, locale, own?.help) } : {}),
    ...(ui.options
      ? {
          options: ui.options.map((o) => ({
            ...o,
            label: withText(o.label, locale, own?.options?.[o.value]),
          })),
        }
      : {}),
  };
  if (ui.fields)
    next.fields = Object.fromEntries(
      Object.entries(ui.fields).map(([name, child]) => [
        name,
        mergeField(child, `${path}/${name}`, locale, t),
      ]),
    );
  if (ui.item) next.item = mergeField(ui.item, path, locale, t);
  return next;
}

/** A form with the shared translations of its FIM schema version, like mergeServiceTranslations. */
export function mergeFormTranslations(form: FormDefinition, translations: Translations): FormDefinition {
  const origins: TranslationOrigins = {};
  for (const locale of ownLocales([form.title])) origins[locale as Locale] = 'human';
  let merged: FormDefinition = form;
  for (const { locale, origin, texts } of translations) {
    if (locale === FALLBACK_LOCALE || (form.title[locale] ?? '') !== '') continue;
    const t = texts as FormTranslationTexts;
    merged = {
      ...merged,
      title: withText(merged.title, locale, t.title),
      description: withText(merged.description, locale, t.description),
      ui: {
        steps: merged.ui.steps.map((step) => ({
          ...step,
          title: withText(step.title, locale, t.steps?.[step.id]),
        })),
        fields: Object.fromEntries(
          Object.entries(merged.ui.fields).map(([name, ui]) => [name, mergeField(ui, name, locale, t)]),
        ),
      },
    };
    origins[locale] = origin;
  }
  if (merged === form) return form;
  return { ...merged, translationOrigins: { ...origins, ...form.translationOrigins } };
}

/** Per language: how many of the hub's services and forms are translated, by whom, and how many not. */
export const LanguageCoverage = z.object({
  locale: Locale,
  services: z.object({ human: z.number().int(), machine: z.number().int(), missing: z.number().int() }),
  forms: z.object({ human: z.number().int(), machine: z.number().int(), missing: z.number().int() }),
});
export type LanguageCoverage = z.infer<typeof LanguageCoverage>;
export const TranslationCoverage = z.object({
  services: z.number().int(),
  forms: z.number().int(),
  languages: z.array(LanguageCoverage),
});
export type TranslationCoverage = z.infer<typeof TranslationCoverage>;
export const TranslationList = z.object({ translations: z.array(SharedTranslation) });

/**
 * How a service or form reads in a language: the German source, translated by a person or by a
 * machine, or missing (the kiosk shows German with a note). Own texts without a stated origin
 * count as made by people.
 */
export function translationState(
  text: LocalizedText,
  origins: TranslationOrigins | undefined,
  locale: string,
): 'source' | TranslationOrigin | 'missing' {
  if (locale === FALLBACK_LOCALE) return 'source';
  if ((text[locale] ?? '') === '') return 'missing';
  return origins?.[locale as Locale] ?? 'human';
}
