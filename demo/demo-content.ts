import type { ContentSnapshot } from '../protocol/content.js';
import { anwohnerparkausweisForm } from './content/form-anwohnerparkausweis.js';
import { blaueKarteForm } from './content/form-blaue-karte.js';
import { hundesteuerAnmeldungForm } from './content/form-hundesteuer-anmeldung.js';
import { sperrmuellAbholungForm } from './content/form-sperrmuell-abholung.js';
import { wohnsitzAnmeldungForm } from './content/form-wohnsitz-anmeldung.js';
import { offices } from './content/offices.js';
import { aufenthaltServices } from './content/services-aufenthalt.js';
import { ausweisServices } from './content/services-ausweise.js';
import { gewerbeServices } from './content/services-gewerbe.js';
import { meldewesenServices } from './content/services-meldewesen.js';
import { ordnungServices } from './content/services-ordnung.js';
import { sozialServices } from './content/services-soziales.js';
import { standesamtServices } from './content/services-standesamt.js';
import { steuerServices } from './content/services-steuern.js';
import { umweltServices } from './content/services-umwelt.js';
import { categories, lifeSituations } from './content/taxonomy.js';

export type DemoContent = Omit<ContentSnapshot, 'revision'>;

/**
 * The fictional municipality Gemeinde Lindenau (Saxony): four offices, 35 service descriptions
 * in German and English and five forms, one of them imported from a real FIM schema. Fees, deadlines and legal bases follow federal and Saxon
 * law as of 2026; local rates (dog tax, property tax rate, parking zones) are invented.
 */
export const demoContent: DemoContent = {
  municipality: { id: 'lindenau', name: 'Gemeinde Lindenau' },
  offices,
  categories,
  lifeSituations,
  services: [
    ...meldewesenServices,
    ...ausweisServices,
    ...standesamtServices,
    ...sozialServices,
    ...steuerServices,
    ...gewerbeServices,
    ...ordnungServices,
    ...umweltServices,
    ...aufenthaltServices,
  ],
  forms: [
    wohnsitzAnmeldungForm,
    hundesteuerAnmeldungForm,
    sperrmuellAbholungForm,
    anwohnerparkausweisForm,
    blaueKarteForm,
  ],
};
