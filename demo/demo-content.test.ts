import { describe, expect, it } from 'vitest';
import { ContentSnapshot } from '../protocol/content.js';
import { formDefinitionProblems, validateFormData, type FieldUi } from '../protocol/forms.js';
import type { LocalizedText } from '../protocol/i18n.js';
import { demoContent } from './demo-content.js';
import { demoAnswers } from './demo-answers.js';

const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((item) => [item.id, item]));
/** Forms written for the demo follow our authoring rules; the FIM import follows its FIM schema. */
const IMPORTED_FORMS = ['blaue-karte'];
const handWrittenForms = demoContent.forms.filter((f) => !IMPORTED_FORMS.includes(f.id));
const formById = (id: string) => {
  const form = demoContent.forms.find((f) => f.id === id);
  if (!form) throw new Error(`form ${id} missing`);
  return form;
};

/** Every object with a `de` string is a LocalizedText; collect them with their path for messages. */
function localizedTexts(value: unknown, path = ''): { path: string; text: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => localizedTexts(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = typeof record['de'] === 'string' ? [{ path, text: record }] : [];
  return [
    ...own,
    ...Object.entries(record).flatMap(([key, child]) => localizedTexts(child, path ? `${path}.${key}` : key)),
  ];
}

function errorsFor(formId: string, changes: Record<string, unknown>, remove: string[] = []) {
  const answers = Object.fromEntries(
    Object.entries({ ...demoAnswers[formId], ...changes }).filter(([key]) => !remove.includes(key)),
  );
  return validateFormData(formById(formId).schema, answers).map((e) => [e.field, e.code]);
}

describe('demo content of Gemeinde Lindenau', () => {
  it('satisfies the content snapshot schema', () => {
    expect(() => ContentSnapshot.parse({ ...demoContent, revision: 'x' })).not.toThrow();
  });

  it('has a full catalogue', () => {
    expect(demoContent.municipality).toEqual({ id: 'lindenau', name: 'Gemeinde Lindenau' });
    expect(demoContent.services.length).toBeGreaterThanOrEqual(28);
    expect(demoContent.forms.length).toBeGreaterThanOrEqual(3);
    expect(demoContent.offices.length).toBeGreaterThanOrEqual(3);
    expect(demoContent.categories.length).toBeGreaterThanOrEqual(7);
    expect(demoContent.lifeSituations.length).toBeGreaterThanOrEqual(8);
  });

  it('uses unique ids and LeiKa keys', () => {
    for (const list of [
      demoContent.offices,
      demoContent.categories,
      demoContent.lifeSituations,
      demoContent.services,
      demoContent.forms,
    ]) {
      const ids = list.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const keys = demoContent.services.map((s) => s.leikaKey);
    expect(new Set(keys).size).toBe(keys.length);
    const orders = demoContent.categories.map((c) => c.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('resolves every reference', () => {
    const offices = byId(demoContent.offices);
    const categories = byId(demoContent.categories);
    const situations = byId(demoContent.lifeSituations);
    const forms = byId(demoContent.forms);
    for (const service of demoContent.services) {
      expect(offices.has(service.officeId), `${service.id} office`).toBe(true);
      expect(categories.has(service.categoryId), `${service.id} category`).toBe(true);
      for (const id of service.lifeSituationIds) expect(situations.has(id), `${service.id} ${id}`).toBe(true);
      if (service.formId !== null) expect(forms.has(service.formId), `${service.id} form`).toBe(true);
    }
    for (const form of demoContent.forms) expect(offices.has(form.officeId), `${form.id} office`).toBe(true);
  });

  it('gives every category and life situation at least one service', () => {
    for (const category of demoContent.categories) {
      expect(
        demoContent.services.some((s) => s.categoryId === category.id),
        category.id,
      ).toBe(true);
    }
    for (const situation of demoContent.lifeSituations) {
      expect(
        demoContent.services.some((s) => s.lifeSituationIds.includes(situation.id)),
        situation.id,
      ).toBe(true);
    }
  });

  it('translates every text into German and English', () => {
    const texts = localizedTexts({ ...demoContent, forms: handWrittenForms });
    expect(texts.length).toBeGreaterThan(500);
    for (const { path, text } of texts) {
      expect(typeof text['de'] === 'string' && text['de'].trim() !== '', `${path}.de`).toBe(true);
      expect(typeof text['en'] === 'string' && text['en'].trim() !== '', `${path}.en`).toBe(true);
    }
  });

  it('describes each service completely', () => {
    for (const service of demoContent.services) {
      const sentences = service.longText.de.split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== '');
      expect(sentences.length, `${service.id} long text`).toBeGreaterThanOrEqual(3);
      expect(service.requiredDocuments.length, `${service.id} documents`).toBeGreaterThan(0);
      expect(service.prerequisites.length, `${service.id} prerequisites`).toBeGreaterThan(0);
      expect(service.fees.length, `${service.id} fees`).toBeGreaterThan(0);
      expect(service.legalBasis.length, `${service.id} legal basis`).toBeGreaterThan(0);
      expect(service.keywords.length, `${service.id} keywords`).toBeGreaterThanOrEqual(5);
      expect(Number.isNaN(Date.parse(service.updatedAt)), `${service.id} updatedAt`).toBe(false);
    }
  });

  it('has sensible opening and video hours', () => {
    for (const office of demoContent.offices) {
      expect(office.openingHours.length).toBeGreaterThan(0);
      expect(office.videoHours.length).toBeGreaterThan(0);
      for (const interval of [...office.openingHours, ...office.videoHours]) {
        expect(interval.from < interval.to, `${office.id} ${interval.day}`).toBe(true);
      }
    }
  });

  it('has well-formed forms, each owned by exactly one service of the same office', () => {
    for (const form of demoContent.forms) {
      expect(formDefinitionProblems(form), form.id).toEqual([]);
      if (!IMPORTED_FORMS.includes(form.id)) {
        expect(form.ui.steps.length, `${form.id} steps`).toBeGreaterThanOrEqual(3);
        expect(form.ui.steps.length, `${form.id} steps`).toBeLessThanOrEqual(5);
      }
      const owners = demoContent.services.filter((s) => s.formId === form.id);
      expect(
        owners.map((s) => s.officeId),
        form.id,
      ).toEqual([form.officeId]);
    }
  });

  it('names no step of a form like the kiosk’s review, which always comes last', () => {
    // "Prüfen und bestätigen" before "Angaben prüfen" read as two reviews, the first one early.
    for (const form of demoContent.forms)
      for (const step of form.ui.steps) {
        expect(step.title.de, `${form.id} ${step.id}`).not.toMatch(/prüf/i);
        expect(step.title['en'] ?? '', `${form.id} ${step.id}`).not.toMatch(/check|review/i);
      }
  });

  it('gives the imported FIM form German texts everywhere, English and Arabic labels, translated step titles', () => {
    for (const id of IMPORTED_FORMS) {
      const form = formById(id);
      for (const { path, text } of localizedTexts(form)) {
        expect(typeof text['de'] === 'string' && text['de'].trim() !== '', `${path}.de`).toBe(true);
      }
      const labels = (ui: FieldUi): LocalizedText[] => [
        ui.label,
        ...Object.values(ui.fields ?? {}).flatMap(labels),
        ...(ui.item ? labels(ui.item) : []),
      ];
      for (const label of Object.values(form.ui.fields).flatMap(labels)) {
        expect(label['en'], label.de).toBeTruthy();
        expect(label['ar'], label.de).toBeTruthy();
      }
      for (const step of form.ui.steps) {
        for (const locale of ['en', 'tr', 'ar', 'uk', 'ru'])
          expect(step.title[locale], `${step.id} ${locale}`).toBeTruthy();
      }
    }
  });

  it('bounds every text answer and explains every pattern or format', () => {
    for (const form of handWrittenForms) {
      for (const [name, property] of Object.entries(form.schema.properties)) {
        const where = `${form.id}.${name}`;
        const ui = form.ui.fields[name];
        const bounded = property['maxLength'] !== undefined || property['pattern'] !== undefined;
        if (property.type === 'string' && property['enum'] === undefined && property['format'] !== 'date') {
          expect(bounded, where).toBe(true);
        }
        if (
          property.type === 'string' &&
          form.schema.required.includes(name) &&
          property['enum'] === undefined
        ) {
          if (property['format'] !== 'date') expect(property['minLength'], where).toBeGreaterThanOrEqual(1);
        }
        if (property['pattern'] !== undefined || property['format'] !== undefined) {
          expect(ui?.invalidMessage, where).toBeDefined();
        }
        if (property.type === 'boolean') {
          expect(ui?.widget, where).toBe('checkbox');
        }
      }
      const consent = form.schema.properties['consent'];
      expect(consent, form.id).toEqual({ type: 'boolean', const: true });
      expect(form.schema.required).toContain('consent');
    }
  });

  it('accepts a realistic set of answers for each form', () => {
    expect(Object.keys(demoAnswers).sort()).toEqual(demoContent.forms.map((f) => f.id).sort());
    for (const form of demoContent.forms) {
      expect(validateFormData(form.schema, demoAnswers[form.id]), form.id).toEqual([]);
    }
  });

  it('accepts the minimal answers: optional fields may be left out', () => {
    for (const form of demoContent.forms) {
      const minimal = Object.fromEntries(
        Object.entries(demoAnswers[form.id] ?? {}).filter(([key]) => form.schema.required.includes(key)),
      );
      expect(validateFormData(form.schema, minimal), form.id).toEqual([]);
    }
  });

  it('rejects invalid registration answers with the right codes', () => {
    expect(errorsFor('wohnsitz-anmeldung', {}, ['familyName'])).toEqual([['familyName', 'required']]);
    const address = (changes: Record<string, unknown>) => ({
      address: Object.fromEntries(
        Object.entries({ ...(demoAnswers['wohnsitz-anmeldung']?.['address'] as object), ...changes }).filter(
          ([, value]) => value !== undefined,
        ),
      ),
    });
    expect(errorsFor('wohnsitz-anmeldung', address({ postalCode: '1665' }))).toEqual([
      ['address/postalCode', 'pattern'],
    ]);
    expect(errorsFor('wohnsitz-anmeldung', address({ postalCode: '01665a' }))).toEqual([
      ['address/postalCode', 'pattern'],
    ]);
    expect(errorsFor('wohnsitz-anmeldung', address({ city: undefined }))).toEqual([
      ['address/city', 'required'],
    ]);
    expect(errorsFor('wohnsitz-anmeldung', { consent: false })).toEqual([['consent', 'mustAccept']]);
    expect(errorsFor('wohnsitz-anmeldung', { moveInDate: '2026-02-30' })).toEqual([['moveInDate', 'format']]);
    expect(errorsFor('wohnsitz-anmeldung', { email: 'anna@' })).toEqual([['email', 'format']]);
    expect(errorsFor('wohnsitz-anmeldung', { sex: 'x' })).toEqual([['sex', 'notAllowed']]);
    expect(errorsFor('wohnsitz-anmeldung', address({ houseNumber: 'zwölf' }))).toEqual([
      ['address/houseNumber', 'pattern'],
    ]);
    expect(errorsFor('wohnsitz-anmeldung', { religion: 'none' })).toEqual([['religion', 'unknownField']]);
  });

  it('rejects invalid dog tax answers', () => {
    expect(errorsFor('hundesteuer-anmeldung', { dangerousBreed: 'maybe' })).toEqual([
      ['dangerousBreed', 'notAllowed'],
    ]);
    expect(errorsFor('hundesteuer-anmeldung', { otherDogs: -1 })).toEqual([['otherDogs', 'tooSmall']]);
    expect(errorsFor('hundesteuer-anmeldung', { chipNumber: '2760 9810' })).toEqual([
      ['chipNumber', 'pattern'],
    ]);
    expect(errorsFor('hundesteuer-anmeldung', { ownerPostalCode: 'D-01665' })).toEqual([
      ['ownerPostalCode', 'pattern'],
    ]);
    expect(errorsFor('hundesteuer-anmeldung', { consent: false }, ['acquisitionDate'])).toEqual([
      ['acquisitionDate', 'required'],
      ['consent', 'mustAccept'],
    ]);
  });

  it('rejects invalid bulky waste answers', () => {
    expect(errorsFor('sperrmuell-abholung', { volumeCubicMetres: 11 })).toEqual([
      ['volumeCubicMetres', 'tooLarge'],
    ]);
    expect(errorsFor('sperrmuell-abholung', { volumeCubicMetres: 0 })).toEqual([
      ['volumeCubicMetres', 'tooSmall'],
    ]);
    expect(errorsFor('sperrmuell-abholung', { volumeCubicMetres: 2.5 })).toEqual([
      ['volumeCubicMetres', 'type'],
    ]);
    expect(errorsFor('sperrmuell-abholung', { items: 'x'.repeat(1001) })).toEqual([['items', 'tooLong']]);
    expect(errorsFor('sperrmuell-abholung', { phone: 'call me' })).toEqual([['phone', 'pattern']]);
    expect(errorsFor('sperrmuell-abholung', {}, ['phone'])).toEqual([['phone', 'required']]);
  });

  it('checks number plates in the parking permit form', () => {
    for (const plate of ['MEI-DY 482', 'MEI DY 482', 'DD-AB 1234E', 'mei-la 12', 'B-X 1']) {
      expect(errorsFor('anwohnerparkausweis', { licencePlate: plate }), plate).toEqual([]);
    }
    for (const plate of ['MEIDY482', 'MEI-DY 0482', 'MEI-ABC 12', '123-AB 1']) {
      expect(errorsFor('anwohnerparkausweis', { licencePlate: plate }), plate).toEqual([
        ['licencePlate', 'pattern'],
      ]);
    }
  });
});
