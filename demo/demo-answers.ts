import { dateFrom, type CalendarOffset } from '../protocol/calendar.js';
import type { FormAnswers } from '../protocol/forms.js';

/**
 * A realistic, valid set of answers for every demo form, as a citizen would give them on the day
 * `now` falls on: used by tests and benchmarks. Every date is relative to that day and none is
 * that day itself, so the answers never go stale, a move-in stays recent, a permit still starts
 * ahead, and no typed date can be mistaken for the day an application was made.
 */
export function demoAnswersAt(now: Date): Record<string, FormAnswers> {
  const on = (offset: CalendarOffset) => dateFrom(now, offset);
  return {
    'wohnsitz-anmeldung': {
      moveInDate: on({ days: -12 }),
      address: { street: 'Lindenstraße', houseNumber: '12a', postalCode: '01665', city: 'Lindenau' },
      residenceType: 'main',
      previousStreet: 'Bautzner Straße 40',
      previousPostalCode: '01099',
      previousCity: 'Dresden',
      familyName: 'Schneider',
      birthName: 'Kühn',
      givenNames: 'Anna Maria',
      dateOfBirth: on({ years: -38, months: -7, days: -8 }),
      placeOfBirth: 'Meißen',
      nationality: 'deutsch',
      sex: 'female',
      email: 'anna.schneider@example.org',
      phone: '+49 351 1234567',
      consent: true,
    },
    'hundesteuer-anmeldung': {
      ownerFamilyName: 'Becker',
      ownerGivenNames: 'Thomas',
      ownerStreet: 'Am Anger 3',
      ownerPostalCode: '01665',
      ownerCity: 'Lindenau',
      dogName: 'Bruno',
      breed: 'Labrador-Mischling',
      dogSex: 'male',
      dogBirthDate: on({ months: -9, days: -3 }),
      acquisitionDate: on({ months: -2, days: -11 }),
      chipNumber: '276098106543210',
      dangerousBreed: 'no',
      otherDogs: 0,
      reduction: 'shelter',
      taxStartDate: on({ days: 14 }),
      consent: true,
    },
    'sperrmuell-abholung': {
      fullName: 'Erika Walther',
      street: 'Kirchgasse 7',
      postalCode: '01665',
      city: 'Lindenau-Oberdorf',
      phone: '03521 765432',
      items: '1 Sofa (3-Sitzer), 2 Holzstühle, 1 Matratze 90×200, 1 Teppich',
      volumeCubicMetres: 4,
      pickupWindow: 'weeks-1-2',
      placementNote: 'Links neben der Einfahrt am Gartenzaun',
      consent: true,
    },
    anwohnerparkausweis: {
      familyName: 'Yılmaz',
      givenNames: 'Deniz',
      street: 'Bahnhofstraße 18',
      postalCode: '01665',
      city: 'Lindenau',
      parkingZone: 'zone-b',
      licencePlate: 'MEI-DY 482',
      vehicleKeeper: 'self',
      permitPeriod: '1-year',
      startDate: on({ days: 7 }),
      email: 'deniz@example.net',
      consent: true,
    },
    'blaue-karte': {
      familienname: 'Haddad',
      vorname: 'Layla',
      geschlecht: 'weiblich',
      geburtsort: 'Amman',
      staatsangehoerigkeit: 'jordanisch',
      groesse: 168,
      augenfarbe: 'braun',
      anschriftInDeutschland: {
        strassenanschriftTrifftZu: true,
        anschriftPostfachTrifftZu: false,
        strassenanschrift: {
          strassenangaben: { strasse: 'Lindenstraße', hausnummer: '4' },
          ort: { postleitzahl: '01665', ort: 'Lindenau' },
        },
      },
      erteilendeBehoerde: 'Deutsche Botschaft Amman',
      einreiseInDasBundesgebietAm: on({ months: -3 }),
      gueltigkeitsdauer: on({ months: 1, days: 2 }),
      ausstellungsdatum: on({ months: -3, days: -17 }),
      nachweisVisumAufenthaltstitel: 'Visum Nr. 123456789',
      klasseFachrichtung: 'Informatik',
      hoechsterQualifizierterAbschluss: 'Master of Science',
      ausstellungsdatum2: on({ years: -4, months: -5 }),
      angabenZurAusbildungsstaette: {
        ausbildungsstaetteName: 'University of Jordan',
        anschriftInlandOderAusland: {
          strassenanschriftTrifftZu: false,
          auslandsanschriftTrifftZu: true,
          auslandsanschrift: {
            staat: 'Jordanien',
            auslaendischeAnschrift: { zeileanschrift: ['Queen Rania St', '11942 Amman'] },
          },
        },
      },
      beruflicheTaetigkeit: 'Softwareentwicklerin',
      datumDesArbeitsvertrags: on({ months: -5 }),
      laufzeitDesArbeitsBzwAngestelltenverhael: on({ years: 2, months: -5 }),
      jahresbruttobetragDerEinnahmen: 58000,
      angabenZumArbeitgeber: {
        name: 'Lindenau Software GmbH',
        anschriftTrifftZu: false,
        auslandsanschriftTrifftZu: false,
        kontaktmoeglichkeitenTrifftZu: false,
      },
      bestehtKrankenversicherungsschutzFuerDie: true,
      besitzenSieEinenAufenthaltstitelAuf: false,
      habenSieInEinemEu: false,
      habenSieEinenAntragAuf: false,
      sindSieInDeutschlandOder: false,
      sindSieVorbestraft: false,
      gibtEsLaufendeErmittlungsverfahren: false,
      habenSieEinerVereinigungAngehoert: false,
      gehoertenSieInDerVergangenheit: false,
      habenSieSichSichZur: false,
      habenSieEinenAntragAuf2: false,
      sindSieEinEntsandterArbeitnehmer: false,
      geniessenSieEinDemUnionsbuerger: false,
      wollenSieAlsLeiharbeitnehmerTaetig: false,
      sindSieSchonEinmalAus: false,
    },
  };
}

/** The demo answers for the moment this module was loaded. */
export const demoAnswers: Record<string, FormAnswers> = demoAnswersAt(new Date());
