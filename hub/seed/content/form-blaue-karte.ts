import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFimXml } from '../../fim/import.js';
import { findRepoRoot } from '../../repo-root.js';
import { blaueKarteTranslations } from './blaue-karte-translations.js';
import { FORMS_SEEDED_AT } from './ids.js';
import type { SeedForm } from './form-fields.js';

/** The real FIM schema S00000121 in the repository, imported exactly as the CLI would import it. */
export const BLAUE_KARTE_XML = join(findRepoRoot(), 'hub/fim/fixtures/BlaueKarte.xml');

/**
 * "Antrag auf Blaue Karte EU", imported from FIM XDatenfelder 2.0 at seed time, so the demo
 * shows what the importer really produces. Field texts stay German (FIM publishes them in
 * German); title and step titles are translated so every citizen can find their way.
 */
export const blaueKarteForm: SeedForm = {
  ...importFimXml(readFileSync(BLAUE_KARTE_XML, 'utf8'), {
    formId: 'blaue-karte',
    officeId: 'buergerbuero',
    updatedAt: FORMS_SEEDED_AT,
    translations: blaueKarteTranslations,
  }).form,
  id: 'blaue-karte',
  officeId: 'buergerbuero',
};
