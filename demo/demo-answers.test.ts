import { describe, expect, it } from 'vitest';
import { civilDate } from '../protocol/calendar.js';
import { normalizeAnswers, validateFormData } from '../protocol/forms.js';
import { demoAnswersAt } from './demo-answers.js';
import { demoContent } from './demo-content.js';

/** On which side of the day of the run each demo date must lie, as its field means it. */
const SIDES: Record<string, Record<string, 'past' | 'future'>> = {
  'wohnsitz-anmeldung': { moveInDate: 'past', dateOfBirth: 'past' },
  'hundesteuer-anmeldung': { dogBirthDate: 'past', acquisitionDate: 'past', taxStartDate: 'future' },
  anwohnerparkausweis: { startDate: 'future' },
  'blaue-karte': {
    einreiseInDasBundesgebietAm: 'past',
    gueltigkeitsdauer: 'future',
    ausstellungsdatum: 'past',
    ausstellungsdatum2: 'past',
    datumDesArbeitsvertrags: 'past',
    laufzeitDesArbeitsBzwAngestelltenverhael: 'future',
  },
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every date-shaped answer of a form, by field name, however deep it sits. */
function datesOf(answers: unknown, into: Record<string, string> = {}): Record<string, string> {
  if (answers && typeof answers === 'object')
    for (const [name, value] of Object.entries(answers)) {
      if (typeof value === 'string' && ISO_DATE.test(value)) into[name] = value;
      else datesOf(value, into);
    }
  return into;
}

/** Instants over four whole years (a leap day and eight summer-time switches among them), early and late in the Berlin day. */
function instants(): Date[] {
  const all: Date[] = [];
  for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2030, 0, 1); day += 86_400_000)
    all.push(new Date(day - 3_600_000 + 60_000), new Date(day + 21 * 3_600_000 + 59 * 60_000));
  return all;
}

describe('demo answers', () => {
  it('name a side for every date they hold', () => {
    const answers = demoAnswersAt(new Date('2027-06-15T10:00:00Z'));
    for (const [formId, formAnswers] of Object.entries(answers))
      expect(Object.keys(datesOf(formAnswers)).sort(), formId).toEqual(
        Object.keys(SIDES[formId] ?? {}).sort(),
      );
  });

  it('never fall on the day of the run and lie on their side of it, on every day of four years', () => {
    const wrong: string[] = [];
    for (const now of instants()) {
      const today = civilDate(now);
      for (const [formId, formAnswers] of Object.entries(demoAnswersAt(now)))
        for (const [field, date] of Object.entries(datesOf(formAnswers))) {
          const side = SIDES[formId]?.[field];
          if (date === today || (side === 'past' ? date > today : date < today))
            wrong.push(`${now.toISOString()}: ${formId}.${field} = ${date} (${side})`);
        }
    }
    expect(wrong).toEqual([]);
  });

  it('stay valid for their forms on a leap day and across the turn of the year', () => {
    for (const now of [
      new Date('2028-02-29T11:00:00Z'),
      new Date('2026-12-31T22:59:00Z'),
      new Date('2026-12-31T23:01:00Z'),
    ]) {
      const answers = demoAnswersAt(now);
      for (const form of demoContent.forms)
        expect(validateFormData(form.schema, normalizeAnswers(answers[form.id] ?? {})), form.id).toEqual([]);
    }
  });
});
