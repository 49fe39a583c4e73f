import { SEEDED_AT, type SeedService } from './ids.js';

/** Local taxes collected by the municipality's treasury (Kämmerei). */
export const steuerServices: SeedService[] = [
  {
    id: 'hundesteuer-anmelden',
    leikaKey: '99102013104000',
    name: { de: 'Hund anmelden (Hundesteuer)', en: 'Register a dog (dog tax)' },
    shortText: {
      de: 'Wer in Lindenau einen Hund hält, meldet ihn innerhalb von zwei Wochen zur Hundesteuer an und erhält eine Steuermarke.',
      en: 'If you keep a dog in Lindenau, register it for dog tax within two weeks and you will receive a tax tag.',
    },
    longText: {
      de: 'Die Hundesteuer ist eine Gemeindesteuer für jeden Hund, der älter als drei Monate ist. Melden Sie Ihren Hund an, wenn Sie ihn anschaffen oder mit ihm nach Lindenau ziehen – am Terminal geht das mit dem Formular in wenigen Minuten. Die Steuerpflicht beginnt am Ersten des Monats, der auf die Aufnahme des Hundes folgt. Sie erhalten einen Steuerbescheid und eine Hundesteuermarke, die der Hund außerhalb Ihrer Wohnung sichtbar tragen soll. Die Steuer wird jährlich zum 1. Juli fällig. Für Blindenführ- und andere Assistenzhunde wird auf Antrag keine Steuer erhoben; für Hunde aus einem Tierheim gibt es im ersten Jahr eine Ermäßigung.',
      en: 'Dog tax is a municipal tax on every dog older than three months. Register your dog when you get it or when you move to Lindenau with it – at the terminal this takes a few minutes with the form. The tax liability starts on the first day of the month after the dog joins your household. You receive a tax notice and a dog tax tag, which the dog should wear visibly outside your home. The tax is due every year on 1 July. Guide dogs and other assistance dogs are exempt on request; dogs adopted from an animal shelter get a reduction in the first year.',
    },
    requiredDocuments: [
      {
        de: 'Angaben zum Hund (Rasse, Geburts- oder Aufnahmedatum, ggf. Chipnummer)',
        en: 'Details of the dog (breed, date of birth or acquisition, microchip number if any)',
      },
      {
        de: 'Für Ermäßigungen: Nachweis, z. B. Vermittlungsvertrag des Tierheims oder Ausweis über eine Assistenzhund-Ausbildung',
        en: 'For reductions: proof, e.g. the shelter’s adoption contract or an assistance dog certificate',
      },
    ],
    prerequisites: [
      {
        de: 'Sie halten in Lindenau einen Hund, der älter als drei Monate ist.',
        en: 'You keep a dog older than three months in Lindenau.',
      },
    ],
    fees: [
      {
        description: {
          de: 'Jahressteuer nach Hundesteuersatzung: erster Hund 60 EUR, jeder weitere Hund 96 EUR, gefährlicher Hund 600 EUR',
          en: 'Annual tax under the dog tax bylaw: first dog EUR 60, each further dog EUR 96, dangerous dog EUR 600',
        },
        amountCents: null,
      },
      {
        description: { de: 'Ersatz einer verlorenen Steuermarke', en: 'Replacement of a lost tax tag' },
        amountCents: 500,
      },
    ],
    processingTime: {
      de: 'Steuerbescheid und Steuermarke kommen innerhalb von etwa zwei Wochen per Post.',
      en: 'Tax notice and tag arrive by post within about two weeks.',
    },
    deadlines: {
      de: 'Innerhalb von zwei Wochen nach Aufnahme des Hundes oder nach dem Zuzug.',
      en: 'Within two weeks of getting the dog or moving to Lindenau.',
    },
    legalBasis: ['§ 7 Abs. 2 SächsKAG', 'Hundesteuersatzung der Gemeinde Lindenau'],
    officeId: 'steueramt',
    categoryId: 'tiere',
    lifeSituationIds: ['hund', 'umzug'],
    keywords: [
      'Hundesteuer',
      'Hund anmelden',
      'Hundemarke',
      'Steuermarke',
      'Welpe',
      'Tierheim',
      'dog tax',
      'register dog',
      'dog tag',
      'puppy',
      'new dog',
    ],
    formId: 'hundesteuer-anmeldung',
    updatedAt: SEEDED_AT,
  },
  {
    id: 'hundesteuer-abmelden',
    leikaKey: '99102013105000',
    name: { de: 'Hund abmelden (Hundesteuer)', en: 'Deregister a dog (dog tax)' },
    shortText: {
      de: 'Wenn Ihr Hund gestorben ist, abgegeben wurde oder Sie wegziehen, melden Sie ihn bei der Hundesteuer ab.',
      en: 'If your dog has died or been given away, or you move away, deregister it from dog tax.',
    },
    longText: {
      de: 'Die Hundesteuerpflicht endet mit Ablauf des Monats, in dem der Hund gestorben ist, abgegeben wurde oder Sie aus Lindenau weggezogen sind. Damit wir die Steuer richtig berechnen und zu viel gezahlte Beträge erstatten können, melden Sie den Hund bitte schriftlich, per E-Mail oder über das Terminal ab. Geben Sie an, seit wann Sie den Hund nicht mehr halten, und bei einer Abgabe Name und Anschrift der neuen Halterin oder des neuen Halters. Die Steuermarke geben Sie bitte zurück. Sie erhalten einen Änderungsbescheid.',
      en: 'Dog tax ends at the end of the month in which the dog died, was given away or you moved away from Lindenau. So that we can calculate the tax correctly and refund any overpayment, please deregister the dog in writing, by e-mail or at the terminal. State since when you no longer keep the dog and, if you gave it away, the name and address of the new owner. Please return the tax tag. You will receive an amended tax notice.',
    },
    requiredDocuments: [
      { de: 'Hundesteuermarke', en: 'Dog tax tag' },
      {
        de: 'Bei Abgabe: Name und Anschrift der neuen Halterin oder des neuen Halters; beim Tod: z. B. Bescheinigung der Tierarztpraxis',
        en: 'If given away: name and address of the new owner; if the dog died: e.g. a note from the vet',
      },
    ],
    prerequisites: [
      {
        de: 'Ihr Hund ist in Lindenau zur Hundesteuer angemeldet.',
        en: 'Your dog is registered for dog tax in Lindenau.',
      },
    ],
    fees: [{ description: { de: 'Gebührenfrei', en: 'Free of charge' }, amountCents: 0 }],
    processingTime: {
      de: 'Der Änderungsbescheid kommt innerhalb von etwa zwei Wochen.',
      en: 'The amended notice arrives within about two weeks.',
    },
    deadlines: {
      de: 'Innerhalb von zwei Wochen nach dem Ende der Hundehaltung.',
      en: 'Within two weeks after you stop keeping the dog.',
    },
    legalBasis: ['§ 7 Abs. 2 SächsKAG', 'Hundesteuersatzung der Gemeinde Lindenau'],
    officeId: 'steueramt',
    categoryId: 'tiere',
    lifeSituationIds: ['hund', 'umzug'],
    keywords: [
      'Hund abmelden',
      'Hundesteuer abmelden',
      'Hund gestorben',
      'Hund abgegeben',
      'Steuermarke zurück',
      'deregister dog',
      'dog died',
      'dog given away',
      'cancel dog tax',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'grundsteuer',
    leikaKey: '99102005000000',
    name: { de: 'Grundsteuer: Bescheid und Zahlung', en: 'Property tax: notice and payment' },
    shortText: {
      de: 'Eigentümerinnen und Eigentümer von Grundstücken zahlen Grundsteuer an die Gemeinde. Hier erfahren Sie, wie sie berechnet und bezahlt wird.',
      en: 'Owners of land and buildings pay property tax to the municipality. Find out how it is calculated and paid.',
    },
    longText: {
      de: 'Die Grundsteuer wird in zwei Schritten festgesetzt: Das Finanzamt ermittelt den Grundsteuerwert und den Messbetrag Ihres Grundstücks, die Gemeinde multipliziert den Messbetrag mit ihrem Hebesatz und schickt Ihnen den Grundsteuerbescheid. Seit 2025 gilt die neue Berechnung; Sachsen verwendet dabei eigene Steuermesszahlen. Wenn Sie den Wert oder den Messbetrag für falsch halten, wenden Sie sich an das Finanzamt; Fragen zum Hebesatz, zur Zahlung oder zu Raten beantwortet die Kämmerei. Die Steuer ist in vier Raten fällig; Sie können auch eine Jahreszahlung zum 1. Juli beantragen oder uns ein Lastschriftmandat erteilen. Wer ein Grundstück kauft, zahlt die Grundsteuer ab dem 1. Januar des folgenden Jahres.',
      en: 'Property tax is set in two steps: the tax office determines the assessed value and base amount of your property, and the municipality multiplies the base amount by its local rate and sends you the property tax notice. The new calculation applies since 2025; Saxony uses its own base rates. If you think the value or base amount is wrong, contact the tax office; the Treasury answers questions about the local rate, payment or instalments. The tax is due in four instalments; you can also apply to pay annually on 1 July or give us a direct debit mandate. If you buy a property, you pay property tax from 1 January of the following year.',
    },
    requiredDocuments: [
      {
        de: 'Grundsteuerbescheid oder Kassenzeichen, wenn Sie Fragen zu Ihrem Bescheid haben',
        en: 'Property tax notice or payment reference if you have questions about your notice',
      },
    ],
    prerequisites: [
      {
        de: 'Sie sind am 1. Januar des Jahres Eigentümerin oder Eigentümer eines Grundstücks in Lindenau.',
        en: 'On 1 January of the year you own land or a building in Lindenau.',
      },
    ],
    fees: [
      {
        description: {
          de: 'Die Höhe ergibt sich aus Messbetrag mal Hebesatz (Lindenau 2026: Grundsteuer B 470 %). Auskünfte sind gebührenfrei.',
          en: 'The amount is base amount times local rate (Lindenau 2026: property tax B 470 %). Information is free.',
        },
        amountCents: null,
      },
    ],
    processingTime: {
      de: 'Fragen zum Bescheid beantworten wir meist innerhalb einer Woche.',
      en: 'We usually answer questions about your notice within a week.',
    },
    deadlines: {
      de: 'Fällig am 15. Februar, 15. Mai, 15. August und 15. November; Jahreszahlung auf Antrag am 1. Juli (Antrag bis 30. September des Vorjahres). Widerspruch gegen den Bescheid der Gemeinde: innerhalb eines Monats.',
      en: 'Due on 15 February, 15 May, 15 August and 15 November; annual payment on 1 July on request (apply by 30 September of the previous year). Objection to the municipal notice: within one month.',
    },
    legalBasis: ['§§ 25, 27, 28 GrStG', '§ 9 GrStG', 'Sächsisches Grundsteuermesszahlengesetz (SächsGrStMG)'],
    officeId: 'steueramt',
    categoryId: 'steuern',
    lifeSituationIds: ['bauen'],
    keywords: [
      'Grundsteuer',
      'Grundsteuerbescheid',
      'Hebesatz',
      'Grundstück',
      'Haus kaufen',
      'Eigentum',
      'Grundsteuerreform',
      'property tax',
      'land tax',
      'house purchase',
      'tax notice',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'sepa-lastschriftmandat',
    leikaKey: '99102020001000',
    name: { de: 'Lastschrift für Gemeindesteuern erteilen', en: 'Set up direct debit for local taxes' },
    shortText: {
      de: 'Mit einem SEPA-Lastschriftmandat zieht die Gemeinde Grund- und Hundesteuer pünktlich von Ihrem Konto ein.',
      en: 'With a SEPA direct debit mandate the municipality collects property and dog tax from your account on time.',
    },
    longText: {
      de: 'Wenn Sie der Gemeinde ein SEPA-Lastschriftmandat erteilen, buchen wir Grundsteuer, Hundesteuer und andere regelmäßige Abgaben zum Fälligkeitstag ab. So vermeiden Sie Mahngebühren und Säumniszuschläge. Das Mandat gilt für alle Bescheide mit demselben Kassenzeichen, bis Sie es widerrufen. Eine Lastschrift können Sie innerhalb von acht Wochen bei Ihrer Bank zurückgeben. Ändert sich Ihre Bankverbindung, erteilen Sie bitte ein neues Mandat.',
      en: 'If you give the municipality a SEPA direct debit mandate, we collect property tax, dog tax and other regular charges on the due date. This avoids reminder fees and late-payment surcharges. The mandate applies to all notices with the same payment reference until you revoke it. You can have a debit reversed by your bank within eight weeks. If your bank details change, please give a new mandate.',
    },
    requiredDocuments: [
      {
        de: 'IBAN und Name der Kontoinhaberin oder des Kontoinhabers',
        en: 'IBAN and name of the account holder',
      },
      { de: 'Kassenzeichen aus Ihrem Steuerbescheid', en: 'Payment reference from your tax notice' },
    ],
    prerequisites: [
      {
        de: 'Das Mandat muss von der Kontoinhaberin oder dem Kontoinhaber unterschrieben werden.',
        en: 'The mandate must be signed by the account holder.',
      },
    ],
    fees: [{ description: { de: 'Gebührenfrei', en: 'Free of charge' }, amountCents: 0 }],
    processingTime: {
      de: 'Ab der nächsten Fälligkeit, wenn das Mandat mindestens zwei Wochen vorher vorliegt',
      en: 'From the next due date if we receive the mandate at least two weeks before',
    },
    legalBasis: ['§ 3 SächsKAG i. V. m. § 224 AO'],
    officeId: 'steueramt',
    categoryId: 'steuern',
    lifeSituationIds: ['umzug', 'hund'],
    keywords: [
      'Lastschrift',
      'SEPA',
      'Einzugsermächtigung',
      'Bankverbindung',
      'Abbuchung',
      'Mahnung vermeiden',
      'direct debit',
      'SEPA mandate',
      'bank details',
      'automatic payment',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
];
