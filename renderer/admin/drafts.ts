import type { OfficeFields, ServiceFields } from '../../protocol/admin.js';
import type { Office, OpeningInterval, Service } from '../../protocol/catalog.js';
import type { Locale, LocalizedText } from '../../protocol/i18n.js';
import { isId } from '../../protocol/id.js';

/**
 * What the console's editors hold while an admin types: plain strings, one list item per line.
 * The hub checks everything again (and names the field it refuses); these only translate.
 */
export interface ServiceDraft {
  id: string;
  leikaKey: string;
  officeId: string;
  categoryId: string;
  formId: string;
  legalBasis: string;
  keywords: string;
  /** Per language: the texts of the description; German is required, the rest optional. */
  texts: Record<string, LanguageTexts>;
  /** Fees stay as they are (the editor shows them); a new service has none. */
  fees: Service['fees'];
  lifeSituationIds: string[];
}

export interface LanguageTexts {
  name: string;
  shortText: string;
  longText: string;
  requiredDocuments: string;
  prerequisites: string;
  processingTime: string;
  deadlines: string;
}

const TEXT_FIELDS = ['name', 'shortText', 'longText', 'processingTime'] as const;
type ListField = 'requiredDocuments' | 'prerequisites';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function emptyLanguageTexts(): LanguageTexts {
  return {
    name: '',
    shortText: '',
    longText: '',
    requiredDocuments: '',
    prerequisites: '',
    processingTime: '',
    deadlines: '',
  };
}

export function newServiceDraft(officeId: string, categoryId: string): ServiceDraft {
  return {
    id: '',
    leikaKey: '',
    officeId,
    categoryId,
    formId: '',
    legalBasis: '',
    keywords: '',
    texts: { de: emptyLanguageTexts() },
    fees: [],
    lifeSituationIds: [],
  };
}

/** The languages a service has any text in, German first. */
export function languagesOf(service: Service): string[] {
  const found = new Set<string>(['de']);
  const texts: LocalizedText[] = [
    service.name,
    service.shortText,
    service.longText,
    service.processingTime,
    ...(service.deadlines ? [service.deadlines] : []),
    ...service.requiredDocuments,
    ...service.prerequisites,
  ];
  for (const text of texts) for (const locale of Object.keys(text)) if (text[locale]) found.add(locale);
  return [...found];
}

export function serviceDraft(service: Service): ServiceDraft {
  const texts: Record<string, LanguageTexts> = {};
  for (const locale of languagesOf(service)) {
    texts[locale] = {
      name: service.name[locale] ?? '',
      shortText: service.shortText[locale] ?? '',
      longText: service.longText[locale] ?? '',
      processingTime: service.processingTime[locale] ?? '',
      deadlines: service.deadlines?.[locale] ?? '',
      requiredDocuments: service.requiredDocuments.map((item) => item[locale] ?? '').join('\n'),
      prerequisites: service.prerequisites.map((item) => item[locale] ?? '').join('\n'),
    };
  }
  return {
    id: service.id,
    leikaKey: service.leikaKey,
    officeId: service.officeId,
    categoryId: service.categoryId,
    formId: service.formId ?? '',
    legalBasis: service.legalBasis.join('\n'),
    keywords: service.keywords.join(', '),
    texts,
    fees: service.fees,
    lifeSituationIds: service.lifeSituationIds,
  };
}

/**
 * The fields to send. List items line up by position across languages: the German list decides
 * how many there are, a translation's nth line is the nth item's text in that language.
 */
export function serviceFields(draft: ServiceDraft): ServiceFields {
  const locales = Object.keys(draft.texts);
  const localized = (pick: (texts: LanguageTexts) => string): LocalizedText => {
    const text: LocalizedText = { de: pick(draft.texts['de'] ?? emptyLanguageTexts()).trim() };
    for (const locale of locales) {
      const value = pick(draft.texts[locale] ?? emptyLanguageTexts()).trim();
      if (locale !== 'de' && value) text[locale] = value;
    }
    return text;
  };
  const list = (field: ListField): LocalizedText[] =>
    lines(draft.texts['de']?.[field] ?? '').map((de, index) => {
      const item: LocalizedText = { de };
      for (const locale of locales) {
        const value = lines(draft.texts[locale]?.[field] ?? '')[index];
        if (locale !== 'de' && value) item[locale] = value;
      }
      return item;
    });
  const deadlines = localized((texts) => texts.deadlines);
  const [name, shortText, longText, processingTime] = TEXT_FIELDS.map((field) =>
    localized((texts) => texts[field]),
  ) as [LocalizedText, LocalizedText, LocalizedText, LocalizedText];
  return {
    leikaKey: draft.leikaKey.trim(),
    name,
    shortText,
    longText,
    processingTime,
    ...(deadlines.de ? { deadlines } : {}),
    requiredDocuments: list('requiredDocuments'),
    prerequisites: list('prerequisites'),
    fees: draft.fees,
    legalBasis: lines(draft.legalBasis),
    officeId: draft.officeId,
    categoryId: draft.categoryId,
    lifeSituationIds: draft.lifeSituationIds,
    keywords: draft.keywords
      .split(',')
      .map((word) => word.trim())
      .filter(Boolean),
    formId: draft.formId.trim() || null,
  };
}

/**
 * A service for the kiosk's preview: the draft as the hub would store it. What is still empty or
 * malformed shows as "…", so the preview follows the typing instead of waiting for a valid draft.
 */
export function previewService(draft: ServiceDraft, now: string): Service {
  const fields = serviceFields(draft);
  const filled = (text: LocalizedText): LocalizedText => ({ ...text, de: text.de || '…' });
  return {
    ...fields,
    id: isId(draft.id) ? draft.id : 'vorschau',
    leikaKey: /^\d{14}$/.test(fields.leikaKey) ? fields.leikaKey : '00000000000000',
    name: filled(fields.name),
    shortText: filled(fields.shortText),
    longText: filled(fields.longText),
    processingTime: filled(fields.processingTime),
    updatedAt: now,
  };
}

export interface OfficeDraft {
  id: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  openingHours: OpeningInterval[];
  videoHours: OpeningInterval[];
}

export function newOfficeDraft(): OfficeDraft {
  return {
    id: '',
    name: '',
    street: '',
    postalCode: '',
    city: '',
    phone: '',
    email: '',
    openingHours: [],
    videoHours: [],
  };
}

export function officeDraft(office: Office): OfficeDraft {
  return {
    id: office.id,
    name: office.name.de,
    ...office.address,
    phone: office.phone,
    email: office.email,
    openingHours: office.openingHours,
    videoHours: office.videoHours,
  };
}

/** The office's fields; its name's translations (if any) are kept from `previous`. */
export function officeFields(draft: OfficeDraft, previous?: Office): OfficeFields {
  return {
    name: { ...(previous?.name ?? {}), de: draft.name.trim() },
    address: { street: draft.street.trim(), postalCode: draft.postalCode.trim(), city: draft.city.trim() },
    phone: draft.phone.trim(),
    email: draft.email.trim(),
    openingHours: draft.openingHours,
    videoHours: draft.videoHours,
  };
}

/** The languages a further language can be added in (German is always there). */
export function furtherLanguages(all: readonly Locale[], present: readonly string[]): Locale[] {
  return all.filter((locale) => !present.includes(locale));
}
