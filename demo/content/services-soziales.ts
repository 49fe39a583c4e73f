import { SEEDED_AT, type SeedService } from './ids.js';

/** Social support: applications the Bürgerbüro takes and passes on to the responsible body. */
export const sozialServices: SeedService[] = [
  {
    id: 'wohngeld',
    leikaKey: '99107023037000',
    name: { de: 'Wohngeld beantragen', en: 'Apply for housing benefit' },
    shortText: {
      de: 'Wohngeld ist ein Zuschuss zur Miete oder zu den Kosten für selbst genutztes Wohneigentum für Haushalte mit geringem Einkommen.',
      en: 'Housing benefit is a subsidy towards rent or the costs of a home you own, for households with a low income.',
    },
    longText: {
      de: 'Wohngeld bekommen Haushalte, deren Einkommen zwar für den Lebensunterhalt reicht, aber nicht gut für die Wohnkosten – zum Beispiel Familien mit kleinem Einkommen, Rentnerinnen und Rentner oder Auszubildende, die kein BAföG erhalten. Als Mietzuschuss hilft es Mieterinnen und Mietern, als Lastenzuschuss Eigentümerinnen und Eigentümern. Wie viel Sie bekommen, hängt von der Zahl der Haushaltsmitglieder, dem Einkommen und der Miete ab; der Wohngeldrechner des Bundes gibt eine erste Schätzung. Das Bürgerbüro hilft Ihnen beim Ausfüllen, prüft die Unterlagen auf Vollständigkeit und leitet den Antrag an die Wohngeldbehörde des Landratsamts weiter. Wohngeld gibt es erst ab dem Monat, in dem der Antrag eingeht – stellen Sie ihn deshalb so früh wie möglich, Unterlagen können Sie nachreichen.',
      en: 'Housing benefit is for households whose income covers their living costs but not their housing costs well – for example families on a low income, pensioners or trainees who do not receive BAföG. As a rent subsidy it helps tenants; as a burden subsidy it helps owners. The amount depends on the number of household members, income and rent; the federal housing benefit calculator gives a first estimate. The Citizens’ Office helps you fill in the form, checks that the documents are complete and forwards the application to the housing benefit authority at the district office. Housing benefit is only paid from the month in which the application arrives – so apply as early as possible; you can hand in documents later.',
    },
    requiredDocuments: [
      { de: 'Personalausweis oder Reisepass', en: 'ID card or passport' },
      {
        de: 'Mietvertrag und Mietbescheinigung des Vermieters (bei Eigentum: Nachweise über die Belastungen)',
        en: 'Tenancy agreement and landlord’s rent certificate (for owners: proof of housing costs)',
      },
      {
        de: 'Einkommensnachweise aller Haushaltsmitglieder der letzten zwölf Monate (Lohn, Rente, Unterhalt, Elterngeld)',
        en: 'Proof of income of all household members for the last twelve months (wages, pension, maintenance, parental allowance)',
      },
      { de: 'Kontoverbindung (IBAN)', en: 'Bank details (IBAN)' },
    ],
    prerequisites: [
      {
        de: 'Sie erhalten kein Bürgergeld, keine Grundsicherung und keine andere Leistung, in der die Wohnkosten schon enthalten sind.',
        en: 'You do not receive citizen’s income, basic income support or another benefit that already covers housing costs.',
      },
      { de: 'Die Wohnung ist Ihr Hauptwohnsitz.', en: 'The home is your main residence.' },
    ],
    fees: [{ description: { de: 'Gebührenfrei', en: 'Free of charge' }, amountCents: 0 }],
    processingTime: {
      de: 'Etwa sechs bis zehn Wochen nach Eingang der vollständigen Unterlagen',
      en: 'About six to ten weeks after all documents have been received',
    },
    deadlines: {
      de: 'Wohngeld wird ab dem Antragsmonat gezahlt, nicht rückwirkend. Einen Weiterleistungsantrag stellen Sie zwei Monate vor Ablauf des Bewilligungszeitraums.',
      en: 'Housing benefit is paid from the month of application, not retroactively. Apply for continued payment two months before the approval period ends.',
    },
    legalBasis: ['Wohngeldgesetz (WoGG)', '§ 22 WoGG', '§ 25 WoGG', '§ 16 SGB I'],
    officeId: 'buergerbuero',
    categoryId: 'soziales',
    lifeSituationIds: ['ruhestand', 'geburt', 'umzug'],
    keywords: [
      'Wohngeld',
      'Mietzuschuss',
      'Lastenzuschuss',
      'Miete zu hoch',
      'Zuschuss Miete',
      'Wohngeld Plus',
      'housing benefit',
      'rent subsidy',
      'help with rent',
      'low income',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'kita-platz',
    leikaKey: '99051009001000',
    name: { de: 'Kita-Platz anmelden', en: 'Apply for a childcare place' },
    shortText: {
      de: 'Melden Sie Ihr Kind für Krippe, Kindergarten, Hort oder Kindertagespflege in Lindenau an – am besten sechs Monate vorher.',
      en: 'Register your child for nursery, kindergarten, after-school care or a childminder in Lindenau – ideally six months ahead.',
    },
    longText: {
      de: 'Jedes Kind hat ab dem ersten Geburtstag bis zum Schuleintritt einen Rechtsanspruch auf einen Platz in einer Kindertageseinrichtung oder bei einer Tagesmutter oder einem Tagesvater. Lindenau hat zwei Kitas und einen Hort an der Grundschule; die Gemeinde führt eine gemeinsame Vormerkliste. Geben Sie bei der Anmeldung den gewünschten Beginn, den Betreuungsumfang (z. B. sechs oder neun Stunden) und bis zu zwei Wunscheinrichtungen an. Sobald ein Platz frei ist, erhalten Sie ein Angebot und schließen den Betreuungsvertrag direkt mit der Einrichtung. Vor der Aufnahme muss nachgewiesen werden, dass Ihr Kind gegen Masern geimpft oder immun ist.',
      en: 'Every child has a legal right to a place in a day-care centre or with a childminder from their first birthday until they start school. Lindenau has two day-care centres and an after-school club at the primary school; the municipality keeps a joint waiting list. When registering, state the desired start date, the hours of care (e.g. six or nine hours) and up to two preferred facilities. As soon as a place is free you receive an offer and sign the care contract directly with the facility. Before admission you must show that your child is vaccinated against or immune to measles.',
    },
    requiredDocuments: [
      { de: 'Geburtsurkunde oder Ausweis des Kindes', en: 'Child’s birth certificate or ID' },
      {
        de: 'Nachweis über den Masernschutz (Impfausweis)',
        en: 'Proof of measles protection (vaccination record)',
      },
      {
        de: 'Für einen Platz vor dem ersten Geburtstag: Nachweis über Berufstätigkeit, Ausbildung oder besonderen Bedarf',
        en: 'For a place before the first birthday: proof of employment, training or special need',
      },
    ],
    prerequisites: [
      {
        de: 'Das Kind hat seinen Hauptwohnsitz in Lindenau.',
        en: 'The child’s main residence is in Lindenau.',
      },
    ],
    fees: [
      {
        description: { de: 'Die Anmeldung ist gebührenfrei.', en: 'Registration is free of charge.' },
        amountCents: 0,
      },
      {
        description: {
          de: 'Elternbeitrag nach Satzung, abhängig von Alter und Betreuungszeit; Ermäßigungen für Geschwister und Alleinerziehende',
          en: 'Parental contribution under the bylaw, depending on age and hours; reductions for siblings and single parents',
        },
        amountCents: null,
      },
    ],
    processingTime: {
      de: 'Ein Platzangebot erhalten Sie in der Regel drei Monate vor dem gewünschten Beginn.',
      en: 'You usually receive an offer three months before the desired start.',
    },
    deadlines: {
      de: 'Bitte spätestens sechs Monate vor dem gewünschten Betreuungsbeginn anmelden.',
      en: 'Please register at least six months before the desired start.',
    },
    legalBasis: ['§ 24 SGB VIII', '§ 20 Abs. 9 IfSG', 'SächsKitaG', 'Kita-Satzung der Gemeinde Lindenau'],
    officeId: 'buergerbuero',
    categoryId: 'familie',
    lifeSituationIds: ['geburt', 'umzug'],
    keywords: [
      'Kita',
      'Kindergarten',
      'Krippe',
      'Hort',
      'Tagesmutter',
      'Kinderbetreuung',
      'Betreuungsplatz',
      'Elternbeitrag',
      'childcare',
      'nursery',
      'kindergarten',
      'daycare',
      'childminder',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'rentenantrag',
    leikaKey: '99063001001000',
    name: {
      de: 'Rentenantrag stellen – mit Hilfe der Gemeinde',
      en: 'Apply for your pension – with help from the municipality',
    },
    shortText: {
      de: 'Das Bürgerbüro nimmt Ihren Antrag auf Altersrente, Erwerbsminderungs- oder Hinterbliebenenrente auf und leitet ihn an die Rentenversicherung weiter.',
      en: 'The Citizens’ Office takes your application for an old-age, disability or survivor’s pension and forwards it to the pension insurance.',
    },
    longText: {
      de: 'Eine Rente wird nur auf Antrag gezahlt. Jede Gemeinde nimmt Rentenanträge entgegen; im Bürgerbüro füllen wir den Antrag mit Ihnen gemeinsam aus und senden ihn mit Ihren Nachweisen an die Deutsche Rentenversicherung. Stellen Sie den Antrag etwa drei Monate vor dem gewünschten Rentenbeginn, damit die Rente ohne Lücke gezahlt wird. Prüfen Sie vorher Ihren Versicherungsverlauf: Fehlen Zeiten, etwa für Kindererziehung, Ausbildung oder Arbeitslosigkeit, bringen Sie bitte Nachweise mit. Nach dem Tod eines Ehepartners hilft das Bürgerbüro auch beim Antrag auf Witwen- oder Witwerrente; dafür braucht es die Sterbeurkunde.',
      en: 'A pension is only paid on application. Every municipality accepts pension applications; at the Citizens’ Office we fill in the form together with you and send it with your documents to the German Pension Insurance. Apply about three months before the desired start of your pension so that it is paid without a gap. Check your insurance record beforehand: if periods are missing, such as child-raising, education or unemployment, please bring proof. After the death of a spouse the Citizens’ Office also helps with the application for a widow’s or widower’s pension; for this you need the death certificate.',
    },
    requiredDocuments: [
      { de: 'Personalausweis oder Reisepass', en: 'ID card or passport' },
      {
        de: 'Rentenversicherungsnummer und Versicherungsverlauf',
        en: 'Pension insurance number and insurance record',
      },
      {
        de: 'Steuer-Identifikationsnummer und Kontoverbindung (IBAN)',
        en: 'Tax ID number and bank details (IBAN)',
      },
      {
        de: 'Angaben zur Krankenversicherung; Geburtsurkunden der Kinder für Kindererziehungszeiten',
        en: 'Health insurance details; children’s birth certificates for child-raising periods',
      },
    ],
    prerequisites: [
      {
        de: 'Sie erfüllen die Voraussetzungen für eine Rente, z. B. die Altersgrenze und die Wartezeit.',
        en: 'You meet the conditions for a pension, e.g. the age limit and the minimum insurance period.',
      },
    ],
    fees: [{ description: { de: 'Gebührenfrei', en: 'Free of charge' }, amountCents: 0 }],
    processingTime: {
      de: 'Die Rentenversicherung entscheidet meist innerhalb von sechs bis acht Wochen.',
      en: 'The pension insurance usually decides within six to eight weeks.',
    },
    deadlines: {
      de: 'Etwa drei Monate vor dem gewünschten Rentenbeginn; wer später als drei Monate nach Erfüllung der Voraussetzungen beantragt, bekommt die Rente erst ab dem Antragsmonat.',
      en: 'About three months before the desired start; if you apply later than three months after meeting the conditions, the pension only starts from the month of application.',
    },
    legalBasis: ['§ 16 Abs. 1 SGB I', '§ 99 SGB VI', '§ 115 SGB VI'],
    officeId: 'buergerbuero',
    categoryId: 'soziales',
    lifeSituationIds: ['ruhestand', 'todesfall'],
    keywords: [
      'Rente',
      'Rentenantrag',
      'Altersrente',
      'Witwenrente',
      'Erwerbsminderungsrente',
      'Ruhestand',
      'Rentenversicherung',
      'pension',
      'retirement',
      'apply for pension',
      'widow’s pension',
    ],
    formId: null,
    updatedAt: SEEDED_AT,
  },
];
