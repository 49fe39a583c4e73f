import { SEEDED_AT, type SeedService } from './ids.js';

/** Residence of foreign nationals: the Bürgerbüro takes the application and forwards it. */
export const aufenthaltServices: SeedService[] = [
  {
    id: 'blaue-karte-eu',
    leikaKey: '99010052001000',
    name: { de: 'Blaue Karte EU beantragen', en: 'Apply for an EU Blue Card' },
    shortText: {
      de: 'Aufenthaltstitel für Fachkräfte mit Hochschulabschluss und einem Arbeitsvertrag in Deutschland.',
      en: 'Residence permit for skilled workers with a university degree and an employment contract in Germany.',
    },
    longText: {
      de: 'Die Blaue Karte EU ist ein Aufenthaltstitel für Fachkräfte mit einem anerkannten Hochschulabschluss. Sie brauchen einen Arbeitsvertrag oder ein verbindliches Arbeitsangebot mit einem Mindestgehalt. Das Bürgerbüro nimmt Ihren Antrag am Terminal entgegen und leitet ihn an die Ausländerbehörde des Landkreises weiter. Die Nachweise scannen Sie dabei am Terminal ein. Die Ausländerbehörde lädt Sie danach zu einem Termin ein, zu dem Sie Ihren Pass, ein biometrisches Passfoto und die Originale der Nachweise mitbringen.',
      en: 'The EU Blue Card is a residence permit for skilled workers with a recognised university degree. You need an employment contract or a binding job offer with a minimum salary. The Citizens’ Office takes your application at the terminal and forwards it to the district’s immigration office. You scan the documents at the terminal as you go. The immigration office then invites you to an appointment; please bring your passport, a biometric passport photo and the original documents.',
    },
    requiredDocuments: [
      { de: 'Gültiger Reisepass', en: 'Valid passport' },
      { de: 'Biometrisches Lichtbild', en: 'Biometric photo' },
      {
        de: 'Arbeitsvertrag oder verbindliches Arbeitsangebot',
        en: 'Employment contract or binding job offer',
      },
      { de: 'Nachweis des Hochschulabschlusses', en: 'Proof of your university degree' },
      { de: 'Nachweis der Krankenversicherung', en: 'Proof of health insurance' },
    ],
    prerequisites: [
      {
        de: 'Sie haben einen in Deutschland anerkannten oder vergleichbaren Hochschulabschluss.',
        en: 'You have a university degree that is recognised in Germany or comparable.',
      },
      {
        de: 'Ihr Gehalt erreicht die jährlich festgelegte Mindestgrenze.',
        en: 'Your salary reaches the minimum set each year.',
      },
    ],
    fees: [
      {
        description: { de: 'Erteilung der Blauen Karte EU', en: 'Issuing the EU Blue Card' },
        amountCents: 10000,
      },
    ],
    processingTime: { de: 'Etwa vier bis acht Wochen', en: 'About four to eight weeks' },
    legalBasis: ['§ 18g AufenthG', '§ 19a AufenthG (frühere Fassung)'],
    officeId: 'buergerbuero',
    categoryId: 'dokumente',
    lifeSituationIds: ['umzug'],
    keywords: [
      'Blue Card',
      'Aufenthaltstitel',
      'Aufenthaltserlaubnis',
      'Arbeitserlaubnis',
      'Fachkraft',
      'Visum',
      'residence permit',
      'work permit',
    ],
    formId: 'blaue-karte',
    updatedAt: SEEDED_AT,
  },
];
