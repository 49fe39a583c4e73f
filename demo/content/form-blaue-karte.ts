import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFimXml } from '../../hub/fim/import.js';
import { findRepoRoot } from '../../hub/repo-root.js';
import { blaueKarteLabels } from './blaue-karte-labels.js';
import { blaueKarteTranslations } from './blaue-karte-translations.js';
import { FORMS_SEEDED_AT } from './ids.js';
import { LINDENAU_REGION_PLACES } from './places.js';
import type { SeedForm } from './form-fields.js';

/** The real FIM schema S00000121 in the repository, imported exactly as the CLI would import it. */
export const BLAUE_KARTE_XML = join(findRepoRoot(), 'hub/fim/fixtures/BlaueKarte.xml');

/**
 * "Antrag auf Blaue Karte EU", imported from FIM XDatenfelder 2.0 at seed time, so the demo
 * shows what the importer really produces. FIM publishes German only: title and step titles are
 * translated into every kiosk language, field labels into English and Arabic; help texts stay German.
 */
export const blaueKarteForm: SeedForm = {
  ...importFimXml(readFileSync(BLAUE_KARTE_XML, 'utf8'), {
    formId: 'blaue-karte',
    officeId: 'buergerbuero',
    updatedAt: FORMS_SEEDED_AT,
    translations: { ...blaueKarteLabels, ...blaueKarteTranslations },
    places: [...LINDENAU_REGION_PLACES],
  }).form,
  id: 'blaue-karte',
  officeId: 'buergerbuero',
};
