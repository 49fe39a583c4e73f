import type { Service } from '../../protocol/catalog.js';

/**
 * The ids the demo content refers to. Typing the references with these unions lets the compiler
 * catch a misspelt office, category, life situation or form; the test checks the same at runtime.
 */
export type OfficeId = 'buergerbuero' | 'standesamt' | 'steueramt' | 'ordnungsamt';

export type CategoryId =
  | 'wohnen'
  | 'dokumente'
  | 'familie'
  | 'tiere'
  | 'abfall-umwelt'
  | 'verkehr-ordnung'
  | 'steuern'
  | 'gewerbe'
  | 'soziales';

export type LifeSituationId =
  | 'umzug'
  | 'geburt'
  | 'heirat'
  | 'hund'
  | 'todesfall'
  | 'auto'
  | 'gewerbe-gruenden'
  | 'bauen'
  | 'ausweis-verloren'
  | 'ruhestand';

export type FormId =
  | 'wohnsitz-anmeldung'
  | 'hundesteuer-anmeldung'
  | 'sperrmuell-abholung'
  | 'anwohnerparkausweis'
  | 'blaue-karte';

export interface SeedService extends Service {
  officeId: OfficeId;
  categoryId: CategoryId;
  lifeSituationIds: LifeSituationId[];
  formId: FormId | null;
}

/** Fixed timestamps keep the seed deterministic; clients compare them when they pull changes. */
export const SEEDED_AT = '2026-11-01T08:00:00.000Z';
export const FORMS_SEEDED_AT = '2026-11-01T08:30:00.000Z';
